import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, formatIsoDate, parseIsoDate } from "../calendar/index.js";
import { countyFacts } from "../testing/county.js";
import { countyPolicyCompiled, evaluateOk, findingOf } from "../testing/helpers.js";

const policy = countyPolicyCompiled();
const plus = (iso: string, n: number): string => formatIsoDate(addDays(parseIsoDate(iso)!, n));

function generalHazard(patch: { rectifyBy?: string | null; rectifiedOn?: string | null } = {}) {
  const facts = countyFacts();
  facts.hazards = [
    {
      id: "H1",
      venueId: "P0002",
      level: "一般",
      foundOn: "2026-10-01",
      rectifyBy: patch.rectifyBy ?? null,
      rectifiedOn: patch.rectifiedOn ?? null,
      listedOn: null,
    },
  ];
  return facts;
}

const ladder = (facts: ReturnType<typeof countyFacts>, asOf: string) =>
  findingOf(evaluateOk(policy, facts, { asOf }), "general-hazard-ladder", "H1");

describe("general hazard ladder", () => {
  it("stays at grid level through day X+15 and reaches the township on day X+16", () => {
    const facts = generalHazard();
    expect(ladder(facts, plus("2026-10-01", 15))).toMatchObject({
      status: "grid",
      overdue: false,
      reached: { grid: "2026-10-01" },
      holder: "grid 商铺",
    });
    expect(ladder(facts, plus("2026-10-01", 16))).toMatchObject({
      status: "township",
      reached: { grid: "2026-10-01", township: "2026-10-17" },
      holder: "梅溪镇 government",
    });
  });

  it("stays at township level through day X+30 and reaches the county on day X+31", () => {
    const facts = generalHazard();
    expect(ladder(facts, plus("2026-10-01", 30))!.status).toBe("township");
    expect(ladder(facts, plus("2026-10-01", 31))).toMatchObject({
      status: "county",
      reached: { grid: "2026-10-01", township: "2026-10-17", county: "2026-11-01" },
      holder: "county government",
    });
  });

  it("gives no finding before the case starts", () => {
    expect(ladder(generalHazard(), "2026-09-30")).toBeUndefined();
    expect(ladder(generalHazard(), "2026-10-01")!.status).toBe("grid");
  });

  it("moves an overdue case one level above its age, from the day after the overdue date", () => {
    const facts = generalHazard({ rectifyBy: "2026-10-05" });
    expect(ladder(facts, "2026-10-05")).toMatchObject({ status: "grid", overdue: false });
    expect(ladder(facts, "2026-10-06")).toMatchObject({
      status: "township",
      overdue: true,
      reached: { grid: "2026-10-01", township: "2026-10-06" },
    });
    // At township level by age (day 16 on), the overdue bump takes it to the county.
    expect(ladder(facts, "2026-10-17")).toMatchObject({
      status: "county",
      overdue: true,
      reached: { township: "2026-10-06", county: "2026-10-17" },
    });
    // The top level stays top.
    expect(ladder(facts, "2026-11-15")).toMatchObject({ status: "county", overdue: true });
  });

  it("never bumps more than one level, and only past the overdue date", () => {
    const levels = ["grid", "township", "county"];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        (age, limitAge) => {
          const facts = generalHazard({
            rectifyBy: limitAge === undefined ? null : plus("2026-10-01", limitAge),
          });
          const finding = ladder(facts, plus("2026-10-01", age))!;
          const byAge = age <= 15 ? 0 : age <= 30 ? 1 : 2;
          const overdue = limitAge !== undefined && age > limitAge;
          const expected = overdue ? Math.min(byAge + 1, 2) : byAge;
          return finding.status === levels[expected] && finding.overdue === overdue;
        },
      ),
    );
  });

  it("closes a rectified case, keeping the levels reached before closing", () => {
    const facts = generalHazard({ rectifiedOn: "2026-10-20", rectifyBy: "2026-10-10" });
    expect(ladder(facts, "2026-11-28")).toMatchObject({
      status: "closed",
      closedOn: "2026-10-20",
      overdue: false,
      reached: { grid: "2026-10-01", township: "2026-10-17" },
    });
    // Before the rectification date the case is still open (and overdue).
    expect(ladder(facts, "2026-10-19")).toMatchObject({ status: "county", overdue: true });
  });
});
