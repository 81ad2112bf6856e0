/**
 * The server driven over standard input and output as an editor drives it. It runs the built
 * server (`dist/bin.js`, made by `tsc -b`, which `pnpm install` runs).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CancellationTokenSource, type Hover, type TextEdit } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { StdioClient } from "./client.js";

const serverScript = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const ziyuanPath = fileURLToPath(new URL("../../../policies/ziyuan-2026/policy.remit.md", import.meta.url));
const ziyuanUri = pathToFileURL(ziyuanPath).href;
const ziyuanText = readFileSync(ziyuanPath, "utf8");
const ziyuanLines = ziyuanText.split("\n");
const zhPath = fileURLToPath(new URL("testdata/zh/policy.remit", import.meta.url));
const zhUri = pathToFileURL(zhPath).href;
const zhText = readFileSync(zhPath, "utf8");

const exampleDir = fileURLToPath(new URL("../../../examples/every-construct/", import.meta.url));
const examplePath = `${exampleDir}policy.remit.md`;
const exampleUri = pathToFileURL(examplePath).href;
const exampleText = readFileSync(examplePath, "utf8");
const exampleLines = exampleText.split("\n");
const standardUri = pathToFileURL(`${exampleDir}standard.remit`).href;

/** The Markdown of a hover, or "" when there is none. */
function markdownOf(hover: Hover | null): string {
  return hover !== null && typeof hover.contents === "object" && "value" in hover.contents
    ? hover.contents.value
    : "";
}

/** `text` with `edits` (protocol ranges in `text`) applied. */
function applied(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x", "remit", 1, text), [...edits]);
}

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

  it("hovers a field with the collection it belongs to, in English", async () => {
    const value = markdownOf(await client.hover(ziyuanUri, positionOf(ziyuanLines, "of h.foundOn", 6)));
    expect(value).toContain("field `foundOn` (发现日期) of `hazards` (火灾隐患): date");
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

describe("the every-construct example (Chinese keywords, .remit.md) in a Chinese editor", () => {
  let client: StdioClient;
  const lines = exampleLines;
  beforeAll(async () => {
    client = await StdioClient.start({ serverScript, locale: "zh-CN" });
    expect(await client.open(exampleUri, exampleText, "markdown")).toEqual([]);
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  it("explains a keyword: its English spelling and what it means", async () => {
    const value = markdownOf(await client.hover(exampleUri, positionOf(lines, "  必须", 3)));
    expect(value).toContain("关键字 `必须`");
    expect(value).toContain("英文: `must`");
    expect(value).toContain("约束程度：义务");
  });

  it("hovers a field with the collection it belongs to, in Chinese", async () => {
    const value = markdownOf(await client.hover(exampleUri, positionOf(lines, "自 h.发现日期", 4)));
    expect(value).toContain("`隐患`（火灾隐患）的字段 `发现日期`：日期");
  });

  it("hovers a cited clause id with the clause's heading and text from the Markdown", async () => {
    const cited = positionOf(lines, "依据 2.1.3", "依据 ".length + 1);
    const value = markdownOf(await client.hover(exampleUri, cited));
    expect(value).toContain("**2.1.3** 建立常态化基层火灾防控机制");
    expect(value).toContain("定期开展消防安全形势分析研判");
    const heading = positionOf(lines, "### 2.1.3", "### ".length);
    expect((await client.definition(exampleUri, cited))?.range.start).toEqual(heading);
    const references = await client.references(exampleUri, cited);
    expect(references.length).toBeGreaterThanOrEqual(4);
    expect(references.every((r) => r.uri === exampleUri)).toBe(true);
  });

  it("goes from any part of an 导入 line to the imported file", async () => {
    for (const column of [0, "导入 ".length + 2, '导入 "./standard.remit" 作'.length]) {
      const location = await client.definition(
        exampleUri,
        positionOf(lines, '导入 "./standard.remit"', column),
      );
      expect(location?.uri).toBe(standardUri);
    }
  });

  it("goes from a parameter of the imported module to its declaration there, and hovers its value", async () => {
    const use = positionOf(lines, "标准.兼职最少人数", "标准.".length + 1);
    const location = await client.definition(exampleUri, use);
    expect(location?.uri).toBe(standardUri);
    const value = markdownOf(await client.hover(exampleUri, use));
    expect(value).toContain("参数 兼职最少人数: 整数 [人] = 8");
    expect(value).toContain("兼职消防队最少队员人数");
  });

  it("completes the fields of the bound collection after `h.` in 对于 每个 h 属于 隐患", async () => {
    const at = positionOf(lines, "满足 h.等级 属于 需督办等级", "满足 h.".length);
    await client.change(exampleUri, { start: at, end: { line: at.line, character: at.character + 2 } }, "");
    const labels = (await client.completion(exampleUri, at)).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(["等级", "发现日期", "所在场所", "挂牌日期"]));
    expect(labels).not.toContain("名称"); // a field of 乡镇, not of 隐患
    expect(await client.change(exampleUri, { start: at, end: at }, "等级")).toEqual([]);
  });

  it("completes Chinese keywords only, parameters, and clause ids after 依据", async () => {
    const inRule = positionOf(lines, "  要求 h.挂牌日期", "  要求 ".length);
    const labels = (await client.completion(exampleUri, inRule)).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(["挂牌期限", "目标日期", "必须", "以内", "属于"]));
    expect(labels).not.toContain("must");
    expect(labels).not.toContain("within");
    const cites = positionOf(lines, "依据 2.1.1", "依据 ".length);
    const ids = (await client.completion(exampleUri, cites)).map((item) => item.label);
    expect(ids).toEqual(["1", "2.1.1", "2.1.3", "2.2.1", "2.2.2", "2.3.1", "2.3.3", "3.2", "3.3"]);
  });

  it("renames a parameter at its Markdown positions, and refuses keywords in Chinese", async () => {
    const declared = positionOf(lines, "参数 挂牌期限", "参数 ".length + 1);
    const prepared = await client.prepareRename(exampleUri, declared);
    expect(prepared).toEqual({
      start: { line: declared.line, character: declared.character - 1 },
      end: { line: declared.line, character: declared.character + 3 },
    });
    const edit = await client.rename(exampleUri, declared, "挂牌时限");
    const edits = edit?.changes?.[exampleUri] ?? [];
    expect(edits.map((e) => e.range.start)).toEqual([
      { line: declared.line, character: declared.character - 1 },
      positionOf(lines, "以内 挂牌期限", "以内 ".length),
    ]);
    const renamed = applied(exampleText, edits);
    expect(renamed).not.toBe(exampleText);
    expect(renamed.replaceAll("挂牌时限", "挂牌期限")).toBe(exampleText);

    await expect(client.prepareRename(exampleUri, positionOf(lines, "  必须", 3))).rejects.toThrow(
      "“必须”是关键字，关键字不能重命名",
    );
    await expect(client.rename(exampleUri, declared, "以内")).rejects.toThrow("“以内”是关键字，不能用作名称");
  });

  it("offers the fix of a misspelt field at its Markdown position, and the fix clears it", async () => {
    const at = positionOf(lines, "满足 h.等级 属于 需督办等级", "满足 h.".length);
    const range = { start: at, end: { line: at.line, character: at.character + 2 } };
    const diagnostics = await client.change(exampleUri, range, "等极");
    const misspelt = diagnostics.find((d) => d.range.start.line === at.line);
    expect(misspelt?.range).toEqual(range);
    expect(misspelt?.message).toContain("是否想写 “等级”");
    const actions = await client.codeActions(exampleUri, range, diagnostics);
    const [fix] = actions;
    expect(actions).toHaveLength(1);
    expect(fix !== undefined && "kind" in fix && fix.title).toBe("将“等极”改为“等级”");
    // The action names the diagnostic as the editor shows it, so the editor links the two.
    expect(fix !== undefined && "diagnostics" in fix && fix.diagnostics).toEqual([misspelt]);
    const edits = fix !== undefined && "edit" in fix ? (fix.edit?.changes?.[exampleUri] ?? []) : [];
    expect(edits).toEqual([{ range, newText: "等级" }]);
    expect(await client.change(exampleUri, range, "等级")).toEqual([]);
  });

  it("formats only the code that needs it, leaving the prose and the rest untouched", async () => {
    const line = positionOf(lines, "参数 挂牌期限").line;
    const messy = '参数   挂牌期限:时长=1 周   "重大隐患挂牌督办期限"';
    const tidy = lines[line] ?? "";
    await client.change(
      exampleUri,
      { start: { line, character: 0 }, end: { line, character: tidy.length } },
      messy,
    );
    const edits = await client.formatting(exampleUri);
    const messyLine = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
    expect(edits).toEqual([{ range: messyLine, newText: `${tidy}\n` }]);
    await client.change(exampleUri, messyLine, `${tidy}\n`);
    expect(await client.formatting(exampleUri)).toEqual([]);
  });
});

describe("the every-construct example in an English editor", () => {
  let client: StdioClient;
  beforeAll(async () => {
    client = await StdioClient.start({ serverScript, locale: "en", debounceMs: 200 });
    expect(await client.open(exampleUri, exampleText, "markdown")).toEqual([]);
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  it("reports a mistake in a Chinese-keyword policy in English", async () => {
    const at = positionOf(exampleLines, "  对于 每个 h 属于 隐患 满足 h.等级 属于", 2);
    const range = { start: at, end: { line: at.line, character: at.character + 2 } };
    const diagnostics = await client.change(exampleUri, range, "对每个");
    const missing = diagnostics.find((d) => d.code === "R2012");
    expect(missing?.range.start).toEqual(at);
    expect(missing?.message).toMatch(/^[\x20-\x7e“”"'‘’对于每个\n]+$/u);
    expect(missing?.message).toContain("对于 每个");
    const restored = { start: at, end: { line: at.line, character: at.character + 3 } };
    expect(await client.change(exampleUri, restored, "对于")).toEqual([]);
  });

  it("debounces: edits typed faster than the delay are checked once, as they end", async () => {
    const at = positionOf(exampleLines, "以内 挂牌期限", "以内 ".length);
    const name = { start: at, end: { line: at.line, character: at.character + 4 } };
    const published = client.nextDiagnostics(exampleUri);
    await client.edit(exampleUri, name, "挂牌期线");
    await client.edit(exampleUri, name, "挂牌期限");
    // The first diagnostics after the misspelling already reflect its correction.
    expect(await published).toEqual([]);
  });

  it("explains a Chinese keyword in English, and an English one in the Ziyuan policy", async () => {
    const value = markdownOf(await client.hover(exampleUri, positionOf(exampleLines, "  必须", 3)));
    expect(value).toContain("keyword `必须`");
    expect(value).toContain("English: `must`");
    expect(value).toContain('an obligation ("shall")');
    await client.open(ziyuanUri, ziyuanText, "markdown");
    const must = markdownOf(await client.hover(ziyuanUri, positionOf(ziyuanLines, "  must", 3, 300)));
    expect(must).toContain("Chinese: `必须`");
    expect(must).toContain("obligation");
  });

  it("goes from an import line of the Ziyuan policy to the imported standard", async () => {
    const line = positionOf(ziyuanLines, 'import "../standards/gbt-35547-2017.remit" as gbt');
    for (const column of [1, 'import "../standards/gbt-35547-2017.remit" a'.length]) {
      const location = await client.definition(ziyuanUri, { line: line.line, character: column });
      expect(location?.uri).toMatch(/policies\/standards\/gbt-35547-2017\.remit$/);
      expect(location?.range.start).toEqual({ line: 0, character: 0 });
    }
  });

  it("offers a quick fix for what a message says to write instead, and the fixes clear them", async () => {
    const uri = "file:///nowhere/fixes/policy.remit";
    const text = [
      'policy "P"',
      'clause 1 "hazards are listed"',
      "collection hazards { foundOn: date  level: text  listedOn: optional date }",
      'duty listing "hazards are listed"',
      "  must",
      "  cites 1",
      '  for each h in hazards where h.level == "major"',
      '  holder "township"',
      "  requires h.listedOn",
      "  by 2026/6/30",
      "",
    ].join("\n");
    const diagnostics = await client.open(uri, text);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(["R1007", "R2011"]);
    const all = { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } };
    const actions = await client.codeActions(uri, all, diagnostics);
    const titles = actions.map((a) => a.title);
    expect(titles).toEqual(["Change '==' to '='", "Change '2026/6/30' to '2026-06-30'"]);
    expect(await client.codeActions(uri, all, diagnostics, ["quickfix"])).toEqual(actions);
    expect(await client.codeActions(uri, all, diagnostics, ["source.organizeImports"])).toEqual([]);
    const edits = actions.flatMap((a) => ("edit" in a ? (a.edit?.changes?.[uri] ?? []) : []));
    const fixed = applied(text, edits);
    expect(fixed).toContain('where h.level = "major"');
    const range = { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } };
    expect(await client.change(uri, range, fixed)).toEqual([]);
  });

  it("formats a CRLF document keeping its line breaks, line by line", async () => {
    for (const uri of ["file:///nowhere/crlf.remit", "file:///nowhere/crlf.remit.md"]) {
      const code = ['policy "P"', "param   limit:integer=1", "param other: integer = 2", ""].join("\r\n");
      const text = uri.endsWith(".md") ? `# P\r\n\r\nProse.\r\n\r\n\`\`\`remit\r\n${code}\`\`\`\r\n` : code;
      await client.open(uri, text, uri.endsWith(".md") ? "markdown" : "remit");
      const edits = await client.formatting(uri);
      const line = text.split("\r\n").indexOf("param   limit:integer=1");
      expect(edits).toEqual([
        {
          range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
          newText: "param limit: integer = 1\r\n",
        },
      ]);
    }
  });

  it("hovers a clause id cited in the Ziyuan policy with the clause's text", async () => {
    const value = markdownOf(await client.hover(ziyuanUri, positionOf(ziyuanLines, "cites 2.1.3", 7)));
    expect(value).toContain("**2.1.3** 建立常态化基层火灾防控机制");
    expect(value).toContain("*clause*");
  });
});

describe("bad input", () => {
  let client: StdioClient;
  const garbageUri = pathToFileURL("/tmp/remit-lsp-garbage/policy.remit").href;
  beforeAll(async () => {
    client = await StdioClient.start({ serverScript, locale: "en", debounceMs: 0 });
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  it("checks a megabyte of garbage, sending a bounded number of diagnostics", async () => {
    const pieces = [
      "abc",
      " ",
      "中文",
      "(",
      "]",
      "{",
      '"',
      "“",
      "：",
      "，",
      "must",
      "必须",
      "1.5",
      "2026-01-01",
      "\n",
      "→",
      "天",
    ];
    let seed = 7;
    let garbage = "";
    while (garbage.length < 1_000_000) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      garbage += pieces[seed % pieces.length];
    }
    const diagnostics = await client.open(garbageUri, garbage);
    expect(diagnostics.length).toBe(1000);
    expect(diagnostics[0]?.range.start.line).toBe(0);
    expect(await client.hover(garbageUri, { line: 10, character: 2 })).not.toBeUndefined();
    expect(await client.completion(garbageUri, { line: 10, character: 2 })).toBeInstanceOf(Array);
  }, 60_000);

  it("answers requests about an unknown document with nothing", async () => {
    const unknown = "file:///nowhere/policy.remit";
    const at = { line: 0, character: 0 };
    expect(await client.hover(unknown, at)).toBeNull();
    expect(await client.definition("untitled:Untitled-1", at)).toBeUndefined();
    expect(await client.references(unknown, at)).toEqual([]);
    expect(await client.completion(unknown, at)).toEqual([]);
    expect(await client.formatting(unknown)).toEqual([]);
    expect(await client.codeActions(unknown, { start: at, end: at }, [])).toEqual([]);
  });

  it("ignores a change to a document that was never opened", async () => {
    const never = "file:///nowhere/never-opened.remit";
    await client.edit(
      never,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      'policy "P"',
    );
    expect(await client.hover(never, { line: 0, character: 1 })).toBeNull();
  });

  it("answers a request cancelled while it waits as cancelled, and goes on serving", async () => {
    const busy = client.formatting(garbageUri);
    const source = new CancellationTokenSource();
    const waiting = client.completion(garbageUri, { line: 10, character: 2 }, source.token);
    source.cancel();
    await expect(waiting).rejects.toMatchObject({ code: -32800 });
    await busy;
    const uri = "file:///nowhere/after.remit";
    const diagnostics = await client.open(uri, 'policy "P"\nparam limit: integer = 1\n');
    expect(diagnostics.map((d) => d.code)).toEqual(["R3012"]);
  }, 60_000);
});
