export {
  addDays,
  addMonths,
  builtInCalendars,
  type Calendar,
  type CalendarData,
  type CalendarDays,
  calendarIndex,
  computeDeadline,
  daysBetween,
  type EpochDay,
  formatIsoDate,
  isIsoDate,
  type Period,
  type PeriodUnit,
  parseCalendar,
  parseIsoDate,
  periodOf,
  periodsBetween,
  withCalendarDays,
} from "./calendar/index.js";
export {
  builtinImplementations,
  type CalendarState,
  type Duration,
  type Implementation,
  noCalendar,
  parseDuration,
  sha256Hex,
  type Value,
} from "./compile/index.js";
export { statusKeyOf, summaryKeyOf } from "./evaluate/index.js";
export {
  findingStatusWords,
  isFixedStatus,
  modalityWords,
  periodWords,
  renderExplanation,
  statusNames,
  statusWord,
  subjectWords,
  valueWords,
} from "./explain/index.js";
export { type FactsSchema, factsSchema } from "./facts/index.js";
export {
  type FactsDraft,
  type FindingsDiff,
  Session,
  type UpdateOutcome,
  type UpdateStats,
} from "./incremental/index.js";
export {
  DEFAULT_EVALUATION_LIMITS,
  type EvaluationLimitCode,
  type EvaluationLimits,
  isLimitError,
  maxErrorsPerAnswer,
} from "./limits.js";
export {
  type ParamOverrides,
  type ParamSummary,
  type ParamValues,
  paramFromJson,
  resolveParams,
} from "./parameters.js";
export {
  type CompileInput,
  type CompileOptions,
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
  FindingWarning,
  FixedStatus,
  JsonValue,
  LevelName,
  Modality,
  RuleKind,
  SubjectRef,
  Summary,
} from "./result.js";
export { findingKey } from "./result.js";
