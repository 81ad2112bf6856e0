import { type ILexingError, type IToken, Lexer } from "chevrotain";
import { isCalendarDate } from "../dates/index.js";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import {
  fullWidthPunctuation,
  invalidDate,
  invalidEscape,
  unexpectedCharacter,
  unknownUnit,
  unterminatedString,
} from "../diagnostics/scan-codes.js";
import type { Comment } from "../syntax/ast.js";
import { declarationKeywords, durationUnitKeywords } from "../syntax/keywords.js";
import { advance, spanOfRange, tokenSpan } from "./span.js";
import {
  asciiForFullWidth,
  DateLiteral,
  Identifier,
  keywordBySpelling,
  lexerTokens,
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

/** Splits `text` into tokens; never throws. Positions are those of `text` itself. */
export function tokenize(text: string, file: string): TokenizeResult {
  const result = lexer().tokenize(text);
  const diagnostics: Diagnostic[] = result.errors.map((error) => lexingDiagnostic(error, text, file));
  const tokens: IToken[] = [];
  for (const token of result.tokens) {
    const classified = classify(token, file, diagnostics);
    if (isUnknownUnit(tokens, classified)) {
      // `20 workdays`: told the units there are, and read as the bare number so parsing goes on.
      diagnostics.push(
        diagnostic(unknownUnit, tokenSpan(classified, file), { text: classified.image, ...unitLists }),
      );
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
    diagnostics.push(
      diagnostic(fullWidthPunctuation, tokenSpan(token, file), {
        text: token.image,
        ascii: asciiFor(token.image),
      }),
    );
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
    if (!isCalendarDate(token.image)) {
      diagnostics.push(diagnostic(invalidDate, tokenSpan(token, file), { text: token.image }));
    }
    return token;
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
    const opening = {
      ...span,
      end: { ...span.start, offset: span.start.offset + 1, column: span.start.column + 1 },
    };
    diagnostics.push(diagnostic(fullWidthPunctuation, opening, { text: "“", ascii: '"' }));
    if (token.tokenType === UnterminatedString) {
      diagnostics.push(diagnostic(unterminatedString, span, { text: image }));
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
