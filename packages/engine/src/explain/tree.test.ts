import { describe, expect, it } from "vitest";
import type { Because, EvaluationResult, Finding } from "../result.js";
import { countyFacts } from "../testing/county.js";
import { countyPolicyCompiled, evaluateOk, findingOf } from "../testing/helpers.js";
import { renderExplanation } from "./render.js";

const result = evaluateOk(countyPolicyCompiled(), countyFacts());

function depthOf(b: Because): number {
  return 1 + Math.max(0, ...(b.because ?? []).map(depthOf));
}

function everyNode(b: Because, visit: (b: Because) => void): void {
  visit(b);
  for (const inner of b.because ?? []) everyNode(inner, visit);
}

describe("explanation trees", () => {
  it("descend into a definition call and show the fact values its body read", () => {
    const finding = findingOf(result, "township-organised", "T03")!;
    const hasTeam = finding.explanation.because[0]!;
    expect(hasTeam).toMatchObject({ test: "hasTeam(t)", value: false, values: { t: "T03" } });
    expect(hasTeam.because?.map((b) => [b.test, b.value])).toEqual([
      ['t.team.kind != "无"', false],
      ["t.team.establishedOn is set", false],
    ]);
    expect(hasTeam.because?.[0]?.values).toEqual({ "t.team.kind": "无" });
  });

  it("summarise an aggregate by its elements and those that decided it", () => {
    const finding = findingOf(result, "township-organised", "T03")!;
    const all = finding.explanation.because[1]!;
    expect(all.test).toBe("all(v in t.villages : v.firePactOn is set)");
    expect(all.values?.elements).toBeTypeOf("number");
    expect(all.values?.failing).toEqual([]);
  });

  it("render the deciding values in English and Chinese (a finding without sentences)", () => {
    // The tree is what a finding made by hand shows; the engine's own show their sentences.
    const treeOnly = (f: Finding): Finding => {
      const { text: _text, ...tree } = f.explanation;
      return { ...f, explanation: tree };
    };
    const finding = treeOnly(findingOf(result, "fire-accountability", "F0201")!);
    const en = renderExplanation(finding, "en");
    expect(en).toContain("- no team: yes\n  - not hasTeam(t): yes\n    - hasTeam(t): no\n        t = ");
    const zh = renderExplanation(treeOnly(findingOf(result, "township-organised", "T03")!), "zh");
    expect(zh).toContain(
      '- hasTeam(t): 否\n    t = T03\n  - t.team.kind != "无": 否\n      t.team.kind = 无',
    );
    expect(zh).toContain("不满足的 = —");
  });

  it("stay within four levels and eight children per condition", () => {
    for (const finding of result.findings)
      for (const b of finding.explanation.because) {
        expect(depthOf(b)).toBeLessThanOrEqual(4);
        everyNode(b, (node) => expect((node.because ?? []).length).toBeLessThanOrEqual(9));
      }
  });
});

describe("explanations built on first read", () => {
  const json = (r: EvaluationResult): string => JSON.stringify(r);

  it("print in full, last among a finding's fields, and the same on every evaluation", () => {
    const again = evaluateOk(countyPolicyCompiled(), countyFacts());
    const text = json(again);
    expect(text).toBe(json(result));
    const finding = JSON.parse(JSON.stringify(findingOf(again, "township-organised", "T03"))) as Finding;
    expect(Object.keys(finding).at(-1)).toBe("explanation");
    expect(finding.explanation.because.length).toBe(2);
  });

  it("are plain data to spreads, clones and key listings, with nothing else visible", () => {
    const finding = findingOf(result, "fire-accountability", "F0201")!;
    expect({ ...finding }.explanation).toEqual(finding.explanation);
    expect(structuredClone(finding)).toEqual({ ...finding });
    expect(Object.keys(finding)).toContain("explanation");
    expect(Object.getOwnPropertySymbols({ ...finding })).toEqual([]);
    // Read twice, the same object: built once.
    expect(finding.explanation).toBe(finding.explanation);
  });

  it("judge a recurring duty's explanation in its own period", () => {
    const periods = result.findings.filter((f) => f.rule === "county-analysis");
    expect(periods.length).toBeGreaterThan(1);
    expect(new Set(periods.map((f) => f.metOn ?? null)).size).toBeGreaterThan(1);
    for (const f of periods) expect(f.explanation.because[0]!.value).toBe(f.metOn ?? null);
  });
});
