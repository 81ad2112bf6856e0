import { describe, expect, it } from "vitest";
import { maxExpressionDepth, maxFileLength, maxNestingDepth, parse } from "./parse.js";

function codes(text: string, file = "limits.remit"): string[] {
  return parse(text, file).diagnostics.map((d) => d.code);
}

describe("limits", () => {
  it("refuses input over 10 MB with one diagnostic", () => {
    const text = `define x = 1\n${"#".repeat(maxFileLength)}`;
    const result = parse(text, "big.remit");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["R9001"]);
    expect(result.module.declarations).toEqual([]);
  });

  it("reads input just under the limit", () => {
    const text = `define x = 1\n#${" ".repeat(maxFileLength - 20)}`;
    expect(codes(text)).toEqual([]);
  });

  it("refuses 10,000 nested parentheses without overflowing the stack", () => {
    expect(codes(`define x = ${"(".repeat(10_000)}1${")".repeat(10_000)}`)).toEqual(["R9002"]);
  });

  it("refuses deep nesting of every kind", () => {
    const deep = maxNestingDepth + 1;
    expect(codes(`define x = ${"[".repeat(deep)}`)).toEqual(["R9002"]);
    expect(codes(`define x = ${"not ".repeat(10_000)}true`)).toEqual(["R9002"]);
    expect(codes(`define x = ${"-".repeat(10_000)}1`)).toEqual(["R9002"]);
    expect(codes(`type t = ${"optional ".repeat(10_000)}text`)).toEqual(["R9002"]);
    expect(codes(`type t = ${"record { a: ".repeat(5_000)}text`)).toEqual(["R9002"]);
    expect(codes(`define x = ${"f(".repeat(10_000)}`)).toEqual(["R9002"]);
  });

  it("refuses long chains of binary operators and field reads with R9004, not a stack overflow", () => {
    const terms = (n: number, separator: string) => Array.from({ length: n }, () => "1").join(separator);
    expect(codes(`define x = ${terms(5_000, "+")}`)).toEqual(["R9004"]);
    expect(codes(`define x = ${terms(100_000, " and ")}`)).toEqual(["R9004"]);
    expect(codes(`define x = ${terms(100_000, " or ")}`)).toEqual(["R9004"]);
    expect(codes(`define x = a${".b".repeat(100_000)}`)).toEqual(["R9004"]);
    expect(codes(`define x = ${terms(5_000, " - ")}`)).toEqual(["R9004"]);
    // Brackets count with the chains inside them.
    expect(codes(`define x = ${"(1+".repeat(100)}${terms(400, "+")}${")".repeat(100)}`)).toEqual(["R9004"]);
  });

  it("reads chains up to the limit, and counts each chain from its own start", () => {
    const chain = Array.from({ length: maxExpressionDepth }, () => "1").join("+");
    expect(codes(`define x = ${chain}`)).toEqual([]);
    expect(codes(`define x = ${chain}\ndefine y = ${chain}`)).toEqual([]);
    expect(codes(`define x = [${Array.from({ length: 2_000 }, () => "1 + 1").join(", ")}]`)).toEqual([]);
  });

  it("reads nesting up to the limit", () => {
    const depth = maxNestingDepth - 1;
    expect(codes(`define x = ${"(".repeat(depth)}1${")".repeat(depth)}`)).toEqual([]);
    expect(codes(`define x = ${"not ".repeat(depth)}true`)).toEqual([]);
  });

  it("refuses binary input", () => {
    const bytes = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join("");
    expect(codes(bytes)).toEqual(["R9003"]);
    expect(codes(`define x = 1\u0000`)).toEqual(["R9003"]);
  });

  it("reads control characters other than NUL as unknown characters", () => {
    expect(codes("define x = 1\u0001")).toEqual(["R1001"]);
  });

  it("returns an empty module for an empty or blank file", () => {
    for (const text of ["", "   \n\n", "# only a comment"]) {
      const result = parse(text, "empty.remit");
      expect(result.diagnostics).toEqual([]);
      expect(result.module.declarations).toEqual([]);
      expect(result.module.header).toBeUndefined();
    }
  });
});
