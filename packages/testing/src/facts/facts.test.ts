import type { JsonValue, Policy } from "@remit/engine";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { boundariesOf } from "./boundaries.js";
import { type FactsDocument, factsFor } from "./facts.js";
import { fixturePolicy } from "./fixture.test-support.js";
import { invalidFactsFor, invalidKinds } from "./invalid.js";
import { everyConstructPolicy, ziyuanPolicy } from "./repository.test-support.js";

const policies: Record<string, () => Policy> = {
  ziyuan: ziyuanPolicy,
  "every-construct": everyConstructPolicy,
  fixture: fixturePolicy,
};

describe.each(Object.keys(policies))("the %s policy", (name) => {
  let policy: Policy;
  beforeAll(() => {
    policy = policies[name]!();
  });

  it("accepts every generated facts document", () => {
    fc.assert(
      fc.property(factsFor(policy), (facts) => {
        const out = policy.evaluate(facts);
        if ("errors" in out) throw new Error(out.errors.map((e) => `${e.path}: ${e.message.en}`).join("; "));
        expect(out.result.asOf).toBe(facts.asOf);
      }),
      { numRuns: 150 },
    );
  });

  it("rejects every broken document at the broken path, and only there", () => {
    fc.assert(
      fc.property(invalidFactsFor(policy), (invalid) => {
        const out = policy.evaluate(invalid.facts);
        expect(out).not.toHaveProperty("result");
        if (!("errors" in out)) return;
        expect(out.errors.map((e) => e.path)).toEqual([invalid.path]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("each way of breaking a document", () => {
  let policy: Policy;
  beforeAll(() => {
    policy = fixturePolicy();
  });

  it.each(invalidKinds)("%s is rejected at its path", (kind) => {
    fc.assert(
      fc.property(invalidFactsFor(policy, { kinds: [kind], sizes: { people: { min: 2 } } }), (invalid) => {
        expect(invalid.kind).toBe(kind);
        const out = policy.evaluate(invalid.facts);
        if (!("errors" in out)) throw new Error(`accepted: ${invalid.reason} at ${invalid.path}`);
        expect(out.errors.map((e) => e.path)).toEqual([invalid.path]);
      }),
      { numRuns: 60 },
    );
  });

  it("an undeclared enum value is reported as one", () => {
    const [invalid] = fc.sample(
      invalidFactsFor(policy, { kinds: ["undeclared-enum-value"], sizes: { people: 1 } }),
      {
        numRuns: 1,
        seed: 7,
      },
    );
    const out = policy.evaluate(invalid!.facts);
    expect("errors" in out && out.errors[0]!.code).toBe("invalid-enum");
    expect(invalid!.path).toBe("people[0].kind");
  });

  it("refuses an empty list of kinds", () => {
    expect(() => invalidFactsFor(policy, { kinds: [] })).toThrow(/at least one/);
  });
});

describe("factsFor", () => {
  let policy: Policy;
  beforeAll(() => {
    policy = fixturePolicy();
  });

  const ids = (facts: FactsDocument, collection: string): string[] =>
    ((facts[collection] as readonly { readonly id: string }[] | undefined) ?? []).map((e) => e.id);

  it("draws unique ids and references that resolve, even inside nested records", () => {
    fc.assert(
      fc.property(factsFor(policy, { maxElements: 5 }), (facts) => {
        const people = new Set(ids(facts, "people"));
        const teams = new Set(ids(facts, "teams"));
        expect(people.size).toBe(ids(facts, "people").length);
        expect(teams.size).toBe(ids(facts, "teams").length);
        const office = facts.office as { headId: string; budget: { ownerId: string }[] };
        expect(people.has(office.headId)).toBe(true);
        for (const line of office.budget) expect(people.has(line.ownerId)).toBe(true);
        for (const team of (facts.teams ?? []) as { stats: { members: { personId: string }[] } }[]) {
          for (const member of team.stats.members) expect(people.has(member.personId)).toBe(true);
        }
        for (const person of (facts.people ?? []) as { teamId: string; bossId?: string | null }[]) {
          expect(teams.has(person.teamId)).toBe(true);
          if (person.bossId != null) expect(people.has(person.bossId)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("fills the collections a record needs, through the references between them", () => {
    // office needs a head, a person needs a team: neither collection can be empty.
    fc.assert(
      fc.property(factsFor(policy), (facts) => {
        expect(ids(facts, "people").length).toBeGreaterThan(0);
        expect(ids(facts, "teams").length).toBeGreaterThan(0);
      }),
      { numRuns: 50 },
    );
    expect(() => factsFor(policy, { sizes: { teams: 0 } })).toThrow(
      /collection "teams" needs at least one element/,
    );
  });

  it("honours sizes and a fixed evaluation date", () => {
    fc.assert(
      fc.property(
        factsFor(policy, { asOf: "2026-10-17", sizes: { notes: 4, people: { min: 2, max: 3 } } }),
        (facts) => {
          expect(facts.asOf).toBe("2026-10-17");
          expect(ids(facts, "notes")).toHaveLength(4);
          expect(ids(facts, "people").length).toBeGreaterThanOrEqual(2);
          expect(ids(facts, "people").length).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 50 },
    );
    expect(() => factsFor(policy, { sizes: { nowhere: 1 } })).toThrow(/undeclared collection "nowhere"/);
    expect(() => factsFor(policy, { asOf: "2026-02-30" })).toThrow(/not a date: "2026-02-30"/);
  });

  it("leaves optional fields out, sets them to null, and fills them", () => {
    const seen = { absent: false, null: false, set: false };
    for (const facts of fc.sample(factsFor(policy, { sizes: { people: 3 } }), { numRuns: 100, seed: 3 })) {
      for (const person of facts.people as { readonly [key: string]: JsonValue }[]) {
        if (!("leftOn" in person)) seen.absent = true;
        else if (person.leftOn === null) seen.null = true;
        else seen.set = true;
      }
    }
    expect(seen).toEqual({ absent: true, null: true, set: true });
  });
});

describe("boundaries", () => {
  it("reads the literals and parameter defaults of every module", () => {
    const boundaries = boundariesOf(ziyuanPolicy());
    expect(boundaries.dates).toContain("2026-12-31");
    expect(boundaries.dates).toContain("2026-02-13");
    expect(boundaries.days).toEqual(expect.arrayContaining([7, 15, 30]));
    // The first budget year, `startOfYear(planIssued) - 1 year`: 12 months.
    expect(boundaries.months).toContain(12);
    expect(boundaries.numbers).toEqual(expect.arrayContaining([50000, 15, 5]));
    expect(boundaries.texts).toContain("重大");
  });

  it("puts dates on either side of a deadline a policy duration away from the evaluation date", () => {
    const policy = fixturePolicy();
    const offsets = new Set<number>();
    const day = (text: string): number => Date.parse(`${text}T00:00:00Z`) / 86_400_000;
    for (const facts of fc.sample(factsFor(policy, { asOf: "2026-10-17", sizes: { people: 3 } }), {
      numRuns: 200,
      seed: 11,
    })) {
      for (const person of facts.people as { joinedOn: string }[])
        offsets.add(day("2026-10-17") - day(person.joinedOn));
    }
    // The `window` parameter is 10 days: the day before, the day and the day after all come up.
    for (const offset of [9, 10, 11, -10, 0, 1, -1, 30, 31]) expect(offsets).toContain(offset);
  });

  it("puts two dates of one element a policy duration apart, and a day either side", () => {
    const policy = fixturePolicy();
    const gaps = new Set<number>();
    const day = (text: string): number => Date.parse(`${text}T00:00:00Z`) / 86_400_000;
    const people = factsFor(policy, { sizes: { people: 3 } });
    for (const facts of fc.sample(people, { numRuns: 300, seed: 13 })) {
      for (const person of facts.people as { joinedOn: string; leftOn?: string | null }[]) {
        if (typeof person.leftOn === "string") gaps.add(day(person.leftOn) - day(person.joinedOn));
      }
    }
    for (const gap of [0, 9, 10, 11]) expect(gaps).toContain(gap);
  });

  it("puts integers on and around the thresholds", () => {
    const policy = fixturePolicy();
    const sizes = new Set<number>();
    for (const facts of fc.sample(factsFor(policy, { sizes: { teams: 3 } }), { numRuns: 100, seed: 5 })) {
      for (const team of facts.teams as { size: number }[]) sizes.add(team.size);
    }
    for (const n of [11, 12, 13]) expect(sizes).toContain(n);
  });
});
