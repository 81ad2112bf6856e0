import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countyFacts } from "../testing/county.js";
import { countyPolicyCompiled, evaluateOk } from "../testing/helpers.js";

const policy = countyPolicyCompiled();

function shuffled<T>(items: readonly T[], order: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, rank: order[i % order.length]! * 1000 + i }))
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.item);
}

describe("determinism", () => {
  it("gives byte-identical output for the same input", () => {
    const first = JSON.stringify(evaluateOk(policy, countyFacts()));
    const second = JSON.stringify(evaluateOk(policy, countyFacts()));
    expect(second).toBe(first);
    expect(JSON.parse(first).policy.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not depend on the order of the facts' elements", () => {
    const reference = JSON.stringify(evaluateOk(policy, countyFacts()));
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 1, maxLength: 8 }), (order) => {
        const facts = countyFacts();
        facts.townships = shuffled(facts.townships, order);
        facts.villages = shuffled(facts.villages, order);
        facts.venues = shuffled(facts.venues, order);
        facts.hazards = shuffled(facts.hazards, order);
        facts.incidents = shuffled(facts.incidents, order);
        return JSON.stringify(evaluateOk(policy, facts)) === reference;
      }),
      { numRuns: 40 },
    );
  });

  it("orders findings by rule, then subject id, then period", () => {
    const { findings } = evaluateOk(policy, countyFacts());
    const ruleOrder = policy.rules.map((r) => r.id);
    for (let i = 1; i < findings.length; i++) {
      const a = findings[i - 1]!;
      const b = findings[i]!;
      const byRule = ruleOrder.indexOf(a.rule) - ruleOrder.indexOf(b.rule);
      expect(byRule <= 0).toBe(true);
      if (byRule === 0 && a.subject.id !== b.subject.id) expect(a.subject.id < b.subject.id).toBe(true);
    }
  });

  it("summarises by kind, status and group", () => {
    const { summary, findings } = evaluateOk(policy, countyFacts());
    expect(summary.total).toBe(findings.length);
    const kinds = Object.values(summary.byKind).flatMap((row) => Object.values(row));
    expect(kinds.reduce((a, b) => a + b, 0)).toBe(findings.length);
    for (const counts of Object.values(summary.byGroup))
      for (const key of Object.keys(counts)) expect(key).toMatch(/^(duty|escalation|accountability):/);
    const groups = Object.values(summary.byGroup).flatMap((row) => Object.values(row));
    expect(groups.reduce((a, b) => a + b, 0)).toBe(findings.length);
    expect(summary.byGroup.T02).toMatchObject({
      "accountability:triggered": 1,
      "escalation:general-hazard-ladder:township": 1,
      "escalation:general-hazard-ladder:closed": 1,
    });
    expect(summary.byKind.escalation).toEqual({
      "general-hazard-ladder:closed": 1,
      "general-hazard-ladder:township": 1,
    });
  });
});

describe("rule selection", () => {
  it("evaluates only the rules asked for, and rejects unknown ones", () => {
    const out = policy.evaluate(countyFacts(), { rules: ["general-hazard-ladder"] });
    if ("errors" in out) throw new Error("valid");
    expect(new Set(out.result.findings.map((f) => f.rule))).toEqual(new Set(["general-hazard-ladder"]));
    expect(policy.evaluate(countyFacts(), { rules: ["general-hazard-ladder", "nope"] })).toMatchObject({
      errors: [{ path: "options.rules[1]", code: "unknown-rule" }],
    });
  });
});
