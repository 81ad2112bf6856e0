import type { IToken } from "chevrotain";
import type { Position, Span } from "../syntax/ast.js";

/** The position just after `image` when it starts at `start` (images may hold line breaks). */
export function advance(start: Position, image: string): Position {
  let { line, column } = start;
  for (let i = 0; i < image.length; i++) {
    const ch = image.charCodeAt(i);
    if (ch === 10 || (ch === 13 && image.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return { offset: start.offset + image.length, line, column };
}

/** Whether the token came from the text (recovery inserts tokens with no position). */
export function hasPosition(token: IToken): boolean {
  return (
    Number.isFinite(token.startOffset) &&
    Number.isFinite(token.startLine) &&
    Number.isFinite(token.startColumn)
  );
}

export function tokenStart(token: IToken): Position {
  return { offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1 };
}

/** The position just after the token. */
export function tokenEnd(token: IToken): Position {
  return advance(tokenStart(token), token.image);
}

export function tokenSpan(token: IToken, file: string): Span {
  const start = tokenStart(token);
  return { file, start, end: advance(start, token.image) };
}

export function joinSpans(first: Span, last: Span): Span {
  return { file: first.file, start: first.start, end: last.end };
}

/**
 * The span of `text.slice(from, to)`, computing lines and columns by scanning from the start, as
 * the lexer counts them (a column is a UTF-16 unit; `\n`, `\r\n` and a lone `\r` end a line).
 * @example
 * ```ts
 * import { spanOfRange } from "@remit/lang";
 * const span = spanOfRange("policy \"P\"\nparam n: integer = 1\n", "p.remit", 17, 18);
 * console.log(span.start.line, span.start.column, span.end.column); // 2 7 8
 * ```
 */
export function spanOfRange(text: string, file: string, from: number, to: number): Span {
  const origin: Position = { offset: 0, line: 1, column: 1 };
  const start = advance(origin, text.slice(0, from));
  return { file, start, end: advance(start, text.slice(from, to)) };
}
