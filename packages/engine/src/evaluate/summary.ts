import type { Finding, Summary } from "../result.js";

function bump(table: Map<string, Map<string, number>>, key: string, status: string): void {
  let row = table.get(key);
  if (!row) {
    row = new Map();
    table.set(key, row);
  }
  row.set(status, (row.get(status) ?? 0) + 1);
}

/**
 * What a finding is counted as within its kind: its status; for an escalation, its rule and the
 * level reached (or `closed`), `general-hazard-ladder:county`. Two ladders that both name a level
 * `county` are two counts, never one under either's label.
 * @example
 * ```ts
 * import { compile, statusKeyOf } from "@remit/engine";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const hazards = [
 *   { id: "H1", foundOn: "2026-10-01", listedOn: null },
 *   { id: "H2", foundOn: "2026-10-02", listedOn: "2026-10-03" },
 * ];
 * const outcome = compiled.policy.evaluate({ hazards }, { asOf: "2026-10-20" });
 * if ("errors" in outcome) throw new Error("the facts are rejected");
 * console.log(outcome.result.findings.map(statusKeyOf)); // [ 'overdue', 'met' ]
 * ```
 */
export function statusKeyOf(finding: Finding): string {
  return finding.kind === "escalation" ? `${finding.rule}:${finding.status}` : finding.status;
}

/**
 * What a finding is counted as among all findings: its kind and {@link statusKeyOf},
 * `duty:overdue`, `escalation:general-hazard-ladder:county`, `accountability:triggered`. Every
 * finding has exactly one, so counts by it add up to the total. The JSON summary, the terminal
 * table and the reports all count by it.
 * @example
 * ```ts
 * import { compile, summaryKeyOf } from "@remit/engine";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const hazards = [
 *   { id: "H1", foundOn: "2026-10-01", listedOn: null },
 *   { id: "H2", foundOn: "2026-10-02", listedOn: null },
 * ];
 * const outcome = compiled.policy.evaluate({ hazards }, { asOf: "2026-10-20" });
 * if ("errors" in outcome) throw new Error("the facts are rejected");
 * const counts = new Map<string, number>();
 * for (const finding of outcome.result.findings) {
 *   const key = summaryKeyOf(finding);
 *   counts.set(key, (counts.get(key) ?? 0) + 1);
 * }
 * console.log(counts); // Map(1) { 'duty:overdue' => 2 }
 * ```
 */
export function summaryKeyOf(finding: Finding): string {
  return `${finding.kind}:${statusKeyOf(finding)}`;
}

/**
 * Counts by kind and {@link statusKeyOf}, and by group and {@link summaryKeyOf}; keys sorted for
 * stable output. Tables are built from Maps with `Object.fromEntries`, so an id such as
 * `__proto__` stays a plain key.
 */
export function summarize(findings: readonly Finding[]): Summary {
  const byKind = new Map<string, Map<string, number>>();
  const byGroup = new Map<string, Map<string, number>>();
  for (const f of findings) {
    bump(byKind, f.kind, statusKeyOf(f));
    bump(byGroup, f.group ?? "", summaryKeyOf(f));
  }
  return { total: findings.length, byKind: toTable(byKind), byGroup: toTable(byGroup) };
}

const byKey = (a: [string, unknown], b: [string, unknown]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

function toTable(table: Map<string, Map<string, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries(
    [...table].sort(byKey).map(([key, row]) => [key, Object.fromEntries([...row].sort(byKey))]),
  );
}
