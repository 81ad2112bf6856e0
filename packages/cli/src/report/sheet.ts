import type { EvaluationResult, Finding } from "@remit/engine";
import { parseIsoDate } from "@remit/engine";
import type { Language } from "@remit/lang";
import ExcelJS from "exceljs";
import { groupOf, groupOrder } from "../evaluation/groups.js";
import { words } from "../evaluation/labels.js";
import { type Action, actionsOf } from "./actions.js";
import type { ReportOptions } from "./html.js";
import { ReportText } from "./text.js";
import { reportWords } from "./words.js";

/** A spreadsheet column: its header in both languages, its width, and how a row fills it. */
interface SheetColumn<Row> {
  readonly header: Readonly<Record<Language, string>> | ((text: ReportText) => string);
  readonly width: number;
  /** Dates are ISO `YYYY-MM-DD` text here, written as real dates to the workbook. */
  readonly type: "text" | "date" | "number";
  readonly value: (row: Row, text: ReportText) => string | number | undefined;
}

const w = (en: string, zh: string) => ({ en, zh });

const findingColumns: readonly SheetColumn<Finding>[] = [
  { header: (t) => t.groupHeading(), width: 16, type: "text", value: (f, t) => t.groupName(groupOf(f)) },
  { header: words.kind, width: 8, type: "text", value: (f, t) => t.kindText(f.kind) },
  { header: words.title, width: 40, type: "text", value: (f) => f.title },
  { header: words.rule, width: 28, type: "text", value: (f) => f.rule },
  { header: w("Requirement", "要求"), width: 8, type: "text", value: (f, t) => t.modalityText(f.modality) },
  { header: words.subject, width: 18, type: "text", value: (f, t) => t.subjectText(f) },
  { header: words.period, width: 10, type: "text", value: (f) => f.period },
  { header: words.status, width: 16, type: "text", value: (f, t) => t.statusText(f) },
  { header: words.due, width: 12, type: "date", value: (f) => f.due },
  { header: w("Met on", "完成日期"), width: 12, type: "date", value: (f) => f.metOn },
  { header: words.overdueDays, width: 10, type: "number", value: (f) => f.overdueDays },
  { header: words.holder, width: 24, type: "text", value: (f) => f.holder },
  {
    header: words.targets,
    width: 24,
    type: "text",
    value: (f, t) => (f.targets === undefined ? undefined : t.list(f.targets)),
  },
  {
    header: words.causes,
    width: 30,
    type: "text",
    value: (f, t) => (f.causes === undefined ? undefined : t.list(f.causes)),
  },
  { header: w("Clauses", "依据条款"), width: 12, type: "text", value: (f, t) => t.list(f.cites) },
];

const actionColumns: readonly SheetColumn<Action>[] = [
  {
    header: words.holder,
    width: 24,
    type: "text",
    value: (a, t) => a.responsible || reportWords(t.lang).noHolder,
  },
  { header: (t) => t.groupHeading(), width: 16, type: "text", value: (a, t) => t.groupName(a.group) },
  {
    header: w("Action", "事项"),
    width: 10,
    type: "text",
    value: (a, t) => reportWords(t.lang).actionKind[a.kind],
  },
  { header: words.title, width: 40, type: "text", value: (a) => a.finding.title },
  { header: words.subject, width: 18, type: "text", value: (a, t) => t.subjectText(a.finding) },
  { header: words.period, width: 10, type: "text", value: (a) => a.finding.period },
  { header: words.status, width: 16, type: "text", value: (a, t) => t.statusText(a.finding) },
  { header: w("Since", "起算日期"), width: 12, type: "date", value: (a) => a.since },
  { header: w("Days", "天数"), width: 8, type: "number", value: (a) => a.days },
  { header: w("Clauses", "依据条款"), width: 12, type: "text", value: (a, t) => t.list(a.finding.cites) },
];

/**
 * The result as an Excel workbook: the actions (as the HTML report lists them, most overdue first)
 * and every finding, one sheet each; headers in the reader's language, dates as dates, a filter
 * on every column and the header row frozen.
 */
export async function renderXlsx(result: EvaluationResult, options: ReportOptions): Promise<Uint8Array> {
  const text = new ReportText(options.lang, options.labels);
  const rw = reportWords(options.lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Remit";
  // The evaluation date, not the clock: the same result gives the same workbook properties.
  workbook.created = workbook.modified = isoToDate(result.asOf) ?? new Date(0);
  addSheet(workbook, rw.actions, actionColumns, actionsOf(result), text);
  addSheet(workbook, rw.findings, findingColumns, findingsInGroupOrder(result), text);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * Every finding as CSV (RFC 4180: CRLF line ends, fields quoted where needed), in UTF-8 with a byte
 * order mark, which is what makes Excel read the Chinese right.
 */
export function renderCsv(result: EvaluationResult, options: ReportOptions): string {
  const text = new ReportText(options.lang, options.labels);
  const lines = [
    findingColumns.map((c) => headerOf(c, text)),
    ...findingsInGroupOrder(result).map((f) => findingColumns.map((c) => csvText(c, c.value(f, text)))),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(",")).join("\r\n")}\r\n`;
}

function headerOf<Row>(column: SheetColumn<Row>, text: ReportText): string {
  return typeof column.header === "function" ? column.header(text) : column.header[text.lang];
}

function addSheet<Row>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn<Row>[],
  rows: readonly Row[],
  text: ReportText,
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    header: headerOf(c, text),
    width: c.width,
    ...(c.type === "date" ? { style: { numFmt: "yyyy-mm-dd" } } : {}),
  }));
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const value = c.value(row, text);
        return c.type === "date" && typeof value === "string" ? (isoToDate(value) ?? value) : value;
      }),
    );
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** Findings by group, the county level last, each group in the result's order. */
function findingsInGroupOrder(result: EvaluationResult): Finding[] {
  return groupOrder(result.findings.map(groupOf)).flatMap((group) =>
    result.findings.filter((f) => groupOf(f) === group),
  );
}

/** A date as Excel stores one: midnight UTC of that day, shown without a time. */
function isoToDate(iso: string): Date | undefined {
  const day = parseIsoDate(iso);
  return day === undefined ? undefined : new Date(day * 86_400_000);
}

/**
 * A text cell starting with `=`, `+`, `-` or `@` would be run as a formula by a spreadsheet that
 * opens the CSV; such text from the facts is kept as text by a leading apostrophe.
 */
function csvText<Row>(column: SheetColumn<Row>, value: string | number | undefined): string {
  if (value === undefined) return "";
  const text = String(value);
  return column.type === "text" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
