/**
 * Writes the TextMate grammars to `syntaxes/` from the language's keyword table:
 * `pnpm --filter remit-vscode grammar` (after `tsc -b`). A test fails while the committed files
 * differ from what this writes.
 */
import { writeFileSync } from "node:fs";
import { grammarFiles } from "./grammar-files.js";

for (const { url, text } of grammarFiles()) {
  writeFileSync(url, text);
  console.log(`wrote ${url.pathname}`);
}
