import { describe, expect, it } from "vitest";
import { parse } from "../parse/parse.js";
import { isLiteral } from "./literals.js";

function bodyOf(expression: string) {
  const { module, diagnostics } = parse(`define d = ${expression}\n`, "x.remit");
  expect(diagnostics).toEqual([]);
  const decl = module.declarations[0];
  if (decl?.kind !== "DefineDecl") throw new Error("a definition");
  return decl.body;
}

describe("isLiteral", () => {
  it.each(["12", '"资源县"', "true", "2026-12-31", "15 days", "none", '[1, (2), ["a"]]', "(真)", "[]"])(
    "%s is a literal",
    (text) => expect(isLiteral(bodyOf(text))).toBe(true),
  );

  it.each(["-1", "1 + 2", "[1, x]", "x", "count(t in townships)", "(x)"])("%s is not", (text) =>
    expect(isLiteral(bodyOf(text))).toBe(false),
  );
});
