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
export {
  builtinImplementations,
  type Duration,
  type Implementation,
  parseDuration,
  sha256Hex,
  type Value,
} from "./compile/index.js";
export { isFixedStatus, renderExplanation, statusNames, statusWord } from "./explain/index.js";
export { type FactsSchema, factsSchema } from "./facts/index.js";
export {
  type FactsDraft,
  type FindingsDiff,
  Session,
  type UpdateOutcome,
  type UpdateStats,
} from "./incremental/index.js";
export { DEFAULT_EVALUATION_LIMITS, type EvaluationLimits, maxErrorsPerAnswer } from "./limits.js";
export {
  type ParamOverrides,
  type ParamSummary,
  type ParamValues,
  paramFromJson,
  resolveParams,
} from "./parameters.js";
export {
  type CompileInput,
  compile,
  compileChecked,
  type EvaluateOptions,
  type Policy,
  type PolicyInfoSummary,
  type RuleSummary,
} from "./policy.js";
export type {
  AccountabilityStatus,
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
  FixedStatus,
  JsonValue,
  LevelName,
  Modality,
  RuleKind,
  SubjectRef,
  Summary,
} from "./result.js";
export { findingKey } from "./result.js";
