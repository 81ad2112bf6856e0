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
 * Counts by kind and status, and by group and status; keys sorted for stable output. Tables
 * are built from Maps with `Object.fromEntries`, so an id such as `__proto__` stays a plain key.
 */
export function summarize(findings: readonly Finding[]): Summary {
  const byKind = new Map<string, Map<string, number>>();
  const byGroup = new Map<string, Map<string, number>>();
  for (const f of findings) {
    bump(byKind, f.kind, f.status);
    bump(byGroup, f.group ?? "", f.status);
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
