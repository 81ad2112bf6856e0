import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Language } from "../diagnostics/diagnostic.js";
import { keywordMeanings } from "../syntax/keyword-meanings.js";
import { keywords } from "../syntax/keywords.js";
import { withGeneratedDocs } from "./generated.js";

const pages: readonly [Language, string][] = [
  ["en", "../../../../docs/language.md"],
  ["zh", "../../../../docs/language.zh.md"],
];

function page(path: string): string {
  return readFileSync(new URL(path, import.meta.url), "utf8");
}

describe("the generated parts of the language references", () => {
  it.each(pages)("of %s are current (pnpm --filter @remit/lang gen:docs rewrites them)", (language, path) => {
    const text = page(path);
    expect(withGeneratedDocs(text, language)).toBe(text);
  });

  it.each(pages)("of %s are rewritten when a keyword's row is stale", (language, path) => {
    const text = page(path);
    const meaning = keywordMeanings.Holder[language];
    expect(text).toContain(meaning);
    const stale = text.replace(meaning, "an outdated meaning");
    expect(stale).not.toBe(text);
    expect(withGeneratedDocs(stale, language)).toBe(text);
  });

  it.each(pages)("of %s show every keyword with the meaning the hover shows", (language, path) => {
    const rows = page(path).split("\n");
    const missing = keywords.filter(
      (k) =>
        !rows.some(
          (row) =>
            row.startsWith("| ") &&
            [...k.en, ...k.zh].every((spelling) => row.includes(`\`${spelling}\``)) &&
            row.endsWith(` ${keywordMeanings[k.name][language]} |`),
        ),
    );
    expect(missing.map((k) => k.name)).toEqual([]);
  });

  it("refuses a page without the markers", () => {
    expect(() => withGeneratedDocs("# A page\n", "en")).toThrow(/keywords/);
  });
});
