import type { Diagnostic, Language, Severity, Span } from "@remit/lang";
import type { Colors } from "../terminal/colors.js";
import { displayWidth } from "../terminal/width.js";

export interface DiagnosticRenderOptions {
  readonly lang: Language;
  readonly colors: Colors;
  /** The text of a file a span points into, when it can be read. */
  readonly sourceOf: (file: string) => string | undefined;
  /** How a file is named to the user (e.g. relative to the working directory). */
  readonly displayPath?: (file: string) => string;
}

const severityLabels: Record<Severity, Record<Language, string>> = {
  error: { en: "error", zh: "错误" },
  warning: { en: "warning", zh: "警告" },
  info: { en: "info", zh: "信息" },
};

const hintLabel: Record<Language, string> = { en: "hint", zh: "提示" };

/**
 * One diagnostic for a terminal: `file:line:column error[R2001]: message`, the source line with
 * the span underlined (`^~~~`), then the hint, all in the chosen language.
 */
export function renderDiagnostic(diagnostic: Diagnostic, options: DiagnosticRenderOptions): string {
  const { lang, colors } = options;
  const { span } = diagnostic;
  const path = options.displayPath?.(span.file) ?? span.file;
  const paint = severityColor(diagnostic.severity, colors);
  const heading =
    `${colors.bold(`${path}:${span.start.line}:${span.start.column}`)} ` +
    `${paint(colors.bold(`${severityLabels[diagnostic.severity][lang]}[${diagnostic.code}]`))}` +
    `${lang === "zh" ? "：" : ": "}${colors.bold(diagnostic.message[lang])}`;
  const lines = [heading];
  const frameLines = (at: Span, mark: (text: string) => string): string[] => {
    const source = options.sourceOf(at.file);
    const frame = source === undefined ? undefined : codeFrame(source, at.start, at.end);
    if (frame === undefined) return [];
    const gutter = String(at.start.line);
    const blank = " ".repeat(gutter.length);
    return [
      `${colors.dim(`${gutter} |`)} ${frame.line}`,
      `${colors.dim(`${blank} |`)} ${frame.padding}${mark(frame.underline)}`,
    ];
  };
  const colon = lang === "zh" ? "：" : ": ";
  lines.push(...frameLines(span, paint));
  if (diagnostic.hint !== undefined) {
    lines.push(`${colors.cyan(hintLabel[lang])}${colon}${diagnostic.hint[lang]}`);
  }
  // Related locations (where a name was first defined, its other uses), the first few with frames.
  const shown = diagnostic.related.slice(0, maxRelatedFrames);
  for (const related of shown) {
    const at = options.displayPath?.(related.span.file) ?? related.span.file;
    lines.push(
      `${colors.cyan(noteLabel[lang])}${colon}${colors.bold(`${at}:${related.span.start.line}:${related.span.start.column}`)} ${related.message[lang]}`,
      ...frameLines(related.span, colors.cyan),
    );
  }
  const more = diagnostic.related.length - shown.length;
  if (more > 0) lines.push(`${colors.cyan(noteLabel[lang])}${colon}${moreLocations(more, lang)}`);
  return lines.join("\n");
}

/** Related locations shown with a code frame; the rest are counted. */
const maxRelatedFrames = 3;

const noteLabel: Record<Language, string> = { en: "note", zh: "说明" };

function moreLocations(count: number, lang: Language): string {
  return lang === "zh" ? `另有 ${count} 处` : `and ${count} more place${count === 1 ? "" : "s"}`;
}

export interface CodeFrame {
  /** The source line, tabs expanded. */
  readonly line: string;
  /** Spaces up to the span's first column. */
  readonly padding: string;
  /** `^` under the first column of the span, `~` under the rest. */
  readonly underline: string;
}

const TAB = "    ";

/**
 * The line a span starts on and the underline beneath it, measured in terminal columns so it sits
 * right under full-width (CJK) characters. A span that runs past its first line is underlined to
 * that line's end. Columns are 1-based UTF-16 offsets into the line, as spans count them.
 */
export function codeFrame(
  source: string,
  start: { readonly line: number; readonly column: number },
  end: { readonly line: number; readonly column: number },
): CodeFrame | undefined {
  const rawLine = lineOf(source, start.line);
  if (rawLine === undefined) return undefined;
  const whole = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
  let from = Math.min(Math.max(start.column - 1, 0), whole.length);
  let to = end.line === start.line ? Math.min(Math.max(end.column - 1, from), whole.length) : whole.length;
  // A long line is shown around the span only, so a frame costs the same on a one-megabyte line.
  const first = from > frameContext ? from - frameContext : 0;
  const last = Math.min(whole.length, Math.max(to, from + 1) + frameContext);
  const before = first > 0 ? "…" : "";
  const after = last < whole.length ? "…" : "";
  const text = `${before}${whole.slice(first, last)}${after}`;
  from = from - first + before.length;
  to = Math.min(to, last) - first + before.length;
  const expand = (part: string) => part.replaceAll("\t", TAB);
  const padding = " ".repeat(displayWidth(expand(text.slice(0, from))));
  const width = Math.max(1, displayWidth(expand(text.slice(from, to))));
  return { line: expand(text), padding, underline: `^${"~".repeat(width - 1)}` };
}

/** Characters of a long line shown on each side of a span. */
const frameContext = 80;

/** Line `n` (1-based) of `source`, found without splitting the whole text. */
function lineOf(source: string, n: number): string | undefined {
  let start = 0;
  for (let line = 1; line < n; line++) {
    const next = source.indexOf("\n", start);
    if (next === -1) return undefined;
    start = next + 1;
  }
  const end = source.indexOf("\n", start);
  return source.slice(start, end === -1 ? source.length : end);
}

function severityColor(severity: Severity, colors: Colors): (text: string) => string {
  switch (severity) {
    case "error":
      return colors.red;
    case "warning":
      return colors.yellow;
    case "info":
      return colors.blue;
  }
}

export interface DiagnosticCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === "error") errors++;
    else if (d.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** The closing count line: `2 errors, 1 warning` / `2 个错误，1 个警告`. */
export function renderCounts(counts: DiagnosticCounts, lang: Language): string {
  if (lang === "zh") {
    const parts = [`${counts.errors} 个错误`, `${counts.warnings} 个警告`];
    if (counts.infos > 0) parts.push(`${counts.infos} 条信息`);
    return parts.join("，");
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [plural(counts.errors, "error"), plural(counts.warnings, "warning")];
  if (counts.infos > 0) parts.push(plural(counts.infos, "info"));
  return parts.join(", ");
}
