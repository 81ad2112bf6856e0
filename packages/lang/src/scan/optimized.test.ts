import { type ILexingResult, Lexer } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lexerTokens, matchWord } from "./tokens.js";

// The lexer picks candidate patterns by first character; trying every pattern must agree with it.
const tryEveryPattern = new Lexer([...lexerTokens], {
  positionTracking: "full",
  safeMode: true,
  ensureOptimizations: false,
});
const byFirstCharacter = new Lexer([...lexerTokens], { positionTracking: "full", ensureOptimizations: true });

function summary(result: ILexingResult): unknown {
  const token = (t: ILexingResult["tokens"][number]) => [
    t.image,
    t.tokenType.name,
    t.startOffset,
    t.startLine,
    t.startColumn,
    t.endOffset,
  ];
  return {
    tokens: result.tokens.map(token),
    errors: result.errors.map((e) => [e.offset, e.length, e.line, e.column]),
    groups: Object.entries(result.groups).map(([name, tokens]) => [name, tokens.map(token)]),
  };
}

const pieces = fc.oneof(
  fc.constantFrom(
    ..."aé中文_1 \n\r\t\u3000\"\\“”（）：，；＝＜＞－>=<!！@$%^&?~`'|#.．-+*/[]{}0923ßΩЖ\u0001\u00a0\ufeffㇰ가あ".split(
      "",
    ),
    "𠀀",
    "😀",
    "\ud800",
    "\udc00",
  ),
  fc.constantFrom("duty", "职责", "2026-01-01", "1.2.3", '"ab\\n"', "不应当", "->"),
  fc.string({ unit: "binary", maxLength: 3 }),
);

describe("the first-character optimisation", () => {
  it("lexes like trying every pattern", () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const text = parts.join("");
        expect(summary(byFirstCharacter.tokenize(text))).toEqual(summary(tryEveryPattern.tokenize(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it("starts a word at any letter of the Basic Multilingual Plane", () => {
    for (let code = 0x80; code < 0x10000; code += 1) {
      const ch = String.fromCharCode(code);
      if (!/\p{L}/u.test(ch)) continue;
      const [first] = byFirstCharacter.tokenize(ch).tokens;
      expect(first?.tokenType.name, `U+${code.toString(16)}`).toBe("Identifier");
    }
  });
});

describe("the word matcher", () => {
  const reference = /[\p{L}_][\p{L}\p{N}_]*/uy;
  it("matches what the Unicode word pattern matches", () => {
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom(..."aZ_09 .-中文éΩ٣\u3000（".split(""), "𠀀", "abc", "x1", "1x"),
          fc.string({ unit: "grapheme", maxLength: 3 }),
        ),
        { maxLength: 20 },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.nat(), (source, at) => {
        const offset = source.length === 0 ? 0 : at % source.length;
        reference.lastIndex = offset;
        const expected = reference.exec(source)?.[0];
        expect(matchWord(source, offset)?.[0]).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
