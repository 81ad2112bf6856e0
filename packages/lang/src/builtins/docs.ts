import type { Language } from "../diagnostics/diagnostic.js";
import { builtinFunctionDeclarations, builtinNameDeclarations } from "./functions.js";

/**
 * The table "Built-in names and functions" of docs/language.md (`en`) and docs/language.zh.md
 * (`zh`), one row per entry of the registry: the page's own spelling first, then the other.
 */
export function builtinDocsTable(language: Language): string {
  const other: Language = language === "en" ? "zh" : "en";
  const header =
    language === "en"
      ? ["| name | 中文 | meaning |", "|---|---|---|"]
      : ["| 中文 | 英文 | 含义 |", "|---|---|---|"];
  const names = builtinNameDeclarations.map(
    (n) => `| \`${n.spellings[language]}\` | \`${n.spellings[other]}\` | ${n.docs[language]} |`,
  );
  const functions = builtinFunctionDeclarations.map((f) => {
    const call = `${f.spellings[language]}(${f.docs.parameters.join(", ")})`;
    return `| \`${call}\` | \`${f.spellings[other]}\` | ${f.docs.meaning[language]} |`;
  });
  return [...header, ...names, ...functions].join("\n");
}
