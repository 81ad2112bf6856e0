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

/** Every keyword the printer writes, in both spellings (docs/language.md, "Keywords"). */
export const keywordSpellings = {
  policy: word("Policy"),
  version: word("Version"),
  source: word("Source"),
  effective: word("Effective"),
  warning: word("Warning"),
  readers: word("Readers"),
  import: word("Import"),
  as: word("As"),
  clause: word("Clause"),
  clauseText: phrase(["TextType"], ["ClauseText"]),
  param: word("Param"),
  type: word("Type"),
  collection: word("Collection"),
  record: word("Record"),
  since: word("Since"),
  named: word("Named"),
  define: word("Define"),
  let: word("Let"),
  duty: word("Duty"),
  escalation: word("Escalation"),
  accountability: word("Accountability"),
  must: word("Must"),
  should: word("Should"),
  may: word("May"),
  cites: word("Cites"),
  forEach: phrase(["For", "Each"], ["For", "Each"]),
  for: word("For"),
  in: word("In"),
  where: word("Where"),
  holder: word("Holder"),
  requires: word("Requires"),
  by: word("By"),
  within: word("Within"),
  of: word("Of"),
  from: word("From"),
  until: word("Until"),
  starts: word("Starts"),
  level: word("Level"),
  after: word("After"),
  when: word("When"),
  closes: word("Closes"),
  overdueAfter: phrase(["Overdue", "After"], ["Overdue", "After"]),
  asAt: phrase(["As", "At"], ["AsAt"]),
  cause: word("Cause"),
  targets: word("Targets"),
  and: word("And"),
  or: word("Or"),
  not: word("Not"),
  isSet: phrase(["Is", "Set"], ["IsSet"]),
  isMissing: phrase(["Is", "Missing"], ["IsMissing"]),
  if: word("If"),
  thenWord: word("Then"),
  else: word("Else"),
  true: word("True"),
  false: word("False"),
  none: word("None"),
  enum: word("Enum"),
  list: word("List"),
  optional: word("Optional"),
  planned: word("Planned"),
} as const satisfies Record<string, Spelling>;

export type KeywordKey = keyof typeof keywordSpellings;

export const primitiveTypeSpellings: Readonly<Record<PrimitiveTypeName, Spelling>> =
  firstSpellings(primitiveTypeKeywords);

export const aggregateSpellings: Readonly<Record<AggregateOperator, Spelling>> =
  firstSpellings(aggregateKeywords);

function recurrence(unit: PeriodUnit): Spelling {
  const every = firstSpelling(keywordsByName.Every, "en");
  return {
    en: `${every} ${firstSpelling(periodUnitKeywords[unit], "en")}`,
    zh: firstSpelling(recurrenceKeywords[unit], "zh"),
  };
}

/** `every quarter` is one word in Chinese (`每季度`). */
export const recurrenceSpellings: Readonly<Record<PeriodUnit, Spelling>> = {
  week: recurrence("week"),
  month: recurrence("month"),
  quarter: recurrence("quarter"),
  year: recurrence("year"),
};

/** Duration units: English takes the plural unless the amount is exactly one. */
export function durationUnitSpelling(unit: DurationUnit, amount: number, language: KeywordLanguage): string {
  const keyword = durationUnitKeywords[unit];
  if (language === "zh") return firstSpelling(keyword, "zh");
  const [singular, plural] = keyword.en;
  return (amount === 1 ? singular : plural) ?? firstSpelling(keyword, "en");
}
