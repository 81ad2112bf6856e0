import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../dates/index.js";
import { keywords } from "../syntax/keywords.js";
import { chineseNumeral, dateValue, numeralDurationValue, stringValue, tokenize } from "./lexer.js";

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

  it("reads “…” as a string, showing it in ASCII quotes", () => {
    const result = tokenize("“资源县”", "t.remit");
    expect(result.tokens.map((t) => t.tokenType.name)).toEqual(["StringLiteral"]);
    expect(stringValue(result.tokens[0]?.image ?? "")).toBe("资源县");
    expect(result.diagnostics.map((d) => [d.code, d.message.en, d.message.zh])).toEqual([
      [
        "R1009",
        'the string “资源县” is in full-width quotes: write "资源县"',
        '字符串须用半角引号：请把「“资源县”」写成 "资源县"',
      ],
    ]);
  });

  it("never nests Chinese quotation marks in a Chinese message", () => {
    const result = tokenize("“资源县", "t.remit");
    expect(result.diagnostics.map((d) => d.message.zh).join("")).not.toMatch(/““|””/);
  });

  it("drops a full-width semicolon and a full stop with a diagnostic", () => {
    const result = tokenize("a；b。", "t.remit");
    expect(result.tokens.map((t) => t.image)).toEqual(["a", "b"]);
    expect(result.diagnostics.map((d) => [d.code, d.message.zh])).toEqual([
      ["R1008", "政策代码中不需要“；”：请删除"],
      ["R1008", "政策代码中不需要“。”：请删除"],
    ]);
  });

  it("reads the enumeration comma 、 as a comma", () => {
    const result = tokenize("[a、b]", "t.remit");
    expect(result.tokens.map((t) => t.tokenType.name)).toEqual([
      "LBracket",
      "Identifier",
      "Comma",
      "Identifier",
      "RBracket",
    ]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["R1002"]);
  });
});

describe("unknown characters", () => {
  it("reports them and skips them", () => {
    const result = tokenize("a @ b ¤", "t.remit");
    expect(result.tokens.map((t) => t.image)).toEqual(["a", "b"]);
    expect(result.diagnostics.map((d) => [d.code, d.message.en, d.span.start.column])).toEqual([
      ["R1001", "unexpected character '@'", 3],
      ["R1001", "unexpected character '¤'", 7],
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

describe("the ways people write dates, durations and operators", () => {
  it.each([
    ["2026/6/30", "2026-06-30"],
    ["2026-6-30", "2026-06-30"],
    ["2026.6.3", "2026-06-03"],
    ["2026年6月30日", "2026-06-30"],
    ["2026/12/01", "2026-12-01"],
  ])("reads %s as the date %s and says how to write it", (text, date) => {
    const result = tokenize(`x > ${text}`, "t.remit");
    expect(result.tokens.map((t) => t.tokenType.name)).toEqual(["Identifier", "Greater", "DateLiteral"]);
    expect(dateValue(result.tokens[2]?.image ?? "")).toBe(date);
    expect(result.diagnostics.map((d) => [d.code, d.message.zh])).toEqual([
      ["R1007", `日期请写成 ${date}，而不是“${text}”`],
    ]);
  });

  it("leaves dates written properly, divisions with spaces and clause ids alone", () => {
    for (const text of ["2026-06-30", "2026 / 6 / 30", "2.1.3", "12/3"]) {
      expect(tokenize(text, "t.remit").diagnostics, text).toEqual([]);
    }
    expect(dateValue("2026-06-30")).toBe("2026-06-30");
  });

  it("reports a hand-written date that does not exist as no date", () => {
    expect(tokenize("2026/2/30", "t.remit").diagnostics.map((d) => d.code)).toEqual(["R1005"]);
  });

  it.each([
    ["一", 1],
    ["十", 10],
    ["十五", 15],
    ["二十", 20],
    ["两", 2],
    ["一百零五", 105],
    ["三千二百", 3200],
  ])("reads the Chinese numeral %s as %d", (text, value) => {
    expect(chineseNumeral(text)).toBe(value);
  });

  it("reads no number in words that are not numerals", () => {
    for (const text of ["", "一般", "十分", "重大"]) expect(chineseNumeral(text), text).toBeUndefined();
  });

  it.each([
    ["十五天", 15, "day"],
    ["三天", 3, "day"],
    ["三个月", 3, "month"],
    ["两周", 2, "week"],
    ["一个季度", 1, "quarter"],
    ["两个星期", 2, "week"],
    ["十个工作日", 10, "workingDay"],
    ["半个月", 15, "day"],
    ["半年", 6, "month"],
  ])("reads the duration %s as %d %s", (text, amount, unit) => {
    expect(numeralDurationValue(text)).toEqual({ amount, unit });
  });

  it("leaves names that merely start with a numeral alone", () => {
    for (const text of ["一般", "一级最少人数", "三级", "天", "年", "半"]) {
      expect(numeralDurationValue(text), text).toBeUndefined();
    }
  });

  it("reads 十五天 and 十五 天 as the tokens of 15 天, with one diagnostic", () => {
    for (const text of ["十五天", "十五 天"]) {
      const result = tokenize(`以内 ${text} 自 x`, "t.remit");
      expect(result.tokens.map((t) => [t.tokenType.name, t.image])).toEqual([
        ["Within", "以内"],
        ["NumberLiteral", "15"],
        ["Day", "天"],
        ["Of", "自"],
        ["Identifier", "x"],
      ]);
      expect(
        result.diagnostics.map((d) => [d.code, d.message.en, d.span.start.column, d.span.end.column]),
      ).toEqual([["R1010", `write the duration '${text}' in digits: '15 天' (15 days)`, 4, 4 + text.length]]);
    }
  });

  it("reads another word for a unit as the unit, suggesting it", () => {
    const result = tokenize("3 星期", "t.remit");
    expect(result.tokens.map((t) => t.tokenType.name)).toEqual(["NumberLiteral", "Week"]);
    expect(result.diagnostics.map((d) => [d.code, d.suggestions])).toEqual([["R2010", ["周"]]]);
  });

  it.each([
    ["==", "Equal", "'='"],
    ["===", "Equal", "'='"],
    ["＝＝", "Equal", "'='"],
    ["<>", "NotEqual", "'!=' (or '≠')"],
    ["=<", "LessEqual", "'<='"],
    ["=>", "GreaterEqual", "'>='"],
    ["&&", "And", "`and`"],
    ["||", "Or", "`or`"],
  ])("reads %s as %s with one diagnostic", (operator, type, use) => {
    const result = tokenize(`a ${operator} b`, "t.remit");
    expect(result.tokens.map((t) => t.tokenType.name)).toEqual(["Identifier", type, "Identifier"]);
    expect(result.diagnostics.map((d) => [d.code, d.message.en])).toEqual([
      ["R2011", `use ${use}, not '${operator}'`],
    ]);
  });

  it("keeps the operators of the language", () => {
    for (const operator of ["=", "!=", "<=", ">=", "->", "≠"]) {
      expect(tokenize(`a ${operator} b`, "t.remit").diagnostics, operator).toEqual([]);
    }
  });
});
