import type { Finding } from "@remit/engine";
import type { Language } from "@remit/lang";
import type { TableLabels } from "./table.js";

/** The group a finding is counted under: `""` when its subject leads to no group. */
export function groupOf(finding: Finding): string {
  return finding.group ?? "";
}

/** Group ids in sorted order, the findings in no group (`""`) last. */
export function groupOrder(groups: Iterable<string>): string[] {
  return [...new Set(groups)].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

const ungrouped = { en: "Ungrouped", zh: "未分组" } as const;
const allFindings = { en: "All findings", zh: "全部结果" } as const;

/**
 * A group as a reader names it: `梅溪镇（T03）` from the facts, the policy's own name for the
 * findings in no group (`others "县级"`), or plain words when the policy declares no grouping.
 */
export function groupTitle(id: string, labels: TableLabels, lang: Language): string {
  const grouping = labels.grouping;
  if (grouping === undefined) return allFindings[lang];
  if (id === "") return grouping.others ?? ungrouped[lang];
  const name = grouping.name(id);
  if (name === undefined || name === id) return id;
  return lang === "zh" ? `${name}（${id}）` : `${name} (${id})`;
}

/** The heading of the group column and of the per-group summary (`乡（镇）`). */
export function groupHeading(labels: TableLabels): string | undefined {
  return labels.grouping?.label;
}
