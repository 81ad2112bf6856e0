import { type EvaluationResult, type Finding, statusNames } from "@remit/engine";
import type { Language } from "@remit/lang";
import type { Colors } from "../terminal/colors.js";
import { type CellInput, type Column, renderTable } from "../terminal/table.js";
import { kindWords, words } from "./labels.js";

/** What the policy and the facts tell about names the result only holds ids for. */
export interface TableLabels {
  /**
   * An escalation level's label, as the policy writes it (`level township "乡镇"`); with no rule,
   * the label any rule gives that level.
   */
  readonly levelLabel?: (rule: string | undefined, level: string) => string | undefined;
  /** Every level name, lowest first, for ordering summary columns. */
  readonly levelOrder?: readonly string[];
  /** A township's name from the facts (`townships[].name`). */
  readonly townshipName?: (id: string) => string | undefined;
}

export interface TableOptions {
  readonly lang: Language;
  readonly colors: Colors;
  readonly labels?: TableLabels;
}

const kinds = ["duty", "escalation", "accountability"] as const;
const dutyStatuses = ["met", "pending", "due-soon", "overdue", "advisory"];

/**
 * An evaluation result for a terminal: findings grouped by township (county-level ones last),
 * then by kind, one table per kind; then the counts per status and per township.
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
  for (const township of townshipOrder(result.findings.map((finding) => finding.township ?? ""))) {
    const inTownship = result.findings.filter((finding) => (finding.township ?? "") === township);
    out.push(colors.bold(view.townshipTitle(township)));
    for (const kind of kinds) {
      const ofKind = inTownship.filter((finding) => finding.kind === kind);
      if (ofKind.length === 0) continue;
      out.push(`  ${colors.underline(kindWords[kind]?.[lang] ?? kind)}`);
      for (const line of view.kindTable(kind, ofKind)) out.push(line);
    }
    out.push("");
  }
  out.push(...view.summary(result));
  return `${out.join("\n")}\n`;
}

/** Township ids in sorted order, the county level (`""`) last. */
function townshipOrder(townships: readonly string[]): string[] {
  return [...new Set(townships)].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

class View {
  constructor(
    private readonly lang: Language,
    private readonly colors: Colors,
    private readonly labels: TableLabels,
  ) {}

  townshipTitle(id: string): string {
    if (id === "") return words.countyLevel[this.lang];
    const name = this.labels.townshipName?.(id);
    return name === undefined || name === id ? id : `${name} (${id})`;
  }

  kindTable(kind: (typeof kinds)[number], findings: readonly Finding[]): string[] {
    const w = (word: keyof typeof words) => words[word][this.lang];
    const head: Column[] = [{ header: w("rule") }, { header: w("title") }, { header: w("subject") }];
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
          f.period ?? "",
          f.overdueDays === undefined ? "" : { text: String(f.overdueDays), paint: this.colors.red },
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
    return [finding.rule, finding.title, `${finding.subject.collection} ${finding.subject.id}`];
  }

  private dutyStatusCell(finding: Finding): CellInput {
    const text = this.statusText(finding);
    const late = finding.late === true ? ` (${words.late[this.lang]})` : "";
    return { text: `${text}${late}`, paint: this.statusPaint(finding) };
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
    return this.labels.levelLabel?.(rule, level) ?? this.labels.levelLabel?.(undefined, level) ?? level;
  }

  statusPaint(finding: Finding): (text: string) => string {
    const c = this.colors;
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

  /** Statuses in a fixed order: duty statuses, levels lowest first, then closed and triggered. */
  private orderStatuses(statuses: Iterable<string>): string[] {
    const levels = this.labels.levelOrder ?? [];
    const rank = (status: string) => {
      const duty = dutyStatuses.indexOf(status);
      if (duty >= 0) return duty;
      const level = levels.indexOf(status);
      if (level >= 0) return 100 + level;
      if (status === "closed") return 1000;
      if (status === "triggered") return 1001;
      return 500;
    };
    return [...new Set(statuses)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  }

  private summaryStatusText(kind: string, status: string): string {
    if (kind === "escalation" && status !== "closed") return this.levelText(undefined, status);
    return statusNames[status]?.[this.lang] ?? this.levelText(undefined, status);
  }

  /**
   * A status column of the per-township counts. Levels are marked as such there, since a level's
   * name (`township`, `乡镇`) would read like the township column's own heading.
   */
  private townshipColumnHeader(status: string): string {
    const fixed = statusNames[status];
    if (fixed !== undefined) return fixed[this.lang];
    const level = this.levelText(undefined, status);
    return this.lang === "zh" ? `升级至${level}` : `level ${level}`;
  }

  summary(result: EvaluationResult): string[] {
    const { lang, colors } = this;
    const colon = lang === "zh" ? "：" : ": ";
    const out = [
      colors.bold(`${words.summary[lang]}${colon}${result.summary.total} ${words.findings[lang]}`),
      "",
    ];

    out.push(`  ${colors.underline(words.byStatus[lang])}`);
    const statusRows: CellInput[][] = [];
    for (const kind of kinds) {
      const counts = result.summary.byKind[kind];
      if (counts === undefined) continue;
      this.orderStatuses(Object.keys(counts)).forEach((status, i) => {
        statusRows.push([
          i === 0 ? (kindWords[kind]?.[lang] ?? kind) : "",
          {
            text: this.summaryStatusText(kind, status),
            paint: kind === "escalation" && status !== "closed" ? colors.yellow : this.paintForStatus(status),
          },
          String(counts[status] ?? 0),
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

    const townships = townshipOrder(Object.keys(result.summary.byTownship));
    if (townships.length > 0) {
      out.push(`  ${colors.underline(words.byTownship[lang])}`);
      const statuses = this.orderStatuses(
        Object.values(result.summary.byTownship).flatMap((counts) => Object.keys(counts)),
      );
      const columns: Column[] = [
        { header: words.township[lang] },
        ...statuses.map((status) => ({ header: this.townshipColumnHeader(status), align: "right" as const })),
        { header: words.total[lang], align: "right" },
      ];
      const rows = townships.map((township) => {
        const counts = result.summary.byTownship[township] ?? {};
        const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
        return [
          this.townshipTitle(township),
          ...statuses.map((status) => String(counts[status] ?? 0)),
          String(total),
        ];
      });
      out.push(...renderTable(columns, rows, { indent: "    ", headerPaint: colors.dim }), "");
    }
    return out;
  }
}
