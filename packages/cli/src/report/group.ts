import type { Finding } from "@remit/engine";

/**
 * The group a finding is reported under (a township in the Ziyuan policy); `""` for findings that
 * belong to no group, shown as the county level. The one place the report reads the result's
 * grouping field, so renaming that field changes this line only.
 */
export function groupOf(finding: Finding): string {
  return finding.township ?? "";
}

/** Group ids in sorted order, the county level (`""`) last. */
export function groupOrder(groups: Iterable<string>): string[] {
  return [...new Set(groups)].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0));
}
