import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { coveragePath, renderCoverage } from "./coverage.js";
import { notCheckableSentence, outlinePolicy } from "./src/policy-outline.js";
import { loadScenarios, repoRoot } from "./src/scenarios.js";

const clauseIds = [
  "1",
  "2.1.1",
  "2.1.2",
  "2.1.3",
  "2.2.1",
  "2.2.2",
  "2.3.1",
  "2.3.2",
  "2.3.3",
  "2.3.4",
  "3.1",
  "3.2",
  "3.3",
];
const outline = outlinePolicy(
  readFileSync(new URL("policies/ziyuan-2026/policy.remit.md", repoRoot), "utf8"),
);

describe("docs/ziyuan-coverage.md", () => {
  it("is up to date (regenerate with: pnpm --filter @remit/tests-ziyuan coverage)", () => {
    expect(readFileSync(coveragePath, "utf8")).toBe(renderCoverage());
  });
});

describe("the policy outline", () => {
  it("declares every clause of the plan, in order", () => {
    expect(outline.clauses.map((c) => c.id)).toEqual(clauseIds);
  });

  it("cites only declared clauses, and gives rules unique ids", () => {
    for (const rule of outline.rules) for (const id of rule.cites) expect(clauseIds).toContain(id);
    expect(new Set(outline.rules.map((r) => r.id)).size).toBe(outline.rules.length);
  });

  it("gives each clause rules, or the reason it has none", () => {
    for (const clause of outline.clauses) {
      const rules = outline.rules.filter((r) => r.cites.includes(clause.id));
      if (rules.length === 0) expect(notCheckableSentence(clause.prose), clause.id).toBeDefined();
    }
  });

  it("uses every modality", () => {
    expect(new Set(outline.rules.map((r) => r.modality))).toEqual(new Set(["must", "should", "may"]));
  });

  it("has every rule named by a scenario expectation, and every clause with rules declared by a scenario", () => {
    const scenarios = loadScenarios();
    const named = new Set(
      scenarios.flatMap((s) => [...(s.expect ?? []), ...(s.expectNoFinding ?? [])].map((p) => p.rule)),
    );
    for (const rule of outline.rules) expect(named, rule.id).toContain(rule.id);
    const declared = new Set(scenarios.flatMap((s) => s.clauses));
    for (const clause of outline.clauses) {
      if (outline.rules.some((r) => r.cites.includes(clause.id)))
        expect(declared, clause.id).toContain(clause.id);
    }
    for (const scenario of scenarios) {
      for (const pattern of [...(scenario.expect ?? []), ...(scenario.expectNoFinding ?? [])]) {
        expect(
          outline.rules.map((r) => r.id),
          `${scenario.id} names an unknown rule`,
        ).toContain(pattern.rule);
      }
    }
  });
});

describe("the outline reader", () => {
  it("skips commented-out rules and reads Chinese keywords", () => {
    const text = [
      "## 9.9 测试",
      "",
      "不可机器判定：只是示例。",
      "",
      "```remit",
      '# duty hidden-rule "x" must cites 9.9',
      '职责 shown-rule "甲" 宜 依据 9.9, 1',
      '职责 must-rule "乙" 应当 依据 9.9',
      "```",
    ].join("\n");
    const o = outlinePolicy(text);
    expect(o.rules).toEqual([
      { kind: "duty", id: "shown-rule", title: "甲", modality: "should", cites: ["9.9", "1"] },
      { kind: "duty", id: "must-rule", title: "乙", modality: "must", cites: ["9.9"] },
    ]);
    expect(notCheckableSentence(o.clauses[0]!.prose)).toBe("不可机器判定：只是示例。");
  });
});
