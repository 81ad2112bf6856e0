/**
 * Stands in for the `@remit/lang` barrel while the language package has no index yet: the
 * vitest config points `@remit/lang` here only when packages/lang/src/index.ts is missing.
 */
export * from "../../lang/src/check/index.js";
export { analyze } from "../../lang/src/check/analyze.js";
export * from "../../lang/src/diagnostics/index.js";
export { memoryHost, type SourceHost } from "../../lang/src/modules/host.js";
export { parse } from "../../lang/src/parse/parse.js";
export type * from "../../lang/src/syntax/ast.js";
