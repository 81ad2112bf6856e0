import type { Language } from "../diagnostics/diagnostic.js";
import { keywordMeanings } from "./keyword-meanings.js";
import { keywords } from "./keywords.js";

/**
 * The keyword table of docs/language.md (`en`) and docs/language.zh.md (`zh`): one row per
 * keyword of the keyword table, in its order, with the meaning the editor's hover shows.
 */
export function keywordDocsTable(language: Language): string {
  const header =
    language === "en"
      ? ["| English | 中文 | where |", "|---|---|---|"]
      : ["| 英文 | 中文 | 用在哪里 |", "|---|---|---|"];
  const spellings = (words: readonly string[]): string =>
    words.length === 0 ? "—" : words.map((word) => `\`${word}\``).join(" ");
  const rows = keywords.map(
    (k) => `| ${spellings(k.en)} | ${spellings(k.zh)} | ${keywordMeanings[k.name][language]} |`,
  );
  return [...header, ...rows].join("\n");
}
