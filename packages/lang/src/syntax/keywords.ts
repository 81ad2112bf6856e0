/**
 * The keyword table of docs/language.md: every keyword's English and Chinese spellings, and for
 * the keywords that stand for a value of the syntax tree (modalities, aggregates, primitive
 * types, units, recurrences) that value. The lexer builds its token types from it, the grammar
 * consumes those tokens by name, the builder maps tokens to the syntax tree's values through it,
 * the formatter prints its first spellings and the error messages quote it: no other list of
 * keyword spellings exists.
 */
import type { Language } from "../diagnostics/diagnostic.js";
import type { AggregateOperator, DurationUnit, Modality, PeriodUnit, PrimitiveTypeName } from "./ast.js";

export interface KeywordSpelling<Name extends string = string> {
  /** The token type name. */
  readonly name: Name;
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

function kw<const Name extends string>(
  name: Name,
  en: string | readonly string[],
  zh: string | readonly string[],
): KeywordSpelling<Name> {
  return { name, en: typeof en === "string" ? [en] : en, zh: typeof zh === "string" ? [zh] : zh };
}

/**
 * What a duration unit measures: days and weeks are exact (in days), months, quarters and years
 * calendar months, working days are counted on the policy's calendar.
 */
export interface UnitMeasure {
  readonly unit: "day" | "month" | "working day";
  /** How many days or months one unit is. */
  readonly factor: number;
}

export interface UnitKeyword<Name extends string = string> extends KeywordSpelling<Name> {
  readonly measure: UnitMeasure;
}

function unit<const Name extends string>(
  name: Name,
  en: readonly [singular: string, plural: string],
  zh: string | readonly string[],
  measure: UnitMeasure,
): UnitKeyword<Name> {
  return { ...kw(name, en, zh), measure };
}

/**
 * `must`, `must not`, `should`, `may`, with the verbs of Chinese legal drafting: 应当 and 应 are
 * mandatory ("shall", like 必须), 不得/禁止/严禁 prohibit, 宜/力争/努力 are advisory. English writes
 * `must not` as two keywords (`must` then `not`), so `mustNot` has no English spelling of its own.
 * @example
 * ```ts
 * import { modalityKeywords } from "@remit/lang";
 * console.log(modalityKeywords.mustNot.zh.join(" ")); // 不得 禁止 严禁
 * ```
 */
export const modalityKeywords = {
  must: kw("Must", "must", ["必须", "应当", "应", "须"]),
  mustNot: kw("MustNot", [], ["不得", "禁止", "严禁"]),
  should: kw("Should", "should", ["宜", "力争", "努力"]),
  may: kw("May", "may", "可以"),
} as const satisfies Record<Modality, KeywordSpelling>;

/** The word that meant `should` before it became a spelling of `must` (R5031 points it out). */
export const formerShouldSpelling = "应当";

/**
 * The aggregates: `count(v in xs where c)` …
 * @example
 * ```ts
 * import { aggregateKeywords } from "@remit/lang";
 * console.log(aggregateKeywords.count.en[0], aggregateKeywords.count.zh[0]); // count 计数
 * ```
 */
export const aggregateKeywords = {
  count: kw("Count", "count", "计数"),
  any: kw("Any", "any", "存在"),
  all: kw("All", "all", "全部"),
  sum: kw("Sum", "sum", "求和"),
  min: kw("Min", "min", "最小"),
  max: kw("Max", "max", "最大"),
  latest: kw("Latest", "latest", "最近"),
  earliest: kw("Earliest", "earliest", "最早"),
} as const satisfies Record<AggregateOperator, KeywordSpelling>;

/**
 * The primitive types. `text` in English is also the clause text (`ClauseText` in Chinese).
 * @example
 * ```ts
 * import { primitiveTypeKeywords } from "@remit/lang";
 * console.log(primitiveTypeKeywords.date.zh[0]); // 日期
 * ```
 */
export const primitiveTypeKeywords = {
  text: kw("TextType", "text", "文本"),
  integer: kw("Integer", "integer", "整数"),
  decimal: kw("Decimal", "decimal", "小数"),
  bool: kw("Bool", "bool", "布尔"),
  date: kw("DateType", "date", "日期"),
  duration: kw("Duration", "duration", "时长"),
} as const satisfies Record<PrimitiveTypeName, KeywordSpelling>;

/**
 * Duration units, singular and plural in English (`1 day`, `15 days`), with what they measure.
 * @example
 * ```ts
 * import { durationUnitKeywords } from "@remit/lang";
 * const { quarter } = durationUnitKeywords;
 * console.log(quarter.en.join("/"), quarter.measure.factor, quarter.measure.unit); // quarter/quarters 3 month
 * ```
 */
export const durationUnitKeywords = {
  day: unit("Day", ["day", "days"], ["天", "日"], { unit: "day", factor: 1 }),
  week: unit("Week", ["week", "weeks"], "周", { unit: "day", factor: 7 }),
  month: unit("Month", ["month", "months"], "个月", { unit: "month", factor: 1 }),
  quarter: unit("Quarter", ["quarter", "quarters"], "个季度", { unit: "month", factor: 3 }),
  year: unit("Year", ["year", "years"], "年", { unit: "month", factor: 12 }),
  // English writes two words: the lexer never sees `working day` whole, the grammar reads the
  // keyword `working` before `day`/`days` (see `workingKeyword`); the formatter prints these.
  workingDay: unit("WorkingDay", ["working day", "working days"], ["个工作日", "工作日"], {
    unit: "working day",
    factor: 1,
  }),
} as const satisfies Record<DurationUnit, UnitKeyword>;

/** `working` of `20 working days`. */
export const workingKeyword = kw("Working", "working", []);

/**
 * The units that are also periods (`every quarter`): all but days; a half year is `every half year`.
 * @example
 * ```ts
 * import { periodUnitKeywords } from "@remit/lang";
 * console.log(Object.keys(periodUnitKeywords).join(" ")); // week month quarter year
 * ```
 */
export const periodUnitKeywords = {
  week: durationUnitKeywords.week,
  month: durationUnitKeywords.month,
  quarter: durationUnitKeywords.quarter,
  year: durationUnitKeywords.year,
} as const satisfies Record<Exclude<PeriodUnit, "halfYear">, UnitKeyword>;

/** The languages a policy's readers may use (`readers chinese`, `读者 中文`). */
export const readerLanguageKeywords = {
  en: kw("English", "english", "英文"),
  zh: kw("Chinese", "chinese", "中文"),
} as const satisfies Record<Language, KeywordSpelling>;

/**
 * Recurrences: English writes `every` and a unit (`every half year`), Chinese one word (`每季度`).
 * @example
 * ```ts
 * import { recurrenceKeywords } from "@remit/lang";
 * console.log(recurrenceKeywords.quarter.zh[0], recurrenceKeywords.quarter.en.length); // 每季度 0
 * ```
 */
export const recurrenceKeywords = {
  week: kw("EveryWeek", [], "每周"),
  month: kw("EveryMonth", [], "每月"),
  quarter: kw("EveryQuarter", [], "每季度"),
  halfYear: kw("EveryHalfYear", [], "每半年"),
  year: kw("EveryYear", [], "每年"),
} as const satisfies Record<PeriodUnit, KeywordSpelling>;

/**
 * Keywords that start a top-level declaration (or the header, or an import).
 * @example
 * ```ts
 * import { declarationKeywords } from "@remit/lang";
 * const duty = declarationKeywords.find((k) => k.name === "Duty");
 * console.log(duty?.en[0], duty?.zh[0]); // duty 职责
 * ```
 */
export const declarationKeywords = [
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
] as const;

export const otherKeywords = [
  kw("Version", "version", "版本"),
  kw("Source", "source", "文号"),
  kw("Effective", "effective", "生效"),
  kw("Calendar", "calendar", "日历"),
  kw("RollOver", "rollover", "顺延"),
  kw("Warning", "warning", "预警"),
  kw("Group", "group", "分组"),
  kw("Others", "others", "其余"),
  kw("Readers", "readers", "读者"),
  readerLanguageKeywords.en,
  readerLanguageKeywords.zh,
  kw("As", "as", "作为"),
  // `text` in English is both the clause text and the type; Chinese spells them apart.
  kw("ClauseText", [], "原文"),
  kw("Since", "since", "始于"),
  kw("Named", "named", "称为"),
  kw("Let", "let", "令"),
  modalityKeywords.must,
  modalityKeywords.mustNot,
  modalityKeywords.should,
  modalityKeywords.may,
  kw("Cites", "cites", "依据"),
  kw("For", "for", "对于"),
  kw("Each", "each", "每个"),
  kw("In", "in", "属于"),
  kw("Where", "where", "满足"),
  kw("Holder", "holder", "责任主体"),
  kw("Requires", "requires", "要求"),
  kw("Forbids", "forbids", "禁止事项"),
  kw("By", "by", "截止"),
  kw("Within", "within", "以内"),
  kw("Of", "of", "自"),
  kw("Every", "every", []),
  recurrenceKeywords.week,
  recurrenceKeywords.month,
  recurrenceKeywords.quarter,
  recurrenceKeywords.halfYear,
  recurrenceKeywords.year,
  kw("Half", "half", []),
  // `every quarter from X within 15 days after end` / `每季度 从 X 终了后 15 日 以内`.
  kw("PeriodEnd", "end", "终了后"),
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
  ...Object.values(aggregateKeywords),
  ...Object.values(primitiveTypeKeywords),
  kw("Enum", "enum", "枚举"),
  kw("List", "list", "列表"),
  kw("Optional", "optional", "可选"),
  kw("Planned", "planned", "计划"),
  ...Object.values(durationUnitKeywords),
  workingKeyword,
  kw("Excluding", "excluding", "不计"),
  kw("To", "to", "至"),
] as const;

/** A keyword's token type name (`Duty`, `Requires`, …). */
export type KeywordName =
  | (typeof declarationKeywords)[number]["name"]
  | (typeof otherKeywords)[number]["name"];

/**
 * Every keyword, declaration keywords first.
 * @example
 * ```ts
 * import { keywords } from "@remit/lang";
 * const requires = keywords.find((k) => k.zh.includes("要求"));
 * console.log(requires?.name, requires?.en[0]); // Requires requires
 * ```
 */
export const keywords: readonly KeywordSpelling<KeywordName>[] = [...declarationKeywords, ...otherKeywords];

/**
 * Every keyword by its token type name.
 * @example
 * ```ts
 * import { keywordsByName } from "@remit/lang";
 * console.log(keywordsByName.Escalation.zh[0]); // 升级
 * ```
 */
export const keywordsByName: { readonly [Name in KeywordName]: KeywordSpelling<Name> } = Object.fromEntries(
  keywords.map((k) => [k.name, k]),
) as Record<KeywordName, KeywordSpelling<never>>;

/**
 * Every spelling of `name`'s keyword, English first.
 * @example
 * ```ts
 * import { spellingsOf } from "@remit/lang";
 * console.log(spellingsOf("Must").join(" ")); // must 必须 应当 应 须
 * console.log(spellingsOf("NoSuchKeyword").length); // 0
 * ```
 */
export function spellingsOf(name: string): readonly string[] {
  const entry = keywords.find((k) => k.name === name);
  return entry ? [...entry.en, ...entry.zh] : [];
}

/** The value each keyword of `group` stands for, by token type name. */
export function valuesByToken<Value extends string>(
  group: Readonly<Record<Value, KeywordSpelling>>,
): ReadonlyMap<string, Value> {
  return new Map(
    (Object.entries(group) as [Value, KeywordSpelling][]).map(([value, keyword]) => [keyword.name, value]),
  );
}
