// Writes the built-in tables of docs/language.md and docs/language.zh.md from the registry
// (packages/lang/src/builtins). Run after `tsc -b`: `pnpm --filter @remit/lang gen:docs`.
import { readFileSync, writeFileSync } from "node:fs";
import { withBuiltinDocsTable } from "../dist/builtins/docs.js";

const pages = { en: "../../../docs/language.md", zh: "../../../docs/language.zh.md" };
for (const [language, path] of Object.entries(pages)) {
  const url = new URL(path, import.meta.url);
  const page = readFileSync(url, "utf8");
  const updated = withBuiltinDocsTable(page, language);
  if (updated !== page) {
    writeFileSync(url, updated);
    console.log(`updated ${path.slice(9)}`);
  }
}
