// Writes the generated parts of docs/language.md and docs/language.zh.md (the keyword table, the
// built-in table; see packages/lang/src/docs/generated.ts) from the implementation. Run after
// `tsc -b`: `pnpm --filter @remit/lang gen:docs`.
import { readFileSync, writeFileSync } from "node:fs";
import { withGeneratedDocs } from "../dist/docs/generated.js";

const pages = { en: "../../../docs/language.md", zh: "../../../docs/language.zh.md" };
for (const [language, path] of Object.entries(pages)) {
  const url = new URL(path, import.meta.url);
  const page = readFileSync(url, "utf8");
  const updated = withGeneratedDocs(page, language);
  if (updated !== page) {
    writeFileSync(url, updated);
    console.log(`updated ${path.slice(9)}`);
  }
}

// docs/diagnostics.zh.md from the catalogue and the English page.
const { diagnosticCatalog } = await import("../dist/diagnostics/index.js");
const { diagnosticsPageZh } = await import("../dist/diagnostics/catalogue-zh.js");
const english = readFileSync(new URL("../../../docs/diagnostics.md", import.meta.url), "utf8");
const chineseUrl = new URL("../../../docs/diagnostics.zh.md", import.meta.url);
const chinese = diagnosticsPageZh(diagnosticCatalog, english);
let current;
try {
  current = readFileSync(chineseUrl, "utf8");
} catch {
  current = undefined;
}
if (chinese !== current) {
  writeFileSync(chineseUrl, chinese);
  console.log("updated docs/diagnostics.zh.md");
}
