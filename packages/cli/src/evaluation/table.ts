import {
  type EvaluationResult,
  type Finding,
  findingStatusWords,
  modalityWords,
  periodWords,
  statusNames,
  subjectWords,
} from "@remit/engine";
import type { CheckedPolicy, Language } from "@remit/lang";
import {
  columnLabel,
  countBy,
  escalationLadders,
  type StatusColumn,
  statusColumns,
} from "../report/columns.js";
import { ReportText } from "../report/text.js";
import type { Colors } from "../terminal/colors.js";
import { type CellInput, type Column, renderTable } from "../terminal/table.js";
import { groupHeading, groupOf, groupOrder, groupTitle } from "./groups.js";
import { kindWords, words } from "./labels.js";

/** What the policy and the facts tell about names the result only holds ids for. */
export interface TableLabels {
  /** An escalation level's label, as its rule writes it (`level township "乡镇"`). */
  readonly levelLabel?: (rule: string | undefined, level: string) => string | undefined;
  /**
   * How the policy groups findings (`group by townships others "县级"`): the group collection's
   * label, a group's name from the facts, and the name of the findings in no group. Absent when the
   * policy declares no grouping: every finding is then in one group.
   */
  readonly grouping?: {
    readonly label: string;
    readonly name: (id: string) => string | undefined;
    readonly others: string | undefined;
  };
  /** The policy: collection labels name subjects, level labels name statuses. */
  readonly policy?: CheckedPolicy;
}

export interface TableOptions {
  readonly lang: Language;
  readonly colors: Colors;
  readonly labels?: TableLabels;
}

const kinds = ["duty", "escalation", "accountability"] as const;

/**
 * An evaluation result for a terminal: findings by the policy's groups (those in no group last),
 * then by kind, one table per kind; then the counts per status and per group.
 */
export function renderEvaluationTable(result: EvaluationResult, options: TableOptions): string {
  const { lang, colors } = options;
  const labels = options.labels ?? {};
  const view = new View(lang, colors, labels);
  const out: string[] = [];

  const version = result.policy.version === null ? "" : ` ${words.version[lang]} ${result.policy.version}`;
  out.push(colors.bold(`${result.policy.name}${version}`), `${words.asOf[lang]} ${result.asOf}`, "");

  if (result.findings.length === 0) {
    out.push(words.noFindings[lang], "");
  }
  for (const group of groupOrder(result.findings.map(groupOf))) {
    const inGroup = result.findings.filter((finding) => groupOf(finding) === group);
    out.push(colors.bold(groupTitle(group, labels, lang)));
    for (const kind of kinds) {
      const ofKind = inGroup.filter((finding) => finding.kind === kind);
      if (ofKind.length === 0) continue;
      out.push(`  ${colors.underline(kindWords[kind]?.[lang] ?? kind)}`);
      for (const line of view.kindTable(kind, ofKind)) out.push(line);
    }
    out.push("");
  }
  out.push(...warningLines(result, options));
  out.push(...view.summary(result));
  return `${out.join("\n")}\n`;
}

/** What the engine would not guess (a date outside the calendar's years), one line per finding. */
function warningLines(result: EvaluationResult, { lang, colors }: TableOptions): string[] {
  const warned = result.findings.filter((finding) => finding.warnings !== undefined);
  if (warned.length === 0) return [];
  const colon = lang === "zh" ? "：" : ": ";
  const lines = warned.flatMap((finding) =>
    (finding.warnings ?? []).map(
      (warning) =>
        `  ${finding.rule} ${finding.subject.collection} ${finding.subject.id}${colon}${warning.message[lang]}`,
    ),
  );
  return [colors.bold(words.warnings[lang]), ...lines, ""];
}

class View {
  constructor(
    private readonly lang: Language,
    private readonly colors: Colors,
    private readonly labels: TableLabels,
  ) {}

  kindTable(kind: (typeof kinds)[number], findings: readonly Finding[]): string[] {
    const w = (word: keyof typeof words) => words[word][this.lang];
    const head: Column[] = [
      { header: w("title") },
      { header: w("rule") },
      { header: w("modality") },
      { header: w("subject") },
    ];
    let columns: Column[];
    let rows: CellInput[][];
    switch (kind) {
      case "duty":
        columns = [
          ...head,
          { header: w("status") },
          { header: w("due") },
          { header: w("period") },
          { header: w("overdueDays"), align: "right" },
          { header: w("holder") },
        ];
        rows = findings.map((f) => [
          ...this.headCells(f),
          this.dutyStatusCell(f),
          f.due ?? "",
          f.period === undefined ? "" : periodWords(f.period, this.lang),
          this.overdueCell(f),
          f.holder ?? "",
        ]);
        break;
      case "escalation":
        columns = [
          ...head,
          { header: w("level") },
          { header: w("overdue") },
          { header: w("reached") },
          { header: w("holder") },
        ];
        rows = findings.map((f) => [
          ...this.headCells(f),
          { text: this.statusText(f), paint: this.statusPaint(f) },
          f.overdue === true ? { text: w("yes"), paint: this.colors.red } : "",
          this.reachedText(f),
          f.holder ?? "",
        ]);
        break;
      case "accountability":
        columns = [
          ...head,
          { header: w("status") },
          { header: w("asAt") },
          { header: w("causes") },
          { header: w("targets") },
        ];
        rows = findings.map((f) => [
          ...this.headCells(f),
          { text: this.statusText(f), paint: this.statusPaint(f) },
          f.asAt ?? "",
          (f.causes ?? []).join(this.lang === "zh" ? "；" : "; "),
          (f.targets ?? []).join(this.lang === "zh" ? "、" : ", "),
        ]);
        break;
    }
    return renderTable(columns, rows, { indent: "    ", headerPaint: this.colors.dim });
  }

  private headCells(finding: Finding): CellInput[] {
    const { policy } = this.labels;
    const subject = policy
      ? subjectWords(policy, finding.subject, this.lang)
      : `${finding.subject.collection} ${finding.subject.id}`;
    return [finding.title, finding.rule, modalityWords[finding.modality][this.lang], subject];
  }

  private dutyStatusCell(finding: Finding): CellInput {
    return {
      text: findingStatusWords(finding, this.lang, this.labels.policy),
      paint: this.statusPaint(finding),
    };
  }

  /** `逾期 242 天`; a `should` duty past its date is not a violation, so it shows no count. */
  private overdueCell(finding: Finding): CellInput {
    if (finding.overdueDays === undefined || this.advisory(finding)) return "";
    const days = finding.overdueDays;
    return { text: this.lang === "zh" ? `逾期 ${days} 天` : `${days} days overdue`, paint: this.colors.red };
  }

  private advisory(finding: Finding): boolean {
    return finding.kind === "duty" && finding.status === "overdue" && finding.modality === "should";
  }

  /** A status in words; an escalation's level by the policy's label in Chinese, its name in English. */
  statusText(finding: Finding): string {
    const fixed = statusNames[finding.status];
    if (fixed !== undefined && (finding.kind !== "escalation" || finding.status === "closed")) {
      return fixed[this.lang];
    }
    if (finding.kind === "escalation") return this.levelText(finding.rule, finding.status);
    return fixed?.[this.lang] ?? finding.status;
  }

  private levelText(rule: string | undefined, level: string): string {
    if (this.lang === "en") return level;
    return this.labels.levelLabel?.(rule, level) ?? level;
  }

  statusPaint(finding: Finding): (text: string) => string {
    const c = this.colors;
    if (this.advisory(finding)) return c.cyan;
    if (finding.kind === "escalation") {
      if (finding.status === "closed") return c.green;
      return finding.overdue === true ? c.red : c.yellow;
    }
    return this.paintForStatus(finding.status);
  }

  private paintForStatus(status: string): (text: string) => string {
    const c = this.colors;
    switch (status) {
      case "met":
      case "closed":
        return c.green;
      case "due-soon":
        return c.yellow;
      case "overdue":
      case "missed":
      case "violated":
      case "triggered":
        return c.red;
      case "advisory":
        return c.cyan;
      case "pending":
        return (text) => text;
      default:
        return c.yellow;
    }
  }

  private reachedText(finding: Finding): string {
    const reached = Object.entries(finding.reached ?? {});
    const parts = reached.map(([level, date]) => `${this.levelText(finding.rule, level)} ${date}`);
    if (finding.closedOn !== undefined) parts.push(`${words.closedOn[this.lang]} ${finding.closedOn}`);
    return parts.join(" → ");
  }

  /**
   * The counts per status and per group, in the columns the HTML report shows (one
   * implementation: `statusColumns` and `countBy`, keyed by the engine's `summaryKeyOf`): an
   * escalation level is counted under its own rule, so two ladders that both have a `county`
   * level are two columns, and every status has one, so each row adds up to its total.
   */
  summary(result: EvaluationResult): string[] {
    const { lang, colors } = this;
    const colon = lang === "zh" ? "：" : ": ";
    const out = [
      colors.bold(`${words.summary[lang]}${colon}${result.summary.total} ${words.findings[lang]}`),
      "",
    ];
    const text = new ReportText(lang, this.labels);
    const groups = statusColumns(result.findings, text, escalationLadders(this.labels.policy?.rules ?? []));
    const all = countBy(result.findings, () => "").get("") ?? new Map<string, number>();

    out.push(`  ${colors.underline(words.byStatus[lang])}`);
    const statusRows: CellInput[][] = [];
    for (const group of groups) {
      const heading =
        group.columns[0]?.kind === "escalation"
          ? `${text.kindText("escalation")}${colon}${group.heading}`
          : group.heading;
      group.columns.forEach((column, i) => {
        statusRows.push([
          i === 0 ? heading : "",
          { text: columnLabel(column, text), paint: this.columnPaint(column) },
          String(all.get(column.key) ?? 0),
        ]);
      });
    }
    out.push(
      ...renderTable(
        [
          { header: words.kind[lang] },
          { header: words.status[lang] },
          { header: words.count[lang], align: "right" },
        ],
        statusRows,
        { indent: "    ", headerPaint: colors.dim },
      ),
      "",
    );

    const heading = groupHeading(this.labels);
    const byGroup = countBy(result.findings, groupOf);
    if (heading !== undefined && byGroup.size > 0) {
      out.push(`  ${colors.underline(`${words.by[lang]}${heading}`)}`);
      const columns = groups.flatMap((group) =>
        group.columns.map((column) => ({ column, rule: group.heading })),
      );
      const headers = columns.map(({ column }) => this.groupColumnHeader(column, text));
      // A level label two ladders share (`county` in English) is told apart by its rule's title.
      const shared = (header: string) => headers.filter((h) => h === header).length > 1;
      const tableColumns: Column[] = [
        { header: heading },
        ...columns.map(({ rule }, i) => ({
          header: shared(headers[i]!)
            ? `${headers[i]!}${lang === "zh" ? `（${rule}）` : ` (${rule})`}`
            : headers[i]!,
          align: "right" as const,
        })),
        { header: words.total[lang], align: "right" },
      ];
      const rows = groupOrder(byGroup.keys()).map((group) => {
        const counts = byGroup.get(group) ?? new Map<string, number>();
        const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
        return [
          groupTitle(group, this.labels, lang),
          ...columns.map(({ column }) => String(counts.get(column.key) ?? 0)),
          String(total),
        ];
      });
      out.push(...renderTable(tableColumns, rows, { indent: "    ", headerPaint: colors.dim }), "");
    }
    return out;
  }

  /**
   * A status column of the per-group counts. Levels are marked as such there, since a level's
   * name (`township`, `乡镇`) would read like the group column's own heading.
   */
  private groupColumnHeader(column: StatusColumn, text: ReportText): string {
    const label = columnLabel(column, text);
    if (column.kind !== "escalation" || column.status === "closed") return label;
    return this.lang === "zh" ? `升级至${label}` : `level ${label}`;
  }

  private columnPaint(column: StatusColumn): (text: string) => string {
    if (column.kind === "escalation" && column.status !== "closed") return this.colors.yellow;
    return this.paintForStatus(column.status);
  }
}
