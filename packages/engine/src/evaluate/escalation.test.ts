import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, formatIsoDate, parseIsoDate } from "../calendar/index.js";
import { compile } from "../policy.js";
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

describe("levels with a condition", () => {
  // A request is answered within 20 days; past 10 days unanswered it goes to the office head, past
  // 20 to the director, whatever the evaluation date: conditions read the facts as at each day.
  const compiled = compile(`policy "p"
clause 1 "c"
collection requests { receivedOn: date  answeredOn: optional planned date  reminders: list date }
escalation r "t"
  must
  cites 1
  for each q in requests
  starts q.receivedOn
  level desk
  level head when count(d in q.reminders where d <= asOf) >= 1
  level director when count(d in q.reminders where d <= asOf) >= 2
  closes q.answeredOn`);
  if (!("policy" in compiled)) throw new Error(compiled.diagnostics.map((d) => d.message.en).join("; "));
  const request = (answeredOn: string | null, reminders: string[]) => ({
    requests: [{ id: "Q1", receivedOn: "2026-03-02", answeredOn, reminders }],
  });
  const finding = (facts: ReturnType<typeof request>, asOf: string) =>
    evaluateOk(compiled.policy, facts, { asOf }).findings[0]!;

  it("judges a closed case as at its closing day, reached on the day each condition began to hold", () => {
    // Answered on 03-20 after one reminder; the second reminder came after the answer.
    const facts = request("2026-03-20", ["2026-03-12", "2026-03-25"]);
    for (const asOf of ["2026-03-30", "2026-06-30", "2027-01-15"]) {
      expect(finding(facts, asOf)).toMatchObject({
        status: "closed",
        closedOn: "2026-03-20",
        reached: { desk: "2026-03-02", head: "2026-03-12" },
      });
    }
  });

  it("keeps a middle level that held below a higher one that also holds", () => {
    const facts = request(null, ["2026-03-12", "2026-03-16"]);
    const open = finding(facts, "2026-04-01");
    expect(open).toMatchObject({
      status: "director",
      reached: { desk: "2026-03-02", head: "2026-03-12", director: "2026-03-16" },
    });
    // The dates do not move with a later evaluation date.
    expect(finding(facts, "2026-09-01").reached).toEqual(open.reached);
  });
});
