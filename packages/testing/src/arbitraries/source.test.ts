import { parse } from "@remit/lang";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { policySource } from "./source.js";

describe("policySource", () => {
  test("is policy text that parses without diagnostics", () => {
    fc.assert(
      fc.property(policySource(), (text) => {
        expect(parse(text, "fuzz.remit").diagnostics).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  test("spells keywords in the language asked for", () => {
    const [english] = fc.sample(
      policySource({ keywords: "en", maxDeclarations: 4 }).filter((t) => t !== ""),
      { numRuns: 1, seed: 1 },
    );
    const [chinese] = fc.sample(
      policySource({ keywords: "zh", maxDeclarations: 4 }).filter((t) => t !== ""),
      { numRuns: 1, seed: 1 },
    );
    const firstWord = (text: string | undefined) => /^(?!#)\S+/m.exec(text ?? "")?.[0] ?? "";
    expect(firstWord(english)).toMatch(/^[a-z]+$/);
    expect(firstWord(chinese)).toMatch(/^\p{Script=Han}+$/u);
  });
});
