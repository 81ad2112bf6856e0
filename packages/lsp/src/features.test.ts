import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { documentLanguage, fixFor, normalizePath } from "@remit/lang";
import { describe, expect, it } from "vitest";
import { completionsAt } from "./completion.js";
import { hoverAt } from "./hover.js";
import { languageOfLocale } from "./language.js";
import { definitionAt, referencesAt, renameAt, renameTargetAt } from "./navigation.js";
import { toLsp } from "./server.js";
import { PolicyWorkspace } from "./workspace.js";

const repo = normalizePath(fileURLToPath(new URL("../../..", import.meta.url)));
const ziyuan = `${repo}/policies/ziyuan-2026/policy.remit.md`;
const gbt = `${repo}/policies/standards/gbt-35547-2017.remit`;
const zhPolicy = readFileSync(new URL("testdata/zh/policy.remit", import.meta.url), "utf8");

function diskReader(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function memoryWorkspace(files: Record<string, string>): PolicyWorkspace {
  return new PolicyWorkspace((path) => files[path]);
}

/** The offset of the `nth` (0-based) occurrence of `needle` in `text`, plus `delta`. */
function offsetOf(text: string, needle: string, nth = 0, delta = 1): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' #${nth} not found`);
  }
  return at + delta;
}

describe("a small policy with Chinese keywords", () => {
  const file = "/p/policy.remit";
  const workspace = memoryWorkspace({ [file]: zhPolicy });
  const analysis = workspace.analysisFor(file);

  it("checks without errors and is read as Chinese", () => {
    expect(analysis.diagnostics).toEqual([]);
    expect(documentLanguage(zhPolicy, file)).toBe("zh");
  });

  it("goes from a use of a parameter to its declaration and finds every use", () => {
    const use = offsetOf(zhPolicy, "以内 挂牌期限", 0, 4);
    const definition = definitionAt(analysis, file, use);
    expect(definition?.start.line).toBe(6);
    expect(zhPolicy.slice(definition?.start.offset, definition?.end.offset)).toBe("挂牌期限");
    const references = referencesAt(analysis, file, use, true);
    expect(references.map((s) => s.start.line)).toEqual([6, 20]);
    expect(referencesAt(analysis, file, use, false).map((s) => s.start.line)).toEqual([20]);
  });

  it("resolves a field through the subject variable to the collection's field", () => {
    const use = offsetOf(zhPolicy, "h.发现日期", 0, 3);
    expect(definitionAt(analysis, file, use)?.start.line).toBe(10);
    const hover = hoverAt(analysis, file, use, "zh");
    expect(hover?.markdown).toContain("发现日期: 日期");
  });

  it("hovers a field with the collection it belongs to and its type, in the editor's language", () => {
    const use = offsetOf(zhPolicy, "h.发现日期", 0, 3);
    expect(hoverAt(analysis, file, use, "zh")?.markdown).toContain(
      "`隐患`（火灾隐患）的字段 `发现日期`：日期",
    );
    expect(hoverAt(analysis, file, use, "en")?.markdown).toContain(
      "field `发现日期` of `隐患` (火灾隐患): date",
    );
    const optional = hoverAt(analysis, file, offsetOf(zhPolicy, "h.挂牌日期", 0, 3), "en");
    expect(optional?.markdown).toContain("field `挂牌日期` of `隐患` (火灾隐患): optional date");
  });

  it("hovers a field of an unlabelled record, a labelled field and a navigation name", () => {
    const source = `policy "p"
clause 1 "c"
collection townships { name: text }
record county { name: text "县名" }
collection venues { townshipId -> townships as township "乡镇" }
duty d "d" must cites 1 for each v in venues holder county.name requires v.township.name is set by 2026-01-01
`;
    const policy = "/q/policy.remit";
    const checked = memoryWorkspace({ [policy]: source }).analysisFor(policy);
    expect(checked.diagnostics).toEqual([]);
    const county = hoverAt(checked, policy, offsetOf(source, "county.name", 0, 8), "zh");
    expect(county?.markdown).toContain("`county` 的字段 `name`（县名）：文本");
    const township = hoverAt(checked, policy, offsetOf(source, "v.township", 0, 3), "en");
    expect(township?.markdown).toContain("field `township` of `venues`: an element of `townships`");
    const name = hoverAt(checked, policy, offsetOf(source, "township.name", 0, 10), "en");
    expect(name?.markdown).toContain("field `name` of `townships`: text");
  });

  it("hovers a field of a policy with errors with its type as written", () => {
    const broken = zhPolicy.replace("要求 h.挂牌日期", "要求 h.挂牌日期 + 未声明");
    const policy = "/r/policy.remit";
    const unchecked = memoryWorkspace({ [policy]: broken }).analysisFor(policy);
    expect(unchecked.policy).toBeUndefined();
    const hover = hoverAt(unchecked, policy, offsetOf(broken, "h.发现日期", 0, 3), "en");
    expect(hover?.markdown).toContain("field `发现日期` of `隐患` (火灾隐患): 日期");
  });

  it("hovers a parameter with its default and description, a clause with its text", () => {
    const param = hoverAt(analysis, file, offsetOf(zhPolicy, "以内 挂牌期限", 0, 4), "zh");
    expect(param?.markdown).toContain("参数 挂牌期限: 时长 = 7 天");
    expect(param?.markdown).toContain("重大隐患挂牌督办期限");
    const clause = hoverAt(analysis, file, offsetOf(zhPolicy, "依据 1", 0, 3), "en");
    expect(clause?.markdown).toContain("**1** 总则");
    expect(clause?.markdown).toContain("重大火灾隐患自发现之日起七日内挂牌督办");
  });

  it("hovers a keyword with its spelling in the other language", () => {
    const hover = hoverAt(analysis, file, offsetOf(zhPolicy, "责任主体"), "en");
    expect(hover?.markdown).toContain("`holder`");
    expect(hover?.span.start.line).toBe(18);
  });

  it("completes the fields of the bound collection after a dot", () => {
    const typed = zhPolicy.replace("要求 h.挂牌日期", "要求 h.挂");
    const offset = offsetOf(typed, "要求 h.挂", 0, "要求 h.挂".length);
    const labels = completionsAt(workspace, file, typed, offset, "en").map((c) => c.label);
    expect(labels).toEqual(["级别", "发现日期", "挂牌日期", "id"].filter((l) => labels.includes(l)));
    expect(labels).toContain("挂牌日期");
    expect(labels).not.toContain("必须");
  });

  it("completes Chinese keywords, names in scope and parameters outside a member access", () => {
    const offset = offsetOf(zhPolicy, "要求 h", 0, 3);
    const candidates = completionsAt(workspace, file, zhPolicy, offset, "en");
    const labels = candidates.map((c) => c.label);
    expect(labels).toContain("h");
    expect(labels).toContain("挂牌期限");
    expect(labels).toContain("必须");
    expect(labels).not.toContain("must");
  });

  it("completes clause ids after 依据", () => {
    const typed = zhPolicy.replace("依据 1", "依据 ");
    const offset = offsetOf(typed, "依据 ", 0, 3);
    expect(completionsAt(workspace, file, typed, offset, "zh")).toEqual([
      { label: "1", kind: "clause", detail: "总则" },
    ]);
  });

  it("renames a collection everywhere it is named and refuses a keyword", () => {
    const offset = offsetOf(zhPolicy, "属于 隐患", 0, 4);
    const target = renameTargetAt(analysis, file, offset);
    expect(target.ok && target.span.start.line).toBe(17);
    const result = renameAt(analysis, file, offset, "火灾隐患表");
    expect(result.ok && result.edits.map((e) => e.span.start.line)).toEqual([8, 17]);
    const refused = renameAt(analysis, file, offset, "必须");
    expect(!refused.ok && refused.reason.zh).toBe("“必须”是关键字，不能用作名称");
    const atKeyword = renameTargetAt(analysis, file, offsetOf(zhPolicy, "属于 隐患", 0, 1));
    expect(!atKeyword.ok && atKeyword.reason.en).toBe("'属于' is a keyword: keywords cannot be renamed");
  });

  it("offers the unambiguous fix of a misspelt name", () => {
    const typed = zhPolicy.replace("以内 挂牌期限", "以内 挂牌期线");
    const broken = memoryWorkspace({ [file]: typed }).analysisFor(file);
    const diagnostic = broken.diagnostics.find((d) => d.span.start.line === 20);
    expect(diagnostic?.severity).toBe("error");
    const fix = diagnostic === undefined ? undefined : fixFor(diagnostic, typed);
    expect(fix?.edit.newText).toBe("挂牌期限");
    expect(typed.slice(fix?.edit.span.start.offset, fix?.edit.span.end.offset)).toBe("挂牌期线");
  });

  it("still resolves names while the policy has an error", () => {
    const typed = zhPolicy.replace('责任主体 "资源县人民政府"', "责任主体 未知名称");
    const broken = memoryWorkspace({ [file]: typed }).analysisFor(file);
    expect(broken.policy).toBeUndefined();
    expect(definitionAt(broken, file, offsetOf(typed, "以内 挂牌期限", 0, 4))?.start.line).toBe(6);
  });
});

describe("the Ziyuan policy", () => {
  const workspace = new PolicyWorkspace(diskReader);
  const analysis = workspace.analysisFor(ziyuan);
  const text = analysis.loaded.sources.get(ziyuan) ?? "";

  it("is analysed with its imported standards and no diagnostics", () => {
    expect(analysis.entry).toBe(ziyuan);
    expect([...analysis.loaded.sources.keys()]).toContain(gbt);
    expect(analysis.diagnostics).toEqual([]);
  });

  it("reads an imported module as part of the policy that imports it, also while it is edited", () => {
    const editing = new PolicyWorkspace(diskReader);
    editing.analysisFor(ziyuan);
    expect(editing.entryOf(gbt)).toBe(ziyuan);
    const gbtText = diskReader(gbt) ?? "";
    editing.setDocument(gbt, `${gbtText}\nparam unusedHere: integer = 1\n`);
    expect(editing.entryOf(gbt)).toBe(ziyuan);
    expect(editing.analysisFor(gbt).loaded.sources.get(gbt)).toContain("unusedHere");
    // A module nothing imports is analysed on its own, without the missing-header error.
    expect(editing.entryOf(`${repo}/policies/standards/key-units.remit`)).toBe(ziyuan);
    const alone = memoryWorkspace({ "/s/lib.remit": "param x: integer = 1\n" }).analysisFor("/s/lib.remit");
    expect(alone.standalone).toBe(true);
    expect(alone.diagnostics.map((d) => d.code)).not.toContain("R5009");
  });

  it("goes from an alias-qualified name to its declaration in the imported module", () => {
    const use = offsetOf(text, "gbt.requiredClass", 0, 5);
    const definition = definitionAt(analysis, ziyuan, use);
    expect(definition?.file).toBe(gbt);
    const gbtText = analysis.loaded.sources.get(gbt) ?? "";
    expect(gbtText.slice(definition?.start.offset, definition?.end.offset)).toBe("requiredClass");
  });

  it("goes from an import's path to the module", () => {
    const use = offsetOf(text, '"../standards/gbt-35547-2017.remit"', 0, 3);
    expect(definitionAt(analysis, ziyuan, use)?.file).toBe(gbt);
  });

  it("reports Markdown positions: a cited clause is its heading in the Markdown file", () => {
    const use = offsetOf(text, "cites 2.1.3", 0, 7);
    const definition = definitionAt(analysis, ziyuan, use);
    const headingLine = text.split("\n").findIndex((line) => /^#+ 2\.1\.3 /.test(line)) + 1;
    expect(definition?.start.line).toBe(headingLine);
    expect(hoverAt(analysis, ziyuan, use, "zh")?.markdown).toContain("**2.1.3**");
  });

  it("completes and explains keywords in the remit blocks only, not in the prose", () => {
    const prose = offsetOf(text, "可执行版本", 0, 2);
    expect(completionsAt(workspace, ziyuan, text, prose, "zh")).toEqual([]);
    const inBlock = offsetOf(text, "  warning 30 days", 0, 3);
    expect(hoverAt(analysis, ziyuan, inBlock, "zh")?.markdown).toContain("`预警`");
    expect(completionsAt(workspace, ziyuan, text, inBlock, "zh").map((c) => c.label)).toContain("warning");
  });

  it("finds every reference of a parameter", () => {
    const declaration = offsetOf(text, "param gridDays", 0, 7);
    const references = referencesAt(analysis, ziyuan, declaration, false);
    const uses = [...text.matchAll(/\bgridDays\b/g)].length;
    // The parameter table in the prose mentions it too; the index counts only code.
    expect(references.length).toBeGreaterThan(0);
    expect(references.length).toBeLessThan(uses);
    for (const span of references) expect(text.slice(span.start.offset, span.end.offset)).toBe("gridDays");
  });

  it("completes fields through a reference's navigation name", () => {
    const use = offsetOf(text, "h.venue.", 0, "h.venue.".length);
    const labels = completionsAt(workspace, ziyuan, text, use, "en").map((c) => c.label);
    expect(labels).toContain("township");
  });
});

describe("the editor's locale", () => {
  it("picks Chinese for zh locales and English otherwise", () => {
    expect(languageOfLocale("zh-cn")).toBe("zh");
    expect(languageOfLocale("zh-TW")).toBe("zh");
    expect(languageOfLocale("en-us")).toBe("en");
    expect(languageOfLocale(undefined)).toBe("en");
  });
});

describe("related locations", () => {
  it("are sent as relatedInformation, in the editor's language, with the file's URI", () => {
    const file = "/p/policy.remit";
    const duty = 'duty same "t"\n  must\n  cites 1\n  holder "h"\n  requires true\n  by 2026-12-31\n';
    const diagnostics = memoryWorkspace({ [file]: `policy "p"\nclause 1 "c"\n${duty}${duty}` }).analysisFor(
      file,
    ).diagnostics;
    const duplicate = diagnostics.find((d) => d.code === "R5001");
    if (duplicate === undefined) throw new Error("no duplicate rule reported");
    expect(toLsp(duplicate, "zh", (path) => `file://${path}`).relatedInformation).toEqual([
      {
        location: {
          uri: "file:///p/policy.remit",
          range: { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } },
        },
        message: "首次定义于此",
      },
    ]);
    expect(toLsp(duplicate, "en").relatedInformation?.[0]?.message).toBe("first defined here");
  });
});
