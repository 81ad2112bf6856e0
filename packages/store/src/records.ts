/** What the store keeps and answers: the shapes of its public API. */
import type { Finding, JsonValue, PolicyLabels, SubjectRef } from "@remit/engine";
import type { Localized } from "@remit/lang";
import type { Change } from "./changes.js";

/** A record's id: decimal digits, increasing in the order records were appended. */
export type RecordId = string;

/** One file of the policy: its path relative to the policy's entry, and the hash of its text. */
export interface PolicySource {
  readonly path: string;
  readonly hash: string;
}

export interface PolicyRef {
  readonly name: string;
  readonly version: string | null;
  /** The path-independent hash of the policy's sources. */
  readonly hash: string;
}

export interface RecordedPolicy extends PolicyRef {
  readonly sources: readonly PolicySource[];
  /**
   * The policy's labels for its subjects and escalation levels (`policyLabels`), so that the
   * record's findings read as the policy worded them, whatever its text says later. Absent in
   * records made before labels were kept: readers then name subjects and levels by their ids.
   */
  readonly labels?: PolicyLabels;
}

/**
 * One evaluation to record. An `EvaluationResult` spreads into it; the caller adds what the
 * engine does not know (request id, facts hash, policy sources).
 */
export interface EvaluationToRecord {
  readonly requestId: string;
  /** When the evaluation was answered (ISO instant); the store's clock when left out. */
  readonly recordedAt?: string;
  readonly policy: RecordedPolicy;
  readonly factsHash: string;
  /** The evaluation date (ISO date). */
  readonly asOf: string;
  readonly params: Readonly<Record<string, JsonValue>>;
  readonly findings: readonly Finding[];
}

/** Findings by status: `overdue` → 3. */
export type StatusCounts = Readonly<Record<string, number>>;

export interface RecordSummary {
  readonly id: RecordId;
  /** ISO instant, UTC, millisecond precision. */
  readonly recordedAt: string;
  readonly requestId: string;
  readonly policy: PolicyRef;
  readonly factsHash: string;
  readonly asOf: string;
  readonly counts: StatusCounts;
  readonly findingCount: number;
}

export interface EvaluationRecord extends Omit<RecordSummary, "policy"> {
  readonly policy: RecordedPolicy;
  readonly params: Readonly<Record<string, JsonValue>>;
  /** In the order the evaluation gave them. */
  readonly findings: readonly Finding[];
}

/** Inclusive bounds; either may be left out. */
export interface Range {
  readonly from?: string;
  readonly to?: string;
}

export interface RecordFilter {
  readonly policy?: string;
  /** Only records with a finding about this subject. */
  readonly subject?: SubjectRef;
  /** Evaluation dates (ISO dates), inclusive. */
  readonly asOf?: Range;
  /** Recording times (ISO instants), inclusive. */
  readonly recorded?: Range;
  /** Page size, 1 to 500; 50 when left out. */
  readonly limit?: number;
  /** The `next` of the previous page. */
  readonly cursor?: string;
}

export interface RecordPage {
  /** Newest first: by recording time, then by id. */
  readonly records: readonly RecordSummary[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  readonly next?: string;
}

/** One duty (or escalation, or accountability rule) of one subject. */
export interface JudgedQuery {
  readonly rule: string;
  readonly subject: SubjectRef;
  /** For recurring duties: one period only. */
  readonly period?: string;
  readonly policy?: string;
}

/** One evaluation's word on a rule for a subject. */
export interface Judgement {
  readonly record: RecordSummary;
  /** Status, holder, due date and explanation as that evaluation gave them. */
  readonly finding: Finding;
}

export interface StatusOnQuery extends JudgedQuery {
  /** The date asked about (ISO date). */
  readonly on: string;
  /** Only records recorded at or before this instant: what the store knew then. */
  readonly knownAt?: string;
}

export interface StatusOn {
  /** The evaluation that answers, with the policy version it ran. */
  readonly record: RecordSummary;
  /** That evaluation's findings for the rule and subject (one per period for recurring duties). */
  readonly findings: readonly Finding[];
  /** Whether any of them was overdue (see `isOverdue`). */
  readonly overdue: boolean;
}

export interface ChangesSinceQuery {
  readonly policy: string;
  /** ISO instant: the baseline is the latest record of the policy recorded at or before it. */
  readonly since: string;
  /** ISO instant: compare with the latest record at or before it; the latest of all when absent. */
  readonly until?: string;
}

export interface Changes {
  /** The earlier evaluation; absent when there was none (then every finding is new). */
  readonly before?: RecordSummary;
  readonly after: RecordSummary;
  readonly changes: readonly Change[];
  /**
   * The later evaluation's policy labels, which word its findings (and so the changes); absent
   * when that record was made before labels were kept.
   */
  readonly labels?: PolicyLabels;
}

export type StoreErrorCode = "invalid-input" | "not-found" | "newer-schema" | "unavailable" | "database";

export interface StoreError {
  readonly code: StoreErrorCode;
  readonly message: Localized;
  /** The driver's own message, for logs. */
  readonly detail?: string;
}

/** Every store operation answers a value or an error, and never throws. */
export type StoreOutcome<T> = { readonly value: T } | { readonly error: StoreError };
