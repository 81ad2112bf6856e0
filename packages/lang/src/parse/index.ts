export { suggestKeywords } from "./messages.js";
export { maxFileLength, maxNestingDepth, type ParseResult, parse } from "./parse.js";
