/**
 * The server driven over standard input and output as an editor drives it. It runs the built
 * server (`dist/bin.js`, made by `tsc -b`, which `pnpm install` runs).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StdioClient } from "./client.js";

const serverScript = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const ziyuanPath = fileURLToPath(new URL("../../../policies/ziyuan-2026/policy.remit.md", import.meta.url));
const ziyuanUri = pathToFileURL(ziyuanPath).href;
const ziyuanText = readFileSync(ziyuanPath, "utf8");
const ziyuanLines = ziyuanText.split("\n");
const zhPath = fileURLToPath(new URL("testdata/zh/policy.remit", import.meta.url));
const zhUri = pathToFileURL(zhPath).href;
const zhText = readFileSync(zhPath, "utf8");

/** The 0-based line and character of the first `needle` at or after line `fromLine`, plus `delta`. */
function positionOf(lines: readonly string[], needle: string, delta = 0, fromLine = 0) {
  for (let line = fromLine; line < lines.length; line++) {
    const character = lines[line]?.indexOf(needle) ?? -1;
    if (character >= 0) return { line, character: character + delta };
  }
  throw new Error(`'${needle}' not found`);
}

describe("the Ziyuan policy in an English editor", () => {
  let client: StdioClient;
  beforeAll(async () => {
    client = await StdioClient.start({ serverScript, locale: "en-us" });
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  it("publishes no diagnostics for the policy as it is", async () => {
    expect(await client.open(ziyuanUri, ziyuanText, "markdown")).toEqual([]);
  });

  it("hovers a parameter with its default and description", async () => {
    const use = positionOf(ziyuanLines, "+ gridDays", "+ ".length + 2);
    const hover = await client.hover(ziyuanUri, use);
    const value =
      hover !== null && typeof hover.contents === "object" && "value" in hover.contents
        ? hover.contents.value
        : "";
    expect(value).toContain("param gridDays: duration = 15 days");
    expect(value).toContain("一般隐患在网格内解决的期限");
    expect(hover?.range?.start).toEqual({ line: use.line, character: use.character - 2 });
  });

  it("goes to a parameter's declaration in the Markdown file", async () => {
    const use = positionOf(ziyuanLines, "+ gridDays", "+ ".length + 1);
    const declaration = positionOf(ziyuanLines, "param gridDays", "param ".length);
    const location = await client.definition(ziyuanUri, use);
    expect(location?.uri).toBe(ziyuanUri);
    expect(location?.range.start).toEqual(declaration);
    const references = await client.references(ziyuanUri, use);
    expect(references.length).toBeGreaterThanOrEqual(2);
  });

  it("goes from an alias-qualified call to the imported standard", async () => {
    const use = positionOf(ziyuanLines, "gbt.requiredClass", "gbt.".length + 1);
    const location = await client.definition(ziyuanUri, use);
    expect(location?.uri).toMatch(/policies\/standards\/gbt-35547-2017\.remit$/);
  });

  it("completes the fields a reference leads to", async () => {
    const member = positionOf(ziyuanLines, "h.venue.township", "h.venue.".length);
    const labels = (await client.completion(ziyuanUri, member)).map((item) => item.label);
    expect(labels).toContain("township");
    expect(labels).toContain("gridId");
  });

  it("reports a mistake typed into a rule at its line, with the fix it suggests", async () => {
    const use = positionOf(ziyuanLines, "+ gridDays", "+ ".length);
    const range = { start: use, end: { line: use.line, character: use.character + "gridDays".length } };
    const diagnostics = await client.change(ziyuanUri, range, "gridDayz");
    const first = diagnostics.find((d) => d.range.start.line === use.line);
    expect(first?.range.start).toEqual(use);
    expect(first?.message).toMatch(/gridDayz/);
    expect(first?.message).toMatch(/did you mean 'gridDays'/);
    expect(first?.severity).toBe(1);

    const fixed = await client.change(
      ziyuanUri,
      { start: use, end: { line: use.line, character: use.character + "gridDayz".length } },
      "gridDays",
    );
    expect(fixed).toEqual([]);
  });
});

describe("a Chinese-keyword policy in a Chinese editor", () => {
  let client: StdioClient;
  const lines = zhText.split("\n");
  beforeAll(async () => {
    client = await StdioClient.start({ serverScript, locale: "zh-cn" });
  });
  afterAll(async () => {
    await client.stop();
  });

  it("opens without diagnostics and reports a mistake in Chinese", async () => {
    expect(await client.open(zhUri, zhText)).toEqual([]);
    const at = positionOf(lines, "以内 挂牌期限", "以内 ".length);
    const diagnostics = await client.change(
      zhUri,
      { start: at, end: { line: at.line, character: at.character + 4 } },
      "挂牌期线",
    );
    const unknown = diagnostics.find((d) => d.range.start.line === at.line);
    expect(unknown?.range.start).toEqual(at);
    expect(unknown?.message).toContain("挂牌期线");
    expect(unknown?.message).toContain("是否想写 “挂牌期限”");
    await client.change(
      zhUri,
      { start: at, end: { line: at.line, character: at.character + 4 } },
      "挂牌期限",
    );
  });

  it("hovers a keyword with its English spelling, in Chinese", async () => {
    const hover = await client.hover(zhUri, positionOf(lines, "责任主体", 1));
    const value =
      hover !== null && typeof hover.contents === "object" && "value" in hover.contents
        ? hover.contents.value
        : "";
    expect(value).toContain("英文: `holder`");
  });

  it("completes Chinese keywords and the names in scope", async () => {
    const labels = (await client.completion(zhUri, positionOf(lines, "要求 h", "要求 ".length))).map(
      (i) => i.label,
    );
    expect(labels).toContain("h");
    expect(labels).toContain("挂牌期限");
    expect(labels).toContain("以内");
    expect(labels).not.toContain("within");
  });

  it("formats the document with the language's formatter", async () => {
    const edits = await client.formatting(zhUri);
    expect(edits).toHaveLength(1);
    expect(edits[0]?.newText).toContain('条款 1 "总则"\n  原文 "重大火灾隐患自发现之日起七日内挂牌督办。"');
  });
});
