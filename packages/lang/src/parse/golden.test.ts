import { describe, expect, it } from "vitest";
import { scanDiagnostics } from "../diagnostics/scan-codes.js";
import { maxFileLength, parse } from "./parse.js";
import { goldenCases } from "./testdata/golden-diagnostics.js";

function input(text: string): string {
  if (text === "TOO_LARGE") return " ".repeat(maxFileLength + 1);
  if (text === "TOO_DEEP") return `define x = ${"(".repeat(200)}`;
  if (text === "TOO_LONG") return `define x = ${Array.from({ length: 1000 }, () => "1").join("+")}`;
  return text;
}

describe("golden diagnostics", () => {
  it("cover every code this stage defines", () => {
    expect([...new Set(goldenCases.map((c) => c.code))].sort()).toEqual(
      scanDiagnostics.map((d) => d.code).sort(),
    );
  });

  it.each(goldenCases.map((c) => [c.code, c.text, c]))("%s: %s", (_, _text, golden) => {
    const result = parse(input(golden.text), golden.file);
    expect(
      result.diagnostics.map((d) => ({
        code: d.code,
        line: d.span.start.line,
        column: d.span.start.column,
        en: d.message.en,
        zh: d.message.zh,
      })),
    ).toEqual(golden.diagnostics);
  });

  it("word every message as one lowercase line with no trailing period, and give hints in both languages", () => {
    for (const golden of goldenCases) {
      const result = parse(input(golden.text), golden.file);
      for (const d of result.diagnostics) {
        expect(d.message.en).not.toMatch(/\n|\.$/);
        expect(d.message.en[0]).toBe(d.message.en[0]?.toLowerCase());
        expect(d.message.zh).not.toMatch(/\n|。$/);
        if (d.hint) expect(d.hint.zh.length).toBeGreaterThan(0);
      }
    }
  });
});
