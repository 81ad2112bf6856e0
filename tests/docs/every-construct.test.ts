/**
 * examples/every-construct: a policy that uses every construct of the language. It must check
 * clean, evaluate on its facts, and use every keyword, operator, aggregate and built-in the
 * implementation knows, so these tests fail when the language grows and the example does not.
 */
import { compile, type Finding } from "@remit/engine";
import {
  analyze,
  builtinFunctionDeclarations,
  format,
  keywordTokens,
  type Module,
  memoryHost,
  tokenize,
} from "@remit/lang";
import { describe, expect, it } from "vitest";
import { remitBlocks } from "./src/fences.js";
import { readRepoFile } from "./src/paths.js";
import { errorsOf, showDiagnostics } from "./src/show.js";

const folder = "examples/every-construct";
const entry = `${folder}/policy.remit.md`;
const files: Record<string, string> = {
  [entry]: readRepoFile(entry),
  [`${folder}/standard.remit`]: readRepoFile(`${folder}/standard.remit`),
};
const facts: unknown = JSON.parse(readRepoFile(`${folder}/facts.json`));

/** The code of each file: a literate file's `remit` blocks, a plain file whole. */
function codeOf(path: string, text: string): string {
  return path.endsWith(".remit.md")
    ? remitBlocks(text)
        .map((b) => b.text)
        .join("\n")
    : text;
}

const tokens = Object.entries(files).flatMap(([path, text]) => tokenize(codeOf(path, text), path).tokens);

/** Every `kind` in a syntax tree, with the operator or value that tells its variants apart. */
function nodeVariants(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) nodeVariants(item, into);
  } else if (node !== null && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (typeof record.kind === "string") {
      into.add(record.kind);
      for (const key of ["operator", "unit", "value", "name", "origin"] as const) {
        const variant = record[key];
        if (typeof variant === "string" && record.kind !== "StringLiteral" && record.kind !== "DateLiteral") {
          into.add(`${record.kind}:${variant}`);
        }
      }
      if (record.kind === "IsSetExpr") into.add(`IsSetExpr:${record.negated ? "missing" : "set"}`);
      if (record.kind === "PrimitiveType" && record.planned === true) into.add("PrimitiveType:planned");
      if (record.kind === "PrimitiveType" && record.unit !== undefined) into.add("PrimitiveType:unit");
      if (record.kind === "ReferenceSpec" && record.optional === true) into.add("ReferenceSpec:optional");
      if (record.kind === "Cause" && Array.isArray(record.targets) && record.targets.length > 0)
        into.add("Cause:targets");
      if (record.kind === "Subject")
        into.add(record.variable === undefined ? "Subject:record" : "Subject:each");
    }
    for (const [key, value] of Object.entries(record)) if (key !== "span") nodeVariants(value, into);
  }
  return into;
}

describe("examples/every-construct", () => {
  const analyzed = analyze(entry, memoryHost(files));

  it("checks without errors", () => {
    expect(showDiagnostics(errorsOf(analyzed.diagnostics))).toBe("");
  });

  it("checks without warnings either", () => {
    expect(showDiagnostics(analyzed.diagnostics)).toBe("");
  });

  it("uses every keyword of the lexer's vocabulary", () => {
    const used = new Set(tokens.map((t) => t.tokenType.name));
    expect(Object.keys(keywordTokens).filter((name) => !used.has(name))).toEqual([]);
  });

  it("uses every spelling of every operator", () => {
    const used = new Set(tokens.map((t) => t.image));
    const operators = [
      "+",
      "-",
      "*",
      "/",
      "=",
      "!=",
      "≠",
      "<",
      "<=",
      "≤",
      ">",
      ">=",
      "≥",
      "->",
      ".",
      ",",
      ":",
    ];
    const brackets = ["(", ")", "[", "]", "{", "}"];
    expect([...operators, ...brackets].filter((op) => !used.has(op))).toEqual([]);
  });

  it("calls every built-in function and reads every built-in name", () => {
    const words = new Set(tokens.map((t) => t.image));
    const uncalled = builtinFunctionDeclarations.filter(
      (fn) => !words.has(fn.spellings.en) && !words.has(fn.spellings.zh),
    );
    expect(uncalled.map((fn) => fn.name)).toEqual([]);
    for (const name of ["评估日", "周期", "开始", "结束"]) expect(words).toContain(name);
  });

  it("builds every kind of syntax node and every operator variant", () => {
    const variants = nodeVariants(analyzed.modules as readonly Module[], new Set());
    const expected = [
      ...[
        "ClauseDecl:code",
        "ClauseDecl:heading",
        "ParamDecl",
        "TypeDecl",
        "CollectionDecl",
        "RecordDecl",
        "DefineDecl",
      ],
      ...[
        "DutyRule",
        "EscalationRule",
        "AccountabilityRule",
        "Subject:each",
        "Subject:record",
        "LetBinding",
        "Cause",
        "Cause:targets",
      ],
      ...["Modality:must", "Modality:should", "Modality:may", "EscalationLevel", "Import", "PolicyHeader"],
      ...["ByDeadline", "WithinDeadline", "RecurringDeadline"],
      ...[
        "RecurringDeadline:week",
        "RecurringDeadline:month",
        "RecurringDeadline:quarter",
        "RecurringDeadline:year",
      ],
      ...["DurationLiteral:day", "DurationLiteral:week", "DurationLiteral:month", "DurationLiteral:quarter"],
      "DurationLiteral:year",
      ...["PrimitiveType:text", "PrimitiveType:integer", "PrimitiveType:decimal", "PrimitiveType:bool"],
      ...["PrimitiveType:date", "PrimitiveType:duration", "PrimitiveType:planned", "PrimitiveType:unit"],
      ...[
        "EnumType",
        "ListType",
        "OptionalType",
        "RecordType",
        "NamedType",
        "ReferenceSpec",
        "ReferenceSpec:optional",
      ],
      ...["NumberLiteral", "StringLiteral", "BoolLiteral", "DateLiteral", "NoneLiteral", "ListLiteral"],
      ...["NameExpr", "MemberExpr", "CallExpr", "IfExpr", "ParenExpr", "IsSetExpr:set", "IsSetExpr:missing"],
      ...["UnaryExpr:not", "UnaryExpr:-"],
      ...["+", "-", "*", "/", "=", "!=", "<", "<=", ">", ">=", "and", "or", "in"].map(
        (op) => `BinaryExpr:${op}`,
      ),
      ...["count", "any", "all", "sum", "min", "max", "latest", "earliest"].map(
        (op) => `AggregateExpr:${op}`,
      ),
      "Comment",
    ];
    expect(expected.filter((variant) => !variants.has(variant))).toEqual([]);
  });
});

describe("examples/every-construct evaluated on its facts", () => {
  const compiled = compile({ files, entry });
  const outcome = "policy" in compiled ? compiled.policy.evaluate(facts) : undefined;
  const findings: readonly Finding[] = outcome && "result" in outcome ? outcome.result.findings : [];
  const find = (rule: string, id: string, period?: string): Finding | undefined =>
    findings.find(
      (f) => f.rule === rule && f.subject.id === id && (period === undefined || f.period === period),
    );

  it("compiles and evaluates without errors", () => {
    expect(showDiagnostics(errorsOf(compiled.diagnostics))).toBe("");
    expect(outcome && "errors" in outcome ? outcome.errors : []).toEqual([]);
    expect(outcome && "result" in outcome ? outcome.result.asOf : undefined).toBe("2026-11-28");
  });

  it("has findings for every rule", () => {
    const rules = "policy" in compiled ? compiled.policy.rules.map((r) => r.id) : [];
    expect(rules.length).toBe(21);
    expect(rules.filter((id) => !findings.some((f) => f.rule === id))).toEqual([]);
  });

  it("counts day X+N of a relative deadline as in time", () => {
    expect(find("重大隐患-挂牌督办", "H002")).toMatchObject({
      status: "met",
      due: "2026-10-20",
      metOn: "2026-10-20",
    });
    expect(find("重大隐患-挂牌督办", "H002")?.late ?? false).toBe(false);
  });

  it("reports a date requirement met after its deadline as late", () => {
    expect(find("村-防火公约", "V002")).toMatchObject({
      status: "met",
      due: "2026-04-30",
      metOn: "2026-05-08",
      late: true,
    });
    expect(find("村-防火公约", "V101")).toMatchObject({ status: "overdue", overdueDays: 212 });
  });

  it("moves an overdue case one level up from the day after its overdue date", () => {
    expect(find("一般隐患-逐级处置", "H001")).toMatchObject({
      status: "县级",
      overdue: true,
      reached: { 网格: "2026-10-01", 乡镇级: "2026-10-17", 县级: "2026-11-01" },
    });
  });

  it("reaches a when level while its condition holds, and closes a case on its closing date", () => {
    expect(find("一般隐患-逐级处置", "H003")).toMatchObject({ status: "县级", overdue: false });
    expect(find("一般隐患-逐级处置", "H004")).toMatchObject({ status: "closed", closedOn: "2026-08-25" });
  });

  it("judges accountability as at the day of the fire", () => {
    expect(find("火灾-责任倒查", "F001")).toMatchObject({
      status: "triggered",
      asAt: "2026-09-12",
      causes: ["基层消防组织不健全", "人员力量配备不足"],
      targets: ["车田苗族乡人民政府", "资源县消防安全委员会办公室"],
    });
  });

  it("judges a recurring duty once per period, each due on its last day; a past period unmet is missed", () => {
    const quarters = findings.filter((f) => f.rule === "乡镇-季度研判" && f.subject.id === "T02");
    expect(quarters.map((f) => [f.due, f.status, f.overdueDays])).toEqual([
      ["2026-03-31", "missed", undefined],
      ["2026-06-30", "met", undefined],
      ["2026-09-30", "missed", undefined],
      ["2026-12-31", "pending", undefined],
    ]);
  });

  it("dates a half year's duty after the period's end (每半年终了后15日内)", () => {
    const halves = findings.filter((f) => f.rule === "县-半年总结");
    expect(halves.map((f) => [f.period, f.due, f.status])).toEqual([
      ["2026-H1", "2026-07-15", "missed"],
      ["2026-H2", "2027-01-15", "met"],
    ]);
    const english = findings.filter((f) => f.rule === "县-半年研判");
    expect(english.map((f) => [f.period, f.due])).toEqual([
      ["2026-H1", "2026-07-30"],
      ["2026-H2", "2027-01-31"],
    ]);
  });

  it("reports a prohibition violated on the day the forbidden thing happened", () => {
    expect(find("场所-不得占用通道", "P002")).toMatchObject({
      status: "violated",
      modality: "mustNot",
      violatedOn: "2026-10-05",
    });
    expect(find("场所-不得占用通道", "P001")).toMatchObject({ status: "met" });
    expect(find("场所-不得封闭通道", "P002")).toMatchObject({ status: "violated" });
  });

  it("reports an unmet may duty as advisory", () => {
    const weeks = findings.filter((f) => f.rule === "场所-每周自查" && f.subject.id === "P001");
    expect(weeks.map((f) => f.status)).toEqual(["met", "advisory", "met", "advisory"]);
  });
});

describe("examples/every-construct through the formatter", () => {
  /** Findings without their explanations, which quote the source as written. */
  function findingsOfFiles(sources: Record<string, string>): unknown[] {
    const compiled = compile({ files: sources, entry });
    if (!("policy" in compiled)) return [showDiagnostics(compiled.diagnostics)];
    const outcome = compiled.policy.evaluate(facts);
    if ("errors" in outcome) return [...outcome.errors];
    return outcome.result.findings.map(({ explanation: _explanation, ...rest }) => rest);
  }

  function formatAll(keywords: "en" | "zh" | "preserve"): Record<string, string> {
    return Object.fromEntries(
      Object.entries(files).map(([path, text]) => [path, format(text, path, { keywords }).text]),
    );
  }

  it("is a fixed point of formatting", () => {
    const once = formatAll("preserve");
    for (const [path, text] of Object.entries(once)) expect(format(text, path).text).toBe(text);
  });

  it("evaluates the same with its keywords spelt in English or in Chinese", () => {
    const original = findingsOfFiles(files);
    expect(original.length).toBeGreaterThan(0);
    const english = formatAll("en");
    expect(english[entry]).toMatch(/^duty /m);
    expect(english[entry]).not.toMatch(/^职责 /m);
    expect(findingsOfFiles(english)).toEqual(original);
    expect(findingsOfFiles(formatAll("zh"))).toEqual(original);
  });
});
