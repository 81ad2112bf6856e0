/**
 * The keyword table of docs/language.md: every keyword's English and Chinese spellings. The lexer
 * builds its token types from it and the error messages quote it, so both stay in step.
 */
export interface KeywordSpelling {
  /** The token type name. */
  readonly name: string;
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

function kw(name: string, en: string | readonly string[], zh: string | readonly string[]): KeywordSpelling {
  return { name, en: typeof en === "string" ? [en] : en, zh: typeof zh === "string" ? [zh] : zh };
}

/** Keywords that start a top-level declaration (or the header, or an import). */
export const declarationKeywords: readonly KeywordSpelling[] = [
  kw("Policy", "policy", "政策"),
  kw("Import", "import", "导入"),
  kw("Clause", "clause", "条款"),
  kw("Param", "param", "参数"),
  kw("Type", "type", "类型"),
  kw("Collection", "collection", "集合"),
  kw("Record", "record", "记录"),
  kw("Define", "define", "定义"),
  kw("Duty", "duty", "职责"),
  kw("Escalation", "escalation", "升级"),
  kw("Accountability", "accountability", "问责"),
];

export const otherKeywords: readonly KeywordSpelling[] = [
  kw("Version", "version", "版本"),
  kw("Source", "source", "文号"),
  kw("Effective", "effective", "生效"),
  kw("Warning", "warning", "预警"),
  kw("As", "as", "作为"),
  // `text` in English is both the clause text and the type; Chinese spells them apart.
  kw("ClauseText", [], "原文"),
  kw("Since", "since", "始于"),
  kw("Let", "let", "令"),
  kw("Must", "must", "必须"),
  kw("Should", "should", "应当"),
  kw("May", "may", "可以"),
  kw("Cites", "cites", "依据"),
  kw("For", "for", "对于"),
  kw("Each", "each", "每个"),
  kw("In", "in", "属于"),
  kw("Where", "where", "满足"),
  kw("Holder", "holder", "责任主体"),
  kw("Requires", "requires", "要求"),
  kw("By", "by", "截止"),
  kw("Within", "within", "以内"),
  kw("Of", "of", "自"),
  kw("Every", "every", []),
  kw("EveryWeek", [], "每周"),
  kw("EveryMonth", [], "每月"),
  kw("EveryQuarter", [], "每季度"),
  kw("EveryYear", [], "每年"),
  kw("From", "from", "从"),
  kw("Until", "until", "直到"),
  kw("Starts", "starts", "起算"),
  kw("Level", "level", "级别"),
  kw("After", "after", "超过"),
  kw("When", "when", "当"),
  kw("Closes", "closes", "办结"),
  kw("Overdue", "overdue", "逾期"),
  kw("At", "at", []),
  kw("AsAt", [], "截至"),
  kw("Cause", "cause", "原因"),
  kw("Targets", "targets", "问责对象"),
  kw("And", "and", "且"),
  kw("Or", "or", "或"),
  kw("Not", "not", "非"),
  kw("Is", "is", []),
  kw("Set", "set", []),
  kw("Missing", "missing", []),
  kw("IsSet", [], "有值"),
  kw("IsMissing", [], "缺失"),
  kw("If", "if", "如果"),
  kw("Then", "then", "则"),
  kw("Else", "else", "否则"),
  kw("True", "true", "真"),
  kw("False", "false", "假"),
  kw("None", "none", "空"),
  kw("Count", "count", "计数"),
  kw("Any", "any", "存在"),
  kw("All", "all", "全部"),
  kw("Sum", "sum", "求和"),
  kw("Min", "min", "最小"),
  kw("Max", "max", "最大"),
  kw("Latest", "latest", "最近"),
  kw("Earliest", "earliest", "最早"),
  kw("TextType", "text", "文本"),
  kw("Integer", "integer", "整数"),
  kw("Decimal", "decimal", "小数"),
  kw("Bool", "bool", "布尔"),
  kw("DateType", "date", "日期"),
  kw("Duration", "duration", "时长"),
  kw("Enum", "enum", "枚举"),
  kw("List", "list", "列表"),
  kw("Optional", "optional", "可选"),
  kw("Planned", "planned", "计划"),
  kw("Day", ["day", "days"], ["天", "日"]),
  kw("Week", ["week", "weeks"], "周"),
  kw("Month", ["month", "months"], "个月"),
  kw("Quarter", ["quarter", "quarters"], "个季度"),
  kw("Year", ["year", "years"], "年"),
];

export const keywords: readonly KeywordSpelling[] = [...declarationKeywords, ...otherKeywords];

/** Every spelling of `name`'s keyword, English first. */
export function spellingsOf(name: string): readonly string[] {
  const entry = keywords.find((k) => k.name === name);
  return entry ? [...entry.en, ...entry.zh] : [];
}
