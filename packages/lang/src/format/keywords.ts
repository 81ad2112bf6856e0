import type { AggregateOperator, DurationUnit, PeriodUnit, PrimitiveTypeName } from "../syntax/ast.js";

/** The language the formatter spells keywords in. */
export type KeywordLanguage = "en" | "zh";

interface Spelling {
  readonly en: string;
  readonly zh: string;
}

/** Every keyword the printer writes, in both spellings (docs/language.md, "Keywords"). */
export const keywordSpellings = {
  policy: { en: "policy", zh: "政策" },
  version: { en: "version", zh: "版本" },
  source: { en: "source", zh: "文号" },
  effective: { en: "effective", zh: "生效" },
  warning: { en: "warning", zh: "预警" },
  import: { en: "import", zh: "导入" },
  as: { en: "as", zh: "作为" },
  clause: { en: "clause", zh: "条款" },
  clauseText: { en: "text", zh: "原文" },
  param: { en: "param", zh: "参数" },
  type: { en: "type", zh: "类型" },
  collection: { en: "collection", zh: "集合" },
  record: { en: "record", zh: "记录" },
  since: { en: "since", zh: "始于" },
  define: { en: "define", zh: "定义" },
  let: { en: "let", zh: "令" },
  duty: { en: "duty", zh: "职责" },
  escalation: { en: "escalation", zh: "升级" },
  accountability: { en: "accountability", zh: "问责" },
  must: { en: "must", zh: "必须" },
  should: { en: "should", zh: "应当" },
  may: { en: "may", zh: "可以" },
  cites: { en: "cites", zh: "依据" },
  forEach: { en: "for each", zh: "对于 每个" },
  for: { en: "for", zh: "对于" },
  in: { en: "in", zh: "属于" },
  where: { en: "where", zh: "满足" },
  holder: { en: "holder", zh: "责任主体" },
  requires: { en: "requires", zh: "要求" },
  by: { en: "by", zh: "截止" },
  within: { en: "within", zh: "以内" },
  of: { en: "of", zh: "自" },
  from: { en: "from", zh: "从" },
  until: { en: "until", zh: "直到" },
  starts: { en: "starts", zh: "起算" },
  level: { en: "level", zh: "级别" },
  after: { en: "after", zh: "超过" },
  when: { en: "when", zh: "当" },
  closes: { en: "closes", zh: "办结" },
  overdueAfter: { en: "overdue after", zh: "逾期 超过" },
  asAt: { en: "as at", zh: "截至" },
  cause: { en: "cause", zh: "原因" },
  targets: { en: "targets", zh: "问责对象" },
  and: { en: "and", zh: "且" },
  or: { en: "or", zh: "或" },
  not: { en: "not", zh: "非" },
  isSet: { en: "is set", zh: "有值" },
  isMissing: { en: "is missing", zh: "缺失" },
  if: { en: "if", zh: "如果" },
  thenWord: { en: "then", zh: "则" },
  else: { en: "else", zh: "否则" },
  true: { en: "true", zh: "真" },
  false: { en: "false", zh: "假" },
  none: { en: "none", zh: "空" },
  enum: { en: "enum", zh: "枚举" },
  list: { en: "list", zh: "列表" },
  optional: { en: "optional", zh: "可选" },
  planned: { en: "planned", zh: "计划" },
} as const satisfies Record<string, Spelling>;

export type KeywordKey = keyof typeof keywordSpellings;

export const primitiveTypeSpellings: Readonly<Record<PrimitiveTypeName, Spelling>> = {
  text: { en: "text", zh: "文本" },
  integer: { en: "integer", zh: "整数" },
  decimal: { en: "decimal", zh: "小数" },
  bool: { en: "bool", zh: "布尔" },
  date: { en: "date", zh: "日期" },
  duration: { en: "duration", zh: "时长" },
};

export const aggregateSpellings: Readonly<Record<AggregateOperator, Spelling>> = {
  count: { en: "count", zh: "计数" },
  any: { en: "any", zh: "存在" },
  all: { en: "all", zh: "全部" },
  sum: { en: "sum", zh: "求和" },
  min: { en: "min", zh: "最小" },
  max: { en: "max", zh: "最大" },
  latest: { en: "latest", zh: "最近" },
  earliest: { en: "earliest", zh: "最早" },
};

/** `every quarter` is one word in Chinese (`每季度`). */
export const recurrenceSpellings: Readonly<Record<PeriodUnit, Spelling>> = {
  week: { en: "every week", zh: "每周" },
  month: { en: "every month", zh: "每月" },
  quarter: { en: "every quarter", zh: "每季度" },
  year: { en: "every year", zh: "每年" },
};

/** Duration units: English takes the plural unless the amount is exactly one. */
export function durationUnitSpelling(unit: DurationUnit, amount: number, language: KeywordLanguage): string {
  if (language === "zh") return durationUnitsZh[unit];
  return amount === 1 ? unit : `${unit}s`;
}

const durationUnitsZh: Readonly<Record<DurationUnit, string>> = {
  day: "天",
  week: "周",
  month: "个月",
  quarter: "个季度",
  year: "年",
};

/** Every word that is a keyword in either language (identifiers must avoid them). */
export const reservedWords: ReadonlySet<string> = new Set([
  ...Object.values(keywordSpellings).flatMap((s) => [...s.en.split(" "), ...s.zh.split(" ")]),
  ...Object.values(primitiveTypeSpellings).flatMap((s) => [s.en, s.zh]),
  ...Object.values(aggregateSpellings).flatMap((s) => [s.en, s.zh]),
  ...Object.values(recurrenceSpellings).flatMap((s) => [...s.en.split(" "), s.zh]),
  ...["day", "days", "weeks", "months", "quarters", "years", "日", ...Object.values(durationUnitsZh)],
]);
