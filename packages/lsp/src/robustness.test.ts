/**
 * Properties of the editor features on text as it is while being typed: any edit of a real
 * literate policy, asked about at any offset. Nothing throws, every span lies in its file, and
 * formatting edits do exactly what the formatter does.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format, remitBlocks } from "@remit/lang";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completionsAt } from "./completion.js";
import { formattingEdits } from "./formatting.js";
import { hoverAt } from "./hover.js";
import { definitionAt, referencesAt, renameTargetAt } from "./navigation.js";
import { PolicyWorkspace } from "./workspace.js";

const folder = fileURLToPath(new URL("../../../examples/every-construct/", import.meta.url));
const file = `${folder}policy.remit.md`;
const original = readFileSync(file, "utf8");
const standard = readFileSync(`${folder}standard.remit`, "utf8");

/** Pieces people type, and pieces that break things: keywords, marks, full-width forms, CR. */
const piece = fc.constantFrom(
  "必须",
  "must",
  "依据 ",
  "对每个",
  "h.",
  ".",
  "(",
  ")",
  "{",
  "}",
  '"',
  "“",
  "：",
  "==",
  "2026/6/30",
  "十五天",
  "\n",
  "\r\n",
  "```",
  "```remit\n",
  "# ",
  " ",
  "\u0000",
  "\ud83d",
  "𠀀",
);

/** The policy with a range replaced by some typed pieces. */
const edited = fc
  .tuple(fc.nat(original.length), fc.nat(40), fc.array(piece, { maxLength: 6 }))
  .map(([at, length, typed]) => original.slice(0, at) + typed.join("") + original.slice(at + length));

/** The policy as a hurried typist spaces it: some spaces tripled, some lines doubled apart. */
const spaces = [...original.matchAll(/ /g)].map((m) => m.index);
const respaced = fc.uniqueArray(fc.nat(spaces.length - 1), { minLength: 1, maxLength: 12 }).map((picked) => {
  let text = original;
  for (const index of picked.map((i) => spaces[i] ?? 0).sort((a, b) => b - a)) {
    text = `${text.slice(0, index)}${index % 3 === 0 ? " \n" : "   "}${text.slice(index + 1)}`;
  }
  return text;
});

function inFile(text: string, span: { start: { offset: number }; end: { offset: number } }): boolean {
  return 0 <= span.start.offset && span.start.offset <= span.end.offset && span.end.offset <= text.length;
}

describe("the features on a literate policy being typed", () => {
  it("answer at any offset without throwing, with spans inside the file", () => {
    fc.assert(
      fc.property(
        edited,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (text, where) => {
          const workspace = new PolicyWorkspace((path) =>
            path === file ? text : path === `${folder}standard.remit` ? standard : undefined,
          );
          const analysis = workspace.analysisFor(file);
          for (const fraction of where) {
            const offset = Math.floor(fraction * text.length);
            const hover = hoverAt(analysis, file, offset, "zh");
            if (hover !== undefined && hover.span.file === file) expect(inFile(text, hover.span)).toBe(true);
            const declared = definitionAt(analysis, file, offset);
            if (declared !== undefined && declared.file === file) expect(inFile(text, declared)).toBe(true);
            for (const span of referencesAt(analysis, file, offset, true))
              if (span.file === file) expect(inFile(text, span)).toBe(true);
            const target = renameTargetAt(analysis, file, offset);
            if (target.ok) expect(inFile(text, target.span)).toBe(true);
            expect(Array.isArray(completionsAt(workspace, file, text, offset, "en"))).toBe(true);
          }
        },
      ),
      { numRuns: 60, seed: 12 },
    );
  });

  it("format by edits that, applied, give the formatter's text and touch only code", () => {
    fc.assert(
      fc.property(fc.oneof(edited, respaced), fc.boolean(), (typed, crlf) => {
        const text = crlf ? typed.replace(/\r?\n/g, "\r\n") : typed;
        const edits = formattingEdits(text, file);
        const blocks = remitBlocks(text);
        let result = text;
        for (const edit of [...edits].reverse()) {
          const { start, end } = edit.span;
          expect(blocks.some((b) => b.start <= start.offset && end.offset <= b.end)).toBe(true);
          result =
            result.slice(0, edit.span.start.offset) + edit.newText + result.slice(edit.span.end.offset);
        }
        const expected = format(text, file).text;
        expect(result).toBe(crlf ? expected.replace(/\r?\n/g, "\r\n") : expected);
        expect(formattingEdits(result, file)).toEqual([]);
      }),
      { numRuns: 60, seed: 34 },
    );
  });
});
