import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { EvaluationResult, Finding } from "@remit/engine";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";
import { actionsOf } from "./actions.js";
import { renderCsv } from "./sheet.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const evalArgs = ["eval", "policies/ziyuan-2026", "--facts", "examples/ziyuan-county/facts.json"];
const scratch = mkdtempSync(path.join(tmpdir(), "remit-sheet-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function remit(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const code = await run(argv, { stdout, stderr, env: {}, cwd: repoRoot });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

async function resultOfCounty(): Promise<EvaluationResult> {
  return JSON.parse((await remit([...evalArgs, "--format", "json"])).stdout) as EvaluationResult;
}

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe("remit eval --format xlsx", () => {
  it("writes the actions and every finding as sheets, with Chinese headers, dates as dates, filters and a frozen header", async () => {
    const result = await resultOfCounty();
    const file = path.join(scratch, "county.xlsx");
    const { code, stderr } = await remit([...evalArgs, "--format", "xlsx", "--out", file]);
    expect(code, stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["待处理事项", "全部结果"]);

    const [actions, findings] = workbook.worksheets;
    if (actions === undefined || findings === undefined) throw new Error("sheets missing");
    expect(findings.rowCount).toBe(result.findings.length + 1);
    expect(actions.rowCount).toBe(actionsOf(result).length + 1);
    const headers = (findings.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain("截止日期");
    expect(headers).toContain("责任主体");
    for (const sheet of [actions, findings]) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeDefined();
    }

    // A due date is a date cell holding that day.
    const dueColumn = headers.indexOf("截止日期") + 1;
    const withDue = result.findings.findIndex((f) => f.due !== undefined);
    const cell = findings.getRow(withDue + 2).getCell(dueColumn);
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString().slice(0, 10)).toBe(result.findings[withDue]?.due);
    expect(cell.numFmt).toBe("yyyy-mm-dd");

    // The action list is sorted as the HTML report's: the most overdue first.
    const daysColumn = (actions.getRow(1).values as unknown[]).indexOf("天数");
    const days = actions.getColumn(daysColumn).values.slice(2) as number[];
    expect(days.length).toBeGreaterThan(3);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
  });

  it("speaks English with --lang en", async () => {
    const file = path.join(scratch, "county-en.xlsx");
    expect((await remit([...evalArgs, "--format", "xlsx", "--out", file, "--lang", "en"])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Actions", "All findings"]);
    expect(workbook.getWorksheet("All findings")?.getRow(1).values).toContain("Due");
  });

  it("asks for a file to write to, and takes --out only for a spreadsheet", async () => {
    const noFile = await remit([...evalArgs, "--format", "xlsx", "--lang", "en"]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("add '--out FILE'");
    const html = await remit([
      ...evalArgs,
      "--format",
      "html",
      "--out",
      path.join(scratch, "x.html"),
      "--lang",
      "en",
    ]);
    expect(html.code).toBe(2);
    expect(html.stderr).toContain("'--out FILE' is for '--format xlsx' and '--format csv'");
    const nowhere = await remit([
      ...evalArgs,
      "--format",
      "xlsx",
      "--out",
      path.join(scratch, "no", "such", "dir.xlsx"),
    ]);
    expect(nowhere.code).toBe(2);
  });
});

describe("remit eval --format csv", () => {
  it("prints every finding as RFC 4180 CSV in UTF-8 with a byte order mark", async () => {
    const result = await resultOfCounty();
    const { stdout } = await remit([...evalArgs, "--format", "csv"]);
    expect(stdout.startsWith("\uFEFF乡（镇）,")).toBe(true);
    const rows = parseCsv(stdout.slice(1));
    expect(rows.length).toBe(result.findings.length + 1);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([rows[0]?.length]));
    const file = path.join(scratch, "county.csv");
    expect((await remit([...evalArgs, "--format", "csv", "--out", file])).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(stdout);
  });

  it("gives back any text as written, formulas kept as text (property)", () => {
    const text = fc.string({ unit: fc.constantFrom('"', ",", "\r", "\n", "=", "+", "a", "镇", " ") });
    fc.assert(
      fc.property(text, text, (title, holder) => {
        const finding: Finding = {
          rule: "r",
          title,
          kind: "duty",
          modality: "must",
          status: "overdue",
          subject: { collection: "townships", id: "T01" },
          holder,
          cites: [],
          explanation: { holds: false, because: [] },
        };
        const result: EvaluationResult = {
          policy: { name: "p", version: null, hash: "0" },
          asOf: "2026-11-28",
          params: {},
          findings: [finding],
          summary: { total: 1, byKind: {}, byGroup: {} },
        };
        const [header, row] = parseCsv(renderCsv(result, { lang: "zh" }).slice(1));
        const at = (name: string) => row?.[header?.indexOf(name) ?? -1];
        const kept = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
        expect(at("名称")).toBe(kept(title));
        expect(at("责任主体")).toBe(kept(holder));
      }),
    );
  });
});
