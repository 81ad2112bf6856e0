import type { Language } from "../diagnostics/diagnostic.js";
import { keywords } from "../syntax/keywords.js";
import { remitBlocks } from "./literate.js";

const englishSpellings = new Set(keywords.flatMap((entry) => entry.en));
const chineseSpellings = new Set(keywords.flatMap((entry) => entry.zh));

/**
 * The language a policy text is written in: the one whose keywords it uses more (in a
 * `.remit.md` file, inside its `remit` blocks), or undefined when it uses none.
 * @example
 * ```ts
 * import { documentLanguage } from "@remit/lang";
 * console.log(documentLanguage('政策 "消防"\n集合 隐患 { 发现日期: 日期 }\n', "p.remit")); // zh
 * console.log(documentLanguage('policy "P"\ncollection hazards { foundOn: date }\n', "p.remit")); // en
 * console.log(documentLanguage("# Notes\n\nNo policy here.\n", "notes.remit.md")); // undefined
 * ```
 */
export function documentLanguage(text: string, file: string): Language | undefined {
  const code = file.endsWith(".md")
    ? remitBlocks(text)
        .map((block) => text.slice(block.start, block.end))
        .join("\n")
    : text;
  let en = 0;
  let zh = 0;
  for (const match of code.matchAll(/[\p{L}_][\p{L}\p{N}_]*/gu)) {
    if (chineseSpellings.has(match[0])) zh++;
    else if (englishSpellings.has(match[0])) en++;
  }
  if (en === zh) return undefined;
  return zh > en ? "zh" : "en";
}
