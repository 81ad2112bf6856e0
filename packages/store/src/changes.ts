/**
 * What changed between two evaluations of one policy, as an officer reads it: duties newly
 * overdue, problems resolved, escalations that climbed a level, accountability newly triggered.
 * Pure: two findings lists in, changes out (in the order of the later list).
 */
import { type Finding, type FindingStatus, findingKey, type SubjectRef } from "@remit/engine";

export type ChangeKind = "newly-overdue" | "resolved" | "escalated" | "accountability-triggered";

export interface Change {
  readonly kind: ChangeKind;
  readonly rule: string;
  readonly subject: SubjectRef;
  readonly period: string | undefined;
  /** The status in the earlier evaluation; `undefined` when it did not judge this. */
  readonly before: FindingStatus | undefined;
  readonly after: FindingStatus;
  /** The finding in the later evaluation (holder, due date, explanation). */
  readonly finding: Finding;
}

/**
 * Whether a finding reports something late: a duty past its due date (`overdue`), or an
 * escalation case past its overdue date and not closed.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { isOverdue } from "@remit/store";
 * const compiled = compile(`policy "listing" version "1.0"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const hazards = [
 *   { id: "H1", foundOn: "2026-10-01", listedOn: null },
 *   { id: "H2", foundOn: "2026-10-02", listedOn: "2026-10-05" },
 * ];
 * const outcome = compiled.policy.evaluate({ hazards }, { asOf: "2026-10-20" });
 * if ("errors" in outcome) throw new Error("the facts are rejected");
 * console.log(outcome.result.findings.map((f) => `${f.subject.id} ${isOverdue(f)}`)); // [ 'H1 true', 'H2 false' ]
 * ```
 */
export function isOverdue(finding: Finding): boolean {
  switch (finding.kind) {
    case "duty":
      return finding.status === "overdue";
    case "escalation":
      return finding.status !== "closed" && finding.overdue === true;
    case "accountability":
      return false;
    default:
      return finding.kind satisfies never;
  }
}

/** How many levels an escalation case has reached (its `reached` dates, lowest level first). */
function levelsReached(finding: Finding): number {
  return Object.keys(finding.reached ?? {}).length;
}

/** Whether the later finding puts an end to what the earlier one reported as a problem. */
function resolves(before: Finding, after: Finding): boolean {
  switch (after.kind) {
    case "duty":
      return isOverdue(before) && after.status === "met";
    case "escalation":
      return before.status !== "closed" && after.status === "closed";
    case "accountability":
      return false;
    default:
      return after.kind satisfies never;
  }
}

/** The changes of one finding, judged by the earlier evaluation (`before`) and the later one. */
function changesOf(before: Finding | undefined, after: Finding): ChangeKind[] {
  const kinds: ChangeKind[] = [];
  if (isOverdue(after) && (before === undefined || !isOverdue(before))) kinds.push("newly-overdue");
  if (before !== undefined && resolves(before, after)) kinds.push("resolved");
  if (
    after.kind === "escalation" &&
    before !== undefined &&
    before.status !== "closed" &&
    after.status !== "closed" &&
    levelsReached(after) > levelsReached(before)
  ) {
    kinds.push("escalated");
  }
  if (after.kind === "accountability" && after.status === "triggered" && before?.status !== "triggered") {
    kinds.push("accountability-triggered");
  }
  return kinds;
}

/**
 * The changes from `before` to `after` (two evaluations of the same policy). Findings are matched
 * by rule, subject and period. A finding only in `before` (its subject left the facts) yields no
 * change; one only in `after` can be newly overdue or newly triggered, but not escalated (a new
 * case starts at its level) nor resolved.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { diffFindings } from "@remit/store";
 * const compiled = compile(`policy "listing" version "1.0"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const findingsOn = (asOf: string, listedOn: string | null) => {
 *   const outcome = compiled.policy.evaluate({ hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn }] }, { asOf });
 *   if ("errors" in outcome) throw new Error("the facts are rejected");
 *   return outcome.result.findings;
 * };
 * const week1 = findingsOn("2026-10-05", null);
 * const week3 = findingsOn("2026-10-20", null);
 * const week4 = findingsOn("2026-10-27", "2026-10-22");
 * const [late] = diffFindings(week1, week3);
 * console.log(late?.kind, late?.subject.id, late?.before, late?.after); // newly-overdue H1 due-soon overdue
 * console.log(diffFindings(week3, week4).map((c) => c.kind)); // [ 'resolved' ]
 * ```
 */
export function diffFindings(before: readonly Finding[], after: readonly Finding[]): readonly Change[] {
  const earlier = new Map(before.map((finding) => [findingKey(finding), finding]));
  const changes: Change[] = [];
  for (const finding of after) {
    const previous = earlier.get(findingKey(finding));
    for (const kind of changesOf(previous, finding)) {
      changes.push({
        kind,
        rule: finding.rule,
        subject: finding.subject,
        period: finding.period,
        before: previous?.status,
        after: finding.status,
        finding,
      });
    }
  }
  return changes;
}
