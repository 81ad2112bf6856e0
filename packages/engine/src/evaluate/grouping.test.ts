import { describe, expect, it } from "vitest";
import { compile } from "../policy.js";
import type { EvaluationResult } from "../result.js";

/** One duty over venues, each in a district; the header's grouping is what varies. */
function policyWith(grouping: string): string {
  return `政策 "分组"
${grouping}
集合 街道 "街道" { 名称: 文本 }
集合 场所 "场所" { 街道编号 -> 街道 作为 街道 检查日期: 可选 日期 }
条款 1 "检查"
职责 检查 "场所检查"
  必须
  依据 1
  对于 每个 v 属于 场所
  责任主体 "街道办事处"
  要求 v.检查日期
  截止 2026-06-30
职责 县级汇总 "全县汇总"
  必须
  依据 1
  责任主体 "县政府"
  要求 真
  截止 2026-06-30
`;
}

const facts = {
  asOf: "2026-07-01",
  街道: [
    { id: "S1", 名称: "东街" },
    { id: "S2", 名称: "西街" },
  ],
  场所: [
    { id: "V1", 街道编号: "S1", 检查日期: "2026-05-01" },
    { id: "V2", 街道编号: "S2", 检查日期: null },
    { id: "V3", 街道编号: "S2", 检查日期: null },
  ],
};

function evaluate(source: string): EvaluationResult {
  const compiled = compile(source);
  if (!("policy" in compiled)) throw new Error(compiled.diagnostics.map((d) => d.message.en).join("\n"));
  const outcome = compiled.policy.evaluate(facts);
  if ("errors" in outcome) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

describe("grouping declared by the policy", () => {
  it("groups by the collection the header names, whatever it is called", () => {
    const result = evaluate(policyWith('  分组 街道 其余 "区级"'));
    expect(result.findings.filter((f) => f.rule === "检查").map((f) => [f.subject.id, f.group])).toEqual([
      ["V1", "S1"],
      ["V2", "S2"],
      ["V3", "S2"],
    ]);
    expect(result.findings.find((f) => f.rule === "县级汇总")?.group).toBeUndefined();
    expect(result.summary.byGroup).toEqual({
      S1: { "duty:met": 1 },
      S2: { "duty:overdue": 2 },
      "": { "duty:met": 1 },
    });
  });

  it("groups a subject that is itself an element of the collection under its own id", () => {
    const source = policyWith("  分组 场所").replace(
      "对于 每个 v 属于 场所",
      "对于 每个 v 属于 场所 满足 真",
    );
    const result = evaluate(source);
    expect(result.findings.filter((f) => f.rule === "检查").map((f) => f.group)).toEqual(["V1", "V2", "V3"]);
  });

  it("puts every finding in one group when the policy declares none", () => {
    const result = evaluate(policyWith(""));
    expect(result.findings.every((f) => f.group === undefined)).toBe(true);
    expect(result.summary.byGroup).toEqual({ "": { "duty:met": 2, "duty:overdue": 2 } });
  });

  it("refuses a grouping that names no collection of the policy", () => {
    const compiled = compile(policyWith("  分组 街"));
    expect("policy" in compiled).toBe(false);
    expect(compiled.diagnostics.map((d) => [d.code, d.suggestions])).toEqual([["R3022", ["街道"]]]);
  });
});
