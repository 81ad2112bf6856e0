import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { keywords } from "@remit/lang";
import { beforeAll, describe, expect, it } from "vitest";
import { loadWASM, OnigScanner, OnigString } from "vscode-oniguruma";
import { type IGrammar, INITIAL, type IRawGrammar, parseRawGrammar, Registry } from "vscode-textmate";
import { grammarJson, remitGrammar } from "./grammar.js";
import { grammarFiles } from "./grammar-files.js";

describe("the committed grammars", () => {
  it("are what the generator writes from the keyword table (run `pnpm --filter remit-vscode grammar`)", () => {
    for (const { url, text } of grammarFiles()) expect(readFileSync(url, "utf8"), url.pathname).toBe(text);
  });

  it("mention every keyword spelling", () => {
    const grammar = grammarJson(remitGrammar());
    for (const entry of keywords) {
      for (const spelling of [...entry.en, ...entry.zh]) expect(grammar, entry.name).toContain(spelling);
    }
  });
});

/** Tokenizes `lines`; the lookup gives the scopes at the first whole-word occurrence of a text. */
function tokenize(grammar: IGrammar, lines: readonly string[]): (needle: string) => string[] {
  const tokens: { line: number; start: number; end: number; scopes: string[] }[] = [];
  let stack = INITIAL;
  for (const [line, text] of lines.entries()) {
    const result = grammar.tokenizeLine(text, stack);
    for (const token of result.tokens) {
      tokens.push({ line, start: token.startIndex, end: token.endIndex, scopes: token.scopes });
    }
    stack = result.ruleStack;
  }
  return (needle) => {
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const word = new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, "u");
    for (const [line, text] of lines.entries()) {
      const match = word.exec(text);
      if (match === null) continue;
      const token = tokens.find((t) => t.line === line && t.start <= match.index && match.index < t.end);
      return token === undefined ? [] : token.scopes;
    }
    throw new Error(`'${needle}' not found`);
  };
}

const raw = (text: string, name: string): IRawGrammar => parseRawGrammar(text, name);

describe("tokenizing with vscode-textmate", () => {
  let remit: IGrammar;
  let markdown: IGrammar;

  beforeAll(async () => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
    await loadWASM(wasm);
    const [remitFile, injectionFile] = grammarFiles();
    if (remitFile === undefined || injectionFile === undefined) throw new Error("grammar files missing");
    // A host grammar standing in for VS Code's Markdown: the injection brings the ```remit blocks.
    const markdownHost = JSON.stringify({ scopeName: "text.html.markdown", patterns: [] });
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
        createOnigString: (text: string) => new OnigString(text),
      }),
      loadGrammar: async (scopeName) => {
        if (scopeName === "source.remit") return raw(remitFile.text, "remit.tmLanguage.json");
        if (scopeName === "markdown.remit.codeblock")
          return raw(injectionFile.text, "remit.markdown.tmLanguage.json");
        if (scopeName === "text.html.markdown") return raw(markdownHost, "markdown.json");
        return null;
      },
      getInjections: (scopeName) =>
        scopeName === "text.html.markdown" ? ["markdown.remit.codeblock"] : undefined,
    });
    const loadedRemit = await registry.loadGrammar("source.remit");
    const loadedMarkdown = await registry.loadGrammar("text.html.markdown");
    if (loadedRemit === null || loadedMarkdown === null) throw new Error("grammar not loaded");
    remit = loadedRemit;
    markdown = loadedMarkdown;
  });

  it("scopes English and Chinese keywords alike", () => {
    const scopeAt = tokenize(remit, [
      'duty major-hazard-listing "重大火灾隐患挂牌督办"',
      "  must",
      "  for each h in hazards where h.level is set",
      '职责 重大隐患挂牌 "重大火灾隐患挂牌督办"',
      "  必须",
      "  对于 每个 h 属于 hazards 满足 h.level 有值",
    ]);
    expect(scopeAt("duty")).toContain("storage.type.declaration.remit");
    expect(scopeAt("职责")).toContain("storage.type.declaration.remit");
    expect(scopeAt("must")).toContain("keyword.other.modality.remit");
    expect(scopeAt("必须")).toContain("keyword.other.modality.remit");
    expect(scopeAt("for")).toContain("keyword.control.remit");
    expect(scopeAt("对于")).toContain("keyword.control.remit");
    expect(scopeAt("in")).toContain("keyword.operator.expression.remit");
    expect(scopeAt("属于")).toContain("keyword.operator.expression.remit");
    expect(scopeAt("有值")).toContain("keyword.operator.expression.remit");
    expect(scopeAt('"重大火灾隐患挂牌督办"')).toContain("string.quoted.double.remit");
    expect(scopeAt("hazards")).toEqual(["source.remit"]);
  });

  it("does not take a keyword glued to a name for a keyword", () => {
    const scopeAt = tokenize(remit, ["  对于 每个 r 属于群众举报"]);
    expect(scopeAt("属于群众举报")).toEqual(["source.remit"]);
  });

  it("scopes dates, durations in both languages, numbers and comments", () => {
    const scopeAt = tokenize(remit, [
      "param targetDate: date = 2026-12-31 # the overall deadline",
      "param gridDays: duration = 15 days",
      "参数 挂牌期限: 时长 = 7 天",
      "  以内 6 个月 自 h.foundOn",
      "param members: integer = 8",
    ]);
    expect(scopeAt("2026-12-31")).toContain("constant.numeric.date.remit");
    expect(scopeAt("# the overall deadline")).toContain("comment.line.number-sign.remit");
    expect(scopeAt("15")).toContain("constant.numeric.duration.remit");
    expect(scopeAt("days")).toContain("keyword.other.unit.remit");
    expect(scopeAt("7")).toContain("constant.numeric.duration.remit");
    expect(scopeAt("天")).toContain("keyword.other.unit.remit");
    expect(scopeAt("个月")).toContain("keyword.other.unit.remit");
    expect(scopeAt("8")).toContain("constant.numeric.remit");
    expect(scopeAt("时长")).toContain("support.type.remit");
  });

  it("highlights ```remit blocks inside Markdown and leaves the prose alone", () => {
    const scopeAt = tokenize(markdown, [
      "# 参数",
      "",
      "期限 必须 写明。",
      "```remit",
      "参数 gridDays: 时长 = 15 天",
      "```",
      "参数 after the block",
    ]);
    expect(scopeAt("15")).toContain("constant.numeric.duration.remit");
    expect(scopeAt("15")).toContain("meta.embedded.block.remit");
    expect(scopeAt("期限 必须 写明。")).toEqual(["text.html.markdown"]);
    expect(scopeAt("参数 after the block")).toEqual(["text.html.markdown"]);
  });
});
