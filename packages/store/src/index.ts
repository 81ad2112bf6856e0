export { type Change, type ChangeKind, diffFindings, isOverdue } from "./changes.js";
export { type Migration, migrations } from "./migrations.js";
export type {
  Changes,
  ChangesSinceQuery,
  EvaluationRecord,
  EvaluationToRecord,
  JudgedQuery,
  Judgement,
  PolicyRef,
  PolicySource,
  Range,
  RecordedPolicy,
  RecordFilter,
  RecordId,
  RecordPage,
  RecordSummary,
  StatusCounts,
  StatusOn,
  StatusOnQuery,
  StoreError,
  StoreErrorCode,
  StoreOutcome,
} from "./records.js";
export type { Backend } from "./sql.js";
export { openStore, type Store, type StoreOptions } from "./store.js";
export { openStoreThread } from "./thread.js";
