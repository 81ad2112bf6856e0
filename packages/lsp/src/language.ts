/**
 * Words and keywords: which keyword a word is, which language a document is written in, and the
 * word under the cursor. Read through `@remit/lang`'s keyword table only.
 */
import { type KeywordName, type KeywordSpelling, keywords, type Language, remitBlocks } from "@remit/lang";

const wordPart = /[\p{L}\p{N}_]/u;

/** The word around `offset` (a cursor just after a word counts), if any. */
export function wordAt(
  text: string,
  offset: number,
): { word: string; start: number; end: number } | undefined {
  let start = offset;
  while (start > 0 && wordPart.test(text.charAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && wordPart.test(text.charAt(end))) end++;
  if (start === end) return undefined;
  return { word: text.slice(start, end), start, end };
}

const byEnglish = new Map<string, KeywordSpelling<KeywordName>>();
const byChinese = new Map<string, KeywordSpelling<KeywordName>>();
for (const entry of keywords) {
  for (const spelling of entry.en) byEnglish.set(spelling, entry);
  for (const spelling of entry.zh) byChinese.set(spelling, entry);
}

/**
 * The keyword spelled `word`, and the language of that spelling.
 * @example
 * ```ts
 * import { keywordOf } from "@remit/lsp";
 * const duty = keywordOf("职责");
 * console.log(duty?.language, duty?.entry.en); // zh [ 'duty' ]
 * console.log(keywordOf("hazards")); // undefined
 * ```
 */
export function keywordOf(
  word: string,
): { entry: KeywordSpelling<KeywordName>; language: Language } | undefined {
  const zh = byChinese.get(word);
  if (zh !== undefined) return { entry: zh, language: "zh" };
  const en = byEnglish.get(word);
  if (en !== undefined) return { entry: en, language: "en" };
  return undefined;
}

/** Every spelling of every keyword in `language`. */
export function keywordSpellings(language: Language): string[] {
  return keywords.flatMap((entry) => entry[language]);
}

/**
 * The language a policy text is written in: the one whose keywords it uses more (in a
 * `.remit.md` file, inside its `remit` blocks), or undefined when it uses none.
 * @example
 * ```ts
 * import { documentLanguage } from "@remit/lsp";
 * console.log(documentLanguage('政策 "消防"\n集合 隐患 { 发现日期: 日期 }\n', "p.remit")); // zh
 * console.log(documentLanguage('policy "P"\ncollection hazards { foundOn: date }\n', "p.remit")); // en
 * console.log(documentLanguage("# Notes\n\nNo policy here.\n", "notes.remit.md")); // undefined
 * ```
 */
export function documentLanguage(text: string, file: string): Language | undefined {
  const code = file.endsWith(".md") ? remitBlockText(text) : text;
  let en = 0;
  let zh = 0;
  for (const match of code.matchAll(/[\p{L}_][\p{L}\p{N}_]*/gu)) {
    const word = match[0];
    if (byChinese.has(word)) zh++;
    else if (byEnglish.has(word)) en++;
  }
  if (en === zh) return undefined;
  return zh > en ? "zh" : "en";
}

/** The text inside the ```remit blocks of a Markdown text. */
function remitBlockText(markdown: string): string {
  return remitBlocks(markdown)
    .map((block) => markdown.slice(block.start, block.end))
    .join("\n");
}

/** Whether `offset` is in code: anywhere in a `.remit` file, inside a ```remit block in Markdown. */
export function isInCode(text: string, file: string, offset: number): boolean {
  if (!file.endsWith(".md")) return true;
  return remitBlocks(text).some((block) => block.start <= offset && offset <= block.end);
}

/** The other language. */
export function otherLanguage(language: Language): Language {
  return language === "en" ? "zh" : "en";
}

/**
 * The language the editor speaks, from its locale (`zh-cn`, `en-us`, …).
 * @example
 * ```ts
 * import { languageOfLocale } from "@remit/lsp";
 * console.log(languageOfLocale("zh-CN"), languageOfLocale("en-GB"), languageOfLocale(undefined)); // zh en en
 * ```
 */
export function languageOfLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith("zh") ? "zh" : "en";
}
