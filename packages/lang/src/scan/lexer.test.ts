import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../dates/index.js";
import { keywords } from "../syntax/keywords.js";
import { stringValue, tokenize } from "./lexer.js";

function kinds(text: string): string[] {
  return tokenize(text, "t.remit").tokens.map((t) => t.tokenType.name);
}

describe("keywords", () => {
  const spellings = keywords.flatMap((k) => [...k.en, ...k.zh].map((s) => [k.name, s] as const));

  it.each(spellings)("%s is spelt %s", (name, spelling) => {
    const result = tokenize(` ${spelling} `, "t.remit");
    expect(result.diagnostics).toEqual([]);
    // `working days` is two words, read as `working` and the unit `days` (the grammar joins them).
    const expected = spelling.includes(" ")
      ? spelling.split(" ").map((word) => keywords.find((k) => [...k.en, ...k.zh].includes(word))?.name)
      : [name];
    expect(result.tokens.map((t) => t.tokenType.name)).toEqual(expected);
  });

  it("gives each spelling to one keyword only", () => {
    const all = spellings.map(([, s]) => s);
    expect(new Set(all).size).toBe(all.length);
  });

  it("reads a keyword followed by more letters as an identifier, in both languages", () => {
    expect(kinds("dutyRoster 职责人 integers 日期表 每周期")).toEqual([
      "Identifier",
      "Identifier",
      "Identifier",
      "Identifier",
      "Identifier",
    ]);
  });

  it("tells apart keywords where one spelling starts another", () => {
    expect(kinds("日 日期 in integer 每周 周 每个 个月 个季度")).toEqual([
      "Day",
      "DateType",
      "In",
      "Integer",
      "EveryWeek",
      "Week",
      "Each",
      "Month",
      "Quarter",
    ]);
  });
});

describe("identifiers and literals", () => {
  it("reads Chinese identifiers and member paths", () => {
    const result = tokenize("乡镇.专职消防队 _x1 foundOn", "t.remit");
    expect(result.diagnostics).toEqual([]);
    expect(result.tokens.map((t) => [t.tokenType.name, t.image])).toEqual([
      ["Identifier", "乡镇"],
      ["Dot", "."],
      ["Identifier", "专职消防队"],
      ["Identifier", "_x1"],
      ["Identifier", "foundOn"],
    ]);
  });

  it("reads durations with units written together or apart", () => {
    expect(kinds("15天 6 个月 1 quarter 2 weeks 3个季度")).toEqual([
      "NumberLiteral",
      "Day",
      "NumberLiteral",
      "Month",
      "NumberLiteral",
      "Quarter",
      "NumberLiteral",
      "Week",
      "NumberLiteral",
      "Quarter",
    ]);
  });

  it("reads dates before numbers and clause ids as numbers", () => {
    expect(kinds("2026-12-31 2.1.3 2.5 15")).toEqual([
      "DateLiteral",
      "NumberLiteral",
      "NumberLiteral",
      "NumberLiteral",
    ]);
  });

  it("checks that dates are calendar dates", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-04-31")).toBe(false);
    const result = tokenize("2026-02-30", "t.remit");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["R1005"]);
  });

  it("reads strings with escapes, and keeps full-width punctuation inside them", () => {
    const result = tokenize('"a\\"b\\\\c\\nd（：）"', "t.remit");
    expect(result.diagnostics).toEqual([]);
    expect(stringValue(result.tokens[0]?.image ?? "")).toBe('a"b\\c\nd（：）');
  });

  it("reports an unknown escape", () => {
    const result = tokenize('"a\\tb"', "t.remit");
    expect(result.diagnostics.map((d) => [d.code, d.span.start.column])).toEqual([["R1004", 3]]);
  });

  it("reports a string left open at the end of the line and reads on", () => {
    const result = tokenize('"open\nduty', "t.remit");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["R1003"]);
    expect(kinds('"open\nduty')).toEqual(["StringLiteral", "Duty"]);
  });

  it("keeps comments apart, with their text and span", () => {
    const result = tokenize("duty # 注释：全角也可以\nx", "t.remit");
    expect(result.diagnostics).toEqual([]);
    expect(result.comments).toEqual([
      {
        kind: "Comment",
        text: " 注释：全角也可以",
        span: {
          file: "t.remit",
          start: { offset: 5, line: 1, column: 6 },
          end: { offset: 15, line: 1, column: 16 },
        },
      },
    ]);
    expect(kinds("duty # 注释\nx")).toEqual(["Duty", "Identifier"]);
  });

  it("reads the operators, including ≠ ≤ ≥", () => {
    expect(kinds("+ - * / = != < <= > >= ≠ ≤ ≥ -> . , : ( ) [ ] { }")).toEqual([
      "Plus",
      "Minus",
      "Star",
      "Slash",
      "Equal",
      "NotEqual",
      "Less",
      "LessEqual",
      "Greater",
      "GreaterEqual",
      "NotEqual",
      "LessEqual",
      "GreaterEqual",
      "Arrow",
      "Dot",
      "Comma",
      "Colon",
      "LParen",
      "RParen",
      "LBracket",
      "RBracket",
      "LBrace",
      "RBrace",
    ]);
  });
});

describe("full-width punctuation", () => {
  const cases: [string, string, string][] = [
    ["（", "(", "LParen"],
    ["）", ")", "RParen"],
    ["：", ":", "Colon"],
    ["，", ",", "Comma"],
    ["＝", "=", "Equal"],
    ["＜", "<", "Less"],
    ["＞", ">", "Greater"],
    ["［", "[", "LBracket"],
    ["］", "]", "RBracket"],
    ["｛", "{", "LBrace"],
    ["｝", "}", "RBrace"],
  ];

  it.each(cases)("reads %s as %s, with a diagnostic naming it", (full, ascii, kind) => {
    const result = tokenize(`a ${full} b`, "t.remit");
    expect(result.tokens.map((t) => t.tokenType.name)).toEqual(["Identifier", kind, "Identifier"]);
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0];
    expect(d?.code).toBe("R1002");
    expect(d?.message.en).toContain(`use '${ascii}'`);
    expect(d?.message.zh).toContain(`“${ascii}”`);
    expect(d?.span.start.column).toBe(3);
  });

  it("reads “…” as a string, naming the ASCII quote", () => {
    const result = tokenize("“资源县”", "t.remit");
    expect(result.tokens.map((t) => t.tokenType.name)).toEqual(["StringLiteral"]);
    expect(stringValue(result.tokens[0]?.image ?? "")).toBe("资源县");
    expect(result.diagnostics.map((d) => [d.code, d.message.en])).toEqual([
      ["R1002", `full-width '“' outside a string or comment: use '"'`],
    ]);
  });

  it("drops a full-width semicolon with a diagnostic", () => {
    const result = tokenize("a；b", "t.remit");
    expect(result.tokens.map((t) => t.image)).toEqual(["a", "b"]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["R1002"]);
  });
});

describe("unknown characters", () => {
  it("reports them and skips them", () => {
    const result = tokenize("a @ b 。", "t.remit");
    expect(result.tokens.map((t) => t.image)).toEqual(["a", "b"]);
    expect(result.diagnostics.map((d) => [d.code, d.message.en, d.span.start.column])).toEqual([
      ["R1001", "unexpected character '@'", 3],
      ["R1001", "unexpected character '。'", 7],
    ]);
  });

  it("never throws and keeps tokens inside the text, in order", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const result = tokenize(text, "t.remit");
        let previousEnd = 0;
        for (const token of result.tokens) {
          expect(token.startOffset).toBeGreaterThanOrEqual(previousEnd);
          expect(text.slice(token.startOffset, token.startOffset + token.image.length)).toBe(token.image);
          previousEnd = token.startOffset + token.image.length;
        }
      }),
      { numRuns: 300 },
    );
  });
});
