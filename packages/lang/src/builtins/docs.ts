import { builtinFunctionDeclarations, builtinNameDeclarations } from "./functions.js";

/** The language a docs page is written in. */
export type DocsLanguage = "en" | "zh";

/**
 * The table "Built-in names and functions" of docs/language.md (`en`) and docs/language.zh.md
 * (`zh`), one row per entry of the registry: the page's own spelling first, then the other.
 */
export function builtinDocsTable(language: DocsLanguage): string {
  const other: DocsLanguage = language === "en" ? "zh" : "en";
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

/** Where the table sits in each page: after this heading, up to the next blank line. */
export const builtinDocsHeading: Readonly<Record<DocsLanguage, string>> = {
  en: "## Built-in names and functions",
  zh: "## 五、内置名称与函数",
};

/** `page` with its built-in table replaced by the registry's. */
export function withBuiltinDocsTable(page: string, language: DocsLanguage): string {
  const heading = page.indexOf(`${builtinDocsHeading[language]}\n`);
  if (heading < 0) throw new Error(`the heading '${builtinDocsHeading[language]}' is missing`);
  const start = page.indexOf("\n|", heading) + 1;
  const end = page.indexOf("\n\n", start);
  return `${page.slice(0, start)}${builtinDocsTable(language)}${page.slice(end)}`;
}
