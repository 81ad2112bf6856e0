/**
 * Work budgets for the front end on any input: the lexer, the literate extractor and the parser
 * produce output bounded by a small constant per input character, and a worst-case pattern four
 * times longer costs at most about four times the work. Work is counted (tokens, diagnostics,
 * tree nodes), never timed, so the properties hold on any machine.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractLiterate } from "../literate/extract.js";
import { tokenize } from "../scan/lexer.js";
import { spanOfRange } from "../scan/span.js";
import type { Node } from "../syntax/ast.js";
import { forEachChild } from "../syntax/children.js";
import { parse } from "./parse.js";

/** Tree nodes, counted with an explicit stack: the count itself must not recurse. */
function nodeCount(root: Node): number {
  let count = 0;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    count++;
    forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return count;
}

function lexerWork(text: string): number {
  const result = tokenize(text, "fuzz.remit");
  return result.tokens.length + result.comments.length + result.diagnostics.length;
}

function parserWork(text: string, file = "fuzz.remit"): number {
  const result = parse(text, file);
  return nodeCount(result.module) + result.diagnostics.length;
}

/** Runs of one character, long lines, unclosed fences and strings: the worst cases found. */
const worstPatterns: readonly ((n: number) => string)[] = [
  (n) => "@".repeat(n),
  (n) => "（".repeat(n),
  (n) => "a".repeat(n),
  (n) => '"'.repeat(n),
  (n) => `"${"x".repeat(n)}`,
  (n) => "`".repeat(n),
  (n) => "1+".repeat(n),
  (n) => "a.".repeat(n),
  (n) => `define k = [${"1,".repeat(n)}1]`,
  (n) => "```remit\n".repeat(n),
  (n) => `# 1 t\n\n\`\`\`remit\n${"define x = 1\n".repeat(n)}`,
  (n) => "\n".repeat(n),
];

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({
    unit: fc.constantFrom("@", "（", '"', "`", "#", "\n", "1", "+", ".", "a", "[", "]", "(", ")"),
    maxLength: 800,
  }),
);

describe("front-end work budgets", () => {
  it("the lexer makes at most three tokens and diagnostics per character, on any text", () => {
    // An opening “ alone is a token, a full-width diagnostic and an unterminated-string one.
    fc.assert(fc.property(anyText, (text) => lexerWork(text) <= 3 * text.length + 1));
  });

  it("places each unexpected character where scanning from the start would, without that scan", () => {
    fc.assert(
      fc.property(anyText, (text) =>
        tokenize(text, "f.remit")
          .diagnostics.filter((d) => d.code === "R1001")
          .every((d) => {
            const scanned = spanOfRange(text, "f.remit", d.span.start.offset, d.span.end.offset);
            return JSON.stringify(scanned) === JSON.stringify(d.span);
          }),
      ),
    );
  });

  it("the literate extractor keeps positions and reports at most one diagnostic per line, on any text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = extractLiterate(text, "fuzz.remit.md");
        const lines = text.split("\n").length;
        return (
          result.code.length === text.length && result.diagnostics.length + result.clauses.length <= lines + 1
        );
      }),
    );
  });

  it("the parser builds at most a few nodes per character, on any text and as Markdown", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const bound = 4 * (text.length + 1);
        return parserWork(text) <= bound && parserWork(text, "fuzz.remit.md") <= bound;
      }),
      { numRuns: 60 },
    );
  });

  it.each(worstPatterns.map((pattern, i) => [i, pattern] as const))(
    "worst-case pattern %i grows at most linearly",
    (_, pattern) => {
      const small = pattern(2_000);
      const large = pattern(8_000);
      expect(lexerWork(large)).toBeLessThanOrEqual(4 * lexerWork(small) + 8);
      expect(extractLiterate(large, "w.remit.md").diagnostics.length).toBeLessThanOrEqual(
        4 * extractLiterate(small, "w.remit.md").diagnostics.length + 8,
      );
      expect(parserWork(large)).toBeLessThanOrEqual(4 * parserWork(small) + 8);
      expect(parserWork(large, "w.remit.md")).toBeLessThanOrEqual(4 * parserWork(small, "w.remit.md") + 8);
    },
    30_000,
  );

  it("reads a one-megabyte token and an unclosed fence in a literate file", () => {
    const token = parse(`# 1 t\n\n\`\`\`remit\ndefine x = ${"a".repeat(1 << 20)}\n\`\`\`\n`, "big.remit.md");
    expect(token.diagnostics).toEqual([]);
    expect(token.module.declarations.map((d) => d.kind)).toContain("DefineDecl");
    const unclosed = parse(`\`\`\`remit\n${"define x = 1\n".repeat(20_000)}`, "open.remit.md");
    expect(unclosed.diagnostics.map((d) => d.code)).toContain("R1006");
  });
});
