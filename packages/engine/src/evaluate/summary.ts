import type { Finding, Summary } from "../result.js";

function bump(table: Record<string, Record<string, number>>, key: string, status: string): void {
  const row = table[key] ?? (table[key] = {});
  row[status] = (row[status] ?? 0) + 1;
}

/** Counts by kind and status, and by township and status; keys sorted for stable output. */
export function summarize(findings: readonly Finding[]): Summary {
  const byKind: Record<string, Record<string, number>> = {};
  const byTownship: Record<string, Record<string, number>> = {};
  for (const f of findings) {
    bump(byKind, f.kind, f.status);
    bump(byTownship, f.township ?? "", f.status);
  }
  return { total: findings.length, byKind: sortTable(byKind), byTownship: sortTable(byTownship) };
}

function sortTable(table: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const key of Object.keys(table).sort()) {
    const row = table[key]!;
    const sorted: Record<string, number> = {};
    for (const status of Object.keys(row).sort()) sorted[status] = row[status]!;
    out[key] = sorted;
  }
  return out;
}
