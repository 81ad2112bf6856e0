/**
 * The parts of docs/language.md and docs/language.zh.md written from the implementation, each
 * between a pair of markers (`<!-- begin generated: keywords -->` … `<!-- end generated: keywords -->`).
 * `pnpm --filter @remit/lang gen:docs` rewrites them; a test fails when the committed pages differ.
 */
import { builtinDocsTable } from "../builtins/docs.js";
import type { Language } from "../diagnostics/diagnostic.js";
import { keywordDocsTable } from "../syntax/keyword-docs.js";

/** Each generated part by the name its markers give, with what writes it. */
const generatedDocsParts: readonly {
  readonly part: string;
  readonly write: (language: Language) => string;
}[] = [
  { part: "keywords", write: keywordDocsTable },
  { part: "builtins", write: builtinDocsTable },
];

/** `page` with every generated part rewritten; throws when a part's markers are missing or out of order. */
export function withGeneratedDocs(page: string, language: Language): string {
  let updated = page;
  for (const { part, write } of generatedDocsParts) {
    const begin = `<!-- begin generated: ${part} -->\n`;
    const end = `\n<!-- end generated: ${part} -->`;
    const start = updated.indexOf(begin);
    const stop = updated.indexOf(end, start);
    if (start < 0 || stop < 0) throw new Error(`the markers of the generated part '${part}' are missing`);
    updated = `${updated.slice(0, start + begin.length)}${write(language)}${updated.slice(stop)}`;
  }
  return updated;
}
