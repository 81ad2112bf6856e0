import { format, formatModule, parse, tokenize } from "@remit/lang";
import { astModule, policySource, stripParens, stripSpans } from "@remit/testing";
import fc from "fast-check";
import { describe, expect, test } from "vitest";

const file = "generated.remit";
const keywordLanguage = fc.constantFrom("en" as const, "zh" as const);

/** A tree compared up to positions and the parentheses precedence makes the printer add. */
function shape<T>(node: T) {
  return stripSpans(stripParens(node));
}

describe("the printer against the parser", () => {
  test("a printed tree parses without diagnostics back to the same tree", () => {
    fc.assert(
      fc.property(astModule({ file }), keywordLanguage, (module, keywords) => {
        const text = formatModule(module, { keywords });
        const parsed = parse(text, file);
        expect(parsed.diagnostics).toEqual([]);
        expect(shape(parsed.module)).toEqual(shape(module));
      }),
    );
  });

  test("the author's parentheses survive exactly", () => {
    fc.assert(
      fc.property(astModule({ file, comments: false }), (module) => {
        const once = parse(formatModule(module), file).module;
        const twice = parse(formatModule(once), file).module;
        expect(stripSpans(twice)).toEqual(stripSpans(once));
      }),
    );
  });

  test("English and Chinese keywords give the same tree", () => {
    fc.assert(
      fc.property(astModule({ file }), (module) => {
        const english = parse(formatModule(module, { keywords: "en" }), file).module;
        const chinese = parse(formatModule(module, { keywords: "zh" }), file).module;
        expect(stripSpans(chinese)).toEqual(stripSpans(english));
      }),
    );
  });
});

describe("format on random sources", () => {
  test("printed text is already formatted, keywords preserved", () => {
    fc.assert(
      fc.property(astModule({ file }), keywordLanguage, (module, keywords) => {
        const text = formatModule(module, { keywords });
        const result = format(text, file);
        expect(result.text).toBe(text);
        expect(result.changed).toBe(false);
      }),
    );
  });

  test("format is idempotent in every keyword mode", () => {
    const mode = fc.constantFrom("en" as const, "zh" as const, "preserve" as const);
    fc.assert(
      fc.property(policySource(), mode, (source, keywords) => {
        const once = format(source, file, { keywords }).text;
        expect(format(once, file, { keywords }).text).toBe(once);
      }),
    );
  });

  test("with a narrow line width, broken lines parse back to the same tree and are a fixed point", () => {
    fc.assert(
      fc.property(astModule({ file }), keywordLanguage, (module, keywords) => {
        const text = formatModule(module, { keywords, lineWidth: 40 });
        expect(shape(parse(text, file).module)).toEqual(shape(module));
        expect(format(text, file, { lineWidth: 40 }).text).toBe(text);
      }),
    );
  });

  test("preserve keeps the language of each declaration in a file that mixes them", () => {
    fc.assert(
      fc.property(
        astModule({ file, comments: false }).chain((module) =>
          fc.tuple(
            fc.constant(module),
            fc.array(keywordLanguage, {
              minLength: module.declarations.length + 1,
              maxLength: module.declarations.length + 1,
            }),
          ),
        ),
        ([module, languages]) => {
          const opening = { ...module, declarations: [] };
          const parts = [formatModule(opening, { keywords: languages[0] })].filter((part) => part !== "");
          module.declarations.forEach((declaration, index) => {
            const alone = { ...module, header: undefined, imports: [], declarations: [declaration] };
            parts.push(formatModule(alone, { keywords: languages[index + 1] }));
          });
          const mixed = parts.join("\n");
          expect(format(mixed, file).text).toBe(mixed);
        },
      ),
    );
  });

  test("comparison signs written ≥ ≤ ≠ keep that spelling and the meaning of >= <= !=", () => {
    const mathematical: Readonly<Record<string, string>> = {
      GreaterEqual: "≥",
      LessEqual: "≤",
      NotEqual: "≠",
    };
    /** The comparison signs of a text, in order, as written. */
    const signsIn = (source: string): string[] =>
      tokenize(source, file)
        .tokens.filter((token) => token.tokenType.name in mathematical)
        .map((token) => token.image);
    fc.assert(
      fc.property(
        astModule({ file }),
        keywordLanguage,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
        (module, keywords, choices) => {
          const text = formatModule(module, { keywords });
          // Some of the signs respelt, chosen by position: a file may mix both spellings.
          let respelt = "";
          let cursor = 0;
          let count = 0;
          for (const token of tokenize(text, file).tokens) {
            const sign = mathematical[token.tokenType.name];
            if (sign === undefined || choices[count++ % choices.length] !== true) continue;
            respelt += text.slice(cursor, token.startOffset) + sign;
            cursor = token.startOffset + token.image.length;
          }
          respelt += text.slice(cursor);
          // A respelt sign can be a column narrower, so a line may now fit: the layout may change,
          // but never a sign's spelling, the meaning, or the result of formatting again.
          const formatted = format(respelt, file).text;
          expect(signsIn(formatted)).toEqual(signsIn(respelt));
          expect(format(formatted, file).text).toBe(formatted);
          expect(shape(parse(formatted, file).module)).toEqual(shape(parse(text, file).module));
        },
      ),
    );
  });

  test("a text squeezed onto few lines formats back to the canonical text", () => {
    fc.assert(
      fc.property(astModule({ file, comments: false }), keywordLanguage, (module, keywords) => {
        const text = formatModule(module, { keywords });
        // Newlines and indentation are insignificant outside strings, which hold no raw newline.
        const squeezed = text.replace(/\n\s*/g, " ");
        expect(format(squeezed, file).text).toBe(text);
      }),
    );
  });
});
