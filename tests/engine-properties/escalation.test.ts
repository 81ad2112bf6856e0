/**
 * Escalation ladders read on the evaluation date: no level is reached after it, the dates rise
 * (or stay) up the ladder, and a closed case was closed by then. Checked on random facts for every
 * policy in the repository, and on the case that once broke it.
 */
import type { EvaluationResult, Finding, Policy } from "@remit/engine";
import { factsFor } from "@remit/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { everyConstruct, readJson, ziyuan } from "./src/policies.js";

function evaluated(policy: Policy, facts: unknown, asOf?: string): EvaluationResult {
  const out = policy.evaluate(facts, asOf === undefined ? {} : { asOf });
  if ("errors" in out) throw new Error(out.errors.map((e) => `${e.path}: ${e.message.en}`).join("; "));
  return out.result;
}

/** The broken promises of one escalation finding, empty when it keeps them all. */
function ladderProblems(policy: Policy, finding: Finding, asOf: string): string[] {
  const problems: string[] = [];
  const rule = policy.checked.rules.find((r) => r.id === finding.rule);
  const order = rule?.kind === "escalation" ? rule.rule.levels.map((l) => l.name.name) : [];
  const reached = Object.entries(finding.reached ?? {});
  let previous = "";
  let previousIndex = -1;
  for (const [level, date] of reached) {
    if (date > asOf) problems.push(`${level} reached on ${date}, after ${asOf}`);
    if (date < previous) problems.push(`${level} reached on ${date}, before a lower level (${previous})`);
    const index = order.indexOf(level);
    if (index <= previousIndex) problems.push(`${level} out of ladder order`);
    previous = date;
    previousIndex = index;
  }
  if (finding.closedOn !== undefined && finding.closedOn > asOf)
    problems.push(`closed on ${finding.closedOn}, after ${asOf}`);
  if (finding.status === "closed" && finding.closedOn === undefined && finding.overdue)
    problems.push("a closed case reported overdue");
  return problems;
}

const policies: [string, () => Policy][] = [
  ["examples/every-construct", everyConstruct],
  ["policies/ziyuan-2026", ziyuan],
];

describe.each(policies)("escalations of %s", (_name, load) => {
  const policy = load();

  it("reach no level after the evaluation date, in rising order, and close by then", () => {
    fc.assert(
      fc.property(factsFor(policy, { maxElements: 4 }), (facts) => {
        const result = evaluated(policy, facts);
        for (const finding of result.findings) {
          if (finding.kind !== "escalation") continue;
          const problems = ladderProblems(policy, finding, result.asOf);
          if (problems.length > 0)
            throw new Error(`${finding.rule} ${finding.subject.id}: ${problems.join("; ")}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("a `when` level above a future `after` level", () => {
  const policy = everyConstruct();
  const facts = readJson("examples/every-construct/facts.json") as Record<string, unknown>;
  const hazard = {
    id: "隐患-27",
    场所编号: "P001",
    等级: "一般",
    发现日期: "2026-02-22",
    举报次数: 3,
    整改期限: null,
    整改完成日期: null,
    挂牌日期: null,
  };
  const withHazard = { ...facts, 隐患: [...(facts.隐患 as unknown[]), hazard] };

  it("passes the township level no later than the county level, both on the first day the condition held", () => {
    // Three reports, with no dates: the facts say the condition held from the case's first day.
    const reached = { 网格: "2026-02-22", 乡镇级: "2026-02-22", 县级: "2026-02-22" };
    for (const asOf of ["2026-03-01", "2026-05-01"]) {
      const result = evaluated(policy, withHazard, asOf);
      const finding = result.findings.find((f) => f.subject.id === "隐患-27");
      expect(finding).toMatchObject({ status: "县级", reached });
    }
  });

  it("dates a `when` level from its own date when the condition names one", () => {
    // Found over a year ago with no reports: the county level holds through `发现日期 + 1 年 < 评估日`,
    // from the day after the anniversary; the township level (15 days) was reached long before.
    const old = { ...hazard, 举报次数: 0, 发现日期: "2025-01-10" };
    const result = evaluated(policy, { ...facts, 隐患: [old] }, "2026-03-01");
    const finding = result.findings.find((f) => f.subject.id === "隐患-27");
    expect(finding).toMatchObject({
      status: "县级",
      reached: { 网格: "2025-01-10", 乡镇级: "2025-01-26", 县级: "2026-01-11" },
    });
  });

  it("leaves a case open when its closing date lies after the evaluation date", () => {
    const closesLater = { ...hazard, 整改完成日期: "2026-03-05" };
    const result = evaluated(policy, { ...facts, 隐患: [closesLater] }, "2026-03-01");
    const finding = result.findings.find((f) => f.subject.id === "隐患-27");
    expect(finding?.status).toBe("县级");
    expect(finding?.closedOn).toBeUndefined();
  });
});
