import { keywords } from "@remit/lang";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPolicy, evaluateText, runScenarios } from "./evaluate.js";
import { keywordStyles, remitLanguage } from "./highlight.js";
import { applyState, bundledWorkspace, changesFrom, decodeState, encodeState } from "./workspace.js";

/** The style names a line of Remit is highlighted with, token by token. */
function styles(text: string): string[] {
  const names: string[] = [];
  remitLanguage()
    .parser.parse(text)
    .iterate({
      enter: (node) => {
        if (node.type.isTop) return;
        names.push(`${text.slice(node.from, node.to)}:${node.type.name}`);
      },
    });
  return names;
}

describe("highlighting", () => {
  it("styles every spelling of every keyword in the table", () => {
    const table = keywordStyles();
    for (const entry of keywords) {
      for (const spelling of [...entry.en, ...entry.zh]) expect(table.has(spelling), spelling).toBe(true);
    }
  });

  it("styles declarations, modalities, types and units by their group in the table", () => {
    expect(styles('duty listing "挂牌"')).toEqual([
      "duty:definitionKeyword",
      "listing:variableName",
      '"挂牌":string',
    ]);
    expect(styles("职责 挂牌 必须")).toEqual([
      "职责:definitionKeyword",
      "挂牌:variableName",
      "必须:modifier",
    ]);
    expect(styles("param d: duration = 15 天 # 期限")).toEqual([
      "param:definitionKeyword",
      "d:variableName",
      "duration:typeName",
      "=:operator",
      "15:number",
      "天:unit",
      "# 期限:lineComment",
    ]);
    // A keyword glued to a name is a name, as the lexer reads it; so is a hyphenated rule id.
    expect(styles("属于群众 fire-accountability")).toEqual([
      "属于群众:variableName",
      "fire-accountability:variableName",
    ]);
  });
});

describe("the link's state", () => {
  const base = bundledWorkspace();

  it("round-trips any edits, date and language through the URL hash", () => {
    const paths = Object.keys(base.files);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.option(fc.string({ unit: "grapheme", maxLength: 50 }), { nil: undefined }),
        fc.constantFrom("zh" as const, "en" as const),
        (path, text, asOf, lang) => {
          const files = { ...base.files, [path]: text };
          const state = changesFrom(base, files, base.facts, asOf, lang);
          const decoded = decodeState(encodeState(state));
          expect(decoded).toEqual(state);
          expect(applyState(base, decoded).files).toEqual(files);
        },
      ),
    );
  });

  it("keeps an unedited link short and ignores a damaged one", () => {
    const hash = encodeState(changesFrom(base, base.files, base.facts, undefined, "zh"));
    expect(hash.length).toBeLessThan(80);
    expect(decodeState("#s=not-lz-string")).toBeUndefined();
    expect(decodeState("#other")).toBeUndefined();
  });
});

describe("the bundled workspace", () => {
  const workspace = bundledWorkspace();
  const checked = checkPolicy(workspace.files, workspace.entry);

  it("holds the Ziyuan plan with every file it imports, which checks without errors", () => {
    expect(Object.keys(workspace.files)).toContain("policies/ziyuan-2026/policy.remit.md");
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(checked.policy).toBeDefined();
  });

  it("evaluates the example county on its own date, or the date picked", () => {
    if (checked.policy === undefined) throw new Error("the policy did not compile");
    const own = evaluateText(checked.policy, workspace.facts, undefined);
    expect("outcome" in own && "result" in own.outcome && own.outcome.result.asOf).toBe("2026-11-28");
    const picked = evaluateText(checked.policy, workspace.facts, "2026-06-30");
    expect("outcome" in picked && "result" in picked.outcome && picked.outcome.result.asOf).toBe(
      "2026-06-30",
    );
    const broken = evaluateText(checked.policy, '{"asOf": ', undefined);
    expect("problem" in broken && broken.problem.kind).toBe("not-json");
    expect(evaluateText(checked.policy, "{}", undefined)).toEqual({ problem: { kind: "no-date" } });
  });

  it("runs every scenario of the Ziyuan tests, and they pass", () => {
    if (checked.policy === undefined) throw new Error("the policy did not compile");
    const runs = runScenarios(checked.policy, workspace);
    expect(runs.length).toBe(workspace.scenarios.length);
    expect(runs.length).toBeGreaterThan(50);
    expect(runs.filter((r) => r.failures.length > 0)).toEqual([]);
  });
});
