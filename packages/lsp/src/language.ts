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
