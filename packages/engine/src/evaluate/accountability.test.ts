import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../policy.js";
import { countyFacts, countyPolicy } from "../testing/county.js";
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
      group: "T02",
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

describe("targets per cause", () => {
  const withCauseTargets = (() => {
    const source = countyPolicy.replace(
      `  cause "no team" when not hasTeam(t)
  cause "no leadership" when t.leadershipOn is missing
  targets government(t)`,
      `  cause "no team" when not hasTeam(t) targets government(t), "county fire brigade"
  cause "no leadership" when t.leadershipOn is missing targets "county office", if t.team.establishedOn is set then "team captain" else "township head"
  targets government(t)`,
    );
    expect(source).not.toBe(countyPolicy);
    const out = compile(source);
    if (!("policy" in out)) throw new Error(out.diagnostics.map((d) => d.message.en).join("; "));
    return out.policy;
  })();

  it("names the rule's targets, then each held cause's, once each", () => {
    const finding = findingOf(evaluateOk(withCauseTargets, countyFacts()), "fire-accountability", "F0201")!;
    expect(finding.causes).toEqual(["no team", "no leadership"]);
    expect(finding.targets).toEqual([
      "梅溪镇 government",
      "county fire brigade",
      "county office",
      "township head",
    ]);
  });

  it("leaves out the targets of a cause that did not hold", () => {
    const facts = countyFacts();
    facts.townships[1]!.team.establishedOn = "2026-09-01";
    const finding = findingOf(evaluateOk(withCauseTargets, facts), "fire-accountability", "F0201")!;
    expect(finding.causes).toEqual(["no leadership"]);
    expect(finding.targets).toEqual(["梅溪镇 government", "county office", "team captain"]);
  });

  it("judges a cause's targets as at the event's date", () => {
    // The team was set up after the fire: on the fire's date it had no captain to answer.
    const facts = countyFacts();
    facts.townships[1]!.team.establishedOn = "2026-10-01";
    const later = findingOf(
      evaluateOk(withCauseTargets, facts, { asOf: "2027-01-01" }),
      "fire-accountability",
      "F0201",
    )!;
    expect(later.targets).toContain("township head");
    expect(later.targets).not.toContain("team captain");
  });

  it("matches the held causes for any team and leadership dates", () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-09-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        fc.option(day),
        fc.option(day),
        fc.constantFrom("专职", "兼职", "无"),
        (team, leadership, kind) => {
          const facts = countyFacts();
          const township = facts.townships[1]!;
          township.team = { kind, members: 8, establishedOn: team };
          township.leadershipOn = leadership;
          const fireDate = "2026-09-20";
          const teamBefore = team !== null && team <= fireDate;
          const noTeam = kind === "无" || !teamBefore;
          const noLeadership = leadership === null || leadership > fireDate;
          const finding = findingOf(evaluateOk(withCauseTargets, facts), "fire-accountability", "F0201");
          if (!noTeam && !noLeadership) {
            expect(finding).toBeUndefined();
            return;
          }
          const expected = ["梅溪镇 government"];
          if (noTeam) expected.push("county fire brigade");
          if (noLeadership) expected.push("county office", teamBefore ? "team captain" : "township head");
          expect(finding?.targets).toEqual(expected);
        },
      ),
    );
  });
});
