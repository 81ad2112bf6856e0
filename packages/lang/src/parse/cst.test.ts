import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cstDeclarations, cstDeclarationsHeader } from "./cst-dts.js";

describe("the concrete syntax tree's types", () => {
  const committed = readFileSync(new URL("./cst.generated.ts", import.meta.url), "utf8");

  it("are the grammar's (pnpm --filter @remit/lang gen:cst rewrites cst.generated.ts)", () => {
    expect(committed).toBe(cstDeclarations());
  });

  it("declare one node type per grammar rule", () => {
    expect(committed.startsWith(cstDeclarationsHeader)).toBe(true);
    for (const rule of ["module", "dutyRule", "expr", "primary", "aggregate"]) {
      expect(committed).toContain(`name: "${rule}";`);
    }
  });
});
