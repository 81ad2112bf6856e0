/**
 * What an evaluation answers: the contract with every caller (library, CLI, HTTP). Field names
 * follow the county data feed's required result fields.
 */
import type { Diagnostic, Localized, Modality, RuleInfo } from "@remit/lang";

export type { Modality };
export type RuleKind = RuleInfo["kind"];
/**
 * `missed`: a recurring duty's period passed its due date unmet; a later act belongs to a later
 * period, so it shows the due date and no growing count of overdue days. `violated`: what a
 * `must not` duty forbids happened (on `violatedOn` when the policy gives its date).
 */
export type DutyStatus = "met" | "pending" | "due-soon" | "overdue" | "missed" | "violated" | "advisory";
/** The name of an escalation level (`grid`, `township`): the policy's own, so not a closed set. */
export type LevelName = string;
/** An escalation's status is the name of the level reached, or `closed`. */
export type EscalationStatus = "closed" | LevelName;
export type AccountabilityStatus = "triggered";
/**
 * The statuses the engine itself names, whatever the policy: a renderer words each of these (a
 * `Record<FixedStatus, …>` table), and shows a level by its name.
 */
export type FixedStatus = DutyStatus | "closed" | AccountabilityStatus;
export type FindingStatus = FixedStatus | LevelName;

export interface SubjectRef {
  /** A collection name, or a top-level record's name (then `id` is the record's `id` field). */
  readonly collection: string;
  readonly id: string;
  /** What people call it, where the collection names its elements (`named venue.name`). */
  readonly name?: string;
}

/** One decided condition: what was tested, the values that decided it, and whether it held. */
export interface Because {
  /** The condition as written in the policy source (`h.listedOn is set`). */
  readonly test: string;
  /** The value it evaluated to (`true`, `false`, a date, a number, null). */
  readonly value: JsonValue;
  /** The fact values the test read, by path (`h.listedOn` → `"2026-10-20"`). */
  readonly values?: Readonly<Record<string, JsonValue>>;
  readonly because?: readonly Because[];
}

export interface Explanation {
  /** Whether the rule's requirement (duty), threshold (escalation) or trigger held. */
  readonly holds: boolean;
  readonly because: readonly Because[];
  /** For an unmet duty: what is still missing, in both languages. */
  readonly missing?: readonly Localized[];
  /**
   * The explanation in sentences, for people, in both languages: what the rule requires and how
   * its date was derived, what the facts show, what is missing; one sentence per line, worded
   * with the policy's own labels (see `explain/sentences.ts`). The engine always sets it; it is
   * optional so that findings made by hand (test fixtures, imported records) need not word one.
   */
  readonly text?: Localized;
  /** What the engine could not judge, as in the finding's `warnings`. */
  readonly warnings?: readonly Localized[];
}

/**
 * Something the engine could not judge for a finding and would not guess: a date outside the
 * years the policy's calendar covers (`calendar-not-covering`).
 */
export interface FindingWarning {
  readonly code: "calendar-not-covering";
  readonly message: Localized;
}

export interface Finding {
  readonly rule: string;
  readonly title: string;
  readonly kind: RuleKind;
  readonly modality: Modality;
  readonly status: FindingStatus;
  readonly subject: SubjectRef;
  /**
   * The id of the group this finding belongs to — the element of the collection the policy groups
   * by (`group by townships`) that its subject leads to — when it leads to one.
   */
  readonly group?: string;
  readonly holder?: string;
  /** Duties: the deadline (ISO date). */
  readonly due?: string;
  /** Recurring duties: the period judged, e.g. `2026-Q3`, `2026-07`, `2026`, `2026-W27`. */
  readonly period?: string;
  /** Duties: the day the requirement was met, where the facts tell. */
  readonly metOn?: string;
  /** Prohibitions (`must not`): the day the forbidden thing happened, where the facts tell. */
  readonly violatedOn?: string;
  /** Duties met after their due date. */
  readonly late?: boolean;
  /**
   * Overdue duties (not missed periods): days past due as at the evaluation date, in the
   * deadline's unit (working days for a deadline in working days).
   */
  readonly overdueDays?: number;
  /** Escalations: whether the case is past its overdue date. */
  readonly overdue?: boolean;
  /** Escalations: the date each level was reached, lowest first. */
  readonly reached?: Readonly<Record<string, string>>;
  /** Escalations: the day the case was closed. */
  readonly closedOn?: string;
  /** Accountability: who is held to account. */
  readonly targets?: readonly string[];
  /** Accountability: the causes that held. */
  readonly causes?: readonly string[];
  /** Accountability: the date the conditions were judged at. */
  readonly asAt?: string;
  readonly cites: readonly string[];
  /** Duties: what could not be judged (a date the calendar does not cover). */
  readonly warnings?: readonly FindingWarning[];
  readonly explanation: Explanation;
}

/**
 * What identifies a finding across evaluations of the same policy: its rule, subject and period.
 * Two findings with the same key judge the same thing (possibly with different outcomes).
 * @example
 * ```ts
 * import { compile, findingKey } from "@remit/engine";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const facts = { hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
 * const outcome = compiled.policy.evaluate(facts, { asOf: "2026-10-20" });
 * if ("errors" in outcome) throw new Error("the facts are rejected");
 * const [finding] = outcome.result.findings;
 * if (finding) console.log(findingKey(finding).split("\u0000")); // [ 'listing', 'hazards', 'H1', '' ]
 * ```
 */
export function findingKey(f: Finding): string {
  return `${f.rule}\u0000${f.subject.collection}\u0000${f.subject.id}\u0000${f.period ?? ""}`;
}

export interface Summary {
  readonly total: number;
  /**
   * Per kind, per status → count: `byKind.duty.overdue`; escalations per rule and level,
   * `byKind.escalation["general-hazard-ladder:county"]` (see `statusKeyOf`).
   */
  readonly byKind: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Per group id (findings in no group, or every finding when the policy declares no grouping,
   * are under `""`), per kind and status → count: `byGroup.T01["duty:overdue"]`,
   * `byGroup.T01["escalation:general-hazard-ladder:county"]` (see `summaryKeyOf`); each group's
   * counts add up to its findings.
   */
  readonly byGroup: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface EvaluationResult {
  readonly policy: { readonly name: string; readonly version: string | null; readonly hash: string };
  readonly asOf: string;
  /** The parameter values used (defaults merged with overrides). */
  readonly params: Readonly<Record<string, JsonValue>>;
  /** Stable order: by rule (policy order), then subject id, then period. */
  readonly findings: readonly Finding[];
  readonly summary: Summary;
}

/** A rejected facts document or parameter: the JSON path and what was expected. */
export interface FactError {
  /** JSON path, e.g. `hazards[0].venueId` or `params.gridDays`. */
  readonly path: string;
  readonly code: string;
  readonly message: Localized;
}

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

export type CompileOutcome<P> =
  | { readonly policy: P; readonly diagnostics: readonly Diagnostic[] }
  | { readonly diagnostics: readonly Diagnostic[] };

export type EvaluateOutcome =
  | { readonly result: EvaluationResult }
  | { readonly errors: readonly FactError[] };
