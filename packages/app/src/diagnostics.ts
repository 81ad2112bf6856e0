import { type Diagnostic, type DiagnosticJson, diagnosticToJson } from "@remit/lang";

/**
 * The diagnostics document every program-facing output writes (`remit check --format json`, the
 * server's `/v1/check`): `{ "diagnostics": [...] }` in the language's one JSON shape, where every
 * key is present and `hint` is `null` when there is none.
 */
export function diagnosticsDocument(
  diagnostics: readonly Diagnostic[],
  displayPath?: (file: string) => string,
): { readonly diagnostics: readonly DiagnosticJson[] } {
  return { diagnostics: diagnostics.map((d) => diagnosticToJson(d, displayPath)) };
}
