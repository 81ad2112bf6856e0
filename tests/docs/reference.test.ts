/**
 * The language references (docs/language.md and docs/language.zh.md) against the implementation:
 * every example parses, every complete example checks clean, and the keyword and built-in tables
 * list every spelling the lexer and checker accept.
 */
import { analyze, builtinFunctionDeclarations, keywords, memoryHost, parse } from "@remit/lang";
import { describe, expect, it } from "vitest";
import { fencedBlocks, isCompletePolicy, remitBlocks } from "./src/fences.js";
import { readRepoFile } from "./src/paths.js";
import { errorsOf, showDiagnostics } from "./src/show.js";

const references = ["docs/language.md", "docs/language.zh.md"] as const;

/**
 * The words inside backticks on one table row: `day(s)` gives `day` and `days`; a span is also a
 * spelling whole (`working days`, a keyword of two words).
 */
function rowWords(row: string): Set<string> {
  const words = new Set<string>();
  for (const [, span] of row.matchAll(/`([^`]+)`/g)) {
    words.add(span ?? "");
    for (const word of (span ?? "").split(/[\s/]+/)) {
      const plural = /^(.+)\(s\)$/.exec(word);
      if (plural?.[1]) words.add(plural[1]).add(`${plural[1]}s`);
      else words.add(word);
    }
  }
  return words;
}

function tableRows(markdown: string): string[] {
  return markdown.split("\n").filter((line) => line.startsWith("|"));
}

/** Whether a table row shows `name` in backticks, alone or called (`year(d)`). */
function showsName(row: string, name: string): boolean {
  return new RegExp(`\`${name}[(\`]`).test(row);
}

for (const path of references) {
  describe(path, () => {
    const text = readRepoFile(path);
    const blocks = remitBlocks(text);

    it("has remit examples", () => {
      expect(blocks.length).toBeGreaterThanOrEqual(4);
    });

    it.each(blocks.map((block) => [block.line, block] as const))(
      "the example at line %i parses",
      (_line, block) => {
        const { diagnostics } = parse(block.text, `${path}:${block.line}.remit`);
        expect(showDiagnostics(errorsOf(diagnostics))).toBe("");
      },
    );

    const literate = fencedBlocks(text).filter(
      (b) => b.language === "markdown" && remitBlocks(b.text).length > 0,
    );
    it.runIf(literate.length > 0).each(literate.map((block) => [block.line, block] as const))(
      "the literate example at line %i parses as a .remit.md file",
      (_line, block) => {
        const { module, diagnostics } = parse(block.text, `${path}:${block.line}.remit.md`);
        expect(showDiagnostics(errorsOf(diagnostics))).toBe("");
        expect(module.declarations.some((d) => d.kind === "ClauseDecl" && d.origin === "heading")).toBe(true);
      },
    );

    const complete = blocks.filter(isCompletePolicy);
    it.runIf(complete.length > 0).each(complete.map((block) => [block.line, block] as const))(
      "the complete policy at line %i checks clean",
      (_line, block) => {
        const file = "policy.remit";
        const { diagnostics } = analyze(file, memoryHost({ [file]: block.text }));
        expect(showDiagnostics(diagnostics)).toBe("");
      },
    );

    it("lists every spelling of every keyword in its tables", () => {
      const listed = new Set(tableRows(text).flatMap((row) => [...rowWords(row)]));
      const missing = keywords.flatMap((k) =>
        [...k.en, ...k.zh].filter((s) => !listed.has(s)).map((s) => `${k.name}: ${s}`),
      );
      expect(missing).toEqual([]);
    });

    it("pairs each keyword's English and Chinese spellings on one table row", () => {
      const rows = tableRows(text).map(rowWords);
      const unpaired = keywords
        .filter((k) => k.en.length > 0 && k.zh.length > 0)
        .filter((k) => !rows.some((row) => k.en.some((en) => row.has(en)) && k.zh.some((zh) => row.has(zh))))
        .map((k) => k.name);
      expect(unpaired).toEqual([]);
    });

    it("lists every built-in function with its English and Chinese names on one row", () => {
      const spellings = new Map<string, string[]>();
      for (const fn of builtinFunctionDeclarations)
        spellings.set(fn.name, [fn.spellings.en, fn.spellings.zh]);
      const rows = tableRows(text);
      const unpaired = [...spellings].filter(([, names]) => {
        const [en, zh] = [
          names.filter((n) => /^[A-Za-z]/.test(n)),
          names.filter((n) => !/^[A-Za-z]/.test(n)),
        ];
        return !rows.some((row) => en.some((n) => showsName(row, n)) && zh.some((n) => showsName(row, n)));
      });
      expect(unpaired.map(([fn]) => fn)).toEqual([]);
    });
  });
}

describe("docs/language.zh.md", () => {
  it("has a complete policy among its examples", () => {
    expect(remitBlocks(readRepoFile("docs/language.zh.md")).filter(isCompletePolicy).length).toBeGreaterThan(
      0,
    );
  });

  it("writes its examples with Chinese keywords only", () => {
    const english = new Set(keywords.flatMap((k) => k.en));
    const found = remitBlocks(readRepoFile("docs/language.zh.md")).flatMap((block) =>
      [...block.text.replace(/"(?:[^"\\]|\\.)*"|#.*$/gm, "").matchAll(/(?<![.\w])[A-Za-z_]\w*/g)]
        .map((m) => m[0])
        .filter((word) => english.has(word)),
    );
    expect(found).toEqual([]);
  });
});
