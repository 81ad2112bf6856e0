/**
 * `@remit/engine/runtime`: the engine without the policy parser and checker, for browsers. It
 * evaluates policies compiled ahead of time (`serializePolicy`, read back by
 * {@link loadPolicy}) exactly as the full entry `@remit/engine` evaluates policy text, which
 * re-exports all of this beside `compile`.
 * @packageDocumentation
 */
export {
  addDays,
  addMonths,
  builtInCalendars,
  type Calendar,
  type CalendarAnswer,
  type CalendarData,
  type CalendarDayLabels,
  type CalendarDays,
  type CalendarIndex,
  type CalendarOutcome,
  type CalendarYearData,
  type CountUnit,
  calendarIndex,
  computeDeadline,
  type Deadline,
  type DeadlineSpec,
  type DeadlineStep,
  daysBetween,
  type EpochDay,
  formatIsoDate,
  isIsoDate,
  type PausedInterval,
  type Period,
  type PeriodUnit,
  parseCalendar,
  parseIsoDate,
  periodOf,
  periodsBetween,
  type Uncovered,
  withCalendarDays,
} from "./calendar/index.js";
export {
  type BuiltinImplementation,
  builtinImplementations,
  type CalendarState,
  type Duration,
  type FactObject,
  type Implementation,
  noCalendar,
  parseDuration,
  sha256Hex,
  type Value,
} from "./compile/index.js";
export { statusKeyOf, summaryKeyOf } from "./evaluate/index.js";
export {
  findingFieldWords,
  findingStatusWords,
  isFixedStatus,
  type JudgedStatus,
  type LabelSource,
  modalityWords,
  type PolicyLabels,
  periodWords,
  policyLabels,
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
export { type LoadError, type LoadOptions, type LoadOutcome, loadPolicy } from "./load.js";
export {
  type ParamOverrides,
  type ParamSummary,
  type ParamValues,
  paramFromJson,
  resolveParams,
} from "./parameters.js";
export {
  compileChecked,
  type EvaluateOptions,
  type EvaluationProgress,
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
