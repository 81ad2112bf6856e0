import { type Diagnostic, type DiagnosticJson, diagnosticToJson } from "@remit/lang";

/**
 * The diagnostics document every program-facing output writes (`remit check --format json`, the
 * server's `/v1/check`): `{ "diagnostics": [...] }` in the language's one JSON shape, where every
 * key is present and `hint` is `null` when there is none.
 * @example
 * ```ts
 * import { buildPolicySources, diagnosticsDocument } from "@remit/app";
 * const built = buildPolicySources({ "policy.remit": "policy\n" }, "policy.remit");
 * const document = diagnosticsDocument(built.diagnostics);
 * const [first] = document.diagnostics;
 * console.log(first?.severity, first?.span.file, first?.hint === null || typeof first?.hint?.zh); // error policy.remit string
 * ```
 */
export function diagnosticsDocument(
  diagnostics: readonly Diagnostic[],
  displayPath?: (file: string) => string,
): { readonly diagnostics: readonly DiagnosticJson[] } {
  return { diagnostics: diagnostics.map((d) => diagnosticToJson(d, displayPath)) };
}
