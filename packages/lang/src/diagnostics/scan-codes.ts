import type { DiagnosticDefinition } from "./diagnostic.js";

/** Lexical, literate-Markdown, syntax and limit diagnostics (R1xxx, R2xxx, R9xxx). */
export const scanDiagnostics: readonly DiagnosticDefinition<never>[] = [];
