import type { Span } from "../syntax/ast.js";

/** Text in both languages the tools speak. */
export interface Localized {
  readonly en: string;
  readonly zh: string;
}

export type Language = keyof Localized;

export type Severity = "error" | "warning" | "info";

/** Another place a diagnostic is about: where a name was first defined, or also used. */
export interface RelatedLocation {
  readonly message: Localized;
  readonly span: Span;
}

/**
 * One diagnostic, the same shape everywhere (CLI, HTTP, editors): a stable code, a severity, a
 * one-line message and a hint in English and Chinese, and the span it is about.
 */
export interface Diagnostic {
  /** Stable code, e.g. `R2001`; see docs/diagnostics.md. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: Localized;
  readonly hint: Localized | undefined;
  readonly span: Span;
  /** "Did you mean" candidates, best first. */
  readonly suggestions: readonly string[];
  /** Other places the diagnostic is about (editors show them as related information). */
  readonly related: readonly RelatedLocation[];
}

/**
 * The definition of a diagnostic code: how to word it from its arguments. Messages are lowercase,
 * one line, no trailing period; user input is quoted by the caller's template.
 */
export interface DiagnosticDefinition<Args extends Record<string, string> = Record<string, string>> {
  readonly code: string;
  readonly severity: Severity;
  readonly message: (args: Args) => Localized;
  readonly hint?: (args: Args) => Localized;
}

export function defineDiagnostic<Args extends Record<string, string>>(
  definition: DiagnosticDefinition<Args>,
): DiagnosticDefinition<Args> {
  return definition;
}

export function diagnostic<Args extends Record<string, string>>(
  definition: DiagnosticDefinition<Args>,
  span: Span,
  args: Args,
  suggestions: readonly string[] = [],
  related: readonly RelatedLocation[] = [],
): Diagnostic {
  const hint = definition.hint?.(args);
  const withSuggestions =
    suggestions.length === 0
      ? hint
      : {
          en: `did you mean ${suggestions.map((s) => `'${s}'`).join(" or ")}?${hint ? ` ${hint.en}` : ""}`,
          zh: `是否想写 ${suggestions.map((s) => `“${s}”`).join(" 或 ")}？${hint ? ` ${hint.zh}` : ""}`,
        };
  return {
    code: definition.code,
    severity: definition.severity,
    message: definition.message(args),
    hint: withSuggestions,
    span,
    suggestions,
    related,
  };
}

/**
 * @example
 * ```ts
 * import { hasErrors, parse } from "@remit/lang";
 * console.log(hasErrors(parse('policy "P"\n', "p.remit").diagnostics)); // false
 * console.log(hasErrors(parse('policy "P"\nparam x: integer = 1 1\n', "p.remit").diagnostics)); // true
 * ```
 */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/**
 * Stable order: by file, then position, then code.
 * @example
 * ```ts
 * import { parse, sortDiagnostics } from "@remit/lang";
 * const b = parse('policy "B"\nparam x: integer = 1 1\n', "b.remit").diagnostics;
 * const a = parse('policy "A"\nparam y: integer = 2 2\n', "a.remit").diagnostics;
 * console.log(sortDiagnostics([...b, ...a]).map((d) => `${d.span.file}:${d.span.start.line}`).join(" ")); // a.remit:2 b.remit:2
 * ```
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.span.file.localeCompare(b.span.file) ||
      a.span.start.offset - b.span.start.offset ||
      a.code.localeCompare(b.code),
  );
}
