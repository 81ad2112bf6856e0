import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countyFacts } from "../testing/county.js";
import { countyPolicyCompiled, evaluateErrors, evaluateOk, findingOf } from "../testing/helpers.js";

const policy = countyPolicyCompiled();

function errorsOf(mutate: (facts: Record<string, unknown> & ReturnType<typeof countyFacts>) => void) {
  const facts = countyFacts() as ReturnType<typeof countyFacts> & Record<string, unknown>;
  mutate(facts);
  return evaluateErrors(policy, facts);
}

describe("facts validation", () => {
  it("accepts the sample document", () => {
    expect(evaluateOk(policy, countyFacts()).findings.length).toBeGreaterThan(0);
  });

  it("names the path of a wrong type", () => {
    const errors = errorsOf((f) => {
      (f.incidents[0] as Record<string, unknown>).deaths = "1";
    });
    expect(errors).toEqual([
      {
        path: "incidents[0].deaths",
        code: "invalid-type",
        message: { en: 'expected an integer, got "1"', zh: '应为整数，实际为 "1"' },
      },
    ]);
  });

  it("rejects a value outside an enum, listing the values", () => {
    const [error] = errorsOf((f) => {
      f.hazards[1]!.level = "严重";
    });
    expect(error).toMatchObject({ path: "hazards[1].level", code: "invalid-enum" });
    expect(error!.message.en).toBe('expected one of "一般", "重大", got "严重"');
  });

  it("rejects malformed and impossible dates", () => {
    expect(errorsOf((f) => (f.hazards[0]!.foundOn = "2026/08/02"))[0]).toMatchObject({
      path: "hazards[0].foundOn",
      code: "invalid-date",
    });
    expect(errorsOf((f) => (f.hazards[0]!.foundOn = "2026-02-30"))[0]).toMatchObject({
      path: "hazards[0].foundOn",
      code: "invalid-date",
    });
    expect(errorsOf((f) => (f.county.analysisMeetings = ["2026-13-01"]))[0]).toMatchObject({
      path: "county.analysisMeetings[0]",
      code: "invalid-date",
    });
    expect(errorsOf((f) => (f.asOf = "28/11/2026"))[0]).toMatchObject({ path: "asOf" });
  });

  it("rejects unknown collections and unknown fields", () => {
    expect(errorsOf((f) => (f.schools = []))).toEqual([
      {
        path: "schools",
        code: "unknown-collection",
        message: { en: 'unknown collection or record "schools"', zh: "未声明的集合或记录“schools”" },
      },
    ]);
    expect(errorsOf((f) => ((f.venues[0] as Record<string, unknown>).owner = "x"))[0]).toMatchObject({
      path: "venues[0].owner",
      code: "unknown-field",
    });
    expect(
      errorsOf((f) => ((f.townships[0]!.team as Record<string, unknown>).leader = "x"))[0],
    ).toMatchObject({ path: "townships[0].team.leader" });
  });

  it("reports a missing required field", () => {
    const [error] = errorsOf((f) => {
      delete (f.villages[0] as Partial<(typeof f.villages)[0]>).name;
    });
    expect(error).toMatchObject({
      path: "villages[0].name",
      code: "missing",
      message: { en: "missing: expected text" },
    });
  });

  it("rejects duplicate ids and dangling references", () => {
    expect(errorsOf((f) => (f.townships[1]!.id = "T01"))).toContainEqual({
      path: "townships[1].id",
      code: "duplicate-id",
      message: {
        en: 'duplicate id "T01", first used at townships[0]',
        zh: "id“T01”重复，首次出现于 townships[0]",
      },
    });
    expect(errorsOf((f) => (f.hazards[0]!.venueId = "P9999"))).toEqual([
      {
        path: "hazards[0].venueId",
        code: "dangling-reference",
        message: { en: '"P9999" names no element of "venues"', zh: "“P9999”不是“venues”中任何元素的 id" },
      },
    ]);
  });

  it("names shape errors, duplicate ids and dangling references in one pass", () => {
    const errors = errorsOf((f) => {
      f.hazards[0]!.level = "严重";
      f.hazards[1]!.venueId = "P9999";
      f.townships.push({ ...f.townships[0]! });
    });
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["hazards[0].level", "invalid-enum"],
      [`townships[${countyFacts().townships.length}].id`, "duplicate-id"],
      ["hazards[1].venueId", "dangling-reference"],
    ]);
  });

  it("does not judge references to a collection whose ids cannot be read", () => {
    // A venue without a readable id: hazards naming venues are not called dangling for it.
    const errors = errorsOf((f) => {
      (f.venues[0] as Record<string, unknown>).id = 7;
      f.hazards[0]!.venueId = "P9999";
      (f.hazards[1] as Record<string, unknown>).venueId = 12;
    });
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["venues[0].id", "invalid-type"],
      ["hazards[1].venueId", "invalid-type"],
    ]);
    expect(errorsOf((f) => ((f as Record<string, unknown>).venues = "none")).map((e) => e.path)).toEqual([
      "venues",
    ]);
  });

  it("names the first element of any duplicate id", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const facts = countyFacts();
        const n = facts.hazards.length;
        const [first, second] = [a % n, b % n].sort((x, y) => x - y) as [number, number];
        fc.pre(first !== second);
        facts.hazards[second]!.id = facts.hazards[first]!.id;
        const errors = evaluateErrors(policy, facts).filter((e) => e.code === "duplicate-id");
        expect(errors.map((e) => [e.path, e.message.en])).toEqual([
          [
            `hazards[${second}].id`,
            `duplicate id "${facts.hazards[first]!.id}", first used at hazards[${first}]`,
          ],
        ]);
      }),
      { numRuns: 30 },
    );
  });

  it("names the element of any dangling reference", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (h, v) => {
        const facts = countyFacts();
        const hazard = h % facts.hazards.length;
        const venue = v % facts.venues.length;
        facts.hazards[hazard]!.venueId = "nowhere";
        facts.venues[venue]!.townshipId = "T404";
        const paths = evaluateErrors(policy, facts).map((e) => e.path);
        expect(paths.sort()).toEqual([`hazards[${hazard}].venueId`, `venues[${venue}].townshipId`].sort());
      }),
      { numRuns: 30 },
    );
  });

  it("accepts null and absent optional fields, and absent optional collections", () => {
    const facts = countyFacts() as unknown as Record<string, unknown> & ReturnType<typeof countyFacts>;
    facts.venues[0]!.villageId = null;
    delete (facts.hazards[0] as Partial<(typeof facts.hazards)[0]>).listedOn;
    delete (facts as Partial<typeof facts>).incidents;
    const result = evaluateOk(policy, facts);
    expect(findingOf(result, "major-hazard-listing", "H0303")!.status).toBe("overdue");
    expect(result.findings.some((f) => f.kind === "accountability")).toBe(false);
  });

  it("rejects a document without a collection the policy does not declare optional, at its path", () => {
    const facts = countyFacts() as unknown as Record<string, unknown>;
    delete facts.hazards;
    expect(evaluateErrors(policy, facts, { asOf: "2026-11-28" })).toEqual([
      expect.objectContaining({ path: "hazards", code: "missing" }),
    ]);
  });

  it("rejects a document that is not an object", () => {
    expect(evaluateErrors(policy, [1, 2], { asOf: "2026-11-28" })[0]).toMatchObject({ path: "$" });
    expect(evaluateErrors(policy, null, { asOf: "2026-11-28" }).length).toBeGreaterThan(0);
  });

  it("needs an evaluation date from the options or the facts", () => {
    const facts = countyFacts();
    delete facts.asOf;
    expect(evaluateErrors(policy, facts)).toEqual([
      {
        path: "asOf",
        code: "missing-as-of",
        message: {
          en: "no evaluation date: pass asOf or put it in the facts",
          zh: "缺少评估日：请传入 asOf 或在事实数据中提供",
        },
      },
    ]);
    expect(evaluateOk(policy, facts, { asOf: "2026-11-28" }).asOf).toBe("2026-11-28");
    expect(evaluateErrors(policy, facts, { asOf: "2026-11-31" })[0]).toMatchObject({
      path: "options.asOf",
      code: "invalid-date",
    });
  });

  it("lets the options' asOf override the facts' own", () => {
    expect(evaluateOk(policy, countyFacts(), { asOf: "2026-10-01" }).asOf).toBe("2026-10-01");
  });
});

describe("prototype pollution", () => {
  const keys = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

  it("rejects polluting keys at every level and changes nothing", () => {
    for (const key of keys) {
      for (const json of [
        `{"asOf":"2026-11-28","county":{"id":"ZY","name":"x","analysisMeetings":[]},"${key}":{"polluted":true}}`,
        `{"asOf":"2026-11-28","county":{"id":"ZY","name":"x","analysisMeetings":[],"${key}":{"polluted":true}}}`,
        `{"asOf":"2026-11-28","county":{"id":"ZY","name":"x","analysisMeetings":[]},"townships":[{"${key}":{"polluted":true}}]}`,
      ]) {
        const errors = evaluateErrors(policy, JSON.parse(json));
        expect(errors.some((e) => e.path.endsWith(key))).toBe(true);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("treats such names as plain ids and values", () => {
    const facts = countyFacts();
    facts.townships[0]!.id = "__proto__";
    facts.villages[0]!.townshipId = "__proto__";
    facts.venues[0]!.townshipId = "__proto__";
    facts.townships[1]!.id = "constructor";
    facts.villages[1]!.townshipId = "constructor";
    facts.venues[1]!.townshipId = "constructor";
    facts.incidents[0]!.townshipId = "constructor";
    facts.incidents[1]!.townshipId = "__proto__";
    facts.townships[0]!.name = "hasOwnProperty";
    const result = evaluateOk(policy, facts);
    expect(findingOf(result, "village-pact", "V001")!.group).toBe("__proto__");
    expect(findingOf(result, "fire-accountability", "F0201")!.group).toBe("constructor");
    expect(Object.keys(result.summary.byGroup)).toContain("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never throws on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = policy.evaluate(value, { asOf: "2026-11-28" });
        return "errors" in out ? out.errors.length > 0 : true;
      }),
      { numRuns: 200 },
    );
  });
});

describe("parameters", () => {
  it("overrides a duration given as text or as a number of days", () => {
    const facts = countyFacts();
    facts.hazards[0]!.listedOn = "2026-10-10";
    expect(findingOf(evaluateOk(policy, facts), "major-hazard-listing", "H0303")).toMatchObject({
      due: "2026-10-08",
      late: true,
    });
    expect(
      findingOf(
        evaluateOk(policy, facts, { params: { listing: "10 days" } }),
        "major-hazard-listing",
        "H0303",
      ),
    ).toMatchObject({ due: "2026-10-11" });
    expect(
      findingOf(evaluateOk(policy, facts, { params: { listing: 9 } }), "major-hazard-listing", "H0303")!.due,
    ).toBe("2026-10-10");
    expect(
      findingOf(
        evaluateOk(policy, facts, { params: { listing: "1 个月" } }),
        "major-hazard-listing",
        "H0303",
      )!.due,
    ).toBe("2026-11-01");
    expect(evaluateOk(policy, facts, { params: { listing: "2 weeks" } }).params.listing).toBe("14 days");
  });

  it("reports the defaults and the overrides used", () => {
    const result = evaluateOk(policy, countyFacts(), {
      params: { meetingsPerQuarter: 2, targetDate: "2027-06-30" },
    });
    expect(result.params).toEqual({
      gridDays: "15 days",
      listing: "7 days",
      meetingsPerQuarter: 2,
      targetDate: "2027-06-30",
      townshipDays: "30 days",
    });
    expect(findingOf(result, "township-analysis", "T01", "2026-Q2")!.status).toBe("missed");
  });

  it("rejects unknown names and ill-typed values with their path", () => {
    const errors = evaluateErrors(policy, countyFacts(), {
      params: { gridDay: "15 days", listing: "soon", meetingsPerQuarter: 1.5, targetDate: "2026-02-30" },
    });
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["params.gridDay", "unknown-param"],
      ["params.listing", "invalid-param"],
      ["params.meetingsPerQuarter", "invalid-param"],
      ["params.targetDate", "invalid-param"],
    ]);
    expect(errors[1]!.message.en).toBe(
      'expected a whole, non-negative duration of at most 36525 days or 1200 months, got "soon"',
    );
    expect(errors[0]!.message.en).toBe('unknown parameter "gridDay" (did you mean "gridDays"?)');
  });

  it("refuses durations that are fractional, negative or past a century, instead of a wrong date", () => {
    for (const value of [
      "1.5 days",
      "1000000 years",
      "2147483648 days",
      "-5 days",
      -5,
      36_526,
      "101 years",
    ]) {
      const errors = evaluateErrors(policy, countyFacts(), { params: { listing: value } });
      expect(errors.map((e) => [e.path, e.code])).toEqual([["params.listing", "invalid-param"]]);
    }
    expect(evaluateOk(policy, countyFacts(), { params: { listing: "100 years" } }).params.listing).toBe(
      "1200 months",
    );
    expect(evaluateOk(policy, countyFacts(), { params: { listing: 0 } }).params.listing).toBe("0 days");
  });

  it("refuses integer parameters outside 0 to 1,000,000: negative, absurd or not whole", () => {
    for (const value of [-1, 1e308, 1_000_001, 2.5, Number.MAX_SAFE_INTEGER]) {
      const errors = evaluateErrors(policy, countyFacts(), { params: { meetingsPerQuarter: value } });
      expect(errors).toEqual([
        {
          path: "params.meetingsPerQuarter",
          code: "invalid-param",
          message: {
            en: `expected a whole number from 0 to 1000000, got ${JSON.stringify(value)}`,
            zh: `应为 0 到 1000000 之间的整数，实际为 ${JSON.stringify(value)}`,
          },
        },
      ]);
    }
    for (const value of [0, 1_000_000])
      expect(
        evaluateOk(policy, countyFacts(), { params: { meetingsPerQuarter: value } }).params,
      ).toMatchObject({
        meetingsPerQuarter: value,
      });
  });

  it("refuses overrides that make escalation thresholds stop increasing", () => {
    const errors = evaluateErrors(policy, countyFacts(), { params: { gridDays: "40 days" } });
    expect(errors.map((e) => [e.path, e.code])).toEqual([["params.gridDays", "levels-not-increasing"]]);
    const lowered = evaluateErrors(policy, countyFacts(), { params: { townshipDays: "15 days" } });
    expect(lowered.map((e) => [e.path, e.code])).toEqual([["params.townshipDays", "levels-not-increasing"]]);
    expect(
      evaluateOk(policy, countyFacts(), { params: { gridDays: "40 days", townshipDays: "41 days" } }).params,
    ).toMatchObject({ gridDays: "40 days", townshipDays: "41 days" });
  });

  it("answers 300,000 unknown keys with at most 100 short errors, without overflowing the stack", () => {
    const params: Record<string, number> = {};
    for (let i = 0; i < 300_000; i++) params[`k${i}`] = 1;
    const errors = evaluateErrors(policy, countyFacts(), { params });
    expect(errors.length).toBe(100);
    expect(Math.max(...errors.map((e) => JSON.stringify(e).length))).toBeLessThan(300);
  });

  it("names an unknown key cut short when it is long", () => {
    const [error] = evaluateErrors(policy, countyFacts(), { params: { ["x".repeat(100_000)]: 1 } });
    expect(error!.message.en.length).toBeLessThan(150);
  });

  it("rejects a duration that is not a whole number of units, as the language does (R4030)", () => {
    for (const listing of ["1.5 days", "0.5 个月", 2.5]) {
      const errors = evaluateErrors(policy, countyFacts(), { params: { listing } });
      expect(errors.map((e) => [e.path, e.code])).toEqual([["params.listing", "invalid-param"]]);
    }
  });

  it("lists each parameter with its default", () => {
    expect(policy.params.find((p) => p.key === "listing")).toEqual({
      key: "listing",
      default: "7 days",
      description: "listing time limit",
    });
  });
});
