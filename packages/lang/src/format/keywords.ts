/**
 * The keywords the printer writes, in both languages: each keyword's first spelling in the
 * keyword table (syntax/keywords.ts), and the phrases English writes as several keywords.
 */
import type { AggregateOperator, DurationUnit, PeriodUnit, PrimitiveTypeName } from "../syntax/ast.js";
import {
  aggregateKeywords,
  durationUnitKeywords,
  type KeywordName,
  type KeywordSpelling,
  keywords,
  keywordsByName,
  periodUnitKeywords,
  primitiveTypeKeywords,
  recurrenceKeywords,
} from "../syntax/keywords.js";

/** The language the formatter spells keywords in. */
export type KeywordLanguage = "en" | "zh";

interface Spelling {
  readonly en: string;
  readonly zh: string;
}

function firstSpelling(keyword: KeywordSpelling, language: KeywordLanguage): string {
  const spelling = keyword[language][0];
  if (spelling === undefined) throw new Error(`the keyword '${keyword.name}' has no ${language} spelling`);
  return spelling;
}

/** The words of a phrase, each keyword's first spelling, in English and in Chinese. */
function phrase(en: readonly KeywordName[], zh: readonly KeywordName[]): Spelling {
  return {
    en: en.map((name) => firstSpelling(keywordsByName[name], "en")).join(" "),
    zh: zh.map((name) => firstSpelling(keywordsByName[name], "zh")).join(" "),
  };
}

/** One keyword, the same in both languages' tables. */
function word(name: KeywordName): Spelling {
  return phrase([name], [name]);
}

function firstSpellings<Value extends string>(
  group: Readonly<Record<Value, KeywordSpelling>>,
): Record<Value, Spelling> {
  const entries = Object.entries(group) as [Value, KeywordSpelling][];
  return Object.fromEntries(
    entries.map(([value, keyword]) => [
      value,
      { en: firstSpelling(keyword, "en"), zh: firstSpelling(keyword, "zh") },
    ]),
  ) as Record<Value, Spelling>;
}

/**
 * Keywords spelt in one language only (`is set` is `有值`, `每季度` is `every quarter`): the printer
 * writes them as part of a phrase, never alone. A test keeps this list in step with the table.
 */
export type OneLanguageKeyword =
  | "EveryWeek"
  | "EveryMonth"
  | "EveryQuarter"
  | "EveryHalfYear"
  | "EveryYear"
  | "MustNot"
  | "Half"
  | "ClauseText"
  | "Every"
  | "At"
  | "AsAt"
  | "Is"
  | "Set"
  | "Missing"
  | "IsSet"
  | "IsMissing"
  | "Working";

/** A keyword written on its own, by its table name in lower camel case (`policy`, `overdue`). */
type WordKey = Uncapitalize<Exclude<KeywordName, OneLanguageKeyword>>;

function uncapitalize(name: string): string {
  return `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

/** Every keyword spelt in both languages: a keyword added to the table is printable at once. */
const words = Object.fromEntries(
  keywords
    .filter((keyword) => keyword.en.length > 0 && keyword.zh.length > 0)
    .map((keyword) => [uncapitalize(keyword.name), word(keyword.name)]),
) as Record<WordKey, Spelling>;

/**
 * Every keyword the printer writes, in both spellings (docs/language.md, "Keywords"): each single
 * keyword under its table name, and the phrases English or Chinese writes as several keywords.
 */
export const keywordSpellings = {
  ...words,
  clauseText: phrase(["TextType"], ["ClauseText"]),
  mustNot: phrase(["Must", "Not"], ["MustNot"]),
  forEach: phrase(["For", "Each"], ["For", "Each"]),
  // Chinese writes no word for `by`: `分组 townships`.
  groupBy: phrase(["Group", "By"], ["Group"]),
  // Not `then`: an object with a `then` member reads as a promise.
  thenWord: word("Then"),
  overdueAfter: phrase(["Overdue", "After"], ["Overdue", "After"]),
  asAt: phrase(["As", "At"], ["AsAt"]),
  isSet: phrase(["Is", "Set"], ["IsSet"]),
  isMissing: phrase(["Is", "Missing"], ["IsMissing"]),
} as const satisfies Record<string, Spelling>;

export type KeywordKey = keyof typeof keywordSpellings;

export const primitiveTypeSpellings: Readonly<Record<PrimitiveTypeName, Spelling>> =
  firstSpellings(primitiveTypeKeywords);

export const aggregateSpellings: Readonly<Record<AggregateOperator, Spelling>> =
  firstSpellings(aggregateKeywords);

function recurrence(unit: PeriodUnit): Spelling {
  const every = firstSpelling(keywordsByName.Every, "en");
  const unitWord =
    unit === "halfYear"
      ? `${firstSpelling(keywordsByName.Half, "en")} ${firstSpelling(periodUnitKeywords.year, "en")}`
      : firstSpelling(periodUnitKeywords[unit], "en");
  return { en: `${every} ${unitWord}`, zh: firstSpelling(recurrenceKeywords[unit], "zh") };
}

/** `every quarter` is one word in Chinese (`每季度`). */
export const recurrenceSpellings: Readonly<Record<PeriodUnit, Spelling>> = {
  week: recurrence("week"),
  month: recurrence("month"),
  quarter: recurrence("quarter"),
  halfYear: recurrence("halfYear"),
  year: recurrence("year"),
};

/** `within 15 days after end` and `终了后 15 日 以内`: the words before and after the duration. */
export const afterEndSpellings: { readonly before: Spelling; readonly after: Spelling } = {
  before: {
    en: firstSpelling(keywordsByName.Within, "en"),
    zh: firstSpelling(keywordsByName.PeriodEnd, "zh"),
  },
  after: {
    en: `${firstSpelling(keywordsByName.After, "en")} ${firstSpelling(keywordsByName.PeriodEnd, "en")}`,
    zh: firstSpelling(keywordsByName.Within, "zh"),
  },
};

/** Duration units: English takes the plural unless the amount is exactly one. */
export function durationUnitSpelling(unit: DurationUnit, amount: number, language: KeywordLanguage): string {
  const keyword = durationUnitKeywords[unit];
  if (language === "zh") return firstSpelling(keyword, "zh");
  const [singular, plural] = keyword.en;
  return (amount === 1 ? singular : plural) ?? firstSpelling(keyword, "en");
}
