export { documentLanguage } from "./document-language.js";
export {
  applyFixes,
  type Fix,
  type FixesApplied,
  fixAll,
  fixFor,
  type TextEdit,
} from "./fix.js";
export { type FormatResult, type FormatTextOptions, format } from "./format.js";
export type { KeywordLanguage } from "./keywords.js";
export { displayWidth } from "./layout.js";
export { type CodeBlock, formatLiterate, remitBlocks } from "./literate.js";
export { type FormatOptions, formatModule } from "./print.js";
