export {
  addDays,
  addMonths,
  daysBetween,
  type EpochDay,
  formatIsoDate,
  isIsoDate,
  type Period,
  type PeriodUnit,
  parseIsoDate,
  periodOf,
  periodsBetween,
} from "./calendar/index.js";
export { type Duration, parseDuration, sha256Hex } from "./compile/index.js";
export { renderExplanation, statusNames } from "./explain/index.js";
export { type FactsSchema, factsSchema } from "./facts/index.js";
export {
  type FactsDraft,
  type FindingsDiff,
  Session,
  type UpdateOutcome,
  type UpdateStats,
} from "./incremental/index.js";
export {
  type CompileInput,
  compile,
  compileChecked,
  type EvaluateOptions,
  type ParamSummary,
  type Policy,
  type PolicyInfoSummary,
  type RuleSummary,
} from "./policy.js";
export type {
  Because,
  CompileOutcome,
  DutyStatus,
  EscalationStatus,
  EvaluateOutcome,
  EvaluationResult,
  Explanation,
  FactError,
  Finding,
  FindingStatus,
  JsonValue,
  Modality,
  RuleKind,
  SubjectRef,
  Summary,
} from "./result.js";
export { findingKey } from "./result.js";
