import { createTokenInstance, type ILexingError, type IToken, Lexer, type TokenType } from "chevrotain";
import { isCalendarDate } from "../dates/index.js";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import {
  foreignOperator,
  fullWidthPunctuation,
  fullWidthQuotes,
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
import { declarationKeywords, durationUnitKeywords } from "../syntax/keywords.js";
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
  for (const token of result.tokens) {
    const classified = classify(token, file, diagnostics);
    const numeral = numeralDurationTokens(tokens, classified);
    if (numeral) {
      // `十五天`: told to write `15 天`, and read as that so the rest is checked as meant.
      diagnostics.push(diagnostic(numeralDuration, numeral.span(file), numeral.args));
      if (numeral.replacesPrevious) tokens.pop();
      tokens.push(...numeral.tokens);
      continue;
    }
    if (isUnknownUnit(tokens, classified)) {
      // `20 workdays`: told the units there are; a unit said another way (`3 星期`) is read as the
      // unit it means, any other word dropped so the number is read alone and parsing goes on.
      const meant = unitSynonyms.get(classified.image.toLowerCase());
      const suggestions = meant ? [unitSpelling(meant, classified.image)] : [];
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
  ["workdays", "workingDay"],
  ["workday", "workingDay"],
  ["wks", "week"],
  ["mos", "month"],
]);

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
    if (!isCalendarDate(date)) {
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
        symbol: meant.symbol,
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

interface MeantOperator {
  readonly type: TokenType;
  readonly en: string;
  readonly zh: string;
  /** The operator as written in either language; "" for a keyword, which each spells its own. */
  readonly symbol: string;
}

/** The operator an operator of another language means (`==` is `=`, `&&` is `and`). */
function meantOperator(image: string): MeantOperator {
  const ascii = asciiFor(image);
  if (ascii === "<>") return { type: NotEqual, en: "'!=' (or '≠')", zh: "“!=”（或“≠”）", symbol: "!=" };
  if (ascii === "=<") return { type: LessEqual, en: "'<='", zh: "“<=”", symbol: "<=" };
  if (ascii === "=>") return { type: GreaterEqual, en: "'>='", zh: "“>=”", symbol: ">=" };
  if (ascii === "&&") return { type: keywordTokens.And, en: "`and`", zh: "“且”", symbol: "" };
  if (ascii === "||") return { type: keywordTokens.Or, en: "`or`", zh: "“或”", symbol: "" };
  return { type: Equal, en: "'='", zh: "“=”", symbol: "=" };
}

/**
 * The date a date token means, as `YYYY-MM-DD`: itself when written so, `2026-06-30` for
 * `2026/6/30`, `2026-6-30`, `2026.6.30` or `2026年6月30日`.
 */
export function dateValue(image: string): string {
  const parts = image.match(/\d+/g) ?? [];
  if (parts.length !== 3) return image;
  const [year, month, day] = parts as [string, string, string];
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
