export { suggestKeywords } from "./messages.js";
export { maxExpressionDepth, maxFileLength, maxNestingDepth, type ParseResult, parse } from "./parse.js";
