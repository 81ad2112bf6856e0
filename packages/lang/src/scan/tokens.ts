/**
 * The token vocabulary. Punctuation patterns also match the full-width form, so a full-width
 * character lexes as its ASCII token (the lexer then reports it) and parsing goes on.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import {
  declarationKeywords,
  type KeywordName,
  type KeywordSpelling,
  otherKeywords,
} from "../syntax/keywords.js";

/** Any token that cannot start a declaration: lets the parser skip to the next declaration. */
export const NotDeclarationStart = createToken({ name: "NotDeclarationStart", pattern: Lexer.NA });
/** Every keyword: after `.` and in field names a keyword reads as a name (`h.level`, `f.date`). */
export const AnyKeyword = createToken({ name: "AnyKeyword", pattern: Lexer.NA });

const plain = [NotDeclarationStart];

// Chevrotain rebuilds regex patterns without the `u` flag, which `\p{L}` needs: words are matched
// by a custom matcher instead, so CJK letters are letters.
const wordPattern = /[\p{L}_][\p{L}\p{N}_]*/uy;

/** ASCII letters, digits and `_`, by character code: what most words are made of. */
const asciiWordPart = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const ch = String.fromCharCode(code);
  asciiWordPart[code] = /[A-Za-z0-9_]/.test(ch) ? 1 : 0;
}

/** The word at `offset`, if one starts there. */
export function matchWord(text: string, offset: number): [string] | null {
  // ASCII words are scanned by hand; the Unicode-aware pattern takes over at the first other character.
  let end = offset;
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end);
    if (code >= 128 || asciiWordPart[code] === 0) break;
  }
  const first = text.charCodeAt(offset);
  const startsWord = end > offset && !(first >= 48 && first <= 57);
  if (end < text.length && text.charCodeAt(end) >= 128) {
    wordPattern.lastIndex = offset;
    const match = wordPattern.exec(text);
    return match ? [match[0]] : null;
  }
  return startsWord ? [text.slice(offset, end)] : null;
}

/**
 * Every UTF-16 code unit a word can start with, so chevrotain can pick candidate patterns by the
 * first character instead of trying each (its optimisation needs this for custom matchers). Words
 * starting with an astral letter start with a high surrogate.
 */
function wordStartCharacters(): number[] {
  const starts: number[] = [];
  // One string of every BMP code unit, tested in place: far cheaper than 65,536 one-character strings.
  const units = new Uint16Array(0x10000);
  for (let code = 0; code < units.length; code++) units[code] = code;
  let all = "";
  for (let from = 0; from < units.length; from += 4096) {
    all += String.fromCharCode(...units.subarray(from, from + 4096));
  }
  const isStart = /[\p{L}_]/uy;
  for (let code = 0; code < all.length; code++) {
    isStart.lastIndex = code;
    const highSurrogate = code >= 0xd800 && code <= 0xdbff;
    if (highSurrogate || isStart.test(all)) starts.push(code);
  }
  return starts;
}

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\u3000\uFEFF\u00A0]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const Comment = createToken({ name: "Comment", pattern: /#[^\n\r]*/, group: "comments" });

export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\n\r]|\\.)*"|“[^”\n\r]*”/,
  categories: plain,
});
/** A string with no closing quote on its line: reported, then read as a string. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\n\r]|\\.)*\\?|“[^”\n\r]*/,
  categories: plain,
});
const zhYear = "[〇零一二三四五六七八九]{4}";
const zhDayOrMonth = "[一二三四五六七八九十]{1,3}";

/**
 * A date. Besides `2026-06-30`, the ways people write dates by hand (`2026/6/30`, `2026-6-30`,
 * `2026.6.30`, `2026年6月30日`, `二〇二六年六月三十日`) lex as dates too: the lexer reports them
 * with the date written properly, and they are read as that date, rather than as a division or an
 * unknown word. So do dates without a day or a year (`2026年6月`, `6月30日`, `2026-06`): they are
 * reported as incomplete, not as arithmetic on a number and an unknown unit.
 */
export const DateLiteral = createToken({
  name: "DateLiteral",
  pattern: new RegExp(
    [
      "\\d{4}-\\d{2}-\\d{2}",
      "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?!\\d)",
      "\\d{4}年\\d{1,2}月\\d{1,2}日",
      // Dates in Chinese numerals: `二〇二六年六月三十日`.
      `${zhYear}年${zhDayOrMonth}月${zhDayOrMonth}日`,
      // Dates without a day or a year: reported as incomplete, read as a date all the same.
      "\\d{4}年\\d{1,2}月(?!\\d)",
      `${zhYear}年${zhDayOrMonth}月(?!${zhDayOrMonth})`,
      "\\d{1,2}月\\d{1,2}日",
      "\\d{4}-\\d{2}(?![\\d\\-])",
    ].join("|"),
  ),
  categories: plain,
});
/** A number, or a clause id (`2.1.3`) where the grammar expects one. */
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /\d+(?:\.\d+)*/,
  categories: plain,
});
/** A word; the lexer turns a word spelt like a keyword into that keyword's token. */
export const Identifier = createToken({
  name: "Identifier",
  pattern: { exec: matchWord },
  line_breaks: false,
  start_chars_hint: wordStartCharacters(),
  categories: plain,
});

function punct(name: string, pattern: RegExp): TokenType {
  return createToken({ name, pattern, categories: plain });
}

/**
 * Operators of other languages (`==`, `<>`, `&&`, …): each is reported with the one to use and
 * read as it, so one mistake gives one message. Tried before the operators they begin with.
 */
export const ForeignOperator = punct(
  "ForeignOperator",
  /[=＝]{2,3}|[<＜][>＞]|[=＝][<＜>＞]|&&|\|\||[:：][=＝]|[!！](?![=＝])/,
);
export const Arrow = punct("Arrow", /[-－][>＞]/);
export const NotEqual = punct("NotEqual", /[!！][=＝]|≠/);
export const LessEqual = punct("LessEqual", /[<＜][=＝]|≤/);
export const GreaterEqual = punct("GreaterEqual", /[>＞][=＝]|≥/);
export const Less = punct("Less", /[<＜]/);
export const Greater = punct("Greater", /[>＞]/);
export const Equal = punct("Equal", /[=＝]/);
export const Plus = punct("Plus", /[+＋]/);
export const Minus = punct("Minus", /[-－]/);
export const Star = punct("Star", /[*＊]/);
export const Slash = punct("Slash", /[/／]/);
export const Dot = punct("Dot", /[.．]/);
export const Comma = punct("Comma", /[,，、]/);
export const Colon = punct("Colon", /[:：]/);
export const LParen = punct("LParen", /[(（]/);
export const RParen = punct("RParen", /[)）]/);
export const LBracket = punct("LBracket", /[[［]/);
export const RBracket = punct("RBracket", /[\]］]/);
export const LBrace = punct("LBrace", /[{｛]/);
export const RBrace = punct("RBrace", /[}｝]/);
/** The language has no statement separator or full stop: `；` and `。` are reported and dropped. */
export const FullWidthSemicolon = createToken({
  name: "FullWidthSemicolon",
  pattern: /[；。]/,
  group: "dropped",
});

function keywordToken(spelling: KeywordSpelling, declarationStart: boolean): TokenType {
  return createToken({
    name: spelling.name,
    pattern: Lexer.NA,
    categories: declarationStart ? [AnyKeyword] : [AnyKeyword, NotDeclarationStart],
  });
}

const declarationKeywordTokens = declarationKeywords.map((k) => keywordToken(k, true));
const otherKeywordTokens = otherKeywords.map((k) => keywordToken(k, false));

/**
 * Keyword token types by name (`Duty`, `Requires`, …): every entry of the keyword table.
 * @example
 * ```ts
 * import { keywordTokens, tokenize } from "@remit/lang";
 * const { tokens } = tokenize("duty a must\n职责 b 必须\n", "p.remit");
 * console.log(tokens.filter((t) => t.tokenType === keywordTokens.Duty).length); // 2
 * ```
 */
export const keywordTokens = Object.fromEntries(
  [...declarationKeywordTokens, ...otherKeywordTokens].map((t) => [t.name, t]),
) as Readonly<Record<KeywordName, TokenType>>;

/** Whole-word spelling → keyword token type. */
export const keywordBySpelling: ReadonlyMap<string, TokenType> = new Map(
  [...declarationKeywords, ...otherKeywords].flatMap((k) =>
    [...k.en, ...k.zh].map((s): [string, TokenType] => [s, keywordTokens[k.name]]),
  ),
);

/** The patterns the lexer tries, in order. */
export const lexerTokens: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  UnterminatedString,
  DateLiteral,
  NumberLiteral,
  Identifier,
  ForeignOperator,
  Arrow,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Equal,
  Plus,
  Minus,
  Star,
  Slash,
  Dot,
  Comma,
  Colon,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  FullWidthSemicolon,
];

/** Every token type the parser knows: the lexer's, the keywords and the categories. */
export const vocabulary: readonly TokenType[] = [
  ...lexerTokens,
  ...declarationKeywordTokens,
  ...otherKeywordTokens,
  NotDeclarationStart,
  AnyKeyword,
];

/** The ASCII character to use for each full-width one. */
export const asciiForFullWidth: Readonly<Record<string, string>> = {
  "（": "(",
  "）": ")",
  "：": ":",
  "，": ",",
  "、": ",",
  "；": ";",
  "＝": "=",
  "＜": "<",
  "＞": ">",
  "［": "[",
  "］": "]",
  "｛": "{",
  "｝": "}",
  "“": '"',
  "”": '"',
  "＋": "+",
  "－": "-",
  "＊": "*",
  "／": "/",
  "．": ".",
  "！": "!",
};
