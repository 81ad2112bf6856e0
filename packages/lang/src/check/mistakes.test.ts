import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { fixAll } from "../format/fix.js";
import { memoryHost } from "../modules/host.js";
import { analyze } from "./analyze.js";

/**
 * The mistakes county officers make, each written into an otherwise correct policy (one with
 * Chinese keywords, one with English ones): each must give one diagnostic, at the mistake, with a
 * hint in both languages, and where the meaning is clear `fixAll` must write the policy as meant.
 */
const chinese = `政策 "测试"
  版本 "1.0.0"
  生效 2026-01-01
  预警 3 天
  日历 "cn-mainland"

条款 1 "告知补正"

参数 期限日: 日期 = 2026-06-30 "完成期限"
参数 补正期限: 时长 = 7 个工作日 "补正期限"

集合 申请 "申请" {
  收到日期: 日期
  内容不明确: 布尔
  数量: 整数
  告知补正日期: 可选 日期
}

职责 告知补正 "告知补正"
  必须
  依据 1
  对于 每个 r 属于 申请 满足 r.内容不明确
  责任主体 "工作机构"
  要求 r.告知补正日期
  以内 补正期限 自 r.收到日期

职责 答复 "答复"
  必须
  依据 1
  对于 每个 r 属于 申请 满足 r.数量 > 0
  责任主体 "工作机构"
  要求 r.告知补正日期
  截止 期限日
`;

const english = `policy "Test"
  version "1.0.0"
  effective 2026-01-01
  warning 3 days
  calendar "cn-mainland"

clause 1 "notice"

param deadlineDate: date = 2026-06-30 "deadline"
param window: duration = 7 working days "window"

collection requests "requests" {
  receivedOn: date
  unclear: bool
  count: integer
  noticeOn: optional date
}

duty notice "notice"
  must
  cites 1
  for each r in requests where r.unclear
  holder "office"
  requires r.noticeOn
  within window of r.receivedOn

escalation ladder "ladder"
  should
  cites 1
  for each r in requests where r.unclear
  holder "grid"
  starts r.receivedOn
  level grid "grid"
  level county "county" after window holder "county"
  closes r.noticeOn
`;

interface Mistake {
  readonly name: string;
  readonly policy: "zh" | "en";
  /** The correct text, and the mistake written in its place. */
  readonly correct: string;
  readonly mistake: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
  /** Whether `fixAll` writes the policy as meant (the meaning is unambiguous). */
  readonly fixed: boolean;
}

const m = (
  name: string,
  policy: "zh" | "en",
  correct: string,
  mistake: string,
  [code, line, column]: [string, number, number],
  fixed: boolean,
): Mistake => ({ name, policy, correct, mistake, code, line, column, fixed });

const mistakes: readonly Mistake[] = [
  // Dates as people write them.
  m("date with dots", "zh", "= 2026-06-30", "= 2026.6.30", ["R1007", 9, 14], true),
  m("date with slashes", "en", "= 2026-06-30", "= 2026/6/30", ["R1007", 9, 28], true),
  m("date in 年月日", "zh", "= 2026-06-30", "= 2026年6月30日", ["R1007", 9, 14], true),
  m("date in Chinese numerals", "zh", "= 2026-06-30", "= 二〇二六年六月三十日", ["R1007", 9, 14], true),
  m("date without its day", "zh", "= 2026-06-30", "= 2026年6月", ["R1011", 9, 14], false),
  m("date without its year", "zh", "= 2026-06-30", "= 6月30日", ["R1011", 9, 14], false),
  m("year and month only", "en", "= 2026-06-30", "= 2026-06", ["R1011", 9, 28], false),
  m("month 13", "zh", "= 2026-06-30", "= 2026-13-01", ["R1005", 9, 14], false),
  m("30 February", "en", "= 2026-06-30", "= 2026-02-30", ["R1005", 9, 28], false),
  m("30 February by hand", "zh", "= 2026-06-30", "= 2026/2/30", ["R1005", 9, 14], false),
  // Durations.
  m("两周", "zh", "= 7 个工作日", "= 两周", ["R1010", 10, 15], true),
  m("一个月", "zh", "= 7 个工作日", "= 一个月", ["R1010", 10, 15], true),
  m("半年", "zh", "= 7 个工作日", "= 半年", ["R1010", 10, 15], true),
  m("十五个工作日", "zh", "以内 补正期限 自", "以内 十五个工作日 自", ["R1010", 25, 6], true),
  m("十五 天 apart", "zh", "= 7 个工作日", "= 十五 天", ["R1010", 10, 15], true),
  m("working-days", "en", "= 7 working days", "= 7 working-days", ["R2010", 10, 28], true),
  m("workingdays", "en", "= 7 working days", "= 7 workingdays", ["R2010", 10, 28], true),
  m("business days", "en", "= 7 working days", "= 7 business days", ["R2010", 10, 28], true),
  m(
    "business days in a deadline",
    "en",
    "within window of r.receivedOn",
    "within 15 business days of r.receivedOn",
    ["R2010", 25, 13],
    true,
  ),
  m("工作天", "zh", "= 7 个工作日", "= 7 工作天", ["R2010", 10, 17], true),
  m("以内 15 工作天", "zh", "以内 补正期限 自", "以内 15 工作天 自", ["R2010", 25, 9], true),
  m("an unknown unit", "zh", "= 7 个工作日", "= 15 小时", ["R2010", 10, 18], false),
  m(
    "an unknown English unit",
    "en",
    "after window holder",
    "after 15 hours holder",
    ["R2010", 34, 34],
    false,
  ),
  // Operators of other languages.
  m("==", "zh", "r.数量 > 0", "r.数量 == 0", ["R2011", 30, 25], true),
  m("<>", "zh", "r.数量 > 0", "r.数量 <> 0", ["R2011", 30, 25], true),
  m("&&", "zh", "r.数量 > 0", "r.数量 > 0 && r.内容不明确", ["R2011", 30, 29], true),
  m(
    "|| in English",
    "en",
    'where r.unclear\n  holder "office"',
    'where r.unclear || r.count > 1\n  holder "office"',
    ["R2011", 22, 42],
    true,
  ),
  m(
    "!",
    "en",
    'where r.unclear\n  holder "office"',
    'where !r.unclear\n  holder "office"',
    ["R2011", 22, 32],
    true,
  ),
  m("！", "zh", "满足 r.数量 > 0", "满足 ！r.内容不明确", ["R2011", 30, 20], true),
  m(":=", "en", "param deadlineDate: date =", "param deadlineDate: date :=", ["R2011", 9, 26], true),
  m("＝", "zh", "r.数量 > 0", "r.数量 ＝ 0", ["R1002", 30, 25], true),
  m("＞＝", "zh", "r.数量 > 0", "r.数量 ＞＝ 0", ["R1002", 30, 25], true),
  m("≥ for =", "zh", "参数 期限日: 日期 =", "参数 期限日: 日期 ≥", ["R2001", 9, 12], false),
  m(">= for =", "en", "param deadlineDate: date =", "param deadlineDate: date >=", ["R2001", 9, 26], false),
  // 如果 / if for 满足 / where.
  m("如果", "zh", "满足 r.内容不明确", "如果 r.内容不明确", ["R2015", 22, 17], true),
  m("若", "zh", "满足 r.内容不明确", "若 r.内容不明确", ["R2015", 22, 17], true),
  m(
    "if",
    "en",
    'where r.unclear\n  holder "office"',
    'if r.unclear\n  holder "office"',
    ["R2015", 22, 26],
    true,
  ),
  m(
    "when",
    "en",
    'where r.unclear\n  holder "office"',
    'when r.unclear\n  holder "office"',
    ["R2015", 22, 26],
    true,
  ),
  // Keywords glued to names and numbers.
  m(
    "必须依据",
    "zh",
    "必须\n  依据 1\n  对于 每个 r 属于 申请 满足 r.内容",
    "必须依据 1\n  对于 每个 r 属于 申请 满足 r.内容",
    ["R2012", 20, 3],
    true,
  ),
  m(
    "依据1",
    "zh",
    "依据 1\n  对于 每个 r 属于 申请 满足 r.内容",
    "依据1\n  对于 每个 r 属于 申请 满足 r.内容",
    ["R2012", 21, 3],
    true,
  ),
  m("每个r", "zh", "每个 r 属于 申请 满足 r.内容", "每个r 属于 申请 满足 r.内容", ["R2012", 22, 6], true),
  m("属于申请", "zh", "属于 申请 满足 r.内容", "属于申请 满足 r.内容", ["R2012", 22, 11], true),
  m(
    "对每个",
    "zh",
    "对于 每个 r 属于 申请 满足 r.内容",
    "对每个 r 属于 申请 满足 r.内容",
    ["R2012", 22, 3],
    true,
  ),
  m("以内7", "zh", "以内 补正期限", "以内7 个工作日", ["R2012", 25, 3], true),
  m("自r", "zh", "自 r.收到日期", "自r.收到日期", ["R2012", 25, 11], true),
  m("截止期限日", "zh", "截止 期限日", "截止期限日", ["R2012", 33, 3], true),
  m(
    "mustnot",
    "en",
    '  must\n  cites 1\n  for each r in requests where r.unclear\n  holder "office"\n  requires r.noticeOn\n  within window of r.receivedOn',
    '  mustnot\n  cites 1\n  for each r in requests where r.unclear\n  holder "office"\n  forbids r.noticeOn',
    ["R2012", 20, 3],
    true,
  ),
  m(
    "对于 r without 每个",
    "zh",
    "每个 r 属于 申请 满足 r.内容",
    "r 属于 申请 满足 r.内容",
    ["R2013", 22, 6],
    true,
  ),
  m(
    "for r without each",
    "en",
    'each r in requests where r.unclear\n  holder "office"',
    'r in requests where r.unclear\n  holder "office"',
    ["R2013", 22, 7],
    true,
  ),
  // Full-width punctuation outside strings.
  m("full-width colon", "zh", "收到日期: 日期", "收到日期： 日期", ["R1002", 13, 7], true),
  m("full-width comma", "en", "unclear: bool\n  count", "unclear： bool\n  count", ["R1002", 14, 10], true),
  m(
    "full-width quotes",
    "zh",
    '责任主体 "工作机构"\n  要求 r.告知补正日期\n  以内',
    "责任主体 “工作机构”\n  要求 r.告知补正日期\n  以内",
    ["R1009", 23, 8],
    true,
  ),
  m("stray 。", "zh", "截止 期限日", "截止 期限日。", ["R1008", 33, 9], true),
  // The parts of a rule out of order.
  m(
    "cites after for",
    "en",
    '  cites 1\n  for each r in requests where r.unclear\n  holder "grid"',
    '  for each r in requests where r.unclear\n  cites 1\n  holder "grid"',
    ["R2014", 30, 3],
    false,
  ),
  m(
    "holder after starts",
    "en",
    '  holder "grid"\n  starts r.receivedOn',
    '  starts r.receivedOn\n  holder "grid"',
    ["R2014", 32, 3],
    false,
  ),
  // A part of a rule left out: the syntax error says which, nothing present is reported missing.
  m(
    "escalation without starts",
    "en",
    "  starts r.receivedOn\n  level grid",
    "  level grid",
    ["R2001", 32, 3],
    false,
  ),
  // A duty written as a sentence: the deadline after the modality.
  m(
    "必须 在 期限 以内 自",
    "zh",
    '  必须\n  依据 1\n  对于 每个 r 属于 申请 满足 r.内容不明确\n  责任主体 "工作机构"\n  要求 r.告知补正日期\n  以内 补正期限 自 r.收到日期',
    '  必须 在 补正期限 以内 自 r.收到日期\n  依据 1\n  对于 每个 r 属于 申请 满足 r.内容不明确\n  责任主体 "工作机构"\n  要求 r.告知补正日期',
    ["R2016", 20, 6],
    false,
  ),
  m(
    "must within … of",
    "en",
    '  must\n  cites 1\n  for each r in requests where r.unclear\n  holder "office"\n  requires r.noticeOn\n  within window of r.receivedOn',
    '  must within window of r.receivedOn\n  cites 1\n  for each r in requests where r.unclear\n  holder "office"\n  requires r.noticeOn',
    ["R2016", 20, 8],
    false,
  ),
  m(
    "必须 截止 with a deadline of its own",
    "zh",
    "  必须\n  依据 1\n  对于 每个 r 属于 申请 满足 r.数量 > 0",
    "  必须 在 期限日 截止\n  依据 1\n  对于 每个 r 属于 申请 满足 r.数量 > 0",
    ["R2016", 28, 6],
    false,
  ),
  // A section deleted that others use: one message, the other uses as related locations.
  m("clause deleted, cited twice", "zh", '条款 1 "告知补正"\n', "", ["R5003", 20, 6], false),
  m(
    "collection deleted, used twice",
    "en",
    'collection requests "requests" {',
    'collection demands "requests" {',
    ["R3024", 22, 17],
    false,
  ),
  // A parameter deleted that a deadline uses: its hint declares it with the type the use expects.
  m(
    "duration parameter deleted",
    "zh",
    '参数 补正期限: 时长 = 7 个工作日 "补正期限"\n',
    "",
    ["R3004", 24, 6],
    false,
  ),
  m(
    "date parameter deleted",
    "zh",
    '参数 期限日: 日期 = 2026-06-30 "完成期限"\n',
    "",
    ["R3004", 32, 6],
    false,
  ),
  m(
    "duration parameter deleted, used twice",
    "en",
    'param window: duration = 7 working days "window"\n',
    "",
    ["R3004", 24, 10],
    false,
  ),
  // A clause whose rules were deleted.
  m(
    "clause without rules",
    "en",
    'clause 1 "notice"',
    'clause 1 "notice"\nclause 2 "orphan"',
    ["R5019", 8, 8],
    false,
  ),
  // A collection that does not exist.
  m(
    "misspelt collection",
    "zh",
    "属于 申请 满足 r.内容不明确",
    "属于 申情 满足 r.内容不明确",
    ["R3024", 22, 14],
    true,
  ),
  m(
    "unknown collection",
    "en",
    'in requests where r.unclear\n  holder "office"',
    'in cases where r.unclear\n  holder "office"',
    ["R3024", 22, 17],
    false,
  ),
];

const base = { zh: chinese, en: english } as const;

function withMistake(mistake: Mistake): string {
  const text = base[mistake.policy];
  expect(text, mistake.name).toContain(mistake.correct);
  return text.replace(mistake.correct, mistake.mistake);
}

function diagnose(text: string): readonly Diagnostic[] {
  // Information (an unused parameter) is not about the mistake.
  return analyze("policy.remit", memoryHost({ "policy.remit": text })).diagnostics.filter(
    (d) => d.severity !== "info",
  );
}

describe("the mistakes county officers make", () => {
  it("the policies they are written into are correct", () => {
    expect(diagnose(chinese)).toEqual([]);
    expect(diagnose(english)).toEqual([]);
  });

  it.each(mistakes.map((mistake) => [mistake.name, mistake]))(
    "%s: one diagnostic, at the mistake",
    (_, mistake) => {
      const found = diagnose(withMistake(mistake));
      expect(found.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([
        [mistake.code, mistake.line, mistake.column],
      ]);
      const [only] = found;
      expect(only?.message.en).not.toBe("");
      expect(only?.message.zh).not.toBe("");
      // A name used in several places is reported at the first, with the others related.
      expect(only?.related.length).toBe(mistake.name.endsWith("twice") ? 1 : 0);
    },
  );

  it.each(mistakes.filter((mistake) => mistake.fixed).map((mistake) => [mistake.name, mistake]))(
    "%s: fixed as meant",
    (_, mistake) => {
      const { text, applied } = fixAll(withMistake(mistake), diagnose);
      expect(applied.length).toBeGreaterThan(0);
      expect(diagnose(text)).toEqual([]);
    },
  );

  it("a deleted parameter's hint declares it with the type its use expects", () => {
    const hintOf = (name: string) =>
      diagnose(withMistake(mistakes.find((each) => each.name === name) as Mistake))[0]?.hint;
    expect(hintOf("duration parameter deleted")?.zh).toContain("参数 补正期限: 时长 = 15 天");
    expect(hintOf("date parameter deleted")?.zh).toContain("参数 期限日: 日期 = 2026-12-31");
    expect(hintOf("duration parameter deleted, used twice")?.en).toContain(
      "param window: duration = 15 days",
    );
  });

  it("a fix is offered only where the meaning is clear", () => {
    for (const mistake of mistakes.filter((each) => !each.fixed && each.code !== "R2014")) {
      const { applied } = fixAll(withMistake(mistake), diagnose);
      expect(applied, mistake.name).toEqual([]);
    }
  });

  it("a rule the parser stopped in still counts as using its parameters and citing its clauses", () => {
    const policy = (requirement: string) =>
      [
        'policy "P"',
        "  effective 2026-01-01",
        "collection hazards {",
        "  id: text",
        "  foundOn: date",
        "}",
        'clause 1 "rectify on time"',
        "param limit: duration = 15 days",
        'duty rectify "rectify hazards"',
        "  must",
        "  cites 1",
        "  for each h in hazards",
        '  holder "township"',
        `  ${requirement}`,
        "  within limit of h.foundOn",
        "",
      ].join("\n");
    const all = (text: string) => analyze("policy.remit", memoryHost({ "policy.remit": text })).diagnostics;
    expect(all(policy("requires true")).map((d) => d.code)).toEqual([]);
    // Without the mistake's rule read whole, "limit is unused" and "clause 1 has no rules" would be false.
    expect(all(policy("requires in time true")).map((d) => d.code)).toEqual(["R2006"]);
  });

  it("no input built from these mistakes crashes, and every diagnostic has a code and a position", () => {
    const sites = fc.constantFrom(...mistakes);
    fc.assert(
      fc.property(fc.array(sites, { minLength: 1, maxLength: 6 }), fc.boolean(), (chosen, english) => {
        // Several mistakes at once, in one policy, where their correct text is still there.
        let text: string = english ? base.en : base.zh;
        for (const mistake of chosen) {
          if (text.includes(mistake.correct)) text = text.replace(mistake.correct, mistake.mistake);
        }
        const diagnostics = analyze("policy.remit", memoryHost({ "policy.remit": text })).diagnostics;
        const lines = text.split("\n").length;
        for (const d of diagnostics) {
          expect(d.code).toMatch(/^R\d{4}$/);
          expect(d.span.start.line).toBeGreaterThanOrEqual(1);
          expect(d.span.start.line).toBeLessThanOrEqual(lines);
          expect(d.span.start.column).toBeGreaterThanOrEqual(1);
          expect(d.message.en).not.toBe("");
          expect(d.message.zh).not.toBe("");
          if (d.hint !== undefined) expect(d.hint.zh).not.toBe("");
        }
        fixAll(text, (t) => analyze("policy.remit", memoryHost({ "policy.remit": t })).diagnostics);
      }),
      { numRuns: 60 },
    );
  });
});
