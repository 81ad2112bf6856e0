/**
 * Fixes: the diagnostics that one edit settles, found once here for `remit fmt --fix` and the
 * editor's quick fixes alike. A fix is offered only when it is unambiguous.
 */
import { isCalendarDate } from "../dates/index.js";
import type { Diagnostic, Language, Localized } from "../diagnostics/diagnostic.js";
import {
  conditionKeyword,
  foreignOperator,
  fullWidthPunctuation,
  fullWidthQuotes,
  keywordGlued,
  looseDate,
  missingEach,
  numeralDuration,
  strayPunctuation,
  unknownUnit,
} from "../diagnostics/scan-codes.js";
import { gluedWords } from "../parse/repair.js";
import { dateValue, meantOperatorSpelling, numeralDurationInDigits } from "../scan/lexer.js";
import { asciiForFullWidth, keywordBySpelling } from "../scan/tokens.js";
import type { Span } from "../syntax/ast.js";
import { documentLanguage } from "./document-language.js";
import { quote } from "./print.js";

/** Replace the text of `span` with `newText`. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: Localized;
  readonly edit: TextEdit;
}

/**
 * The fix for `diagnostic` in `text` (the file it is about), when there is exactly one:
 * full-width punctuation outside strings becomes its ASCII form (a `“…”` string becomes a
 * `"…"` one, a `；` goes), a mistake whose text says what was meant is written as meant (a date
 * by hand, a duration in Chinese numerals, `==` or `&&`, a keyword glued to a word, `for x in`
 * without `each`, `如果` for `满足`), and a "did you mean" with a single candidate replaces its span, when
 * that span is a single word (the misspelt name or keyword) or a single punctuation mark, so the
 * replacement cannot eat more.
 * @example
 * ```ts
 * import { fixFor, parse } from "@remit/lang";
 * const text = 'policy "P"\nparam limit: duration = 7 days “how long”\n';
 * const [diagnostic] = parse(text, "p.remit").diagnostics;
 * if (diagnostic === undefined) throw new Error("expected a diagnostic");
 * const fix = fixFor(diagnostic, text);
 * console.log(diagnostic.code, fix?.edit.newText, fix?.edit.span.start.column); // R1009 "how long" 32
 * console.log(fix?.title.en); // Change '“how long”' to '"how long"'
 * ```
 */
export function fixFor(diagnostic: Diagnostic, text: string): Fix | undefined {
  if (fullWidthCodes.has(diagnostic.code)) return fullWidthFix(diagnostic.span, text);
  const rewrite = rewrites.get(diagnostic.code);
  if (rewrite !== undefined) {
    const { span } = diagnostic;
    const written = text.slice(span.start.offset, span.end.offset);
    const newText = rewrite(written, text, span);
    return newText === undefined ? undefined : replacement(span, text, spacedWord(newText, text, span));
  }
  const [only, ...others] = diagnostic.suggestions;
  if (only === undefined || others.length > 0) return undefined;
  // A unit may be two words (`business days`); anything else replaced is a single word or mark.
  const shape = diagnostic.code === unknownUnit.code ? unitShape : wordShape;
  return replacement(diagnostic.span, text, only, shape);
}

const wordShape = /^(?:[\p{L}\p{N}_.-]+|\p{P})$/u;
const unitShape = /^[\p{L}-]+(?: \p{L}+)?$/u;

/** Full-width marks, a `“…”` string, a stray `；` or `。`: each has its one ASCII form (or none). */
const fullWidthCodes: ReadonlySet<string> = new Set([
  fullWidthPunctuation.code,
  fullWidthQuotes.code,
  strayPunctuation.code,
]);

function fullWidthFix(span: Span, text: string): Fix | undefined {
  const written = text.slice(span.start.offset, span.end.offset);
  if (written.length >= 2 && written.startsWith("“") && written.endsWith("”")) {
    // The scanner read the whole string: its content is escaped as a `"…"` string needs.
    return replacement(span, text, quote(written.slice(1, -1)));
  }
  if (written === "“") {
    // The whole string, so its content is escaped as a `"…"` string needs.
    const lineEnd = text.slice(span.end.offset).search(/[\n\r]/);
    const close = text.indexOf("”", span.end.offset);
    const end = lineEnd < 0 ? text.length : span.end.offset + lineEnd;
    if (close >= 0 && close < end) {
      const whole = widened(span, close + 1);
      return replacement(whole, text, quote(text.slice(span.end.offset, close)));
    }
  }
  if (written === "；" || written === "。") {
    // The language has no separator: the mark goes, leaving a space only where it parted words.
    const before = text[span.start.offset - 1] ?? " ";
    const after = text[span.end.offset] ?? " ";
    return replacement(span, text, /\s/.test(before) || /\s/.test(after) ? "" : " ");
  }
  const ascii = [...written].map((ch) => asciiForFullWidth[ch] ?? ch).join("");
  return replacement(span, text, ascii);
}

/**
 * The mistakes whose text says what was meant, each with the text to write instead: a date by
 * hand or in Chinese numerals, a duration in Chinese numerals, another language's operator, a
 * keyword glued to the next word, `for x in` without `each`, `如果`/`if` for `满足`/`where`.
 * `written` is the text of the diagnostic's `span` in `text`.
 */
type Rewrite = (written: string, text: string, span: Span) => string | undefined;

const rewrites: ReadonlyMap<string, Rewrite> = new Map<string, Rewrite>([
  [
    looseDate.code,
    (written) => {
      const date = dateValue(written);
      return isCalendarDate(date) ? date : undefined;
    },
  ],
  [numeralDuration.code, (written) => numeralDurationInDigits(written)],
  [foreignOperator.code, (written, text, span) => meantOperatorSpelling(written, languageBefore(text, span))],
  [keywordGlued.code, (written) => gluedWords(written)?.join(" ")],
  [
    missingEach.code,
    (written, text, span) => `${languageBefore(text, span) === "en" ? "each" : "每个"} ${written}`,
  ],
  [conditionKeyword.code, (written) => (/^[a-z]/i.test(written) ? "where" : "满足")],
]);

/**
 * The language of the keywords before `offset` on its line: the last one written decides; on a
 * line with none, the language of the policy's keywords (Chinese when that cannot be told).
 */
function languageBefore(text: string, span: Span): Language {
  const offset = span.start.offset;
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const words = text.slice(lineStart, offset).match(/\p{L}+/gu) ?? [];
  const keyword = words.reverse().find((word) => keywordBySpelling.has(word));
  if (keyword === undefined) return documentLanguage(text, span.file) ?? "zh";
  return /^[a-z]/i.test(keyword) ? "en" : "zh";
}

/** A word put where a sign was (`not` for `!`) keeps apart from the words around it. */
function spacedWord(newText: string, text: string, span: Span): string {
  if (!/^\p{L}/u.test(newText)) return newText;
  const before = text[span.start.offset - 1] ?? " ";
  const after = text[span.end.offset] ?? " ";
  return `${/[\s(]/.test(before) ? "" : " "}${newText}${/[\s)]/.test(after) ? "" : " "}`;
}

/** A span on one line, ending at `end` instead. */
function widened(span: Span, end: number): Span {
  const column = span.start.column + (end - span.start.offset);
  return { ...span, end: { offset: end, line: span.start.line, column } };
}

function replacement(span: Span, text: string, newText: string, shape?: RegExp): Fix | undefined {
  const written = text.slice(span.start.offset, span.end.offset);
  if (written === newText || written === "" || (shape !== undefined && !shape.test(written)))
    return undefined;
  const title: Localized =
    newText === ""
      ? { en: `Remove '${written}'`, zh: `删除“${written}”` }
      : { en: `Change '${written}' to '${newText}'`, zh: `将“${written}”改为“${newText}”` };
  return { title, edit: { span, newText } };
}

export interface FixesApplied {
  readonly text: string;
  /** The fixes made, in text order, with the spans of the text they were made in. */
  readonly applied: readonly Fix[];
}

/**
 * Applies the fixes of `diagnostics` (about `text`) at once. Where two would overlap the first
 * wins: the other is found again once the text is re-checked.
 * @example
 * ```ts
 * import { applyFixes, parse } from "@remit/lang";
 * const text = 'policy "P"\nparam limit: duration = 7 days “how long”；\n';
 * const { text: fixed, applied } = applyFixes(text, parse(text, "p.remit").diagnostics);
 * console.log(JSON.stringify(fixed), applied.length); // "policy \"P\"\nparam limit: duration = 7 days \"how long\"\n" 2
 * ```
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): FixesApplied {
  const fixes = diagnostics
    .map((diagnostic) => fixFor(diagnostic, text))
    .filter((fix): fix is Fix => fix !== undefined)
    .sort((a, b) => a.edit.span.start.offset - b.edit.span.start.offset);
  const applied: Fix[] = [];
  let result = "";
  let cursor = 0;
  for (const fix of fixes) {
    const { span, newText } = fix.edit;
    if (span.start.offset < cursor) continue;
    result += text.slice(cursor, span.start.offset) + newText;
    cursor = span.end.offset;
    applied.push(fix);
  }
  return { text: result + text.slice(cursor), applied };
}

/**
 * Fixes `text` until nothing more can be fixed: a fix can uncover another (a full-width comma
 * hid a misspelt keyword), so the text is diagnosed again after each round, a few rounds at most.
 * `diagnose` gives the diagnostics about the text given to it (parse and check, as the caller can).
 * @example
 * ```ts
 * import { analyze, fixAll, memoryHost } from "@remit/lang";
 * const text = `policy "P"
 * clause 1 "hazards are listed"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.fondOn
 * `;
 * const diagnose = (t: string) => analyze("p.remit", memoryHost({ "p.remit": t })).diagnostics;
 * const { text: fixed, applied } = fixAll(text, diagnose);
 * console.log(applied.map((f) => f.title.en).join(), diagnose(fixed).length); // Change 'fondOn' to 'foundOn' 0
 * ```
 */
export function fixAll(text: string, diagnose: (text: string) => readonly Diagnostic[]): FixesApplied {
  const applied: Fix[] = [];
  let current = text;
  for (let round = 0; round < maxRounds; round++) {
    const step = applyFixes(current, diagnose(current));
    if (step.applied.length === 0) break;
    applied.push(...step.applied);
    current = step.text;
  }
  return { text: current, applied };
}

const maxRounds = 8;
