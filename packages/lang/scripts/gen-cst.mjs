// Writes the concrete syntax tree's types (src/parse/cst.generated.ts) from the grammar.
// Run after `tsc -b`: `pnpm --filter @remit/lang gen:cst`.
import { readFileSync, writeFileSync } from "node:fs";
import { cstDeclarations } from "../dist/parse/cst-dts.js";

const url = new URL("../src/parse/cst.generated.ts", import.meta.url);
const current = (() => {
  try {
    return readFileSync(url, "utf8");
  } catch {
    return undefined;
  }
})();
const generated = cstDeclarations();
if (generated !== current) {
  writeFileSync(url, generated);
  console.log("updated src/parse/cst.generated.ts");
}
