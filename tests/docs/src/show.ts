import type { Diagnostic } from "@remit/lang";

/** One line per diagnostic, as a reader would look it up: `file:line:column code message`. */
export function showDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map(
      (d) =>
        `${d.span.file}:${d.span.start.line}:${d.span.start.column} ${d.severity} ${d.code} ${d.message.en}`,
    )
    .join("\n");
}

export function errorsOf(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "error");
}
