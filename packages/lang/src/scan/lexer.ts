import { createTokenInstance, type ILexingError, type IToken, Lexer, type TokenType } from "chevrotain";
import { isCalendarDate } from "../dates/index.js";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import {
  foreignOperator,
  fullWidthPunctuation,
  fullWidthQuotes,
  incompleteDate,
  invalidDate,
  invalidEscape,
  looseDate,
  numeralDuration,
  strayPunctuation,
  unexpectedCharacter,
  unknownUnit,
  unterminatedString,
} from "../diagnostics/scan-codes.js";
import type { Comment, DurationUnit, Span } from "../syntax/ast.js";
import {
  declarationKeywords,
  durationUnitKeywords,
  type KeywordName,
  keywordsByName,
} from "../syntax/keywords.js";
import { advance, spanOfRange, tokenSpan } from "./span.js";
import {
  asciiForFullWidth,
  DateLiteral,
  Equal,
  ForeignOperator,
  GreaterEqual,
  Identifier,
  keywordBySpelling,
  keywordTokens,
  LessEqual,
  lexerTokens,
  Minus,
  NotEqual,
  NumberLiteral,
  StringLiteral,
  UnterminatedString,
} from "./tokens.js";

export interface TokenizeResult {
  /** Tokens for the parser: comments and whitespace left out, keywords recognised. */
  readonly tokens: IToken[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
}

// Words use a custom matcher (for `\p{L}`) whose possible first characters are given as a hint,
// so chevrotain's first-character optimisation applies to every pattern; `ensureOptimizations`
// makes a pattern that would silently fall back to trying everything fail on first use instead.
// Built on first use, once per process: a command that never reads a policy never pays for it.
let sharedLexer: Lexer | undefined;
function lexer(): Lexer {
  sharedLexer ??= new Lexer([...lexerTokens], { positionTracking: "full", ensureOptimizations: true });
  return sharedLexer;
}

const fullWidthCharacters = new Set(Object.keys(asciiForFullWidth));

/**
 * Splits `text` into tokens; never throws. Positions are those of `text` itself.
 * @example
 * ```ts
 * import { tokenize } from "@remit/lang";
 * const { tokens, diagnostics } = tokenize('职责 listing "hazards" must', "p.remit");
 * console.log(tokens.map((t) => `${t.tokenType.name}:${t.image}`).join(" ")); // Duty:职责 Identifier:listing StringLiteral:"hazards" Must:must
 * console.log(diagnostics.length, tokenize('"open', "p.remit").diagnostics[0]?.code); // 0 R1003
 * ```
 */
export function tokenize(text: string, file: string): TokenizeResult {
  const result = lexer().tokenize(text);
  const diagnostics: Diagnostic[] = result.errors.map((error) => lexingDiagnostic(error, text, file));
  const tokens: IToken[] = [];
  for (let index = 0; index < result.tokens.length; index++) {
    const classified = classify(result.tokens[index] as IToken, file, diagnostics);
    const numeral = numeralDurationTokens(tokens, classified);
    if (numeral) {
      // `十五天`: told to write `15 天`, and read as that so the rest is checked as meant.
      diagnostics.push(diagnostic(numeralDuration, numeral.span(file), numeral.args));
      if (numeral.replacesPrevious) tokens.pop();
      tokens.push(...numeral.tokens);
      continue;
    }
    const hyphenated = hyphenatedWorkingDays(tokens, classified);
    if (hyphenated) {
      // `15 working-days`: the two words of the unit joined; read as `working days`.
      diagnostics.push(
        diagnostic(unknownUnit, hyphenated.span(file), { text: hyphenated.text, ...unitLists }, [
          hyphenated.text.replace(/[-－]/, " "),
        ]),
      );
      tokens.pop();
      tokens.push(classified);
      continue;
    }
    if (isUnknownUnit(tokens, classified)) {
      const twoWords = twoWordUnit(classified, result.tokens[index + 1]);
      if (twoWords) {
        // `15 business days`: both words are the unit, read as the unit they mean, so the second
        // is not reported again as a stray word.
        const text = `${classified.image} ${twoWords.second.image}`;
        diagnostics.push(
          diagnostic(
            unknownUnit,
            { file, start: tokenSpan(classified, file).start, end: tokenSpan(twoWords.second, file).end },
            { text, ...unitLists },
            [twoWords.spelling],
          ),
        );
        tokens.push(retype(classified, keywordTokens[durationUnitKeywords[twoWords.unit].name]));
        index++;
        continue;
      }
      // `20 workdays`: told the units there are; a unit said another way (`3 星期`) is read as the
      // unit it means. Any other word is read as days where only a duration can stand (`within
      // 15 hours of`), so the one mistake gives one message, and dropped elsewhere so the number
      // is read alone and parsing goes on.
      const meant =
        unitSynonyms.get(classified.image.toLowerCase()) ?? (expectsDuration(tokens) ? "day" : undefined);
      const synonym = unitSynonyms.get(classified.image.toLowerCase());
      const suggestions = synonym ? [unitSpelling(synonym, classified.image)] : [];
      diagnostics.push(
        diagnostic(
          unknownUnit,
          tokenSpan(classified, file),
          { text: classified.image, ...unitLists },
          suggestions,
        ),
      );
      if (meant) tokens.push(retype(classified, keywordTokens[durationUnitKeywords[meant].name]));
      continue;
    }
    tokens.push(classified);
  }
  const comments: Comment[] = (result.groups.comments ?? []).map((token) => ({
    kind: "Comment",
    text: token.image.slice(1),
    span: tokenSpan(token, file),
  }));
  for (const token of result.groups.dropped ?? []) {
    diagnostics.push(diagnostic(strayPunctuation, tokenSpan(token, file), { text: token.image }));
  }
  return { tokens, comments, diagnostics };
}

const unitLists = {
  units: Object.values(durationUnitKeywords)
    .map((k) => k.en.join("/"))
    .join(", "),
  unitsZh: Object.values(durationUnitKeywords)
    .map((k) => k.zh.join("/"))
    .join("、"),
};

/** Other words for a unit, read as the unit and suggested in its place. */
const unitSynonyms: ReadonlyMap<string, DurationUnit> = new Map<string, DurationUnit>([
  ["星期", "week"],
  ["个星期", "week"],
  ["礼拜", "week"],
  ["个礼拜", "week"],
  ["周", "week"],
  ["月", "month"],
  ["季度", "quarter"],
  ["季", "quarter"],
  ["年度", "year"],
  ["工日", "workingDay"],
  ["工作天", "workingDay"],
  ["个工作天", "workingDay"],
  ["自然日", "day"],
  ["个自然日", "day"],
  ["workdays", "workingDay"],
  ["workday", "workingDay"],
  ["workingdays", "workingDay"],
  ["workingday", "workingDay"],
  ["wks", "week"],
  ["mos", "month"],
]);

/** The first words of units written as two (`business days`), and the unit each means. */
const twoWordUnitSynonyms: ReadonlyMap<string, DurationUnit> = new Map<string, DurationUnit>([
  ["business", "workingDay"],
  ["work", "workingDay"],
  ["natural", "day"],
]);

/**
 * `business days` and the like: `first` (an unknown word after a number) and the `day`/`days`
 * after it on the same line, with the unit they mean spelt as the language has it.
 */
function twoWordUnit(
  first: IToken,
  second: IToken | undefined,
): { second: IToken; unit: DurationUnit; spelling: string } | undefined {
  const unit = twoWordUnitSynonyms.get(first.image.toLowerCase());
  if (unit === undefined || second === undefined || !/^days?$/i.test(second.image)) return undefined;
  if (second.startLine !== first.endLine) return undefined;
  const plural = /s$/i.test(second.image);
  const keyword = durationUnitKeywords[unit];
  const spelling = (plural ? keyword.en.at(-1) : keyword.en[0]) ?? keyword.name;
  return { second, unit, spelling };
}

/** The unit's spelling in the language `word` is written in. */
function unitSpelling(unit: DurationUnit, word: string): string {
  const keyword = durationUnitKeywords[unit];
  const latin = /^[a-z ]*$/i.test(word);
  return (latin ? keyword.en.at(-1) : keyword.zh[0]) ?? keyword.name;
}

const chineseDigits: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const chineseMultipliers: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a number in Chinese numerals (`十五`, `一百零五`, `两`), or undefined. */
export function chineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const ch of text) {
    const value = chineseDigits[ch];
    if (value !== undefined) {
      digit = value;
      continue;
    }
    const multiplier = chineseMultipliers[ch];
    if (multiplier === undefined) return undefined;
    total += (digit ?? 1) * multiplier;
    digit = undefined;
  }
  return total + (digit ?? 0);
}

/** Chinese unit spellings (`天`, `个月`, …, and `个星期` and the like), longest first. */
const chineseUnitSpellings: readonly (readonly [string, DurationUnit])[] = [
  ...Object.entries(durationUnitKeywords).flatMap(([unit, k]) =>
    k.zh.map((spelling) => [spelling, unit as DurationUnit] as const),
  ),
  ...[...unitSynonyms].filter(([spelling]) => !/^[a-z]/.test(spelling) && spelling !== "月"),
].sort((a, b) => b[0].length - a[0].length);

/** Half of a unit, in a unit the language has: `半个月` is 15 days, `半年` 6 months. */
const halves: Partial<Record<DurationUnit, { readonly amount: number; readonly unit: DurationUnit }>> = {
  month: { amount: 15, unit: "day" },
  year: { amount: 6, unit: "month" },
  week: { amount: 3, unit: "day" },
};

interface NumeralDuration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/** `十五天`, `三个月`, `半个月`, `两周`: a duration written in words; undefined for anything else. */
export function numeralDurationValue(word: string): NumeralDuration | undefined {
  for (const [spelling, unit] of chineseUnitSpellings) {
    if (!word.endsWith(spelling) || word.length === spelling.length) continue;
    let amountText = word.slice(0, -spelling.length);
    if (amountText.endsWith("个") && !spelling.startsWith("个")) amountText = amountText.slice(0, -1);
    if (amountText === "半") return halves[unit];
    const amount = chineseNumeral(amountText);
    if (amount !== undefined && amount > 0) return { amount, unit };
  }
  return undefined;
}

interface NumeralDurationTokens {
  readonly tokens: readonly IToken[];
  /** The numeral was the previous token (`十五 天`). */
  readonly replacesPrevious: boolean;
  readonly span: (file: string) => Span;
  readonly args: { text: string; zh: string; en: string; units: string };
}

/**
 * The duration a duration in Chinese numerals means, in digits (`十五天` and `十五 天` are `15 天`,
 * `半个月` is `15 天`), or undefined when `written` is not one.
 */
export function numeralDurationInDigits(written: string): string | undefined {
  const words = written.trim().split(/\s+/);
  if (words.length === 1) {
    const value = numeralDurationValue(written);
    return value && durationWords(value).zh;
  }
  const [numeral, unitWord] = words as [string, string];
  const unit =
    [...chineseUnitSpellings].find(([spelling]) => spelling === unitWord)?.[1] ??
    (Object.entries(durationUnitKeywords).find(([, k]) =>
      (k.en as readonly string[]).includes(unitWord),
    )?.[0] as DurationUnit | undefined);
  if (words.length !== 2 || unit === undefined) return undefined;
  const amount = chineseNumeral(numeral);
  const value = numeral === "半" ? halves[unit] : amount ? { amount, unit } : undefined;
  return value && durationWords(value).zh;
}

function durationWords(value: NumeralDuration): { zh: string; en: string } {
  const keyword = durationUnitKeywords[value.unit];
  const en = value.amount === 1 ? keyword.en[0] : keyword.en.at(-1);
  return { zh: `${value.amount} ${keyword.zh[0]}`, en: `${value.amount} ${en}` };
}

/**
 * A token made by reading a mistake as meant: `image` at `offset` characters into `from` (on its
 * line), e.g. the number of `十五天` or a keyword glued to a name.
 */
export function synthetic(type: TokenType, image: string, from: IToken, offset: number): IToken {
  const column = (from.startColumn ?? 1) + offset;
  const start = from.startOffset + offset;
  const line = from.startLine ?? 1;
  return createTokenInstance(
    type,
    image,
    start,
    start + image.length - 1,
    line,
    line,
    column,
    column + image.length - 1,
  );
}

/**
 * A duration in Chinese numerals, glued (`十五天`, `半个月`) or apart (`十五 天`), as the tokens
 * of the duration it means: a number and a unit.
 */
function numeralDurationTokens(
  previous: readonly IToken[],
  token: IToken,
): NumeralDurationTokens | undefined {
  const units = unitLists.unitsZh;
  if (token.tokenType === Identifier) {
    const value = numeralDurationValue(token.image);
    if (value === undefined) return undefined;
    const words = durationWords(value);
    const unitImage = [...chineseUnitSpellings.map(([s]) => s)].find((s) => token.image.endsWith(s)) ?? "";
    const numberLength = token.image.length - unitImage.length;
    return {
      tokens: [
        synthetic(NumberLiteral, String(value.amount), token, 0),
        synthetic(keywordTokens[durationUnitKeywords[value.unit].name], unitImage, token, numberLength),
      ],
      replacesPrevious: false,
      span: (file) => tokenSpan(token, file),
      args: { text: token.image, ...words, units },
    };
  }
  const numeral = previous[previous.length - 1];
  const unit = Object.entries(durationUnitKeywords).find(
    ([, k]) => keywordTokens[k.name] === token.tokenType,
  );
  if (!unit || numeral?.tokenType !== Identifier || numeral.endLine !== token.startLine) return undefined;
  const unitName = unit[0] as DurationUnit;
  const amount = chineseNumeral(numeral.image);
  const value = numeral.image === "半" ? halves[unitName] : amount ? { amount, unit: unitName } : undefined;
  if (value === undefined) return undefined;
  const words = durationWords(value);
  return {
    tokens: [
      synthetic(NumberLiteral, String(value.amount), numeral, 0),
      value.unit === unit[0] ? token : retype(token, keywordTokens[durationUnitKeywords[value.unit].name]),
    ],
    replacesPrevious: true,
    span: (file) => ({ file, start: tokenSpan(numeral, file).start, end: tokenSpan(token, file).end }),
    args: { text: `${numeral.image} ${token.image}`, ...words, units },
  };
}

/** Tokens after which a number is an id or a count, not an amount: `clause 1 "…"`, `cites 1, 2`. */
const numberNotAmount = new Set([
  "Clause",
  "Cites",
  "Comma",
  "Level",
  ...declarationKeywords.map((k) => k.name),
]);

/**
 * Whether the number last in `previous` can only be an amount of time: after `within`, `after`,
 * `warning`, or as the value of a duration parameter (`param x: duration = 15 hours`).
 */
function expectsDuration(previous: readonly IToken[]): boolean {
  const number = previous[previous.length - 1];
  const before = previous[previous.length - 2];
  if (number === undefined || before === undefined) return false;
  const name = before.tokenType.name;
  if (name === "Within" || name === "After" || name === "Warning") return true;
  if (name !== "Equal") return false;
  for (let i = previous.length - 3; i >= 0; i--) {
    const token = previous[i] as IToken;
    if (token.endLine !== number.startLine) return false;
    if (token.tokenType === keywordTokens.Duration) return true;
  }
  return false;
}

/** `working-days`: the unit's two words joined by a hyphen, ending at `token`. */
function hyphenatedWorkingDays(
  previous: readonly IToken[],
  token: IToken,
): { text: string; span: (file: string) => Span } | undefined {
  const working = previous[previous.length - 2];
  const hyphen = previous[previous.length - 1];
  if (
    working?.tokenType !== keywordTokens.Working ||
    hyphen?.tokenType !== Minus ||
    (token.tokenType !== keywordTokens.Day && !/^days?$/i.test(token.image)) ||
    working.startOffset + working.image.length !== hyphen.startOffset ||
    hyphen.startOffset + hyphen.image.length !== token.startOffset
  )
    return undefined;
  return {
    text: `${working.image}${hyphen.image}${token.image}`,
    span: (file) => ({ file, start: tokenSpan(working, file).start, end: tokenSpan(token, file).end }),
  };
}

/** A word right after an amount on the same line: a unit the language does not have. */
function isUnknownUnit(previous: readonly IToken[], token: IToken): boolean {
  if (token.tokenType !== Identifier) return false;
  const number = previous[previous.length - 1];
  if (number?.tokenType !== NumberLiteral || number.endLine !== token.startLine) return false;
  const before = previous[previous.length - 2];
  return before === undefined || !numberNotAmount.has(before.tokenType.name);
}

function lexingDiagnostic(error: ILexingError, text: string, file: string): Diagnostic {
  const length = error.length > 0 ? error.length : 1;
  const skipped = text.slice(error.offset, error.offset + length);
  // Characters unknown to the lexer come in runs; name the first, span the run.
  const first = String.fromCodePoint(skipped.codePointAt(0) ?? 0xfffd);
  // The lexer tracks the error's line and column: scanning the text from its start for each error
  // made n separate bad characters cost n² (`@ @ @ …`, or a literate file's stray fences).
  const start =
    error.line !== undefined && error.column !== undefined
      ? { offset: error.offset, line: error.line, column: error.column }
      : spanOfRange(text, file, error.offset, error.offset).start;
  return diagnostic(
    unexpectedCharacter,
    { file, start, end: advance(start, skipped) },
    {
      text: printable(first),
    },
  );
}

function printable(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, "0")}` : ch;
}

function asciiFor(image: string): string {
  return [...image].map((ch) => asciiForFullWidth[ch] ?? ch).join("");
}

function retype(token: IToken, type: IToken["tokenType"]): IToken {
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx ?? token.tokenTypeIdx;
  return token;
}

/** Full-width characters are all beyond ASCII: most tokens are ruled out without splitting them. */
function hasNonAscii(image: string): boolean {
  for (let i = 0; i < image.length; i++) if (image.charCodeAt(i) >= 128) return true;
  return false;
}

/** Recognises keywords, checks dates and strings, and reports full-width punctuation. */
function classify(token: IToken, file: string, diagnostics: Diagnostic[]): IToken {
  const type = token.tokenType;
  if (type === Identifier) {
    const keywordType = keywordBySpelling.get(token.image);
    return keywordType ? retype(token, keywordType) : token;
  }
  if (type === StringLiteral || type === UnterminatedString) {
    checkString(token, file, diagnostics);
    return type === UnterminatedString ? retype(token, StringLiteral) : token;
  }
  if (type === DateLiteral) {
    const date = dateValue(token.image);
    const parts = dateParts(token.image);
    if (parts.year === undefined || parts.day === undefined) {
      diagnostics.push(
        diagnostic(incompleteDate, tokenSpan(token, file), incompleteDateArgs(token.image, parts)),
      );
    } else if (!isCalendarDate(date)) {
      diagnostics.push(diagnostic(invalidDate, tokenSpan(token, file), { text: token.image }));
    } else if (date !== token.image) {
      diagnostics.push(diagnostic(looseDate, tokenSpan(token, file), { text: token.image, date }));
    }
    return token;
  }
  if (type === ForeignOperator) {
    const meant = meantOperator(token.image);
    diagnostics.push(
      diagnostic(foreignOperator, tokenSpan(token, file), {
        text: token.image,
        useEn: meant.en,
        useZh: meant.zh,
      }),
    );
    return retype(token, meant.type);
  }
  if (hasNonAscii(token.image) && [...token.image].some((ch) => fullWidthCharacters.has(ch))) {
    diagnostics.push(
      diagnostic(fullWidthPunctuation, tokenSpan(token, file), {
        text: token.image,
        ascii: asciiFor(token.image),
      }),
    );
  }
  return token;
}

/** What an incomplete date lacks, and the date written with the parts it has. */
function incompleteDateArgs(text: string, parts: DateParts) {
  const month = (parts.month ?? "MM").padStart(2, "0");
  const pattern = `${parts.year ?? "YYYY"}-${month}-${parts.day?.padStart(2, "0") ?? "DD"}`;
  return parts.year === undefined
    ? { text, pattern, missing: "year", missingZh: "年份", placeholder: "YYYY" }
    : { text, pattern, missing: "day", missingZh: "日", placeholder: "DD" };
}

function checkString(token: IToken, file: string, diagnostics: Diagnostic[]): void {
  const image = token.image;
  const span = tokenSpan(token, file);
  if (image.startsWith("“")) {
    if (token.tokenType === UnterminatedString) {
      const opening = {
        ...span,
        end: { ...span.start, offset: span.start.offset + 1, column: span.start.column + 1 },
      };
      diagnostics.push(diagnostic(fullWidthPunctuation, opening, { text: "“", ascii: '"' }));
      diagnostics.push(diagnostic(unterminatedString, span, { text: image }));
    } else {
      const ascii = JSON.stringify(stringValue(image));
      diagnostics.push(diagnostic(fullWidthQuotes, span, { text: image, ascii }));
    }
    return;
  }
  if (token.tokenType === UnterminatedString) {
    diagnostics.push(diagnostic(unterminatedString, span, { text: image }));
  }
  for (let i = 1; i < image.length; i++) {
    if (image[i] !== "\\") continue;
    const next = image[i + 1];
    if (next !== undefined && next !== '"' && next !== "\\" && next !== "n") {
      const at = span.start.offset + i;
      diagnostics.push(
        diagnostic(
          invalidEscape,
          {
            file,
            start: { offset: at, line: span.start.line, column: span.start.column + i },
            end: { offset: at + 2, line: span.start.line, column: span.start.column + i + 2 },
          },
          { text: `\\${next}` },
        ),
      );
    }
    i++;
  }
}

export interface MeantOperator {
  readonly type: TokenType;
  /** How the message names it, in each language. */
  readonly en: string;
  readonly zh: string;
}

/** The operator `image` (of another language) stands for, as written in a policy in `language`. */
export function meantOperatorSpelling(image: string, language: "en" | "zh"): string {
  const { type } = meantOperator(image);
  const keyword = keywordsByName[type.name as KeywordName] as
    | (typeof keywordsByName)[KeywordName]
    | undefined;
  if (keyword !== undefined) return keyword[language][0] ?? type.name;
  return operatorSpellings.get(type) ?? "=";
}

const operatorSpellings: ReadonlyMap<TokenType, string> = new Map([
  [Equal, "="],
  [NotEqual, "!="],
  [LessEqual, "<="],
  [GreaterEqual, ">="],
]);

/**
 * The operator an operator of another language means (`==` and `:=` are `=`, `&&` is `and`, `!` is
 * `not`).
 */
export function meantOperator(image: string): MeantOperator {
  const ascii = asciiFor(image);
  if (ascii === "<>") return { type: NotEqual, en: "'!=' (or '≠')", zh: "“!=”（或“≠”）" };
  if (ascii === "=<") return { type: LessEqual, en: "'<='", zh: "“<=”" };
  if (ascii === "=>") return { type: GreaterEqual, en: "'>='", zh: "“>=”" };
  if (ascii === "&&") return { type: keywordTokens.And, en: "`and`", zh: "“且”" };
  if (ascii === "||") return { type: keywordTokens.Or, en: "`or`", zh: "“或”" };
  if (ascii === "!") return { type: keywordTokens.Not, en: "`not`", zh: "“非”" };
  return { type: Equal, en: "'='", zh: "“=”" };
}

/** The parts a date token was written with, in digits; a part left out is undefined. */
export interface DateParts {
  readonly year: string | undefined;
  readonly month: string | undefined;
  readonly day: string | undefined;
}

/** `二〇二六` is 2026 digit by digit; `六`, `三十` are numbers. */
function partDigits(part: string | undefined, digitByDigit: boolean): string | undefined {
  if (part === undefined || /^\d+$/.test(part)) return part;
  if (digitByDigit) return [...part].map((ch) => String(chineseDigits[ch] ?? "")).join("");
  const value = chineseNumeral(part);
  return value === undefined ? undefined : String(value);
}

/**
 * The year, month and day of a date token: `2026-06-30`, `2026/6/30`, `2026.6.30`,
 * `2026年6月30日`, `二〇二六年六月三十日`, and the incomplete `2026年6月`, `6月30日`, `2026-06`.
 */
export function dateParts(image: string): DateParts {
  const chinese = image.match(/^(?:(.+)年)?(?:(.+?)月)?(?:(.+)日)?$/);
  if (chinese && /[年月日]/.test(image)) {
    const [, year, month, day] = chinese;
    return {
      year: partDigits(year, true),
      month: partDigits(month, false),
      day: partDigits(day, false),
    };
  }
  const [year, month, day] = image.match(/\d+/g) ?? [];
  return { year, month, day };
}

/**
 * The date a date token means, as `YYYY-MM-DD`: itself when written so, `2026-06-30` for
 * `2026/6/30`, `2026-6-30`, `2026.6.30`, `2026年6月30日` or `二〇二六年六月三十日`; the token itself
 * when it lacks a part.
 */
export function dateValue(image: string): string {
  const { year, month, day } = dateParts(image);
  if (year === undefined || month === undefined || day === undefined) return image;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** The value of a string token: quotes removed, escapes resolved (also for an unclosed one). */
export function stringValue(image: string): string {
  if (image.startsWith("“")) return image.slice(1, image.endsWith("”") ? -1 : undefined);
  let value = "";
  for (let i = 1; i < image.length; i++) {
    const ch = image[i];
    if (ch === '"') break;
    if (ch === "\\" && i + 1 < image.length) {
      const next = image[++i];
      value += next === "n" ? "\n" : next;
    } else {
      value += ch;
    }
  }
  return value;
}
