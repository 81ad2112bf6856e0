import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Expr, Module, Span } from "../syntax/ast.js";
import { parse } from "./parse.js";
import { chinesePolicy, englishPolicy } from "./testdata/policies.js";

/** A node without its spans, for comparing shapes. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, v]) => key !== "span" && v !== undefined)
        .map(([key, v]) => [key, shape(v)]),
    );
  }
  return value;
}

function parseExpr(text: string): Expr {
  const result = parse(`define x = ${text}`, "e.remit");
  expect(result.diagnostics.map((d) => d.message.en)).toEqual([]);
  const decl = result.module.declarations[0];
  if (decl?.kind !== "DefineDecl") throw new Error("expected a define");
  return decl.body;
}

const name = (n: string) => ({ kind: "NameExpr", name: { kind: "Identifier", name: n } });
const num = (raw: string) => ({ kind: "NumberLiteral", value: Number(raw), raw });

describe("the examples of docs/language.md", () => {
  const doc = readFileSync(fileURLToPath(new URL("../../../../docs/language.md", import.meta.url)), "utf8");
  const blocks = [...doc.matchAll(/```remit\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

  it("has examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it.each(blocks.map((b, i) => [i + 1, b]))("example %i parses without diagnostics", (_, block) => {
    const result = parse(String(block), "example.remit");
    expect(result.diagnostics).toEqual([]);
    expect(result.module.declarations.length + result.module.imports.length).toBeGreaterThan(0);
  });
});

describe("a policy in Chinese keywords", () => {
  const result = parse(chinesePolicy, "资源县.remit");

  it("parses without diagnostics", () => {
    expect(
      result.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.message.zh}`),
    ).toEqual([]);
  });

  it("reads the header, the import and every declaration", () => {
    const m = result.module;
    expect(m.header?.name.value).toBe("资源县加强基层消防力量建设实施方案");
    expect(m.header?.source?.value).toBe("资政办函〔2026〕2号");
    expect(m.header?.effective?.value).toBe("2026-02-13");
    expect(shape(m.header?.warning)).toEqual({ kind: "DurationLiteral", amount: 30, unit: "day" });
    expect(m.imports.map((i) => [i.path.value, i.alias.name])).toEqual([
      ["../standards/gbt-35547-2017.remit", "国标"],
    ]);
    expect(m.declarations.map((d) => d.kind)).toEqual([
      "ClauseDecl",
      "ParamDecl",
      "TypeDecl",
      "CollectionDecl",
      "CollectionDecl",
      "RecordDecl",
      "DefineDecl",
      "DutyRule",
      "DutyRule",
      "EscalationRule",
      "AccountabilityRule",
    ]);
    expect(m.comments.map((c) => c.text)).toEqual([" 全部用中文关键字写的政策"]);
  });

  it("reads the rules", () => {
    const [listing, analysis, ladder, accountability] = result.module.declarations.slice(7);
    if (listing?.kind !== "DutyRule" || analysis?.kind !== "DutyRule") throw new Error("duties");
    expect(listing.id.text).toBe("重大隐患-挂牌");
    expect(listing.modality?.value).toBe("must");
    expect(listing.subject?.variable?.name).toBe("h");
    expect(listing.lets.map((l) => l.name.name)).toEqual(["t"]);
    expect(shape(listing.deadline)).toEqual({
      kind: "WithinDeadline",
      duration: name("挂牌期限"),
      from: { kind: "MemberExpr", object: name("h"), property: { kind: "Identifier", name: "发现日" } },
      pauses: [],
    });
    expect(analysis.modality?.value).toBe("should");
    expect(analysis.cites.map((c) => c.id)).toEqual(["2.1.3", "1"]);
    expect(shape(analysis.subject)).toEqual({ kind: "Subject", source: name("县") });
    expect(analysis.deadline?.kind === "RecurringDeadline" && analysis.deadline.unit).toBe("quarter");
    if (ladder?.kind !== "EscalationRule") throw new Error("escalation");
    expect(ladder.modality?.value).toBe("may");
    expect(
      ladder.levels.map((l) => [l.name.name, l.label?.value, l.after?.kind, l.when?.kind, l.holder?.kind]),
    ).toEqual([
      ["网格", "网格", undefined, undefined, undefined],
      ["乡镇级", "乡镇", "DurationLiteral", undefined, "StringLiteral"],
      ["县级", "县", undefined, "IsSetExpr", undefined],
    ]);
    expect(ladder.closes?.kind === "IsSetExpr" && ladder.closes.negated).toBe(false);
    expect(ladder.overdueAfter?.kind).toBe("MemberExpr");
    if (accountability?.kind !== "AccountabilityRule") throw new Error("accountability");
    expect(accountability.asAt?.kind).toBe("MemberExpr");
    expect(accountability.causes.map((c) => c.label.value)).toEqual(["基层消防组织不健全"]);
    expect(accountability.targets.map((t) => t.kind)).toEqual(["StringLiteral", "CallExpr"]);
    const call = accountability.targets[1];
    expect(call?.kind === "CallExpr" && call.callee.parts.map((p) => p.name)).toEqual(["国标", "主管"]);
  });
});

describe("a policy in English keywords", () => {
  const result = parse(englishPolicy, "ziyuan.remit");

  it("parses without diagnostics", () => {
    expect(
      result.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.message.en}`),
    ).toEqual([]);
  });

  it("reads fields, references and types", () => {
    const townships = result.module.declarations.find((d) => d.kind === "CollectionDecl");
    if (townships?.kind !== "CollectionDecl") throw new Error("collection");
    expect(shape(townships.fields.map((f) => f.type ?? f.reference))).toEqual([
      { kind: "PrimitiveType", name: "text", planned: false },
      {
        kind: "NamedType",
        name: { kind: "QualifiedName", parts: [{ kind: "Identifier", name: "TeamKind" }] },
      },
      {
        kind: "PrimitiveType",
        name: "integer",
        unit: { kind: "Identifier", name: "people" },
        planned: false,
      },
      { kind: "PrimitiveType", name: "decimal", unit: { kind: "Identifier", name: "km2" }, planned: false },
      { kind: "OptionalType", inner: { kind: "PrimitiveType", name: "date", planned: false } },
      { kind: "PrimitiveType", name: "text", planned: false },
      { kind: "PrimitiveType", name: "date", planned: false },
      {
        kind: "ListType",
        element: {
          kind: "RecordType",
          fields: [
            {
              kind: "FieldDecl",
              name: { kind: "Identifier", name: "pactOn" },
              type: { kind: "OptionalType", inner: { kind: "PrimitiveType", name: "date", planned: false } },
            },
          ],
        },
      },
      {
        kind: "ReferenceSpec",
        target: {
          kind: "QualifiedName",
          parts: [
            { kind: "Identifier", name: "gbt" },
            { kind: "Identifier", name: "units" },
          ],
        },
        as: { kind: "Identifier", name: "unit" },
        optional: true,
      },
    ]);
    expect(townships.fields.map((f) => f.name.name)).toContain("level");
    const hazards = result.module.declarations.filter((d) => d.kind === "CollectionDecl")[1];
    expect(hazards?.kind === "CollectionDecl" && hazards.since?.name).toBe("foundOn");
    expect(hazards?.kind === "CollectionDecl" && shape(hazards.fields[1]?.type)).toEqual({
      kind: "OptionalType",
      inner: { kind: "PrimitiveType", name: "date", planned: true },
    });
  });

  it("reads params, types and defines", () => {
    const decls = result.module.declarations;
    const param = decls.find((d) => d.kind === "ParamDecl");
    expect(param?.kind === "ParamDecl" && [param.name.name, param.description?.value]).toEqual([
      "gridDays",
      "general hazards inside the grid",
    ]);
    const enumType = decls.find((d) => d.kind === "TypeDecl");
    expect(enumType?.kind === "TypeDecl" && shape(enumType.type)).toEqual({
      kind: "EnumType",
      values: ["full", "part", "none"].map((value) => ({ kind: "StringLiteral", value })),
    });
    const defines = decls.filter((d) => d.kind === "DefineDecl");
    expect(
      defines.map((d) => d.kind === "DefineDecl" && [d.name.name, d.params.length, d.returnType?.kind]),
    ).toEqual([
      ["hasTeam", 1, "PrimitiveType"],
      ["target", 0, undefined],
      ["noParams", 0, undefined],
    ]);
  });

  it("reads the deadlines", () => {
    const duties = result.module.declarations.filter((d) => d.kind === "DutyRule");
    expect(duties.map((d) => d.kind === "DutyRule" && d.deadline?.kind)).toEqual([
      "ByDeadline",
      "RecurringDeadline",
    ]);
    const recurring = duties[1];
    expect(
      recurring?.kind === "DutyRule" &&
        recurring.deadline?.kind === "RecurringDeadline" &&
        recurring.deadline.until?.kind,
    ).toBe("NameExpr");
  });
});

describe("expressions", () => {
  it("binds loosest to tightest: if, or, and, not, compare, +, *, unary, member", () => {
    expect(shape(parseExpr("a or b and not c = d + e * -f.g"))).toEqual({
      kind: "BinaryExpr",
      operator: "or",
      left: name("a"),
      right: {
        kind: "BinaryExpr",
        operator: "and",
        left: name("b"),
        right: {
          kind: "UnaryExpr",
          operator: "not",
          operand: {
            kind: "BinaryExpr",
            operator: "=",
            left: name("c"),
            right: {
              kind: "BinaryExpr",
              operator: "+",
              left: name("d"),
              right: {
                kind: "BinaryExpr",
                operator: "*",
                left: name("e"),
                right: {
                  kind: "UnaryExpr",
                  operator: "-",
                  operand: {
                    kind: "MemberExpr",
                    object: name("f"),
                    property: { kind: "Identifier", name: "g" },
                  },
                },
              },
            },
          },
        },
      },
    });
  });

  it("folds operators of one level to the left", () => {
    expect(shape(parseExpr("1 - 2 + 3"))).toEqual({
      kind: "BinaryExpr",
      operator: "+",
      left: { kind: "BinaryExpr", operator: "-", left: num("1"), right: num("2") },
      right: num("3"),
    });
    expect(shape(parseExpr("8 / 4 * 2"))).toMatchObject({ operator: "*", left: { operator: "/" } });
  });

  it.each([
    ["!=", "!="],
    ["≠", "!="],
    ["<=", "<="],
    ["≤", "<="],
    [">=", ">="],
    ["≥", ">="],
    ["<", "<"],
    [">", ">"],
    ["=", "="],
    ["in", "in"],
    ["属于", "in"],
  ])("reads the comparison %s", (written, operator) => {
    expect(shape(parseExpr(`a ${written} b`))).toEqual({
      kind: "BinaryExpr",
      operator,
      left: name("a"),
      right: name("b"),
    });
  });

  it("reads is set / is missing in both languages", () => {
    expect(shape(parseExpr("a is set"))).toEqual({ kind: "IsSetExpr", operand: name("a"), negated: false });
    expect(shape(parseExpr("a is missing"))).toEqual({
      kind: "IsSetExpr",
      operand: name("a"),
      negated: true,
    });
    expect(shape(parseExpr("a 有值"))).toEqual({ kind: "IsSetExpr", operand: name("a"), negated: false });
    expect(shape(parseExpr("a 缺失"))).toEqual({ kind: "IsSetExpr", operand: name("a"), negated: true });
  });

  it("reads literals", () => {
    expect(shape(parseExpr("2.5"))).toEqual(num("2.5"));
    expect(shape(parseExpr('"资源县"'))).toEqual({ kind: "StringLiteral", value: "资源县" });
    expect(shape(parseExpr("2026-12-31"))).toEqual({ kind: "DateLiteral", value: "2026-12-31" });
    expect(shape(parseExpr("true"))).toEqual({ kind: "BoolLiteral", value: true });
    expect(shape(parseExpr("假"))).toEqual({ kind: "BoolLiteral", value: false });
    expect(shape(parseExpr("none"))).toEqual({ kind: "NoneLiteral" });
    expect(shape(parseExpr("[]"))).toEqual({ kind: "ListLiteral", elements: [] });
    expect(shape(parseExpr('["一般", "重大"]'))).toEqual({
      kind: "ListLiteral",
      elements: [
        { kind: "StringLiteral", value: "一般" },
        { kind: "StringLiteral", value: "重大" },
      ],
    });
  });

  it.each([
    ["15 days", 15, "day"],
    ["1 day", 1, "day"],
    ["15 天", 15, "day"],
    ["15日", 15, "day"],
    ["2 weeks", 2, "week"],
    ["2 周", 2, "week"],
    ["6 months", 6, "month"],
    ["6 个月", 6, "month"],
    ["1 quarter", 1, "quarter"],
    ["1个季度", 1, "quarter"],
    ["3 years", 3, "year"],
    ["3 年", 3, "year"],
  ])("reads the duration %s", (text, amount, unit) => {
    expect(shape(parseExpr(text))).toEqual({ kind: "DurationLiteral", amount, unit });
  });

  it("reads calls, qualified calls and built-ins spelt like keywords", () => {
    expect(shape(parseExpr("f()"))).toEqual({
      kind: "CallExpr",
      callee: { kind: "QualifiedName", parts: [{ kind: "Identifier", name: "f" }] },
      args: [],
    });
    expect(shape(parseExpr("gbt.requiredClass(t, 1)"))).toEqual({
      kind: "CallExpr",
      callee: {
        kind: "QualifiedName",
        parts: [
          { kind: "Identifier", name: "gbt" },
          { kind: "Identifier", name: "requiredClass" },
        ],
      },
      args: [name("t"), num("1")],
    });
    for (const builtin of ["text", "year", "month"]) {
      expect(parseExpr(`${builtin}(d)`)).toMatchObject({
        kind: "CallExpr",
        callee: { parts: [{ name: builtin }] },
      });
    }
    expect(parseExpr("f(x).y")).toMatchObject({ kind: "MemberExpr", object: { kind: "CallExpr" } });
  });

  it("reads keywords as member names", () => {
    expect(parseExpr("h.level = f.date")).toMatchObject({
      left: { property: { name: "level" } },
      right: { property: { name: "date" } },
    });
    expect(parseExpr("period.开始")).toMatchObject({ kind: "MemberExpr", property: { name: "开始" } });
  });

  it("reads aggregates with filter and value", () => {
    expect(shape(parseExpr("sum(v in t.villages where v.ok : v.members)"))).toEqual({
      kind: "AggregateExpr",
      operator: "sum",
      variable: { kind: "Identifier", name: "v" },
      source: { kind: "MemberExpr", object: name("t"), property: { kind: "Identifier", name: "villages" } },
      filter: { kind: "MemberExpr", object: name("v"), property: { kind: "Identifier", name: "ok" } },
      value: { kind: "MemberExpr", object: name("v"), property: { kind: "Identifier", name: "members" } },
    });
    for (const [written, operator] of [
      ["count", "count"],
      ["any", "any"],
      ["all", "all"],
      ["min", "min"],
      ["max", "max"],
      ["latest", "latest"],
      ["earliest", "earliest"],
      ["计数", "count"],
      ["存在", "any"],
      ["全部", "all"],
      ["求和", "sum"],
      ["最小", "min"],
      ["最大", "max"],
      ["最近", "latest"],
      ["最早", "earliest"],
    ]) {
      expect(parseExpr(`${written}(x in xs)`)).toMatchObject({ kind: "AggregateExpr", operator });
    }
  });

  it("reads if-then-else and keeps parentheses", () => {
    expect(shape(parseExpr("if a then (b) else c"))).toEqual({
      kind: "IfExpr",
      condition: name("a"),
      // biome-ignore lint/suspicious/noThenProperty: the syntax tree names the branch `then`
      then: { kind: "ParenExpr", inner: name("b") },
      else: name("c"),
    });
  });

  it("gives each node the span of its text", () => {
    const text = "define x = a.b + count(v in vs) * 2";
    const result = parse(text, "s.remit");
    const body =
      result.module.declarations[0]?.kind === "DefineDecl" ? result.module.declarations[0].body : undefined;
    const slice = (span: Span | undefined) =>
      span ? text.slice(span.start.offset, span.end.offset) : undefined;
    expect(slice(body?.span)).toBe("a.b + count(v in vs) * 2");
    if (body?.kind !== "BinaryExpr" || body.right.kind !== "BinaryExpr") throw new Error("shape");
    expect(slice(body.left.span)).toBe("a.b");
    expect(slice(body.right.span)).toBe("count(v in vs) * 2");
    expect(slice(body.right.left.span)).toBe("count(v in vs)");
    expect(body.right.left.span.start).toEqual({ offset: 17, line: 1, column: 18 });
  });
});

describe("syntax errors", () => {
  it("reports every error of a file in one run, one per broken declaration", () => {
    const text = [
      'duty a "first" must cites 1 requires x within 3 days h.x',
      'param p: integer = 1 "fine"',
      'duty b "second" must cites requires x',
      "define ok = 1",
      "define c = (1 + ",
      'record r "fine" { x: text }',
    ].join("\n");
    const result = parse(text, "e.remit");
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([
      ["R2001", 1],
      ["R2001", 3],
      ["R2001", 6],
    ]);
    expect(result.module.declarations.map((d) => d.kind)).toEqual([
      "DutyRule",
      "ParamDecl",
      "DutyRule",
      "DefineDecl",
      "RecordDecl",
    ]);
  });

  it("suggests the keyword meant, in either language", () => {
    const english = parse('duty a "t" must cites 1 requirs x', "e.remit").diagnostics;
    expect(english.map((d) => d.suggestions)).toEqual([["requires"]]);
    const chinese = parse('职责 a "t" 必需 依据 1 要求 x', "e.remit").diagnostics;
    expect(chinese.map((d) => d.suggestions)).toEqual([["必须"]]);
    const declaration = parse(
      'dutty a "t" must cites 1 requires x\n职任 b "t" 必须 依据 1 要求 x',
      "e.remit",
    ).diagnostics;
    expect(declaration.map((d) => [d.code, d.suggestions])).toEqual([
      ["R2002", ["duty"]],
      ["R2002", ["职责"]],
    ]);
  });

  it("does not chain comparisons", () => {
    const result = parse("define x = a < b < c", "e.remit");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["R2006"]);
  });

  it("reports a rule with no modality, and keeps the rule", () => {
    const result = parse('duty a "t" cites 1 requires x', "e.remit");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["R2004"]);
    const rule = result.module.declarations[0];
    expect(rule?.kind === "DutyRule" && rule.modality).toBeUndefined();
  });
});

describe("modules", () => {
  it("returns an empty module for an empty file", () => {
    const result = parse("", "empty.remit");
    expect(result.diagnostics).toEqual([]);
    const m: Module = result.module;
    expect(m).toMatchObject({
      kind: "Module",
      file: "empty.remit",
      header: undefined,
      imports: [],
      declarations: [],
    });
  });

  it("leaves a missing header to the checker", () => {
    expect(parse("define x = 1", "x.remit").diagnostics).toEqual([]);
  });
});

describe("targets per accountability cause", () => {
  const head = 'accountability a "t" must cites 3.3 for each f in incidents as at f.date\n';
  const zhHead = '问责 a "t" 必须 依据 3.3 对于 每个 f 属于 incidents 截至 f.date\n';

  /** Each cause's label and target texts, then the rule's own targets. */
  function owners(source: string): { causes: [string, string[]][]; targets: string[] } {
    const result = parse(source, "a.remit");
    expect(result.diagnostics.map((d) => d.message.en)).toEqual([]);
    const rule = result.module.declarations[0];
    if (rule?.kind !== "AccountabilityRule") throw new Error("expected an accountability rule");
    const text = (e: Expr) => source.slice(e.span.start.offset, e.span.end.offset);
    return {
      causes: rule.causes.map((c) => [c.label.value, c.targets.map(text)]),
      targets: rule.targets.map(text),
    };
  }

  it("gives each cause the list after its condition and the rule its last list", () => {
    const body = 'cause "a" when x targets p(t), "q" cause "b" when y targets "r" targets "s", u';
    expect(owners(head + body)).toEqual({
      causes: [
        ["a", ["p(t)", '"q"']],
        ["b", ['"r"']],
      ],
      targets: ['"s"', "u"],
    });
  });

  it("reads the Chinese spelling the same way", () => {
    const body = '原因 "a" 当 x 问责对象 p(t), "q" 原因 "b" 当 y 问责对象 "r"\n  问责对象 "s", u';
    expect(owners(zhHead + body)).toEqual({
      causes: [
        ["a", ["p(t)", '"q"']],
        ["b", ['"r"']],
      ],
      targets: ['"s"', "u"],
    });
  });

  it("reads a single list after the last cause as the rule's own, as before", () => {
    expect(owners(`${head}cause "a" when x targets "q" cause "b" when y\n  targets "s"`)).toEqual({
      causes: [
        ["a", ['"q"']],
        ["b", []],
      ],
      targets: ['"s"'],
    });
    const source = `${head}cause "b" when y targets "s"`;
    const rule = parse(source, "a.remit").module.declarations[0];
    if (rule?.kind !== "AccountabilityRule") throw new Error("expected an accountability rule");
    const cause = rule.causes[0];
    // The cause ends at its condition, so comments and layout stay with the rule's list.
    expect(cause && source.slice(cause.span.start.offset, cause.span.end.offset)).toBe('cause "b" when y');
  });

  it("leaves a rule without any list alone", () => {
    expect(owners(`${head}cause "a" when x cause "b" when y`)).toEqual({
      causes: [
        ["a", []],
        ["b", []],
      ],
      targets: [],
    });
  });
});

describe("mistakes mended so that what is there is not reported missing", () => {
  const parts = [
    "  必须",
    "  依据 1",
    "  对于 每个 h 属于 隐患",
    '  责任主体 "县"',
    "  要求 h.完成",
    "  截止 2026-12-31",
  ];
  const rule = (lines: readonly string[]) => `职责 a "t"\n${lines.join("\n")}\n`;
  const shape = (text: string) => {
    const declaration = parse(text, "p.remit").module.declarations[0];
    if (declaration?.kind !== "DutyRule") return undefined;
    return {
      modality: declaration.modality?.value,
      cites: declaration.cites.map((c) => c.id),
      subject: declaration.subject?.kind,
      holder: declaration.holder?.kind,
      requirement: declaration.requirement?.kind,
      deadline: declaration.deadline?.kind,
    };
  };

  it("reads a rule's parts in any order as the rule in order, with one diagnostic", () => {
    const inOrder = shape(rule(parts));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }),
        (shuffled) => {
          const result = parse(rule(shuffled), "p.remit");
          const codes = result.diagnostics.map((d) => d.code);
          const moved = shuffled.some((line, i) => line !== parts[i]);
          expect(codes).toEqual(moved ? ["R2014"] : []);
          expect(shape(rule(shuffled))).toEqual(inOrder);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps the rule's spans in the text", () => {
    const text = rule([0, 2, 1, 3, 4, 5].map((i) => parts[i] ?? ""));
    const declaration = parse(text, "p.remit").module.declarations[0];
    expect(declaration?.kind === "DutyRule" && declaration.cites[0]?.span.start.line).toBe(4);
    expect(declaration?.span.start.line).toBe(1);
  });

  it("reads a keyword glued to a name as the keyword and the name", () => {
    const result = parse(rule([...parts.slice(0, 2), "  对每个 h 属于隐患", ...parts.slice(3)]), "p.remit");
    expect(result.diagnostics.map((d) => [d.code, d.message.zh])).toEqual([
      ["R2012", "“对每个”中的关键字后缺少空格：请写成“对于 每个”"],
      ["R2012", "“属于隐患”中的关键字后缺少空格：请写成“属于 隐患”"],
    ]);
    const declaration = result.module.declarations[0];
    expect(declaration?.kind === "DutyRule" && declaration.subject?.variable?.name).toBe("h");
  });

  it("leaves names that start with a keyword alone where the parser did not stop", () => {
    const result = parse("定义 要求日期 = 1\n定义 属于县 = 要求日期", "p.remit");
    expect(result.diagnostics).toEqual([]);
  });
});
