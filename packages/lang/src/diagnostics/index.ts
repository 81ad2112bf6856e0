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

/** Every diagnostic code the language tools can report. */
export const diagnosticCatalog: readonly DiagnosticDefinition<never>[] = [
  ...scanDiagnostics,
  ...checkDiagnostics,
];
