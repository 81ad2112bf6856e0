/**
 * Finding patterns: the fields a scenario cares about, compared with the findings of a result.
 * The one matcher: `remit test`, the scenario corpora and the testing library's assertions all
 * compare through it, so a pattern means the same everywhere.
 */
import type { EvaluateOutcome, EvaluationResult, Explanation, Finding, SubjectRef } from "@remit/engine";

/** Every field optional, all the way down (arrays keep their length, elements go partial). */
export type PartialDeep<T> = T extends readonly (infer E)[]
  ? readonly PartialDeep<E>[]
  : T extends object
    ? { readonly [K in keyof T]?: PartialDeep<T[K]> }
    : T;

type PlainFields = Omit<Finding, "rule" | "subject" | "explanation">;

/**
 * The fields a finding must have. Given fields must equal the finding's (deep equality), with
 * these exceptions: `subject` may be just the id, or part of the subject; `explanation` matches
 * when the given part is contained in it; `null` means the field must be absent; `false` also
 * matches an absent flag (the engine leaves `late: false` out).
 */
export type FindingPattern = {
  readonly rule?: string;
  readonly subject?: string | Partial<SubjectRef>;
  readonly explanation?: PartialDeep<Explanation>;
} & { readonly [K in keyof PlainFields]?: PlainFields[K] | null };

/** What the helpers accept: an evaluation result, or the engine's outcome holding one. */
export type ResultLike = EvaluationResult | EvaluateOutcome;

export interface Mismatch {
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

export interface Search {
  /** The findings the pattern matches, in result order. */
  readonly matches: readonly Finding[];
  /** The findings that do not match, fewest differences first (same rule first when given). */
  readonly near: readonly { readonly finding: Finding; readonly mismatches: readonly Mismatch[] }[];
}

/**
 * The findings of a result; a rejected document is a failure that names the errors.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { findingsOf } from "@remit/app/scenarios";
 * const compiled = compile(`policy "listing"
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
 * console.log(findingsOf(outcome).map((f) => `${f.subject.id} ${f.status}`)); // [ 'H1 overdue', 'H2 met' ]
 * try {
 *   findingsOf(compiled.policy.evaluate({ hazards: [{ id: "H3", foundOn: "soon" }] }, { asOf: "2026-10-20" }));
 * } catch (error) {
 *   console.log((error as Error).message); // the facts were rejected: hazards[0].foundOn: expected a date YYYY-MM-DD, got "soon"
 * }
 * ```
 */
export function findingsOf(received: unknown): readonly Finding[] {
  if (received !== null && typeof received === "object") {
    if ("errors" in received && Array.isArray(received.errors)) {
      const errors = (received as { readonly errors: readonly { path: string; message: { en: string } }[] })
        .errors;
      throw new Error(
        `the facts were rejected: ${errors.map((e) => `${e.path}: ${e.message.en}`).join("; ")}`,
      );
    }
    if ("result" in received) return findingsOf(received.result);
    if ("findings" in received && Array.isArray(received.findings))
      return received.findings as readonly Finding[];
  }
  throw new Error(`expected an evaluation result, got ${shown(received)}`);
}

/**
 * A value as a message shows it: JSON, or `nothing` for `undefined`.
 * @example
 * ```ts
 * import { shown } from "@remit/app/scenarios";
 * console.log(shown({ status: "overdue" }), shown(undefined)); // {"status":"overdue"} nothing
 * ```
 */
export function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  return JSON.stringify(value) ?? String(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a)
    .filter((k) => (a as Record<string, unknown>)[k] !== undefined)
    .sort();
  const kb = Object.keys(b)
    .filter((k) => (b as Record<string, unknown>)[k] !== undefined)
    .sort();
  return (
    ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual((a as never)[k], (b as never)[k]))
  );
}

/** Whether `part` is contained in `whole`: objects by their given keys, arrays element by element. */
function contains(whole: unknown, part: unknown): boolean {
  if (part === undefined) return true;
  if (Array.isArray(part)) {
    return (
      Array.isArray(whole) && whole.length === part.length && part.every((p, i) => contains(whole[i], p))
    );
  }
  if (part !== null && typeof part === "object") {
    if (whole === null || typeof whole !== "object" || Array.isArray(whole)) return false;
    return Object.entries(part).every(([k, v]) => contains((whole as Record<string, unknown>)[k], v));
  }
  return Object.is(whole, part);
}

function fieldMatches(field: string, actual: unknown, expected: unknown): boolean {
  if (expected === null) return actual === undefined || actual === null;
  if (expected === false && actual === undefined) return true;
  if (field === "explanation") return contains(actual, expected);
  if (field === "subject") {
    const subject = actual as SubjectRef;
    return typeof expected === "string" ? subject.id === expected : contains(subject, expected);
  }
  return deepEqual(actual, expected);
}

/**
 * The fields of `pattern` that `finding` does not have, each with the expected and the actual value.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { findingsOf, mismatchesOf } from "@remit/app/scenarios";
 * const compiled = compile(`policy "listing"
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
 * const [h1] = findingsOf(outcome);
 * if (h1 === undefined) throw new Error("no finding");
 * console.log(mismatchesOf(h1, { subject: "H1", status: "met", due: "2026-10-08" })); // [ { field: 'status', expected: 'met', actual: 'overdue' } ]
 * ```
 */
export function mismatchesOf(finding: Finding, pattern: FindingPattern): Mismatch[] {
  const out: Mismatch[] = [];
  const fields = finding as unknown as Readonly<Record<string, unknown>>;
  for (const [field, expected] of Object.entries(pattern)) {
    if (expected === undefined) continue;
    const actual = fields[field];
    if (!fieldMatches(field, actual, expected)) out.push({ field, expected, actual });
  }
  return out;
}

/**
 * Whether `finding` has every field `pattern` gives.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { findingsOf, matchesPattern } from "@remit/app/scenarios";
 * const compiled = compile(`policy "listing"
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
 * const [h1] = findingsOf(outcome);
 * if (h1 === undefined) throw new Error("no finding");
 * console.log(matchesPattern(h1, { rule: "listing", subject: "H1", overdueDays: 12 })); // true
 * console.log(matchesPattern(h1, { subject: { collection: "hazards" }, metOn: null })); // true
 * console.log(matchesPattern(h1, { status: "met" })); // false
 * ```
 */
export function matchesPattern(finding: Finding, pattern: FindingPattern): boolean {
  return mismatchesOf(finding, pattern).length === 0;
}

/**
 * The findings a pattern matches, and the others ordered by how near they come to it.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { findingsOf, search } from "@remit/app/scenarios";
 * const compiled = compile(`policy "listing"
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
 * const found = search(findingsOf(outcome), { rule: "listing", status: "met" });
 * console.log(found.matches.map((f) => f.subject.id), found.near[0]?.mismatches.map((m) => m.field)); // [ 'H2' ] [ 'status' ]
 * ```
 */
export function search(findings: readonly Finding[], pattern: FindingPattern): Search {
  const matches: Finding[] = [];
  const near: { finding: Finding; mismatches: Mismatch[] }[] = [];
  for (const finding of findings) {
    const mismatches = mismatchesOf(finding, pattern);
    if (mismatches.length === 0) matches.push(finding);
    else near.push({ finding, mismatches });
  }
  // Stable sort: among equally near findings the result's own order stays.
  const rank = (n: { finding: Finding; mismatches: Mismatch[] }): number =>
    n.mismatches.length + (pattern.rule !== undefined && n.finding.rule !== pattern.rule ? 1000 : 0);
  near.sort((a, b) => rank(a) - rank(b));
  return { matches, near };
}
