import type { DiagnosticDefinition } from "./diagnostic.js";
import { checkDiagnostics } from "./check-codes.js";
import { scanDiagnostics } from "./scan-codes.js";

export {
  type Diagnostic,
  type DiagnosticDefinition,
  type Language,
  type Localized,
  type Severity,
  defineDiagnostic,
  diagnostic,
  hasErrors,
  sortDiagnostics,
} from "./diagnostic.js";

/** Every diagnostic code the language tools can report. */
export const diagnosticCatalog: readonly DiagnosticDefinition<never>[] = [...scanDiagnostics, ...checkDiagnostics];
