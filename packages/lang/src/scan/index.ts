export { stringValue, type TokenizeResult, tokenize } from "./lexer.js";
export { advance, joinSpans, spanOfRange, tokenSpan } from "./span.js";
export { keywordBySpelling, keywordTokens, vocabulary } from "./tokens.js";
