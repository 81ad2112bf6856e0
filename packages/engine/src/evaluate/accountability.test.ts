import { describe, expect, it } from "vitest";
import { countyFacts } from "../testing/county.js";
import { countyPolicyCompiled, evaluateOk, findingOf } from "../testing/helpers.js";

const policy = countyPolicyCompiled();

describe("accountability as at the event date", () => {
  it("does not count a team established after the fire", () => {
    const result = evaluateOk(policy, countyFacts(), { asOf: "2026-11-28" });
    const finding = findingOf(result, "fire-accountability", "F0201")!;
    expect(finding).toMatchObject({
      status: "triggered",
      asAt: "2026-09-20",
      causes: ["no team", "no leadership"],
      targets: ["梅溪镇 government"],
      township: "T02",
      cites: ["3.3"],
    });
  });

  it("counts a team established on or before the fire", () => {
    const facts = countyFacts();
    facts.townships[1]!.team.establishedOn = "2026-09-20";
    facts.townships[1]!.leadershipOn = "2026-01-01";
    const result = evaluateOk(policy, facts, { asOf: "2026-11-28" });
    expect(findingOf(result, "fire-accountability", "F0201")).toBeUndefined();
  });

  it("lists only the causes that held", () => {
    const facts = countyFacts();
    facts.townships[1]!.leadershipOn = "2026-01-01";
    const finding = findingOf(evaluateOk(policy, facts), "fire-accountability", "F0201")!;
    expect(finding.causes).toEqual(["no team"]);
    expect(finding.explanation.because.map((b) => [b.test, b.value])).toEqual([
      ["no team", true],
      ["no leadership", false],
    ]);
  });

  it("ignores a fire after the evaluation date and one that passes no filter", () => {
    const result = evaluateOk(policy, countyFacts(), { asOf: "2026-09-19" });
    expect(result.findings.filter((f) => f.kind === "accountability")).toEqual([]);
    // F0202 had no deaths.
    expect(findingOf(evaluateOk(policy, countyFacts()), "fire-accountability", "F0202")).toBeUndefined();
  });
});
