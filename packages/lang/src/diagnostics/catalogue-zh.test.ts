import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diagnosticsPageZh } from "./catalogue-zh.js";
import { diagnosticCatalog } from "./index.js";

const page = (name: string) => readFileSync(new URL(`../../../../docs/${name}`, import.meta.url), "utf8");

describe("docs/diagnostics.zh.md", () => {
  it("is the page the catalogue and the English page give (pnpm --filter @remit/lang gen:docs)", () => {
    expect(page("diagnostics.zh.md")).toBe(diagnosticsPageZh(diagnosticCatalog, page("diagnostics.md")));
  });

  it("lists every code of the catalogue with its Chinese message", () => {
    const zh = page("diagnostics.zh.md");
    for (const definition of diagnosticCatalog) {
      expect(zh, definition.code).toContain(`### ${definition.code}\n\n- 级别：`);
    }
    expect(zh).toContain("- 消息：`找不到模块“{path}”`");
  });
});
