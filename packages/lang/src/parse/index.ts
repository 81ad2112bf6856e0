export { maxFileLength, maxNestingDepth, type ParseResult, parse } from "./parse.js";
export { editDistance, suggestKeywords } from "./messages.js";
