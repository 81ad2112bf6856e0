import { checkDiagnostics } from "./check-codes.js";
import type { DiagnosticDefinition } from "./diagnostic.js";
import { scanDiagnostics } from "./scan-codes.js";

export {
  type Diagnostic,
  type DiagnosticDefinition,
  defineDiagnostic,
  diagnostic,
  hasErrors,
  type Language,
  type Localized,
  type RelatedLocation,
  type Severity,
  sortDiagnostics,
} from "./diagnostic.js";
export { type DiagnosticJson, diagnosticToJson, type RelatedLocationJson } from "./json.js";
export { editDistance, suggest } from "./suggest.js";

/**
 * Every diagnostic code the language tools can report.
 * @example
 * ```ts
 * import { diagnosticCatalog } from "@remit/lang";
 * const missingModule = diagnosticCatalog.find((d) => d.code === "R3001");
 * console.log(missingModule?.severity); // error
 * console.log(diagnosticCatalog.every((d) => /^R\d{4}$/.test(d.code))); // true
 * ```
 */
export const diagnosticCatalog: readonly DiagnosticDefinition<never>[] = [
  ...scanDiagnostics,
  ...checkDiagnostics,
];
