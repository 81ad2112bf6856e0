/**
 * Scenario assertions that work under any test runner: they throw an `AssertionError` whose
 * message lists the near misses, and whose `actual`/`expected` let a runner print a diff.
 */
import { type Finding, isIsoDate } from "@remit/engine";
import {
  type FindingPattern,
  findingsOf,
  missingMessage,
  projection,
  type ResultLike,
  search,
  shown,
  unexpectedMessage,
} from "./match.js";

/**
 * The error the scenario assertions throw: named `AssertionError`, with `actual` and `expected` for a runner's diff.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { expectFinding, FindingAssertionError } from "@remit/testing";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const facts = { hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
 * const outcome = compiled.policy.evaluate(facts, { asOf: "2026-10-20" });
 * try {
 *   expectFinding(outcome, { subject: "H1", status: "met" });
 * } catch (error) {
 *   if (!(error instanceof FindingAssertionError)) throw error;
 *   console.log(error.name, error.showDiff); // AssertionError true
 *   console.log(error.actual, error.expected); // { subject: 'H1', status: 'overdue' } { subject: 'H1', status: 'met' }
 * }
 * ```
 */
export class FindingAssertionError extends Error {
  override readonly name = "AssertionError";
  readonly actual: unknown;
  readonly expected: unknown;
  readonly showDiff: boolean;

  constructor(message: string, diff?: { readonly actual: unknown; readonly expected: unknown }) {
    super(message);
    this.actual = diff?.actual;
    this.expected = diff?.expected;
    this.showDiff = diff !== undefined;
  }
}

/**
 * Asserts that the result has a finding matching `pattern` and returns the first one. On failure
 * the error lists the findings of the same rule that come closest, field by field.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { expectFinding } from "@remit/testing";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const facts = { hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
 * const outcome = compiled.policy.evaluate(facts, { asOf: "2026-10-20" });
 * const finding = expectFinding(outcome, { rule: "listing", subject: "H1", status: "overdue" });
 * console.log(finding.due, finding.overdueDays); // 2026-10-08 12
 * try {
 *   expectFinding(outcome, { rule: "listing", subject: "H1", due: "2026-10-07" });
 * } catch (error) {
 *   console.log(String(error).split("\n").slice(1).join(" | ")); // near misses: |   listing hazards/H1 status="overdue" due="2026-10-08" overdueDays=12 |     due: expected "2026-10-07", got "2026-10-08"
 * }
 * ```
 */
export function expectFinding(result: ResultLike, pattern: FindingPattern): Finding {
  const findings = findingsOf(result);
  const found = search(findings, pattern);
  const first = found.matches[0];
  if (first !== undefined) return first;
  const nearest = found.near[0];
  throw new FindingAssertionError(
    missingMessage(pattern, findings, found),
    nearest === undefined ? undefined : { actual: projection(nearest.finding, pattern), expected: pattern },
  );
}

/**
 * Asserts that no finding of the result matches `pattern`; the error lists those that do.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { expectNoFinding } from "@remit/testing";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const facts = { hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
 * const outcome = compiled.policy.evaluate(facts, { asOf: "2026-10-20" });
 * expectNoFinding(outcome, { rule: "listing", status: "met" });
 * try {
 *   expectNoFinding(outcome, { rule: "listing", status: "overdue" });
 * } catch (error) {
 *   console.log((error as Error).message.split("\n")[0]); // expected no finding matching {"rule":"listing","status":"overdue"}, found 1:
 * }
 * ```
 */
export function expectNoFinding(result: ResultLike, pattern: FindingPattern): void {
  const found = search(findingsOf(result), pattern);
  if (found.matches.length > 0) throw new FindingAssertionError(unexpectedMessage(pattern, found.matches));
}

/**
 * Runs the same expectations at each evaluation date. Every date runs even when an earlier one
 * fails; the error then names each failing date with its own message.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { atDates, expectFinding } from "@remit/testing";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const facts = { hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
 * const outcome = compiled.policy.evaluate(facts, { asOf: "2026-10-20" });
 * try {
 *   atDates(["2026-10-05", "2026-10-08", "2026-10-09"], (asOf) => {
 *     expectFinding(compiled.policy.evaluate(facts, { asOf }), { subject: "H1", status: "due-soon" });
 *   });
 * } catch (error) {
 *   const lines = (error as Error).message.split("\n");
 *   console.log(lines[0], lines.filter((l) => l.startsWith("at ")).join(" ")); // 1 of 3 dates failed at 2026-10-09:
 * }
 * ```
 */
export function atDates(dates: readonly string[], check: (asOf: string) => void): void {
  if (dates.length === 0) throw new Error("atDates needs at least one date");
  for (const date of dates) if (!isIsoDate(date)) throw new Error(`not a date: "${date}"`);
  const failures: string[] = [];
  for (const date of dates) {
    try {
      check(date);
    } catch (error) {
      const message = error instanceof Error ? error.message : shown(error);
      failures.push(`at ${date}:\n${message.replace(/^/gm, "  ")}`);
    }
  }
  if (failures.length > 0) {
    throw new FindingAssertionError(
      `${failures.length} of ${dates.length} dates failed\n${failures.join("\n")}`,
    );
  }
}
