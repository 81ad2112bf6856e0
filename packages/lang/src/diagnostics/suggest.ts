/**
 * Edit distance over code points (a CJK character counts as one edit), where swapping two
 * neighbouring characters is one edit too: `nmae` is one edit from `name`.
 * @example
 * ```ts
 * import { editDistance } from "@remit/lang";
 * console.log(editDistance("nmae", "name"), editDistance("holder", "title"), editDistance("隐患", "隐忧")); // 1 5 1
 * ```
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows: number[][] = [];
  for (let i = 0; i <= x.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= y.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] ?? [];
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[x.length]?.[y.length] ?? 0;
}

/**
 * "Did you mean" candidates for `name`: the closest names within a distance that grows with the
 * name's length (one edit for short names, so two-character Chinese names still get suggestions),
 * best first, at most three. Case-only differences count as the closest.
 * @example
 * ```ts
 * import { suggest } from "@remit/lang";
 * console.log(suggest("holdr", ["holder", "hold", "title"])); // [ 'hold', 'holder' ]
 * console.log(suggest("Deadline", ["deadline", "headline"])); // [ 'deadline', 'headline' ]
 * ```
 */
export function suggest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const length = [...name].length;
  const allowed = Math.max(1, Math.floor(length / 3));
  const scored: { candidate: string; distance: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (candidate === name || seen.has(candidate)) continue;
    seen.add(candidate);
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, candidate);
    if (distance <= allowed) scored.push({ candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}
