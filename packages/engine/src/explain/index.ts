export { findingFieldWords } from "./headings.js";
export { type LabelSource, type PolicyLabels, policyLabels } from "./labels.js";
export {
  DeferredFinding,
  deferExplanation,
  type ExplainFinding,
  ExplanationSource,
  settleExplanation,
  sourcesFor,
} from "./lazy.js";
export {
  findingStatusWords,
  isFixedStatus,
  type JudgedStatus,
  renderExplanation,
  statusNames,
  statusWord,
} from "./render.js";
export { modalityWords } from "./sentences.js";
export { type SubjectNamer, subjectNamer, subjectWords } from "./subjects.js";
export {
  aggregateKeys,
  ConditionExplainer,
  defaultLimits,
  type ExplainLimits,
  type LetScope,
  type SourceText,
  topLevelOperands,
} from "./tree.js";
export { periodWords, valueWords } from "./words.js";
