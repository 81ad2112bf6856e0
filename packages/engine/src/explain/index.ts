export {
  DeferredFinding,
  deferExplanation,
  type ExplainFinding,
  ExplanationSource,
  settleExplanation,
  sourcesFor,
} from "./lazy.js";
export { isFixedStatus, renderExplanation, statusNames, statusWord } from "./render.js";
export {
  aggregateKeys,
  ConditionExplainer,
  defaultLimits,
  type ExplainLimits,
  type LetScope,
  type SourceText,
  topLevelOperands,
} from "./tree.js";
