/**
 * Messages that show how the nearest findings differ from a pattern when none matches. The
 * matching itself is the application layer's (`@remit/app`), shared with `remit test`.
 */

import { type FindingPattern, type Search, shown } from "@remit/app";
import type { Finding } from "@remit/engine";

export {
  type FindingPattern,
  findingsOf,
  type Mismatch,
  mismatchesOf,
  type PartialDeep,
  type ResultLike,
  type Search,
  search,
  shown,
} from "@remit/app";

const summaryFields = [
  "status",
  "period",
  "due",
  "metOn",
  "violatedOn",
  "late",
  "overdueDays",
  "overdue",
  "reached",
  "closedOn",
  "causes",
] as const;

/**
 * One line per finding: `major-hazard-listing hazards/H01 status="overdue" due="2026-10-08"`.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { describeFinding } from "@remit/testing";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const facts = { hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
 * const outcome = compiled.policy.evaluate(facts, { asOf: "2026-10-20" });
 * if ("errors" in outcome) throw new Error("the facts are rejected");
 * console.log(outcome.result.findings.map(describeFinding).join("\n")); // listing hazards/H1 status="overdue" due="2026-10-08" overdueDays=12
 * ```
 */
export function describeFinding(finding: Finding): string {
  const parts = summaryFields.filter((k) => finding[k] !== undefined).map((k) => `${k}=${shown(finding[k])}`);
  return [`${finding.rule} ${finding.subject.collection}/${finding.subject.id}`, ...parts].join(" ");
}

/** How many near misses a failure lists. */
const nearMissesShown = 5;

export function missingMessage(
  pattern: FindingPattern,
  findings: readonly Finding[],
  result: Search,
): string {
  const lines = [`expected a finding matching ${shown(pattern)}`];
  const sameRule =
    pattern.rule === undefined ? result.near : result.near.filter((n) => n.finding.rule === pattern.rule);
  if (findings.length === 0) {
    lines.push("but the result has no findings");
  } else if (sameRule.length === 0) {
    const rules = [...new Set(findings.map((f) => f.rule))];
    lines.push(`but the result has no finding of rule "${pattern.rule}"; its rules are: ${rules.join(", ")}`);
  } else {
    lines.push("near misses:");
    for (const { finding, mismatches } of sameRule.slice(0, nearMissesShown)) {
      lines.push(`  ${describeFinding(finding)}`);
      for (const m of mismatches)
        lines.push(`    ${m.field}: expected ${shown(m.expected)}, got ${shown(m.actual)}`);
    }
    if (sameRule.length > nearMissesShown) lines.push(`  … and ${sameRule.length - nearMissesShown} more`);
  }
  return lines.join("\n");
}

export function unexpectedMessage(pattern: FindingPattern, matches: readonly Finding[]): string {
  return [
    `expected no finding matching ${shown(pattern)}, found ${matches.length}:`,
    ...matches.map((f) => `  ${describeFinding(f)}`),
  ].join("\n");
}

/** The finding's fields the pattern names, for a diff against the pattern. */
export function projection(finding: Finding, pattern: FindingPattern): Record<string, unknown> {
  const fields = finding as unknown as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const [field, expected] of Object.entries(pattern)) {
    if (expected === undefined) continue;
    out[field] = field === "subject" && typeof expected === "string" ? finding.subject.id : fields[field];
  }
  return out;
}
