import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { format } from "./format.js";
import { remitBlocks } from "./literate.js";

const markdown = [
  "# 资源县加强基层消防力量建设实施方案",
  "",
  "Prose stays   exactly as written,  trailing spaces too.   ",
  "",
  "```remit",
  'policy "资源县方案"   version "1.0.0"',
  "```",
  "",
  "### 2.1.3 建立常态化基层火灾防控机制",
  "",
  "各乡镇应当……（prose under a heading declares the clause text）",
  "",
  "```remit",
  "# the listing duty",
  'duty major-hazard-listing "重大火灾隐患挂牌督办" must cites 2.1.3',
  "  requires h.listedOn",
  "```",
  "",
  "```js",
  "const notRemit  =  1",
  "```",
  "",
  "Closing prose.",
  "",
].join("\n");

describe("literate policies", () => {
  const result = format(markdown, "policy.remit.md");

  test("code blocks are formatted in place", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.text).toContain(["```remit", 'policy "资源县方案"', '  version "1.0.0"', "```"].join("\n"));
    expect(result.text).toContain(
      [
        "```remit",
        "# the listing duty",
        'duty major-hazard-listing "重大火灾隐患挂牌督办"',
        "  must",
        "  cites 2.1.3",
        "  requires h.listedOn",
        "```",
      ].join("\n"),
    );
    expect(result.changed).toBe(true);
  });

  test("prose, headings and other code blocks are kept byte for byte, in place", () => {
    const outside = (text: string) => {
      const blocks = remitBlocks(text);
      const parts: string[] = [];
      let cursor = 0;
      for (const block of blocks) {
        parts.push(text.slice(cursor, block.start));
        cursor = block.end;
      }
      parts.push(text.slice(cursor));
      return parts;
    };
    expect(outside(result.text)).toEqual(outside(markdown));
    // The heading-declared clause is not printed into a code block.
    expect(result.text).not.toContain("clause 2.1.3");
  });

  test("formatting is idempotent and a formatted file reports no change", () => {
    const again = format(result.text, "policy.remit.md");
    expect(again.text).toBe(result.text);
    expect(again.changed).toBe(false);
  });
});

describe("which blocks are code", () => {
  test("only fences whose info string starts with remit; fences inside other fences are text", () => {
    const text = [
      "````md",
      "```remit",
      "param   x: integer = 1",
      "```",
      "````",
      "",
      '~~~Remit title="example"',
      "param   y: integer = 2",
      "~~~",
      "",
      "```remit-like",
      "param   z: integer = 3",
      "```",
      "",
    ].join("\n");
    const result = format(text, "blocks.remit.md");
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.text).toBe(text.replace("param   y", "param y"));
  });

  test("a block using CRLF line endings keeps them", () => {
    const text = 'Intro\r\n\r\n```remit\r\nparam   x: integer = 1\r\nparam y: text = "a"\r\n```\r\n';
    const result = format(text, "crlf.remit.md");
    expect(result.text).toBe(
      'Intro\r\n\r\n```remit\r\nparam x: integer = 1\r\nparam y: text = "a"\r\n```\r\n',
    );
  });
});

describe("the examples of docs/language.md", () => {
  const docs = readFileSync(new URL("../../../../docs/language.md", import.meta.url), "utf8");
  const examples = remitBlocks(docs).map((block) => docs.slice(block.start, block.end));

  test("there are examples to check", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  test.each(examples.map((example, index) => [index, example] as const))(
    "example %i is a fixed point",
    (_, example) => {
      const result = format(example, "example.remit");
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.text).toBe(example);
      expect(format(result.text, "example.remit").text).toBe(result.text);
    },
  );
});
