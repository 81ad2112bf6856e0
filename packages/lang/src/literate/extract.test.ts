import { describe, expect, it } from "vitest";
import { parse } from "../parse/parse.js";
import { extractLiterate } from "./extract.js";

const markdown = [
  "# 资源县加强基层消防力量建设实施方案", // 1
  "", // 2
  "```remit", // 3
  'policy "资源县加强基层消防力量建设实施方案"', // 4
  "```", // 5
  "", // 6
  "## 2.1.3 建立常态化基层火灾防控机制 ##", // 7
  "", // 8
  "定期分析研判，重大火灾隐患限期整改销案。", // 9
  "```js", // 10
  "not remit (code blocks are not clause text)", // 11
  "```", // 12
  "  挂牌督办。  ", // 13
  "", // 14
  "```remit", // 15
  "define ok = 1", // 16
  "```", // 17
  "", // 18
  "### 3.3 建立考核问责机制", // 19
  "~~~~ remit extra", // 20
  "define broken = (1 +", // 21
  "~~~~", // 22
  "### 说明", // 23
  "没有编号的标题不是条款。", // 24
].join("\n");

describe("literate policies", () => {
  it("keeps the Markdown's offsets: code is blanked prose of the same length and lines", () => {
    const { code } = extractLiterate(markdown, "p.remit.md");
    expect(code.length).toBe(markdown.length);
    expect(code.split("\n").length).toBe(markdown.split("\n").length);
    const lines = code.split("\n");
    expect(lines[3]).toBe('policy "资源县加强基层消防力量建设实施方案"');
    expect(lines[0]?.trim()).toBe("");
    expect(lines[10]?.trim()).toBe("");
    expect(lines[20]).toBe("define broken = (1 +");
  });

  it("declares clauses from numbered headings, with their prose as text", () => {
    const { clauses } = extractLiterate(markdown, "p.remit.md");
    expect(clauses.map((c) => [c.id.id, c.title.value, c.text?.value, c.origin])).toEqual([
      [
        "2.1.3",
        "建立常态化基层火灾防控机制",
        "定期分析研判，重大火灾隐患限期整改销案。\n  挂牌督办。",
        "heading",
      ],
      ["3.3", "建立考核问责机制", undefined, "heading"],
    ]);
    const [first] = clauses;
    expect(first?.id.span.start).toEqual({ offset: markdown.indexOf("2.1.3"), line: 7, column: 4 });
    expect(first?.title.span.start.column).toBe(10);
    expect(first?.text?.span.start.line).toBe(9);
    expect(first?.text?.span.end.line).toBe(13);
  });

  it("reports an error in the third code block at its Markdown line", () => {
    // The expression is cut short at the end of line 21: the error points there.
    const result = parse(markdown, "p.remit.md");
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["R2001", 21]]);
  });

  it("puts heading clauses and code declarations in file order", () => {
    const result = parse(markdown, "p.remit.md");
    expect(result.module.header?.name.value).toBe("资源县加强基层消防力量建设实施方案");
    expect(result.module.declarations.map((d) => d.kind)).toEqual(["ClauseDecl", "DefineDecl", "ClauseDecl"]);
  });

  it("reads a code error's column in the Markdown file", () => {
    const text = "Prose.\n\n```remit\ndefine x = 1 @\n```\n";
    const result = parse(text, "p.remit.md");
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([
      ["R1001", 4, 14],
    ]);
  });

  it("reports a remit block that is never closed", () => {
    const result = parse("# T\n\n```remit\ndefine x = 1\n", "p.remit.md");
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["R1006", 3]]);
    expect(result.module.declarations.map((d) => d.kind)).toEqual(["DefineDecl"]);
  });

  it("ignores prose that looks like code, and headings inside code blocks", () => {
    const text = "duty is a word here @ ：\n\n```text\n# 1 not a clause\n```\n";
    const result = parse(text, "p.remit.md");
    expect(result.diagnostics).toEqual([]);
    expect(result.module.declarations).toEqual([]);
  });

  it("handles Windows line ends", () => {
    const text = "## 1 总体要求\r\n正文\r\n```remit\r\ndefine x = @\r\n```\r\n";
    const result = parse(text, "p.remit.md");
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([
      ["R2001", 4, 11],
      ["R1001", 4, 12],
    ]);
    expect(
      result.module.declarations[0]?.kind === "ClauseDecl" && result.module.declarations[0].text?.value,
    ).toBe("正文");
  });
});
