import type { Position, Span } from "../syntax/ast.js";
import type { Diagnostic, Localized, Severity } from "./diagnostic.js";

/**
 * A diagnostic as JSON, the one shape every program-facing output writes (`remit check --format
 * json`, the server's `/v1/check`, error outputs): every key is always present, so a reader never
 * has to tell a missing key from a missing value. `hint` is `null` when the diagnostic has none.
 */
export interface DiagnosticJson {
  readonly code: string;
  readonly severity: Severity;
  readonly message: Localized;
  readonly hint: Localized | null;
  readonly span: SpanJson;
  readonly suggestions: readonly string[];
  /** Other places the diagnostic is about, e.g. where a repeated name was first defined. */
  readonly related: readonly RelatedLocationJson[];
}

export interface RelatedLocationJson {
  readonly message: Localized;
  readonly span: SpanJson;
}

type SpanJson = { readonly file: string; readonly start: Position; readonly end: Position };

/**
 * The JSON form of a diagnostic. `displayPath` names the file as the reader should see it (the
 * command line shows paths as the user typed them); the span's own file by default.
 * @example
 * ```ts
 * import { diagnosticToJson, parse } from "@remit/lang";
 * const [diagnostic] = parse('policy "P"\nparam x: integer = 1 1\n', "p.remit").diagnostics;
 * if (diagnostic === undefined) throw new Error("expected a diagnostic");
 * const json = diagnosticToJson(diagnostic, (file) => `policies/${file}`);
 * console.log(json.code, json.span.file, json.span.start.line, json.span.start.column); // R2002 policies/p.remit 2 22
 * console.log(JSON.parse(JSON.stringify(json)).hint !== null); // true
 * ```
 */
export function diagnosticToJson(
  diagnostic: Diagnostic,
  displayPath: (file: string) => string = (file) => file,
): DiagnosticJson {
  const { span } = diagnostic;
  const spanJson = (s: Span): SpanJson => ({
    file: displayPath(s.file),
    start: { ...s.start },
    end: { ...s.end },
  });
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: { en: diagnostic.message.en, zh: diagnostic.message.zh },
    hint: diagnostic.hint === undefined ? null : { en: diagnostic.hint.en, zh: diagnostic.hint.zh },
    span: spanJson(span),
    suggestions: [...diagnostic.suggestions],
    related: diagnostic.related.map((r) => ({
      message: { en: r.message.en, zh: r.message.zh },
      span: spanJson(r.span),
    })),
  };
}
