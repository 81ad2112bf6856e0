export { type AnalyzeResult, analyze } from "./analyze.js";
export { type CheckResult, check } from "./check.js";
export { notJudgedLines } from "./lints.js";
export type {
  AccountabilityInfo,
  CheckedPolicy,
  CheckOptions,
  ClauseInfo,
  CollectionInfo,
  DefineInfo,
  DutyInfo,
  EscalationInfo,
  FieldInfo,
  GroupingInfo,
  InverseInfo,
  ParamInfo,
  PolicyInfo,
  RecordInfo,
  ReferenceInfo,
  Resolution,
  RuleInfo,
  Type,
} from "./model.js";
export {
  checkedFormatVersion,
  type DeserializeError,
  type DeserializeOptions,
  deserializeChecked,
  serializeChecked,
} from "./serialize.js";
export { displayType } from "./types.js";
