export { extractLiterate, type LiterateResult } from "./extract.js";
