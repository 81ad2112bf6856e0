/**
 * Golden diagnostics: for each code, an input and every diagnostic it gives, in both languages.
 * `TOO_LARGE`, `TOO_DEEP` and `TOO_LONG` stand for inputs built by the test (over 10 MB; 200 open
 * parentheses; a sum of 1,000 terms).
 */
export interface GoldenDiagnostic {
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly en: string;
  readonly zh: string;
}

export interface GoldenCase {
  readonly code: string;
  readonly file: string;
  readonly text: string;
  readonly diagnostics: readonly GoldenDiagnostic[];
}

export const goldenCases: readonly GoldenCase[] = [
  {
    code: "R1001",
    file: "a.remit",
    text: "define x = 1\n@\ndefine y = 2",
    diagnostics: [
      {
        code: "R1001",
        line: 2,
        column: 1,
        en: "unexpected character '@'",
        zh: "无法识别的字符“@”",
      },
    ],
  },
  {
    code: "R1002",
    file: "a.remit",
    text: "define f（x: integer) = x",
    diagnostics: [
      {
        code: "R1002",
        line: 1,
        column: 9,
        en: "full-width '（' outside a string or comment: use '('",
        zh: "字符串和注释之外不能使用全角“（”：请改用半角“(”",
      },
    ],
  },
  {
    code: "R1003",
    file: "a.remit",
    text: 'define x = "open\ndefine y = 1',
    diagnostics: [
      {
        code: "R1003",
        line: 1,
        column: 12,
        en: "string '\"open' is not closed before the end of the line",
        zh: '字符串“"open”在行尾之前没有结束',
      },
    ],
  },
  {
    code: "R1004",
    file: "a.remit",
    text: 'define x = "a\\tb"',
    diagnostics: [
      {
        code: "R1004",
        line: 1,
        column: 14,
        en: "unknown escape '\\t' in a string",
        zh: "字符串中有无法识别的转义“\\t”",
      },
    ],
  },
  {
    code: "R1005",
    file: "a.remit",
    text: "define x = 2026-02-30",
    diagnostics: [
      {
        code: "R1005",
        line: 1,
        column: 12,
        en: "'2026-02-30' is not a calendar date",
        zh: "“2026-02-30”不是有效的日期",
      },
    ],
  },
  {
    code: "R1006",
    file: "a.remit.md",
    text: "# Policy\n\n```remit\ndefine x = 1\n",
    diagnostics: [
      {
        code: "R1006",
        line: 3,
        column: 1,
        en: "the remit code block opened with '```' is never closed",
        zh: "以“```”开始的 remit 代码块没有结束",
      },
    ],
  },
  {
    code: "R2001",
    file: "a.remit",
    text: 'duty a "t" must cites 1 requires x within 3 days h.x',
    diagnostics: [
      {
        code: "R2001",
        line: 1,
        column: 50,
        en: "expected `of` after 'days', found 'h'",
        zh: "“days”之后应为“自”，但遇到了“h”",
      },
    ],
  },
  {
    code: "R2002",
    file: "a.remit",
    text: "dutty a",
    diagnostics: [
      {
        code: "R2002",
        line: 1,
        column: 1,
        en: "expected a declaration (such as `duty`, `param` or `define`), found 'dutty'",
        zh: "应为一条声明（例如“职责”“参数”“定义”），但遇到了“dutty”",
      },
    ],
  },
  {
    code: "R2003",
    file: "a.remit",
    text: 'duty major - hazard "t" must cites 1 requires x',
    diagnostics: [
      {
        code: "R2003",
        line: 1,
        column: 6,
        en: "rule id 'major - hazard' has spaces around '-'",
        zh: "规则标识“major - hazard”的“-”两侧有空格",
      },
    ],
  },
  {
    code: "R2004",
    file: "a.remit",
    text: 'duty a "t" cites 1 requires x',
    diagnostics: [
      {
        code: "R2004",
        line: 1,
        column: 6,
        en: "rule 'a' has no modality: write `must`, `must not`, `should` or `may` after its title",
        zh: "规则“a”缺少情态：请在标题后写“必须”“不得”“宜”或“可以”",
      },
    ],
  },
  {
    code: "R2030",
    file: "a.remit",
    // Told once per file, at the first 应当.
    text: '职责 a "t" 应当 依据 1 要求 x\n职责 b "t" 应当 依据 1 要求 y',
    diagnostics: [
      {
        code: "R2030",
        line: 1,
        column: 10,
        en: "'应当' is mandatory, as in Chinese statutes: it means `must` (shall), no longer `should`",
        zh: "“应当”按法律文本的用法表示义务（必须），不再表示“宜”",
      },
    ],
  },
  {
    code: "R2005",
    file: "a.remit",
    text: "define x = 2.1.3",
    diagnostics: [
      {
        code: "R2005",
        line: 1,
        column: 12,
        en: "'2.1.3' is not a number: a clause id can only follow `cites` or `clause`",
        zh: "“2.1.3”不是数字：条款编号只能写在“依据”或“条款”之后",
      },
    ],
  },
  {
    code: "R2006",
    file: "a.remit",
    text: "define x = a < b < c",
    diagnostics: [
      {
        code: "R2006",
        line: 1,
        column: 18,
        en: "comparisons do not chain: unexpected '<' after a comparison",
        zh: "比较不能连写：比较之后不能再出现“<”",
      },
    ],
  },
  {
    code: "R2007",
    file: "a.remit",
    text: 'define x = 1\npolicy "p"',
    diagnostics: [
      {
        code: "R2007",
        line: 2,
        column: 1,
        en: "the `policy` header must come first, once per file",
        zh: "“政策”头部必须位于文件开头，且只能有一个",
      },
    ],
  },
  {
    code: "R2008",
    file: "a.remit",
    text: 'define x = 1\nimport "m.remit" as m',
    diagnostics: [
      {
        code: "R2008",
        line: 2,
        column: 1,
        en: "an `import` must come before the declarations",
        zh: "“导入”必须位于所有声明之前",
      },
    ],
  },
  {
    code: "R2009",
    file: "a.remit",
    text: "define x = (a).b(c)",
    diagnostics: [
      {
        code: "R2009",
        line: 1,
        column: 12,
        en: "only a name can be called, e.g. hasTeam(t) or gbt.requiredClass(t)",
        zh: "只能调用名称，例如 hasTeam(t) 或 gbt.requiredClass(t)",
      },
    ],
  },
  {
    code: "R2010",
    file: "a.remit",
    text: "define answerWithin = 20 workdays",
    diagnostics: [
      {
        code: "R2010",
        line: 1,
        column: 26,
        en: "unknown unit 'workdays'; the units there are: day/days, week/weeks, month/months, quarter/quarters, year/years, working day/working days",
        zh: "未知的单位“workdays”；可用的单位有：天/日、周、个月、个季度、年、个工作日/工作日",
      },
    ],
  },
  {
    code: "R1007",
    file: "a.remit",
    text: "define due = 2026/6/30",
    diagnostics: [
      {
        code: "R1007",
        line: 1,
        column: 14,
        en: "write the date as 2026-06-30, not '2026/6/30'",
        zh: "日期请写成 2026-06-30，而不是“2026/6/30”",
      },
    ],
  },
  {
    code: "R1007",
    file: "a.remit",
    text: "define due = 2026年6月30日",
    diagnostics: [
      {
        code: "R1007",
        line: 1,
        column: 14,
        en: "write the date as 2026-06-30, not '2026年6月30日'",
        zh: "日期请写成 2026-06-30，而不是“2026年6月30日”",
      },
    ],
  },
  {
    code: "R1008",
    file: "a.remit",
    text: "define x = 1。",
    diagnostics: [
      {
        code: "R1008",
        line: 1,
        column: 13,
        en: "'。' ends nothing in a policy: remove it",
        zh: "政策代码中不需要“。”：请删除",
      },
    ],
  },
  {
    code: "R1009",
    file: "a.remit",
    text: "define seat = “县”",
    diagnostics: [
      {
        code: "R1009",
        line: 1,
        column: 15,
        en: 'the string “县” is in full-width quotes: write "县"',
        zh: '字符串须用半角引号：请把「“县”」写成 "县"',
      },
    ],
  },
  {
    code: "R1010",
    file: "a.remit",
    text: "param limit: duration = 十五天",
    diagnostics: [
      {
        code: "R1010",
        line: 1,
        column: 25,
        en: "write the duration '十五天' in digits: '15 天' (15 days)",
        zh: "时长请用数字写成“15 天”，而不是“十五天”",
      },
    ],
  },
  {
    code: "R1010",
    file: "a.remit",
    text: "param limit: duration = 半个月",
    diagnostics: [
      {
        code: "R1010",
        line: 1,
        column: 25,
        en: "write the duration '半个月' in digits: '15 天' (15 days)",
        zh: "时长请用数字写成“15 天”，而不是“半个月”",
      },
    ],
  },
  {
    code: "R2010",
    file: "a.remit",
    text: "param limit: duration = 15 business days",
    diagnostics: [
      {
        code: "R2010",
        line: 1,
        column: 28,
        en: "unknown unit 'business days'; the units there are: day/days, week/weeks, month/months, quarter/quarters, year/years, working day/working days",
        zh: "未知的单位“business days”；可用的单位有：天/日、周、个月、个季度、年、个工作日/工作日",
      },
    ],
  },
  {
    code: "R2010",
    file: "a.remit",
    text: "参数 期限: 时长 = 15 工作天",
    diagnostics: [
      {
        code: "R2010",
        line: 1,
        column: 16,
        en: "unknown unit '工作天'; the units there are: day/days, week/weeks, month/months, quarter/quarters, year/years, working day/working days",
        zh: "未知的单位“工作天”；可用的单位有：天/日、周、个月、个季度、年、个工作日/工作日",
      },
    ],
  },
  {
    code: "R2011",
    file: "a.remit",
    text: "define same(a: integer) = a == 1",
    diagnostics: [
      {
        code: "R2011",
        line: 1,
        column: 29,
        en: "use '=', not '=='",
        zh: "请用“=”，而不是“==”",
      },
    ],
  },
  {
    code: "R2011",
    file: "a.remit",
    text: "define either(a: bool, b: bool) = a || b",
    diagnostics: [
      {
        code: "R2011",
        line: 1,
        column: 37,
        en: "use `or`, not '||'",
        zh: "请用“或”，而不是“||”",
      },
    ],
  },
  {
    code: "R2012",
    file: "a.remit",
    text: 'duty a "t" must cites 1 for each h in hazards requires h.source 属于群众举报',
    diagnostics: [
      {
        code: "R2012",
        line: 1,
        column: 65,
        en: "a space is missing after the keyword in '属于群众举报': write '属于 群众举报'",
        zh: "“属于群众举报”中的关键字后缺少空格：请写成“属于 群众举报”",
      },
    ],
  },
  {
    code: "R2012",
    file: "a.remit",
    text: '职责 a "t"\n  必须\n  依据 1\n  对每个 h 属于 隐患\n  要求 h.完成',
    diagnostics: [
      {
        code: "R2012",
        line: 4,
        column: 3,
        en: "a space is missing after the keyword in '对每个': write '对于 每个'",
        zh: "“对每个”中的关键字后缺少空格：请写成“对于 每个”",
      },
    ],
  },
  {
    code: "R2013",
    file: "a.remit",
    text: '职责 a "t"\n  必须\n  依据 1\n  对于 h 属于 隐患\n  要求 h.完成',
    diagnostics: [
      {
        code: "R2013",
        line: 4,
        column: 6,
        en: "'每个' is missing before 'h': write '对于 每个 h …'",
        zh: "“h”之前缺少“每个”：请写成“对于 每个 h …”",
      },
    ],
  },
  {
    code: "R2013",
    file: "a.remit",
    text: 'duty a "t"\n  must\n  cites 1\n  for h in hazards\n  requires h.done',
    diagnostics: [
      {
        code: "R2013",
        line: 4,
        column: 7,
        en: "'each' is missing before 'h': write 'for each h …'",
        zh: "“h”之前缺少“each”：请写成“for each h …”",
      },
    ],
  },
  {
    code: "R2014",
    file: "a.remit",
    text: '职责 a "t"\n  必须\n  对于 每个 h 属于 隐患\n  依据 1\n  责任主体 "县"\n  要求 h.完成\n  截止 2026-12-31',
    diagnostics: [
      {
        code: "R2014",
        line: 4,
        column: 3,
        en: "'依据' must come before '对于'",
        zh: "“依据”应写在“对于”之前",
      },
    ],
  },
  {
    code: "R2014",
    file: "a.remit",
    text: 'duty a "t"\n  must\n  cites 1\n  requires x\n  holder "county"\n  by 2026-12-31',
    diagnostics: [
      {
        code: "R2014",
        line: 5,
        column: 3,
        en: "'holder' must come before 'requires'",
        zh: "“holder”应写在“requires”之前",
      },
    ],
  },
  {
    code: "R9001",
    file: "a.remit",
    text: "TOO_LARGE",
    diagnostics: [
      {
        code: "R9001",
        line: 1,
        column: 1,
        en: "the file is too large to read (10485761 characters, the limit is 10485760)",
        zh: "文件过大，无法读取（10485761 个字符，上限为 10485760）",
      },
    ],
  },
  {
    code: "R9002",
    file: "a.remit",
    text: "TOO_DEEP",
    diagnostics: [
      {
        code: "R9002",
        line: 1,
        column: 140,
        en: "nesting is too deep (more than 128 levels)",
        zh: "嵌套层数过多（超过 128 层）",
      },
    ],
  },
  {
    code: "R9003",
    file: "a.remit",
    text: "define\u0000",
    diagnostics: [
      {
        code: "R9003",
        line: 1,
        column: 1,
        en: "the file holds binary data (NUL bytes), not policy text",
        zh: "文件包含二进制数据（NUL 字节），不是政策文本",
      },
    ],
  },
  {
    code: "R9004",
    file: "a.remit",
    text: "TOO_LONG",
    diagnostics: [
      {
        code: "R9004",
        line: 1,
        column: 1035,
        en: "the expression is too deep (more than 512 operators, field reads and brackets inside one another)",
        zh: "表达式层数过多（运算符、字段读取与括号相互嵌套超过 512 层）",
      },
    ],
  },
  // The siblings of the mistakes above, as county officers write them.
  {
    code: "R1011",
    file: "a.remit",
    text: "param due: date = 2026年6月",
    diagnostics: [
      {
        code: "R1011",
        line: 1,
        column: 19,
        en: "'2026年6月' is not a whole date: it has no day",
        zh: "“2026年6月”不是完整的日期：缺少日",
      },
    ],
  },
  {
    code: "R1011",
    file: "a.remit",
    text: "define due = 6月30日",
    diagnostics: [
      {
        code: "R1011",
        line: 1,
        column: 14,
        en: "'6月30日' is not a whole date: it has no year",
        zh: "“6月30日”不是完整的日期：缺少年份",
      },
    ],
  },
  {
    code: "R1011",
    file: "a.remit",
    text: "define due = 2026-06",
    diagnostics: [
      {
        code: "R1011",
        line: 1,
        column: 14,
        en: "'2026-06' is not a whole date: it has no day",
        zh: "“2026-06”不是完整的日期：缺少日",
      },
    ],
  },
  {
    code: "R1007",
    file: "a.remit",
    text: "define due = 二〇二六年六月三十日",
    diagnostics: [
      {
        code: "R1007",
        line: 1,
        column: 14,
        en: "write the date as 2026-06-30, not '二〇二六年六月三十日'",
        zh: "日期请写成 2026-06-30，而不是“二〇二六年六月三十日”",
      },
    ],
  },
  {
    code: "R1010",
    file: "a.remit",
    text: "param limit: duration = 两周",
    diagnostics: [
      {
        code: "R1010",
        line: 1,
        column: 25,
        en: "write the duration '两周' in digits: '2 周' (2 weeks)",
        zh: "时长请用数字写成“2 周”，而不是“两周”",
      },
    ],
  },
  {
    code: "R1010",
    file: "a.remit",
    text: "param limit: duration = 一个月",
    diagnostics: [
      {
        code: "R1010",
        line: 1,
        column: 25,
        en: "write the duration '一个月' in digits: '1 个月' (1 month)",
        zh: "时长请用数字写成“1 个月”，而不是“一个月”",
      },
    ],
  },
  {
    code: "R1010",
    file: "a.remit",
    text: "param limit: duration = 半年",
    diagnostics: [
      {
        code: "R1010",
        line: 1,
        column: 25,
        en: "write the duration '半年' in digits: '6 个月' (6 months)",
        zh: "时长请用数字写成“6 个月”，而不是“半年”",
      },
    ],
  },
  {
    code: "R1010",
    file: "a.remit",
    text: "param limit: duration = 十五个工作日",
    diagnostics: [
      {
        code: "R1010",
        line: 1,
        column: 25,
        en: "write the duration '十五个工作日' in digits: '15 个工作日' (15 working days)",
        zh: "时长请用数字写成“15 个工作日”，而不是“十五个工作日”",
      },
    ],
  },
  {
    code: "R2010",
    file: "a.remit",
    text: "param limit: duration = 15 hours",
    diagnostics: [
      {
        code: "R2010",
        line: 1,
        column: 28,
        en: "unknown unit 'hours'; the units there are: day/days, week/weeks, month/months, quarter/quarters, year/years, working day/working days",
        zh: "未知的单位“hours”；可用的单位有：天/日、周、个月、个季度、年、个工作日/工作日",
      },
    ],
  },
  {
    code: "R2010",
    file: "a.remit",
    text: "param limit: duration = 15 working-days",
    diagnostics: [
      {
        code: "R2010",
        line: 1,
        column: 28,
        en: "unknown unit 'working-days'; the units there are: day/days, week/weeks, month/months, quarter/quarters, year/years, working day/working days",
        zh: "未知的单位“working-days”；可用的单位有：天/日、周、个月、个季度、年、个工作日/工作日",
      },
    ],
  },
  {
    code: "R2010",
    file: "a.remit",
    text: "param limit: duration = 15 workingdays",
    diagnostics: [
      {
        code: "R2010",
        line: 1,
        column: 28,
        en: "unknown unit 'workingdays'; the units there are: day/days, week/weeks, month/months, quarter/quarters, year/years, working day/working days",
        zh: "未知的单位“workingdays”；可用的单位有：天/日、周、个月、个季度、年、个工作日/工作日",
      },
    ],
  },
  {
    code: "R2011",
    file: "a.remit",
    text: "define open(a: bool) = !a",
    diagnostics: [
      {
        code: "R2011",
        line: 1,
        column: 24,
        en: "use `not`, not '!'",
        zh: "请用“非”，而不是“!”",
      },
    ],
  },
  {
    code: "R2011",
    file: "a.remit",
    text: "定义 未办(a: 布尔) = ！a",
    diagnostics: [
      {
        code: "R2011",
        line: 1,
        column: 16,
        en: "use `not`, not '！'",
        zh: "请用“非”，而不是“！”",
      },
    ],
  },
  {
    code: "R2011",
    file: "a.remit",
    text: "param limit: integer := 3",
    diagnostics: [
      {
        code: "R2011",
        line: 1,
        column: 22,
        en: "use '=', not ':='",
        zh: "请用“=”，而不是“:=”",
      },
    ],
  },
  {
    code: "R2012",
    file: "a.remit",
    text: '职责 a "t"\n  必须\n  依据1\n  要求 x\n  截止 2026-12-31',
    diagnostics: [
      {
        code: "R2012",
        line: 3,
        column: 3,
        en: "a space is missing after the keyword in '依据1': write '依据 1'",
        zh: "“依据1”中的关键字后缺少空格：请写成“依据 1”",
      },
    ],
  },
  {
    code: "R2012",
    file: "a.remit",
    text: '职责 a "t"\n  必须\n  依据 1\n  要求 x\n  以内 7 天 自r.日期',
    diagnostics: [
      {
        code: "R2012",
        line: 5,
        column: 10,
        en: "a space is missing after the keyword in '自r': write '自 r'",
        zh: "“自r”中的关键字后缺少空格：请写成“自 r”",
      },
    ],
  },
  {
    code: "R2012",
    file: "a.remit",
    text: 'duty a "t"\n  mustnot\n  cites 1\n  forbids x',
    diagnostics: [
      {
        code: "R2012",
        line: 2,
        column: 3,
        en: "a space is missing after the keyword in 'mustnot': write 'must not'",
        zh: "“mustnot”中的关键字后缺少空格：请写成“must not”",
      },
    ],
  },
  {
    code: "R2012",
    file: "a.remit",
    text: '职责 a "t"\n  必须\n  依据 1\n  对于 每个r 属于 隐患\n  要求 r.完成',
    diagnostics: [
      {
        code: "R2012",
        line: 4,
        column: 6,
        en: "a space is missing after the keyword in '每个r': write '每个 r'",
        zh: "“每个r”中的关键字后缺少空格：请写成“每个 r”",
      },
    ],
  },
  {
    code: "R2015",
    file: "a.remit",
    text: '职责 a "t"\n  必须\n  依据 1\n  对于 每个 h 属于 隐患 如果 h.重大\n  要求 h.完成',
    diagnostics: [
      {
        code: "R2015",
        line: 4,
        column: 17,
        en: "a condition on the elements is written '满足', not '如果'",
        zh: "对集合元素的条件写作“满足”，而不是“如果”",
      },
    ],
  },
  {
    code: "R2015",
    file: "a.remit",
    text: 'duty a "t"\n  must\n  cites 1\n  for each h in hazards if h.major\n  requires h.done',
    diagnostics: [
      {
        code: "R2015",
        line: 4,
        column: 25,
        en: "a condition on the elements is written 'where', not 'if'",
        zh: "对集合元素的条件写作“where”，而不是“if”",
      },
    ],
  },
  {
    code: "R2016",
    file: "a.remit",
    text: '职责 a "t"\n  必须 在 期限 以内 自 h.发现日期\n  依据 1\n  对于 每个 h 属于 隐患\n  要求 h.完成',
    diagnostics: [
      {
        code: "R2016",
        line: 2,
        column: 6,
        en: "a duty's deadline is not written after '必须': write '以内 期限 自 h.发现日期' on a line of its own after `requires …`",
        zh: "职责的期限不写在“必须”之后：请在“要求 …”之后另起一行写“以内 期限 自 h.发现日期”",
      },
    ],
  },
  {
    code: "R2016",
    file: "a.remit",
    text: 'duty a "t"\n  must within limit of h.foundOn\n  cites 1\n  for each h in hazards\n  requires h.done',
    diagnostics: [
      {
        code: "R2016",
        line: 2,
        column: 8,
        en: "a duty's deadline is not written after 'must': write 'within limit of h.foundOn' on a line of its own after `requires …`",
        zh: "职责的期限不写在“must”之后：请在“要求 …”之后另起一行写“within limit of h.foundOn”",
      },
    ],
  },
  {
    code: "R2001",
    file: "a.remit",
    text: "param due: date >= 2026-06-30",
    diagnostics: [
      {
        code: "R2001",
        line: 1,
        column: 17,
        en: "expected '=' after 'date', found '>='",
        zh: "“date”之后应为“=”，但遇到了“>=”",
      },
    ],
  },
];
