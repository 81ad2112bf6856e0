import type { DiagnosticDefinition } from "./diagnostic.js";

/** Module, name, type, unit and rule diagnostics (R3xxx, R4xxx, R5xxx). */
export const checkDiagnostics: readonly DiagnosticDefinition<never>[] = [];
