export {
  DeferredFinding,
  deferExplanation,
  type ExplainFinding,
  ExplanationSource,
  settleExplanation,
  sourcesFor,
} from "./lazy.js";
export { renderExplanation, statusNames } from "./render.js";
export {
  aggregateKeys,
  ConditionExplainer,
  defaultLimits,
  type ExplainLimits,
  type LetScope,
  type SourceText,
  topLevelOperands,
} from "./tree.js";
