/**
 * Properties of the Ziyuan policy over whole ranges of days, where the scenarios pin single
 * boundaries: the general-hazard ladder, the listing deadline and the due-soon window.
 */
import { compile } from "@remit/engine";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type JsonObject, policyFiles, type Scenario, scenarioFacts } from "./src/scenarios.js";

type Policy = Extract<ReturnType<typeof compile>, { policy: unknown }>["policy"];
let policy: Policy;

beforeAll(() => {
  const compiled = compile(policyFiles());
  if (!("policy" in compiled)) throw new Error("the Ziyuan policy does not compile");
  policy = compiled.policy;
});

// Date arithmetic for the expectations, independent of the engine's calendar.
const msPerDay = 86_400_000;
const day = (text: string): number => Date.parse(`${text}T00:00:00Z`) / msPerDay;
const iso = (d: number, n = 0): string => new Date((d + n) * msPerDay).toISOString().slice(0, 10);

function findingsOf(asOf: string, facts: JsonObject, params: JsonObject = {}) {
  const scenario: Scenario = { id: "property", name: "property", clauses: [], asOf, facts };
  const outcome = policy.evaluate(scenarioFacts(scenario), { asOf, params });
  if ("errors" in outcome) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result.findings;
}

// Any found date in the plan's first two years, any age up to 120 days.
const foundDay = fc.integer({ min: 0, max: 700 }).map((n) => iso(day("2026-02-13"), n));

describe("general-hazard-ladder", () => {
  it("is at grid level to day 15, township to day 30, county from day 31", () => {
    fc.assert(
      fc.property(foundDay, fc.integer({ min: 0, max: 120 }), (found, age) => {
        const asOf = iso(day(found), age);
        const hazard = {
          id: "H01",
          venueId: "P01",
          level: "一般",
          foundOn: found,
          rectifyBy: null,
          rectifiedOn: null,
          listedOn: null,
        };
        const ladder = findingsOf(asOf, { hazards: [hazard] }).find(
          (f) => f.rule === "general-hazard-ladder",
        );
        const expected = age <= 15 ? "grid" : age <= 30 ? "township" : "county";
        expect(ladder?.status).toBe(expected);
        expect(ladder?.overdue ?? false).toBe(false);
        if (age >= 16) expect(ladder?.reached?.township).toBe(iso(day(found), 16));
        if (age >= 31) expect(ladder?.reached?.county).toBe(iso(day(found), 31));
      }),
      { numRuns: 60 },
    );
  });

  it("within its rectification date stays at the grid; past it, one level above its age counted from the date", () => {
    fc.assert(
      fc.property(
        foundDay,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (found, limit, age) => {
          const asOf = iso(day(found), age);
          const hazard = {
            id: "H01",
            venueId: "P01",
            level: "一般",
            foundOn: found,
            rectifyBy: iso(day(found), limit),
            rectifiedOn: null,
            listedOn: null,
          };
          const ladder = findingsOf(asOf, { hazards: [hazard] }).find(
            (f) => f.rule === "general-hazard-ladder",
          );
          const levels = ["grid", "township", "county"];
          // The ladder's days count from the later of the found date and the deadline.
          const sinceClock = age - Math.max(limit, 0);
          const byAge = sinceClock <= 15 ? 0 : sinceClock <= 30 ? 1 : 2;
          const overdue = age > limit;
          expect(ladder?.status).toBe(levels[overdue ? Math.min(byAge + 1, 2) : byAge]);
          expect(ladder?.overdue ?? false).toBe(overdue);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("is closed once rectified, whatever its age", () => {
    fc.assert(
      fc.property(
        foundDay,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (found, fixedAfter, extra) => {
          const rectified = iso(day(found), fixedAfter);
          const asOf = iso(day(found), fixedAfter + extra);
          const hazard = {
            id: "H01",
            venueId: "P01",
            level: "一般",
            foundOn: found,
            rectifyBy: iso(day(found), 5),
            rectifiedOn: rectified,
            listedOn: null,
          };
          const ladder = findingsOf(asOf, { hazards: [hazard] }).find(
            (f) => f.rule === "general-hazard-ladder",
          );
          expect(ladder?.status).toBe("closed");
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("major-hazard-listing", () => {
  it("is late exactly when listed more than 7 days after being found", () => {
    fc.assert(
      fc.property(foundDay, fc.integer({ min: 0, max: 30 }), (found, delay) => {
        const listed = iso(day(found), delay);
        const hazard = {
          id: "H01",
          venueId: "P01",
          level: "重大",
          foundOn: found,
          rectifyBy: iso(day(found), 60),
          rectifiedOn: null,
          listedOn: listed,
        };
        const listing = findingsOf(iso(day(found), 40), { hazards: [hazard] }).find(
          (f) => f.rule === "major-hazard-listing",
        );
        expect(listing).toMatchObject({ status: "met", metOn: listed, due: iso(day(found), 7) });
        expect(listing?.late ?? false).toBe(delay > 7);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the due-soon window", () => {
  it("is the 30 days up to the target date; before it pending, after it overdue", () => {
    const target = day("2026-12-31");
    fc.assert(
      fc.property(fc.integer({ min: -120, max: 60 }), (offset) => {
        const asOf = iso(target, offset);
        const facts: JsonObject = { townships: [{ $from: "T01", leadershipMechanismOn: null }] };
        const duty = findingsOf(asOf, facts).find((f) => f.rule === "township-leadership-mechanism");
        const left = -offset;
        const expected = left < 0 ? "overdue" : left <= 30 ? "due-soon" : "pending";
        expect(duty?.status).toBe(expected);
      }),
      { numRuns: 80 },
    );
  });
});

describe("the budget duties and the fire review", () => {
  it("agree on every date: missing support exactly when the year's budget duty is past due and unmet", () => {
    const ruleOf = {
      teamPersonnel: "county-budget-team-personnel",
      stationOperating: "county-budget-station-operating",
      projects: "county-budget-projects",
    } as const;
    const budgetLine = fc.constantFrom(...(Object.keys(ruleOf) as (keyof typeof ruleOf)[]));
    fc.assert(
      fc.property(
        fc.integer({ min: -60, max: 90 }),
        fc.option(fc.integer({ min: -60, max: 90 })),
        budgetLine,
        fc.constantFrom("0 days", "15 days", "1 month"),
        (fireOffset, adoptedOffset, missingLine, grace) => {
          const newYear = day("2027-01-01");
          const fireDate = iso(newYear, fireOffset);
          const lines = { teamPersonnel: true, stationOperating: true, projects: true, [missingLine]: false };
          const budget2027 =
            adoptedOffset === null
              ? []
              : [
                  { year: 2027, adoptedOn: iso(newYear, adoptedOffset), ...lines },
                  // An adjustment ten days later adds the missing line.
                  {
                    year: 2027,
                    adoptedOn: iso(newYear, adoptedOffset + 10),
                    ...{ teamPersonnel: false, stationOperating: false, projects: false },
                    [missingLine]: true,
                  },
                ];
          const facts: JsonObject = {
            county: {
              budget: [
                {
                  year: 2026,
                  adoptedOn: "2025-12-20",
                  teamPersonnel: true,
                  stationOperating: true,
                  projects: true,
                },
                ...budget2027,
              ],
            },
            incidents: [
              { id: "F01", townshipId: "T01", date: fireDate, deaths: 1, injuries: 0, socialImpact: "一般" },
            ],
          };
          const findings = findingsOf(fireDate, facts, { budgetGrace: grace });
          const review = findings.find((f) => f.rule === "fire-accountability");
          const missingSupport = review?.causes?.includes("工作保障不到位") ?? false;
          const year = fireDate.slice(0, 4);
          const prepared = String(Number(year) - 1);
          const duty = findings.find((f) => f.rule === ruleOf[missingLine] && f.period === prepared);
          expect(duty).toBeDefined();
          expect(missingSupport).toBe(duty?.status === "missed" || duty?.status === "overdue");
        },
      ),
      { numRuns: 120 },
    );
  });
});
