import { describe, expect, test } from "vitest";
import { analyze } from "../check/analyze.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { memoryHost } from "../modules/host.js";
import { parse } from "../parse/index.js";
import { applyFixes, fixAll, fixFor } from "./fix.js";

const file = "policy.remit";

function lines(...text: string[]): string {
  return `${text.join("\n")}\n`;
}

const policy = lines(
  'policy "p"',
  "",
  'clause 1 "总则"',
  "",
  "param limit: integer = 3",
  "",
  "collection items {",
  "  n: integer",
  "  name: text",
  "}",
  "",
  'duty d "t"',
  "  must",
  "  cites 1",
  '  for each i in items where i.name ≠ "甲\\"乙"',
  "  requires i.n ≤ limit",
);

/** Everything said about `text` as the entry of a policy: parse and check. */
function diagnose(text: string): readonly Diagnostic[] {
  return analyze(file, memoryHost({ [file]: text })).diagnostics.filter((d) => d.span.file === file);
}

function errors(text: string): readonly Diagnostic[] {
  return diagnose(text).filter((d) => d.severity === "error");
}

/** The one fix for the one diagnostic of `text`'s parse, as the edit it makes. */
function onlyEdit(text: string): { written: string; newText: string | undefined } {
  const [diagnostic, ...others] = parse(text, file).diagnostics;
  expect(others).toEqual([]);
  const fix = diagnostic === undefined ? undefined : fixFor(diagnostic, text);
  const span = fix?.edit.span;
  return { written: text.slice(span?.start.offset, span?.end.offset), newText: fix?.edit.newText };
}

describe("fixFor, for a mistake whose text says what was meant", () => {
  test("a hand-written date, or one in Chinese numerals, is written as YYYY-MM-DD", () => {
    expect(onlyEdit("define due = 2026.6.30\n")).toEqual({ written: "2026.6.30", newText: "2026-06-30" });
    expect(onlyEdit("定义 期限 = 二〇二六年六月三十日\n")).toEqual({
      written: "二〇二六年六月三十日",
      newText: "2026-06-30",
    });
  });

  test("an incomplete or impossible date has no fix: which day is meant cannot be known", () => {
    expect(onlyEdit("define due = 2026年6月\n").newText).toBeUndefined();
    expect(onlyEdit("define due = 2026/2/30\n").newText).toBeUndefined();
  });

  test("a duration in Chinese numerals is written in digits, glued or apart", () => {
    expect(onlyEdit("参数 期限: 时长 = 十五个工作日\n")).toEqual({
      written: "十五个工作日",
      newText: "15 个工作日",
    });
    expect(onlyEdit("参数 期限: 时长 = 十五 天\n")).toEqual({ written: "十五 天", newText: "15 天" });
    expect(onlyEdit("参数 期限: 时长 = 半年\n")).toEqual({ written: "半年", newText: "6 个月" });
  });

  test("another language's operator becomes the one meant, a word in the language of the keywords before it", () => {
    expect(onlyEdit("define f(a: bool, b: bool) = a && b\n").newText).toBe("and");
    expect(onlyEdit("定义 f(a: 布尔, b: 布尔) = a && b\n").newText).toBe("且");
    // On a line with no keyword before it, the policy's language decides.
    expect(onlyEdit("define f(a: bool, b: bool) =\n  a && b\n").newText).toBe("and");
    expect(onlyEdit("定义 f(a: 布尔, b: 布尔) =\n  a && b\n").newText).toBe("且");
    expect(onlyEdit("define f(a: integer) = a == 1\n").newText).toBe("=");
    expect(onlyEdit("define f(a: integer) = a <> 1\n").newText).toBe("!=");
    // A word put where a sign was keeps apart from the name after it.
    expect(onlyEdit("define f(a: bool) = !a\n")).toEqual({ written: "!", newText: "not " });
    expect(onlyEdit("定义 f(a: 布尔) = (！a)\n")).toEqual({ written: "！", newText: "非 " });
  });

  test("a keyword glued to a word gets its space", () => {
    const glued = 'duty d "t"\n  mustnot\n  cites 1\n  forbids true\n';
    expect(onlyEdit(glued)).toEqual({ written: "mustnot", newText: "must not" });
    const chinese = '职责 d "t"\n  必须\n  依据1\n  要求 真\n  截止 2026-12-31\n';
    expect(onlyEdit(chinese)).toEqual({ written: "依据1", newText: "依据 1" });
  });

  test("`for x in` gets `each`, and `如果`/`if` after it becomes `满足`/`where`", () => {
    const noEach = 'duty d "t"\n  must\n  cites 1\n  for h in hazards\n  requires h.done\n';
    expect(onlyEdit(noEach)).toEqual({ written: "h", newText: "each h" });
    const ifWord = '职责 d "t"\n  必须\n  依据 1\n  对于 每个 h 属于 隐患 如果 h.重大\n  要求 h.完成\n';
    expect(onlyEdit(ifWord)).toEqual({ written: "如果", newText: "满足" });
  });
});

describe("fixFor", () => {
  test("a misspelt name with one candidate is replaced by it, and only it", () => {
    const typed = policy.replace("≤ limit", "≤ limt");
    const diagnostic = errors(typed).find((d) => d.suggestions.length === 1);
    const fix = diagnostic === undefined ? undefined : fixFor(diagnostic, typed);
    expect(fix?.edit.newText).toBe("limit");
    expect(typed.slice(fix?.edit.span.start.offset, fix?.edit.span.end.offset)).toBe("limt");
    expect(fix?.title).toEqual({ en: "Change 'limt' to 'limit'", zh: "将“limt”改为“limit”" });
  });

  test("no fix for a span wider than one word, nor for more than one candidate", () => {
    const [real] = errors(policy.replace("≤ limit", "≤ limt"));
    if (real === undefined) throw new Error("no diagnostic");
    const at = (from: number, to: number, suggestions: string[]): Diagnostic => ({
      ...real,
      span: {
        file,
        start: { offset: from, line: 1, column: from + 1 },
        end: { offset: to, line: 1, column: to + 1 },
      },
      suggestions,
    });
    expect(fixFor(at(0, 7, ["a"]), "a and b")).toBeUndefined();
    expect(fixFor(at(0, 2, ["ab", "ac"]), "aa")).toBeUndefined();
    expect(fixFor(at(0, 2, []), "aa")).toBeUndefined();
  });

  test('full-width punctuation becomes ASCII; a “…” string becomes a "…" one with its quotes escaped', () => {
    const typed = policy
      .replace("n: integer", "n： integer")
      .replace('"甲\\"乙"', '“甲"乙”')
      .replace("cites 1", "cites 1；")
      .replace("i.n ≤ limit", "i.n ＜＝ limit");
    const fixes = diagnose(typed).map((d) => fixFor(d, typed)?.edit.newText);
    expect(fixes).toContain(":");
    expect(fixes).toContain('"甲\\"乙"');
    expect(fixes).toContain("<=");
    expect(fixes).toContain("");
    const fixed = applyFixes(typed, diagnose(typed));
    expect(fixed.applied.map((fix) => fix.title.en)).toEqual([
      "Change '：' to ':'",
      "Remove '；'",
      "Change '“甲\"乙”' to '\"甲\\\"乙\"'",
      "Change '＜＝' to '<='",
    ]);
    expect(fixed.text).toBe(policy.replace("i.n ≤ limit", "i.n <= limit"));
  });

  test("the one text a message names replaces its span: a date, ==, a glued keyword, a missing 每个, a duration in numerals", () => {
    const zh = lines(
      '政策 "p"',
      '条款 1 "总则"',
      "集合 隐患 { 发现日期: 日期  等级: 文本  挂牌日期: 可选 日期 }",
      '职责 d "t"',
      "  必须",
      "  依据 1",
      '  对于 每个 h 属于 隐患 满足 h.等级 = "重大"',
      '  责任主体 "乡镇"',
      "  要求 h.挂牌日期",
      "  以内 15 天 自 h.发现日期",
    );
    const typed = zh
      .replace("对于 每个 h", "对于 h")
      .replace("h.等级 =", "h.等级 ==")
      .replace("属于 隐患", "属于隐患")
      .replace("15 天", "十五天");
    const fixes = diagnose(typed).map((d) => [d.code, fixFor(d, typed)?.edit.newText]);
    expect(fixes).toEqual(
      expect.arrayContaining([
        ["R2013", "每个 h"],
        ["R2011", "="],
        ["R2012", "属于 隐患"],
        ["R1010", "15 天"],
      ]),
    );
    expect(fixAll(typed, diagnose).text).toBe(zh);
    const dated = policy.replace('"甲\\"乙"', '"x"').replace("≤ limit", "≤ limit\n  by 2026/6/30");
    const [date] = diagnose(dated).filter((d) => d.code === "R1007");
    expect(date === undefined ? undefined : fixFor(date, dated)?.edit.newText).toBe("2026-06-30");
  });

  test("a full-width semicolon between two words leaves a space", () => {
    const text = "define a = 1；define b = 2\n";
    const [diagnostic] = parse(text, file).diagnostics.filter((d) => d.code === "R1008");
    expect(diagnostic === undefined ? undefined : fixFor(diagnostic, text)?.edit.newText).toBe(" ");
  });
});

describe("fixAll", () => {
  test("fixes over rounds until the policy has no fixable error, and says what it did", () => {
    const typed = policy.replace("n: integer", "n： integer").replace("≤ limit", "≤ limt");
    const result = fixAll(typed, diagnose);
    expect(result.text).toBe(policy);
    expect(errors(result.text)).toEqual([]);
    expect(result.applied.map((fix) => fix.edit.newText).sort()).toEqual([":", "limit"]);
  });

  test("leaves text without fixable diagnostics as it is", () => {
    expect(fixAll(policy, diagnose)).toEqual({ text: policy, applied: [] });
    const ambiguous = policy.replace("≤ limit", "≤ zzz");
    expect(fixAll(ambiguous, diagnose).text).toBe(ambiguous);
  });
});
