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

/** Asserts that no finding of the result matches `pattern`; the error lists those that do. */
export function expectNoFinding(result: ResultLike, pattern: FindingPattern): void {
  const found = search(findingsOf(result), pattern);
  if (found.matches.length > 0) throw new FindingAssertionError(unexpectedMessage(pattern, found.matches));
}

/**
 * Runs the same expectations at each evaluation date. Every date runs even when an earlier one
 * fails; the error then names each failing date with its own message.
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
