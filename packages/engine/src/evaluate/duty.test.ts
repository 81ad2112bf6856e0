import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, formatIsoDate, parseIsoDate } from "../calendar/index.js";
import { noCalendar } from "../compile/durations.js";
import { durationOf } from "../compile/values.js";
import { compile } from "../policy.js";
import { countyFacts } from "../testing/county.js";
import { countyPolicyCompiled, evaluateOk, findingOf } from "../testing/helpers.js";
import { dutyStatus } from "./duty.js";

const day = (iso: string): number => parseIsoDate(iso)!;

function majorHazard(foundOn: string, listedOn: string | null) {
  const facts = countyFacts();
  facts.hazards = [
    { id: "H1", venueId: "P0001", level: "重大", foundOn, rectifyBy: null, rectifiedOn: null, listedOn },
  ];
  return facts;
}

describe("within N days of X", () => {
  const policy = countyPolicyCompiled();

  it("keeps day X+7 in time and makes day X+8 late", () => {
    const onTime = findingOf(
      evaluateOk(policy, majorHazard("2026-10-01", "2026-10-08")),
      "major-hazard-listing",
      "H1",
    )!;
    expect(onTime).toMatchObject({ status: "met", due: "2026-10-08", metOn: "2026-10-08" });
    expect(onTime.late).toBeUndefined();
    const late = findingOf(
      evaluateOk(policy, majorHazard("2026-10-01", "2026-10-09")),
      "major-hazard-listing",
      "H1",
    )!;
    expect(late).toMatchObject({ status: "met", due: "2026-10-08", metOn: "2026-10-09", late: true });
  });

  it("is overdue from day X+8 when not met, with the days past due", () => {
    const facts = majorHazard("2026-10-01", null);
    expect(
      findingOf(evaluateOk(policy, facts, { asOf: "2026-10-08" }), "major-hazard-listing", "H1")!.status,
    ).toBe("due-soon");
    const overdue = findingOf(
      evaluateOk(policy, facts, { asOf: "2026-10-09" }),
      "major-hazard-listing",
      "H1",
    )!;
    expect(overdue).toMatchObject({ status: "overdue", overdueDays: 1 });
  });

  it("hides a listing dated after the evaluation date", () => {
    const facts = majorHazard("2026-10-01", "2026-10-05");
    const finding = findingOf(
      evaluateOk(policy, facts, { asOf: "2026-10-04" }),
      "major-hazard-listing",
      "H1",
    )!;
    expect(finding.status).toBe("due-soon");
    expect(finding.metOn).toBeUndefined();
  });

  it("gives no finding for a hazard found after the evaluation date", () => {
    const facts = majorHazard("2026-12-01", null);
    expect(
      findingOf(evaluateOk(policy, facts, { asOf: "2026-11-30" }), "major-hazard-listing", "H1"),
    ).toBeUndefined();
  });
});

describe("due-soon window", () => {
  const policy = countyPolicyCompiled();
  const facts = countyFacts();

  it("is due-soon at 30 days before the deadline and pending at 31", () => {
    // township-leadership is due on targetDate 2026-12-31; T02 has no leadership mechanism.
    expect(
      findingOf(evaluateOk(policy, facts, { asOf: "2026-12-01" }), "township-leadership", "T02")!.status,
    ).toBe("due-soon");
    expect(
      findingOf(evaluateOk(policy, facts, { asOf: "2026-11-30" }), "township-leadership", "T02")!.status,
    ).toBe("pending");
    expect(
      findingOf(evaluateOk(policy, facts, { asOf: "2026-12-31" }), "township-leadership", "T02")!.status,
    ).toBe("due-soon");
    expect(
      findingOf(evaluateOk(policy, facts, { asOf: "2027-01-01" }), "township-leadership", "T02"),
    ).toMatchObject({ status: "overdue", overdueDays: 1 });
  });

  it("follows the deadline across the leap day 2028-02-29", () => {
    const result = evaluateOk(policy, facts, { asOf: "2028-01-30", params: { targetDate: "2028-02-29" } });
    expect(findingOf(result, "township-leadership", "T02")!.status).toBe("due-soon");
    const before = evaluateOk(policy, facts, { asOf: "2028-01-29", params: { targetDate: "2028-02-29" } });
    expect(findingOf(before, "township-leadership", "T02")!.status).toBe("pending");
    const after = evaluateOk(policy, facts, { asOf: "2028-03-01", params: { targetDate: "2028-02-29" } });
    expect(findingOf(after, "township-leadership", "T02")).toMatchObject({
      status: "overdue",
      due: "2028-02-29",
      overdueDays: 1,
    });
  });

  it("agrees with the definition for any due date and evaluation date", () => {
    const warning = durationOf(30, "day");
    fc.assert(
      fc.property(
        fc.integer({ min: 19000, max: 22000 }),
        fc.integer({ min: -100, max: 100 }),
        (due, offset) => {
          const asOf = due + offset;
          const status = dutyStatus(false, "must", due, true, asOf, warning, noCalendar());
          const expected = asOf > due ? "overdue" : due - asOf <= 30 ? "due-soon" : "pending";
          return (
            status === expected &&
            dutyStatus(true, "must", due, true, asOf, warning, noCalendar()) === "met" &&
            dutyStatus(false, "may", due, true, asOf, warning, noCalendar()) === "advisory"
          );
        },
      ),
    );
  });

  it("takes the window from the policy header", () => {
    const out = compile(`policy "p" warning 10 days
clause 1 "c"
collection items { doneOn: optional date }
duty d "d" must cites 1 for each i in items requires i.doneOn by 2026-12-31`);
    if (!("policy" in out)) throw new Error(out.diagnostics.map((d) => d.message.en).join("; "));
    const facts = { items: [{ id: "a", doneOn: null }] };
    expect(evaluateOk(out.policy, facts, { asOf: "2026-12-21" }).findings[0]!.status).toBe("due-soon");
    expect(evaluateOk(out.policy, facts, { asOf: "2026-12-20" }).findings[0]!.status).toBe("pending");
  });
});

describe("recurring duties", () => {
  const policy = countyPolicyCompiled();

  it("judges one period per quarter from the start through the evaluation date", () => {
    const result = evaluateOk(policy, countyFacts(), { asOf: "2026-11-28" });
    const t01 = result.findings.filter((f) => f.rule === "township-analysis" && f.subject.id === "T01");
    expect(t01.map((f) => [f.period, f.due, f.status])).toEqual([
      // A quarter that ended unmet is missed: a later meeting belongs to a later quarter.
      ["2026-Q1", "2026-03-31", "missed"],
      ["2026-Q2", "2026-06-30", "met"],
      ["2026-Q3", "2026-09-30", "met"],
      ["2026-Q4", "2026-12-31", "pending"],
    ]);
  });

  it("counts a meeting on the quarter's last day in that quarter, and one a day later in the next", () => {
    const facts = countyFacts();
    facts.townships[2]!.analysisMeetings = ["2026-09-30", "2026-10-01"];
    const result = evaluateOk(policy, facts, { asOf: "2026-11-28" });
    expect(findingOf(result, "township-analysis", "T03", "2026-Q3")).toMatchObject({
      status: "met",
      metOn: "2026-09-30",
    });
    expect(findingOf(result, "township-analysis", "T03", "2026-Q4")).toMatchObject({
      status: "met",
      metOn: "2026-10-01",
    });
  });

  it("ends monthly periods on the month's last day", () => {
    const result = evaluateOk(policy, countyFacts(), { asOf: "2027-03-01" });
    const feb = findingOf(result, "county-analysis", "ZY", "2027-02")!;
    expect(feb).toMatchObject({ due: "2027-02-28", status: "missed" });
    // Missed, not overdue: no count of days that would grow with every evaluation.
    expect(feb.overdueDays).toBeUndefined();
    const leap = evaluateOk(policy, countyFacts(), { asOf: "2028-03-01" });
    expect(findingOf(leap, "county-analysis", "ZY", "2028-02")).toMatchObject({
      due: "2028-02-29",
      status: "missed",
    });
  });

  it("explains period 1,000 from its own period, as it explains period 1", () => {
    // 2026-09 + 1,000 months: the explanation used to walk every period from the start.
    const result = evaluateOk(policy, countyFacts(), { asOf: "2110-01-15" });
    const periods = result.findings.filter((f) => f.rule === "county-analysis");
    expect(periods.length).toBe(1001);
    const first = periods[0]!;
    const last = periods[periods.length - 1]!;
    expect(last.period).toBe("2110-01");
    expect(last.explanation.because.map((b) => b.test)).toEqual(first.explanation.because.map((b) => b.test));
    expect(JSON.stringify(last.explanation)).not.toContain("2026-09");
  });

  it("refuses an evaluation date whose recurring periods exceed the limit, with a structured error", () => {
    const outcome = policy.evaluate(countyFacts(), { asOf: "9999-12-31" });
    expect("errors" in outcome && outcome.errors.map((e) => [e.path, e.code])).toEqual([
      ["asOf", "too-many-periods"],
    ]);
    const lowered = policy.evaluate(countyFacts(), { asOf: "2027-12-31", limits: { periods: 12 } });
    expect("errors" in lowered && lowered.errors[0]!.message.zh).toContain("上限 12");
    expect("result" in policy.evaluate(countyFacts(), { asOf: "2027-12-31", limits: { periods: 16 } })).toBe(
      true,
    );
  });

  it("refuses a result with more findings than the limit", () => {
    const outcome = policy.evaluate(countyFacts(), { limits: { findings: 3 } });
    expect("errors" in outcome && outcome.errors.map((e) => e.code)).toEqual(["too-many-findings"]);
  });

  it("hides meetings after the evaluation date", () => {
    const result = evaluateOk(policy, countyFacts(), { asOf: "2026-11-01" });
    expect(findingOf(result, "county-analysis", "ZY", "2026-11")).toMatchObject({ status: "due-soon" });
    expect(result.findings.filter((f) => f.rule === "county-analysis").map((f) => f.period)).toEqual([
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
  });
});

describe("conditions and modality", () => {
  const policy = countyPolicyCompiled();

  it("reports a may duty that is not met as advisory", () => {
    const result = evaluateOk(policy, countyFacts());
    expect(findingOf(result, "village-pact", "V002")!.status).toBe("advisory");
    expect(findingOf(result, "village-pact", "V001")!.status).toBe("met");
  });

  it("explains a failed condition with its operands and what is missing", () => {
    const result = evaluateOk(policy, countyFacts());
    const finding = findingOf(result, "township-organised", "T03")!;
    expect(finding.explanation.holds).toBe(false);
    expect(finding.explanation.because.map((b) => [b.test, b.value])).toEqual([
      ["hasTeam(t)", false],
      ["all(v in t.villages : v.firePactOn is set)", true],
    ]);
    expect(finding.explanation.missing).toEqual([
      { en: "hasTeam(t) does not hold", zh: "hasTeam(t) 不成立" },
    ]);
  });

  it("reads a team established after the evaluation date as missing", () => {
    const facts = countyFacts();
    const before = findingOf(evaluateOk(policy, facts, { asOf: "2026-09-30" }), "township-organised", "T02")!;
    expect(before.explanation.because[0]!.value).toBe(false);
    const after = findingOf(evaluateOk(policy, facts, { asOf: "2026-10-01" }), "township-organised", "T02")!;
    expect(after.explanation.because[0]!.value).toBe(true);
  });
});

describe("date arithmetic used by deadlines", () => {
  it("adds days across the leap day", () => {
    expect(formatIsoDate(addDays(day("2028-02-22"), 7))).toBe("2028-02-29");
  });
});
