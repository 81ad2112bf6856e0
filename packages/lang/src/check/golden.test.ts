import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkDiagnostics } from "../diagnostics/check-codes.js";
import { memoryHost } from "../modules/host.js";
import { analyze } from "./analyze.js";
import type { CheckOptions } from "./model.js";

/**
 * Golden diagnostics: for every code the checker defines, a source snippet and the diagnostic it
 * must produce (position and both languages' messages). Each snippet is placed after a two-line
 * prelude (line 1: the policy header, line 2: clause 1), so snippets start on line 3; the shared
 * declarations below follow the snippet.
 */
const prelude = 'policy "p"\nclause 1 "c"\n';
const shared = `
collection townships "乡镇" {
  name: text
  kind: enum("镇", "乡")
  members: integer [人]
  engines: integer [辆]
  foundedOn: date
  deadline: planned date
  meetings: list date
}
record county { name: text meetings: list date }
`;

interface GoldenCase {
  readonly code: string;
  /** The snippet; `imports` go before the prelude's clause, so they are given apart. */
  readonly source: string;
  readonly imports?: string;
  readonly files?: Record<string, string>;
  readonly line: number;
  readonly column: number;
  readonly en: string;
  readonly zh: string;
  readonly suggestions?: readonly string[];
  /** The related locations, when the diagnostic has them. */
  readonly related?: readonly { line: number; column: number; en: string; zh: string }[];
  /** Replaces the prelude's first line (`policy "p"`), keeping the line numbers. */
  readonly header?: string;
  readonly options?: CheckOptions;
}

const cases: readonly GoldenCase[] = [
  {
    code: "R3001",
    imports: 'import "./gone.remit" as gone\n',
    source: "",
    line: 2,
    column: 8,
    en: "cannot find module 'gone.remit'",
    zh: "找不到模块“gone.remit”",
  },
  {
    code: "R3002",
    imports: 'import "./a.remit" as a\n',
    files: { "a.remit": 'import "./policy.remit" as p\n' },
    source: "",
    line: 1,
    column: 8,
    en: "import cycle: 'policy.remit' -> 'a.remit' -> 'policy.remit'",
    zh: "模块循环导入：'policy.remit' -> 'a.remit' -> 'policy.remit'",
  },
  {
    code: "R3003",
    imports: 'import "./a.remit" as std\nimport "./b.remit" as std\n',
    files: { "a.remit": "", "b.remit": "" },
    source: "",
    line: 3,
    column: 23,
    en: "import alias 'std' is already used in this module",
    zh: "导入别名“std”在本模块中已被使用",
  },
  {
    code: "R3004",
    source: "param targetDate: date = 2026-12-31\ndefine late(t: townships) = t.foundedOn > targtDate\n",
    line: 4,
    column: 43,
    en: "unknown name 'targtDate'",
    zh: "未知的名称“targtDate”",
    suggestions: ["targetDate"],
  },
  {
    code: "R3004",
    source: "参数 目标日期: 日期 = 2026-12-31\n定义 晚了(t: townships) = t.foundedOn > 目标日\n",
    line: 4,
    column: 37,
    en: "unknown name '目标日'",
    zh: "未知的名称“目标日”",
    suggestions: ["目标日期"],
  },
  {
    code: "R3005",
    source: "define d(t: townships) = t.nmae\n",
    line: 3,
    column: 28,
    en: "an element of townships has no field 'nmae'",
    zh: "townships 的元素没有字段“nmae”",
    suggestions: ["name"],
  },
  {
    code: "R3006",
    source: "define d(t: townships) = dayBetween(t.foundedOn, t.foundedOn)\n",
    line: 3,
    column: 26,
    en: "unknown function 'dayBetween'",
    zh: "未知的函数“dayBetween”",
    suggestions: ["daysBetween"],
  },
  {
    code: "R3007",
    source: 'type TeamKind = enum("专职", "兼职")\nparam k: TeamKnd = "专职"\n',
    line: 4,
    column: 10,
    en: "unknown type 'TeamKnd'",
    zh: "未知的类型“TeamKnd”",
    suggestions: ["TeamKind"],
  },
  {
    code: "R3008",
    imports: 'import "./std.remit" as std\n',
    files: { "std.remit": "param limit: integer = 3\n" },
    source: "define d = std\ndefine e = std.limit\n",
    line: 4,
    column: 12,
    en: "'std' is a module alias, not a value",
    zh: "“std”是模块别名，不是值",
  },
  {
    code: "R3009",
    source: "param window: duration = 7 days\ndefine window = 3\n",
    line: 4,
    column: 8,
    en: "'window' is already declared in this module",
    zh: "“window”在本模块中已声明",
  },
  {
    code: "R3010",
    source: 'duty d "t"\n  must\n  cites 1\n  holder "h"\n  requires asOf in period\n  by 2026-12-31\n',
    line: 7,
    column: 20,
    en: "'period' is only defined inside a recurring duty",
    zh: "“period”只能在周期性职责中使用",
  },
  {
    code: "R3011",
    source:
      "collection transfers {\n  fromId -> townships as origin\n  toId -> townships as destination\n}\ndefine n(t: townships) = count(x in t.transfers)\n",
    line: 7,
    column: 39,
    en: "'transfers' is ambiguous: 'transfers' refers to 'townships' through 'fromId', 'toId'",
    zh: "“transfers”有歧义：“transfers”通过 'fromId', 'toId' 多次引用“townships”",
  },
  {
    code: "R3012",
    source: "param unused: integer = 3\n",
    line: 3,
    column: 7,
    en: "parameter 'unused' is never used",
    zh: "参数“unused”未被使用",
  },
  {
    code: "R3013",
    source: "define d(t: townships) = daysBetween(t.foundedOn)\n",
    line: 3,
    column: 26,
    en: "'daysBetween' takes 2 argument(s), found 1",
    zh: "“daysBetween”需要 2 个参数，实际为 1 个",
  },
  {
    code: "R3014",
    source: "collection villages { countyId -> county as c }\n",
    line: 3,
    column: 35,
    en: "a reference must point to a collection, 'county' is not one",
    zh: "引用必须指向集合，“county”不是集合",
  },
  {
    code: "R3015",
    source: "collection hazards since level { level: text }\n",
    line: 3,
    column: 26,
    en: "'since level' must name a date field of 'hazards'",
    zh: "“始于 level”必须是集合“hazards”的日期字段",
  },
  {
    code: "R3016",
    source: "param limit: integer = 3\ndefine d = limit(2)\n",
    line: 4,
    column: 12,
    en: "'limit' is not a function and cannot be called",
    zh: "“limit”不是函数，不能调用",
  },
  {
    code: "R3017",
    source: "define has(t: townships): bool = true\ndefine d = has\n",
    line: 4,
    column: 12,
    en: "definition 'has' takes arguments: call it as 'has(…)'",
    zh: "定义“has”需要参数，请写作“has(…)”",
  },
  {
    code: "R3018",
    source: "record office { name: text name: text }\n",
    line: 3,
    column: 28,
    en: "field 'name' is declared twice",
    zh: "字段“name”重复声明",
  },
  {
    code: "R3019",
    source: 'clause 1 "again"\n',
    line: 3,
    column: 8,
    en: "clause '1' is declared twice",
    zh: "条款“1”重复声明",
  },
  {
    code: "R3020",
    source: "type A = list B\ntype B = A\n",
    line: 4,
    column: 10,
    en: "type declarations form a cycle: 'A' -> 'B' -> 'A'",
    zh: "类型声明循环引用：'A' -> 'B' -> 'A'",
  },
  {
    code: "R3021",
    source:
      'duty d "t"\n  must\n  cites 1\n  for each t in townships\n  let t = 1\n  holder "h"\n  requires true\n  by 2026-12-31\n',
    line: 7,
    column: 7,
    en: "'t' is already bound in this rule",
    zh: "“t”在本规则中已绑定",
  },
  {
    code: "R3022",
    // The header's own clause, so it goes right after the header line.
    imports: "  group by township\n",
    source: "",
    line: 2,
    column: 12,
    en: "findings cannot be grouped by 'township': it is not a collection of this policy",
    zh: "无法按“township”分组：它不是本政策的集合",
    suggestions: ["townships"],
  },
  {
    code: "R4001",
    source: 'duty d "t"\n  must\n  cites 1\n  holder "h"\n  requires true\n  by 30 days\n',
    line: 8,
    column: 6,
    en: "the 'by' date must be date, found duration (days)",
    zh: "“截止”日期应为日期，实际为时长（天/周）",
  },
  {
    code: "R4002",
    source: "define d(t: townships) = t.foundedOn > 3\n",
    line: 3,
    column: 26,
    en: "cannot apply '>' to date and integer",
    zh: "不能对日期和整数使用“>”",
  },
  {
    code: "R4002",
    source: "定义 d(t: townships) = t.name + 3 天\n",
    line: 3,
    column: 22,
    en: "cannot apply '+' to text and duration (days)",
    zh: "不能对文本和时长（天/周）使用“+”",
  },
  {
    code: "R4003",
    source: "define d(t: townships) = t.members > t.engines\n",
    line: 3,
    column: 26,
    en: "units differ: '人' > '辆'",
    zh: "单位不一致：“人” > “辆”",
  },
  {
    code: "R4004",
    source: "define d = 15 days + 1 month\n",
    line: 3,
    column: 12,
    en: "cannot combine an exact duration (days, weeks) with a calendar one (months, quarters, years) using '+'",
    zh: "不能用“+”组合精确时长（天、周）与日历时长（月、季度、年）",
  },
  {
    code: "R4005",
    source: 'define d(t: townships) = t.kind = "市"\n',
    line: 3,
    column: 35,
    en: '\'市\' is not one of enum("镇", "乡")',
    zh: '“市”不是 enum("镇", "乡") 中的值',
  },
  {
    code: "R4006",
    source: "define d(t: townships) = count(x in t.name)\n",
    line: 3,
    column: 37,
    en: "'count' ranges over a list or a collection, found text",
    zh: "“count”只能作用于列表或集合，实际为文本",
  },
  {
    code: "R4007",
    source: 'define d(t: townships) = if t.members > 3 then 15 else "none"\n',
    line: 3,
    column: 56,
    en: "the branches of 'if' differ: integer and text",
    zh: "“如果”的两个分支类型不同：整数与文本",
  },
  {
    code: "R4008",
    source:
      'duty d "t"\n  must\n  cites 1\n  for each t in townships\n  holder t.name\n  requires t.members\n  by 2026-12-31\n',
    line: 8,
    column: 12,
    en: "a requirement must be a condition (bool) or the date the duty was done, found integer [人]",
    zh: "“要求”应为条件（布尔）或履职日期，实际为整数 [人]",
  },
  {
    code: "R4009",
    source:
      'duty d "t"\n  must\n  cites 1\n  for each t in townships where t.foundedOn\n  holder t.name\n  requires true\n  by 2026-12-31\n',
    line: 6,
    column: 33,
    en: "the 'where' filter must be a condition (bool), found date",
    zh: "“满足”条件应为条件（布尔），实际为日期",
  },
  {
    code: "R4010",
    source:
      'duty d "t"\n  must\n  cites 1\n  for each t in townships\n  holder t.members\n  requires true\n  by 2026-12-31\n',
    line: 7,
    column: 10,
    en: "the holder must be text naming who acts, found integer [人]",
    zh: "责任主体应为表示主体名称的文本，实际为整数 [人]",
  },
  {
    code: "R4011",
    source: "param start: date = asOf\ndefine d = start\n",
    line: 3,
    column: 21,
    en: "the default of parameter 'start' must be a constant",
    zh: "参数“start”的默认值必须是常量",
  },
  {
    code: "R4012",
    source: "param window: duration = 15\ndefine d = window\n",
    line: 3,
    column: 26,
    en: "the default of parameter 'window' must be duration, found integer",
    zh: "参数“window”的默认值应为时长，实际为整数",
  },
  {
    code: "R4013",
    source: "define d(t: townships) = t.deadline - t.foundedOn\n",
    line: 3,
    column: 26,
    en: "cannot subtract a date from a date",
    zh: "日期不能与日期相减",
  },
  {
    code: "R4014",
    source: 'define d = year("2026")\n',
    line: 3,
    column: 17,
    en: "argument 1 of 'year' must be date, found text",
    zh: "“year”的第 1 个参数应为日期，实际为文本",
  },
  {
    code: "R4015",
    source: 'define limit: integer = "3"\n',
    line: 3,
    column: 25,
    en: "definition 'limit' is declared as integer but its body is text",
    zh: "定义“limit”声明为整数，但其内容为文本",
  },
  {
    code: "R4030",
    source:
      'duty d "t"\n  must\n  cites 1\n  for each t in townships\n  holder t.name\n  requires t.deadline\n  within 1.5 days of t.foundedOn\n',
    line: 9,
    column: 10,
    en: "'1.5 days' is not a whole number of days: a duration counts whole units",
    zh: "“1.5 天”不是整数：时长只能以整数个单位计算",
  },
  {
    code: "R4030",
    source: "define span = 0.5 months\n",
    line: 3,
    column: 15,
    en: "'0.5 months' is not a whole number of months: a duration counts whole units",
    zh: "“0.5 个月”不是整数：时长只能以整数个单位计算",
  },
  {
    code: "R5001",
    source:
      'duty same "a"\n  must\n  cites 1\n  holder "h"\n  requires true\n  by 2026-12-31\nduty same "b"\n  must\n  cites 1\n  holder "h"\n  requires true\n  by 2026-12-31\n',
    line: 9,
    column: 6,
    en: "rule id 'same' is already used",
    zh: "规则编号“same”已被使用",
    related: [{ line: 3, column: 6, en: "first defined here", zh: "首次定义于此" }],
  },
  {
    code: "R5003",
    source:
      'clause 2.1.3 "x"\nduty d "t"\n  must\n  cites 2.1.4\n  holder "h"\n  requires true\n  by 2026-12-31\n',
    line: 6,
    column: 9,
    en: "clause '2.1.4' is not declared",
    zh: "条款“2.1.4”未声明",
    suggestions: ["2.1.3"],
  },
  {
    code: "R5004",
    source: 'duty d "t"\n  must\n  cites 1\n  requires true\n  by 2026-12-31\n',
    line: 3,
    column: 6,
    en: "duty 'd' names no holder",
    zh: "职责“d”未写明责任主体",
  },
  {
    code: "R5005",
    source: '职责 d "t"\n  必须\n  依据 1\n  责任主体 "h"\n  要求 真\n',
    line: 3,
    column: 4,
    en: "duty 'd' has no deadline",
    zh: "职责“d”没有期限",
  },
  {
    code: "R5006",
    source:
      'escalation e "t"\n  must\n  cites 1\n  for each t in townships\n  holder "h"\n  starts t.foundedOn\n  level a\n  level b after 15 days\n  level c after 10 days\n',
    line: 11,
    column: 17,
    en: "level 'c' must come after level 'b': thresholds must strictly increase",
    zh: "级别“c”的时限必须大于级别“b”：时限须严格递增",
  },
  {
    code: "R5007",
    source: "define d = all(t in townships)\n",
    line: 3,
    column: 12,
    en: "'all' needs a condition after ':'",
    zh: "“all”需要在“:”后写出条件",
  },
  {
    code: "R5008",
    source: "define a(x: integer): integer = b(x)\ndefine b(x: integer): integer = a(x) + 1\n",
    line: 4,
    column: 33,
    en: "definitions are recursive: 'a' -> 'b' -> 'a'",
    zh: "定义存在递归：'a' -> 'b' -> 'a'",
  },
  {
    code: "R5011",
    source: 'accountability a "t"\n  must\n  cites 1\n  for each t in townships\n  as at t.foundedOn\n',
    line: 3,
    column: 16,
    en: "accountability rule 'a' has no cause",
    zh: "问责规则“a”没有原因",
  },
  {
    code: "R5014",
    source:
      'escalation e "t"\n  must\n  cites 1\n  for each t in townships\n  holder "h"\n  starts t.foundedOn\n  level a\n  level a after 15 days\n',
    line: 10,
    column: 9,
    en: "level 'a' is declared twice",
    zh: "级别“a”重复声明",
  },
  {
    code: "R5015",
    source:
      'duty d "t"\n  must\n  cites 1\n  for each m in county.meetings\n  holder "h"\n  requires true\n  by 2026-12-31\n',
    line: 6,
    column: 17,
    en: "a rule's subject must be a collection, found list date",
    zh: "规则的对象应为集合，实际为列表 日期",
  },
  {
    code: "R5030",
    source:
      'duty d "t"\n  must\n  cites 1\n  for each t in townships\n  holder t.name\n  forbids t.deadline\n',
    line: 4,
    column: 3,
    en: "rule 'd': `must not` and `forbids` go together: a prohibition is a duty that names what it forbids",
    zh: "规则“d”：“不得”与“禁止事项”须同时使用：禁止性规定是写明禁止事项的职责",
  },
  {
    code: "R5030",
    source:
      'duty d "t"\n  must not\n  cites 1\n  for each t in townships\n  holder t.name\n  requires t.deadline\n  by 2026-12-31\n',
    line: 4,
    column: 3,
    en: "rule 'd': `must not` and `forbids` go together: a prohibition is a duty that names what it forbids",
    zh: "规则“d”：“不得”与“禁止事项”须同时使用：禁止性规定是写明禁止事项的职责",
  },
  {
    code: "R5016",
    source:
      'accountability a "t"\n  must\n  cites 1\n  for each t in townships\n  as at t.foundedOn\n  cause "未建队" when t.members < 10 targets t.name\n',
    line: 8,
    column: 43,
    en: "the targets after the last cause are the rule's own: they are named whenever any cause holds",
    zh: "最后一个原因之后的问责对象属于整条规则：任一原因成立即被问责",
  },
  {
    code: "R5017",
    source: "param a: integer = b\nparam b: integer = a\n",
    line: 4,
    column: 20,
    en: "parameter defaults form a cycle: 'a' -> 'b' -> 'a'",
    zh: "参数默认值循环引用：'a' -> 'b' -> 'a'",
  },
  {
    code: "R5017",
    source: "param limit: integer = limit + 1\n",
    line: 3,
    column: 24,
    en: "parameter defaults form a cycle: 'limit' -> 'limit'",
    zh: "参数默认值循环引用：'limit' -> 'limit'",
  },
  {
    code: "R5018",
    source: "define answerWithin = 20 个工作日\n",
    line: 3,
    column: 23,
    en: "working days need a calendar, and this policy names none",
    zh: "工作日需要日历，而本政策未指定日历",
  },
  {
    code: "R5018",
    source: "define gap(t: townships) = workingDaysBetween(t.foundedOn, t.deadline)\n",
    line: 3,
    column: 28,
    en: "working days need a calendar, and this policy names none",
    zh: "工作日需要日历，而本政策未指定日历",
  },
  {
    code: "R4016",
    header: 'policy "p" calendar "cn-mainland"',
    source: "define d = 15 working days + 1 day\n",
    line: 3,
    column: 12,
    en: "cannot combine working days with days, weeks, months, quarters or years using '+'",
    zh: "不能用“+”组合工作日与天、周、月、季度或年",
  },
  {
    code: "R3023",
    header: 'policy "p" calendar "cn-mainlnd"',
    options: { calendarNames: ["cn-mainland"] },
    source: "",
    line: 1,
    column: 21,
    en: "unknown calendar 'cn-mainlnd'; the calendars there are: cn-mainland",
    zh: "未知的日历“cn-mainlnd”；可用的日历有：cn-mainland",
  },
  {
    code: "R3024",
    source:
      'duty d "t"\n  must\n  cites 1\n  for each t in townshps\n  holder "h"\n  requires true\n  by 2026-12-31\n',
    line: 6,
    column: 17,
    en: "unknown collection 'townshps'",
    zh: "未知的集合“townshps”",
    suggestions: ["townships"],
  },
  {
    code: "R3024",
    source:
      '职责 d "t"\n  必须\n  依据 1\n  对于 每个 t 属于 乡镇\n  责任主体 "h"\n  要求 真\n  截止 2026-12-31\n',
    line: 6,
    column: 14,
    en: "unknown collection '乡镇'",
    zh: "未知的集合“乡镇”",
    suggestions: [],
  },
];

function run(testCase: Pick<GoldenCase, "source" | "imports" | "files" | "header" | "options">) {
  const [header, clause] = prelude.split("\n");
  const text = `${testCase.header ?? header}\n${testCase.imports ?? ""}${clause}\n${testCase.source}${shared}`;
  return analyze("policy.remit", memoryHost({ "policy.remit": text, ...testCase.files }), testCase.options);
}

describe("golden diagnostics", () => {
  for (const testCase of cases) {
    it(`${testCase.code}: ${testCase.en}`, () => {
      const { diagnostics, policy } = run(testCase);
      const found = diagnostics.filter((d) => d.code === testCase.code);
      expect(
        found,
        JSON.stringify(
          diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column, d.message.en]),
        ),
      ).toHaveLength(1);
      const [only] = found;
      expect({
        line: only?.span.start.line,
        column: only?.span.start.column,
        en: only?.message.en,
        zh: only?.message.zh,
      }).toEqual({ line: testCase.line, column: testCase.column, en: testCase.en, zh: testCase.zh });
      if (testCase.suggestions !== undefined) expect(only?.suggestions).toEqual(testCase.suggestions);
      expect(
        only?.related.map((r) => ({
          line: r.span.start.line,
          column: r.span.start.column,
          en: r.message.en,
          zh: r.message.zh,
        })),
      ).toEqual(testCase.related ?? []);
      if (only?.severity === "error") expect(policy).toBeUndefined();
    });
  }

  it("a missing policy header is reported at the top of the entry module", () => {
    const { diagnostics } = analyze("policy.remit", memoryHost({ "policy.remit": 'clause 1 "c"\n' }));
    const missing = diagnostics.filter((d) => d.code === "R5009");
    expect(missing.map((d) => [d.span.start.line, d.span.start.column, d.message.en, d.message.zh])).toEqual([
      [
        1,
        1,
        "the entry module 'policy.remit' has no 'policy' header",
        "入口模块“policy.remit”缺少“政策”声明",
      ],
    ]);
  });

  it("a clause heading with no rules and no note saying why is reported (R5019), in both languages", () => {
    const text = [
      "```remit",
      'policy "p"',
      "```",
      "",
      "## 1 有规则的条款",
      "",
      "```remit",
      'duty d "t"\n  must\n  cites 1\n  holder "h"\n  requires true\n  by 2026-12-31',
      "```",
      "",
      "## 2 规则被删掉的条款",
      "",
      "条文。",
      "",
      "## 3 不判定的条款",
      "",
      "不可机器判定：没有可据以判定的事实。",
      "",
      "## 4 Not judged",
      "",
      "Not machine-checkable: nothing in the data.",
      "",
    ].join("\n");
    const { diagnostics } = analyze("policy.remit.md", memoryHost({ "policy.remit.md": text }));
    expect(
      diagnostics.map((d) => [
        d.code,
        d.severity,
        d.span.start.line,
        d.span.start.column,
        d.message.en,
        d.message.zh,
      ]),
    ).toEqual([
      [
        "R5019",
        "warning",
        16,
        4,
        "clause 2 '规则被删掉的条款' has no rules and no note saying why",
        "条款 2“规则被删掉的条款”没有规则，也没有说明为何不作判定",
      ],
    ]);
    expect(diagnostics[0]?.hint?.zh).toContain("不可机器判定");
  });

  it("an unknown collection's hint lists the collections there are, or shows how to declare one", () => {
    const rule = 'duty d "t"\n  must\n  cites 1\n  for each c in cases\n  requires true\n  by 2026-12-31\n';
    const hintOf = (text: string) =>
      analyze("policy.remit", memoryHost({ "policy.remit": text })).diagnostics.find(
        (d) => d.code === "R3024",
      )?.hint;
    expect(hintOf(`${prelude}${rule}${shared}`)).toEqual({
      en: "'for each x in' takes a collection; the collections are: townships",
      zh: "“对于 每个 x 属于”之后是集合；已声明的集合有：townships",
    });
    expect(hintOf(`${prelude}${rule}`)).toEqual({
      en: "'for each x in' takes a collection: declare it, e.g. `collection cases { date: date }`, with the fields its facts have",
      zh: "“对于 每个 x 属于”之后是集合：请先声明它，例如“集合 cases { 日期: 日期 }”，写明其数据中的字段",
    });
  });

  it("an unknown name's hint declares a parameter of the type its use expects", () => {
    const hintOf = (rule: string) =>
      analyze("policy.remit", memoryHost({ "policy.remit": `${prelude}${rule}${shared}` })).diagnostics.find(
        (d) => d.code === "R3004",
      )?.hint;
    const rule = (condition: string, deadline: string) =>
      `duty d "t"\n  must\n  cites 1\n  for each t in townships where ${condition}\n  requires true\n  ${deadline}\n`;
    expect(hintOf(rule("true", "within limit of t.foundedOn"))).toEqual({
      en: "declare it, e.g. `param limit: duration = 15 days` for a value the county sets or `define limit = …` for one worked out from others",
      zh: "请先声明它，例如县里设定的值写“参数 limit: 时长 = 15 天”，由其他值算出的写“定义 limit = …”",
    });
    expect(hintOf(rule("true", "within 15 days of reportedOn"))?.en).toContain(
      "`param reportedOn: date = 2026-12-31`",
    );
    expect(hintOf(rule("true", "by dueDate"))?.zh).toContain("“参数 dueDate: 日期 = 2026-12-31”");
    expect(hintOf(rule("major", "by 2026-12-31"))?.en).toContain("`param major: bool = true`");
    // A use that does not say what it expects keeps the general example.
    expect(hintOf(rule("t.members > quota", "by 2026-12-31"))?.en).toContain("`param quota: integer = 1`");
  });

  it("a part of a rule the parser could not reach is not reported missing", () => {
    // The parser stops at `1 1`, which no repair mends; the rule's cites, holder and deadline
    // come after it.
    const broken = `${prelude}duty d "t"\n  must\n  for each t in townships\n  let x = 1 1\n  cites 1\n  holder "h"\n  requires true\n  by 2026-12-31\n${shared}`;
    const codes = analyze("policy.remit", memoryHost({ "policy.remit": broken })).diagnostics.map(
      (d) => d.code,
    );
    expect(codes).toContain("R2001");
    expect(codes).not.toContain("R5002");
    expect(codes).not.toContain("R5004");
    expect(codes).not.toContain("R5005");
    // Without the syntax error, a rule that lacks them is told so.
    const lacking = `${prelude}duty d "t"\n  must\n  requires true\n${shared}`;
    const lackingCodes = analyze("policy.remit", memoryHost({ "policy.remit": lacking })).diagnostics.map(
      (d) => d.code,
    );
    expect(lackingCodes).toEqual(expect.arrayContaining(["R5002", "R5004", "R5005"]));
  });

  it("a clause declared in code with no rules is reported (R5019) unless its text says why", () => {
    const diagnosticsOf = (clause: string) =>
      analyze("policy.remit", memoryHost({ "policy.remit": `policy "p"\n${clause}\n` })).diagnostics.map(
        (d) => [d.code, d.span.start.line, d.span.start.column, d.message.en, d.message.zh],
      );
    expect(diagnosticsOf('clause 2 "orphan"')).toEqual([
      [
        "R5019",
        2,
        8,
        "clause 2 'orphan' has no rules and no note saying why",
        "条款 2“orphan”没有规则，也没有说明为何不作判定",
      ],
    ]);
    expect(diagnosticsOf('clause 2 "orphan" text "Not machine-checkable: nothing in the data"')).toEqual([]);
    expect(diagnosticsOf('条款 2 "孤立" 原文 "不可机器判定：没有可据以判定的数据"')).toEqual([]);
  });

  it("every code is documented in docs/diagnostics.md and has a golden case or a dedicated test", () => {
    const covered = new Set([...cases.map((c) => c.code), "R5009", "R5019"]);
    // Codes whose snippets the grammar itself rejects first are exercised on syntax trees in check.test.ts.
    const syntaxTreeOnly = new Set(["R5002", "R5010", "R5012", "R5013"]);
    const documentation = readFileSync(new URL("../../../../docs/diagnostics.md", import.meta.url), "utf8");
    for (const definition of checkDiagnostics) {
      expect(covered.has(definition.code) || syntaxTreeOnly.has(definition.code), definition.code).toBe(true);
      expect(documentation, definition.code).toContain(`### ${definition.code}`);
    }
  });
});
