import { describe, expect, it } from "vitest";
import { policyCoverage, renderCoverageMarkdown } from "./coverage.js";

const policy = {
  clauses: [
    {
      id: "2.1",
      title: "队伍",
      text: "原文。\n\n不作判定：“须承担灭火救援”——没有出警记录。\n\n不作判定：“业务培训”——没有培训记录。",
    },
    { id: "2.2", title: "监督", text: "原文。" },
    { id: "3", title: "组织", text: "不可机器判定：组织部署层面的要求。" },
  ],
  rules: [
    { id: "team", title: "建队", kind: "duty", modality: "must", cites: ["2.1"] },
    { id: "station", title: "工作站", kind: "duty", modality: "must", cites: ["2.1", "2.2"] },
    { id: "delegation", title: "委托执法", kind: "duty", modality: "may", cites: ["2.2"] },
  ],
} as const;

const scenarios = [
  { id: "01-team", name: "team", clauses: ["2.1", "2.2"], expect: [{ rule: "team" }] },
  { id: "02-station", name: "station", clauses: ["2.2"], expectNoFinding: [{ rule: "station" }] },
  { id: "03-rejected", name: "rejected", clauses: ["2.2"], expectErrors: [{}] },
];

describe("policyCoverage", () => {
  const coverage = policyCoverage(policy, scenarios);
  const clause = (id: string) => coverage.clauses.find((c) => c.id === id);

  it("counts for a clause only the scenarios expecting findings of its own rules", () => {
    // 01-team declares 2.2 but expects only `team`, which does not cite 2.2.
    expect(clause("2.1")?.exercisedBy).toEqual(["01-team", "02-station"]);
    expect(clause("2.2")?.exercisedBy).toEqual(["02-station"]);
    expect(clause("2.2")?.declaredBy).toEqual(["01-team", "02-station", "03-rejected"]);
    expect(clause("3")?.exercisedBy).toEqual([]);
  });

  it("lists the sentences each clause does not judge, with or without rules", () => {
    expect(clause("2.1")?.notJudged).toEqual([
      "不作判定：“须承担灭火救援”——没有出警记录。",
      "不作判定：“业务培训”——没有培训记录。",
    ]);
    expect(clause("2.2")?.notJudged).toEqual([]);
    expect(clause("3")?.notJudged).toEqual(["不可机器判定：组织部署层面的要求。"]);
    const markdown = renderCoverageMarkdown(coverage);
    expect(markdown).toContain("| 2.2 | 监督 | 2 | 1 |");
    expect(markdown).toContain("Not judged (2):\n\n- 不作判定：“须承担灭火救援”——没有出警记录。");
    expect(markdown).toContain("## 3 组织\n\n不可机器判定：组织部署层面的要求。");
  });
});
