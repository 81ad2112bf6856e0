import { type Finding, type FindingStatus, type RuleKind, summaryKeyOf } from "@remit/engine";
import type { ReportText } from "./text.js";

/**
 * One column of the summary: a status of one kind of rule, and for an escalation a level of ONE
 * rule's ladder — two ladders that both name a level `county` get two columns, each under its own
 * rule, so neither is counted under the other's label. Every finding falls in exactly one column,
 * so the columns add up to the total.
 */
export interface StatusColumn {
  /**
   * The engine's `summaryKeyOf`, as in the JSON summary: `duty:overdue`,
   * `escalation:<rule>:<level>`, `accountability:triggered`.
   */
  readonly key: string;
  readonly kind: RuleKind;
  /** The escalation rule the column belongs to. */
  readonly rule: string | undefined;
  readonly status: FindingStatus;
}

/** Columns under one heading: the duties, one escalation rule, accountability. */
export interface ColumnGroup {
  readonly heading: string;
  readonly columns: readonly StatusColumn[];
}

/** Duty statuses in the order an official reads them: what needs doing first. */
const dutyOrder: readonly FindingStatus[] = [
  "overdue",
  "missed",
  "violated",
  "due-soon",
  "pending",
  "advisory",
  "met",
];

/**
 * The summary's columns for these findings, grouped under headings: duty statuses, then each
 * escalation rule's levels (lowest first, as its ladder lists them) and `closed`, then
 * accountability. Only statuses that occur get a column; every status that occurs gets one.
 */
export function statusColumns(
  findings: readonly Finding[],
  text: ReportText,
  ladders: ReadonlyMap<string, readonly string[]> = new Map(),
): ColumnGroup[] {
  const seen = new Map<string, StatusColumn>();
  const ruleTitles = new Map<string, string>();
  for (const finding of findings) {
    const key = summaryKeyOf(finding);
    if (finding.kind === "escalation") ruleTitles.set(finding.rule, finding.title);
    if (seen.has(key)) continue;
    seen.set(key, {
      key,
      kind: finding.kind,
      rule: finding.kind === "escalation" ? finding.rule : undefined,
      status: finding.status,
    });
  }
  const columns = [...seen.values()];
  const ranked = (list: StatusColumn[], order: readonly string[]) =>
    list.sort((a, b) => rank(order, a.status) - rank(order, b.status));
  const groups: ColumnGroup[] = [];
  const duties = ranked(
    columns.filter((c) => c.kind === "duty"),
    dutyOrder,
  );
  if (duties.length > 0) groups.push({ heading: text.kindText("duty"), columns: duties });
  for (const [rule, title] of ruleTitles) {
    const ladder = [...(ladders.get(rule) ?? []), "closed"];
    groups.push({
      heading: title,
      columns: ranked(
        columns.filter((c) => c.kind === "escalation" && c.rule === rule),
        ladder,
      ),
    });
  }
  const accountability = columns.filter((c) => c.kind === "accountability");
  if (accountability.length > 0)
    groups.push({ heading: text.kindText("accountability"), columns: accountability });
  return groups;
}

/** A column's status word: an escalation level by its own rule's label. */
export function columnLabel(column: StatusColumn, text: ReportText): string {
  return text.statusOf(column.rule, column.status);
}

/** How many findings fall in each column, per group and per rule: `counts.get(row)?.get(key)`. */
export function countBy(
  findings: readonly Finding[],
  row: (finding: Finding) => string,
): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const finding of findings) {
    const key = row(finding);
    const cells = counts.get(key) ?? new Map<string, number>();
    const column = summaryKeyOf(finding);
    cells.set(column, (cells.get(column) ?? 0) + 1);
    counts.set(key, cells);
  }
  return counts;
}

function rank(order: readonly string[], status: string): number {
  const index = order.indexOf(status);
  return index === -1 ? order.length : index;
}

/** Each escalation rule's level names, lowest first, from the checked policy's rules. */
export function escalationLadders(
  rules: readonly {
    readonly id: string;
    readonly kind: string;
    readonly rule?: unknown;
  }[],
): Map<string, readonly string[]> {
  const ladders = new Map<string, readonly string[]>();
  for (const info of rules) {
    if (info.kind !== "escalation") continue;
    const levels = (
      info.rule as { readonly levels?: readonly { readonly name: { readonly name: string } }[] }
    ).levels;
    ladders.set(
      info.id,
      (levels ?? []).map((level) => level.name.name),
    );
  }
  return ladders;
}
