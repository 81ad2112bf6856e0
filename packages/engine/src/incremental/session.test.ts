import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileInternals } from "../policy.js";
import type { Finding } from "../result.js";
import { type CountyFacts, countyFacts } from "../testing/county.js";
import { countyPolicyCompiled, evaluateOk } from "../testing/helpers.js";
import type { FactsDraft } from "./session.js";
import { Session } from "./session.js";

const policy = countyPolicyCompiled();
const asOf = "2026-11-28";

const dates = fc.option(
  fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10)),
  { nil: null },
);

type Update = { readonly label: string; readonly apply: (draft: CountyFacts) => void };

const updates: fc.Arbitrary<Update> = fc.oneof(
  fc.tuple(fc.nat(10), dates).map(([i, d]) => ({
    label: `rectify ${i} ${d}`,
    apply: (f: CountyFacts) => {
      const h = f.hazards[i % f.hazards.length];
      if (h) h.rectifiedOn = d;
    },
  })),
  fc.tuple(fc.nat(10), dates).map(([i, d]) => ({
    label: `list ${i} ${d}`,
    apply: (f: CountyFacts) => {
      const h = f.hazards[i % f.hazards.length];
      if (h) h.listedOn = d;
    },
  })),
  fc.tuple(fc.nat(10), dates).map(([i, d]) => ({
    label: `rectifyBy ${i} ${d}`,
    apply: (f: CountyFacts) => {
      const h = f.hazards[i % f.hazards.length];
      if (h) h.rectifyBy = d;
    },
  })),
  fc.tuple(fc.nat(10), fc.nat(3)).map(([i, v]) => ({
    label: `move hazard ${i} to venue ${v}`,
    apply: (f: CountyFacts) => {
      const h = f.hazards[i % f.hazards.length];
      const venue = f.venues[v % f.venues.length];
      if (h && venue) h.venueId = venue.id;
    },
  })),
  fc
    .tuple(
      fc.nat(10),
      dates.filter((d) => d !== null),
      fc.constantFrom("一般", "重大"),
    )
    .map(([i, d, level]) => ({
      label: `add hazard ${i} ${d} ${level}`,
      apply: (f: CountyFacts) => {
        f.hazards.push({
          id: `N${f.hazards.length}-${i}`,
          venueId: f.venues[i % f.venues.length]!.id,
          level,
          foundOn: d!,
          rectifyBy: null,
          rectifiedOn: null,
          listedOn: null,
        });
      },
    })),
  fc.tuple(fc.nat(2), dates, fc.constantFrom("专职", "兼职", "无")).map(([i, d, kind]) => ({
    label: `team ${i} ${kind} ${d}`,
    apply: (f: CountyFacts) => {
      const t = f.townships[i]!;
      t.team.kind = kind;
      t.team.establishedOn = d;
    },
  })),
  fc.tuple(fc.nat(2), dates).map(([i, d]) => ({
    label: `leadership ${i} ${d}`,
    apply: (f: CountyFacts) => {
      f.townships[i]!.leadershipOn = d;
    },
  })),
  fc
    .tuple(
      fc.nat(2),
      dates.filter((d) => d !== null),
    )
    .map(([i, d]) => ({
      label: `meeting ${i} ${d}`,
      apply: (f: CountyFacts) => {
        f.townships[i]!.analysisMeetings.push(d!);
      },
    })),
  fc.tuple(fc.nat(1), fc.nat(2), dates).map(([v, t, d]) => ({
    label: `village ${v} to ${t} pact ${d}`,
    apply: (f: CountyFacts) => {
      const village = f.villages[v]!;
      village.townshipId = f.townships[t]!.id;
      village.firePactOn = d;
    },
  })),
  fc.tuple(fc.nat(1), fc.nat(2)).map(([v, t]) => ({
    label: `venue ${v} to township ${t}`,
    apply: (f: CountyFacts) => {
      f.venues[v]!.townshipId = f.townships[t]!.id;
    },
  })),
  fc
    .tuple(
      fc.nat(1),
      dates.filter((d) => d !== null),
      fc.nat(2),
    )
    .map(([i, d, deaths]) => ({
      label: `incident ${i} ${d} ${deaths}`,
      apply: (f: CountyFacts) => {
        const x = f.incidents[i]!;
        x.date = d!;
        x.deaths = deaths;
      },
    })),
  dates
    .filter((d) => d !== null)
    .map((d) => ({
      label: `county meeting ${d}`,
      apply: (f: CountyFacts) => {
        f.county.analysisMeetings.push(d!);
      },
    })),
  fc.constant({
    label: "remove last hazard",
    apply: (f: CountyFacts) => {
      f.hazards.pop();
    },
  }),
  fc.constant({
    label: "dangling venue",
    apply: (f: CountyFacts) => {
      const h = f.hazards[0];
      if (h) h.venueId = "P404";
    },
  }),
  fc.constant({
    label: "duplicate township id",
    apply: (f: CountyFacts) => {
      f.townships[1]!.id = "T01";
    },
  }),
);

const key = (f: Finding): string => `${f.rule}|${f.subject.collection}|${f.subject.id}|${f.period ?? ""}`;

const internals = compileInternals(policy.checked);

function agreeWithFullEvaluation(open: (facts: CountyFacts) => ReturnType<typeof policy.open>): void {
  fc.assert(
    fc.property(fc.array(updates, { maxLength: 12 }), (sequence) => {
      const opened = open(countyFacts());
      if (!(opened instanceof Session)) throw new Error("the sample facts are valid");
      let current = countyFacts();
      for (const update of sequence) {
        const next = structuredClone(current);
        update.apply(next);
        const expected = policy.evaluate(next, { asOf });
        const previous = opened.result();
        const outcome = opened.update((draft: FactsDraft) => update.apply(draft as unknown as CountyFacts));
        if ("errors" in expected) {
          expect("errors" in outcome, update.label).toBe(true);
          expect(opened.result()).toEqual(previous);
          continue;
        }
        if ("errors" in outcome)
          throw new Error(`${update.label}: ${outcome.errors.map((e) => e.path).join(", ")}`);
        current = next;
        expect(opened.result(), update.label).toEqual(expected.result);
        const before = new Map(previous.findings.map((f) => [key(f), JSON.stringify(f)]));
        const after = new Map(expected.result.findings.map((f) => [key(f), JSON.stringify(f)]));
        expect(outcome.added.map(key).sort()).toEqual([...after.keys()].filter((k) => !before.has(k)).sort());
        expect(outcome.removed.map(key).sort()).toEqual(
          [...before.keys()].filter((k) => !after.has(k)).sort(),
        );
        expect(outcome.changed.map(key).sort()).toEqual(
          [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)).sort(),
        );
      }
    }),
    { numRuns: 80 },
  );
}

describe("incremental sessions", () => {
  it("always agree with a full evaluation of the same facts, and report the difference", () => {
    agreeWithFullEvaluation((facts) => policy.open(facts, { asOf }));
  }, 120_000);

  it("agree with a full evaluation when collections span many chunks", () => {
    // Chunks of two elements: every collection of the sample county spans several.
    agreeWithFullEvaluation((facts) => Session.open(internals, facts, { asOf }, 1));
  }, 120_000);

  it("takes a whole new document returned by the recipe", () => {
    const session = policy.open(countyFacts(), { asOf }) as Session;
    const replacement = countyFacts();
    replacement.hazards = replacement.hazards.slice(1);
    // The recipe's type says it returns nothing; immer (and so the session) also take a document.
    const returnsDocument = (() => replacement) as unknown as (draft: FactsDraft) => void;
    const outcome = session.update(returnsDocument);
    if ("errors" in outcome) throw new Error("valid update");
    expect(session.lastUpdate().mode).toBe("full");
    expect(session.result()).toEqual(evaluateOk(policy, replacement, { asOf }));
  });

  it("keeps the facts it reads in step with its chunks", () => {
    const session = Session.open(internals, countyFacts(), { asOf }, 1) as Session;
    const outcome = session.update((draft) => {
      const facts = draft as unknown as CountyFacts;
      facts.hazards.push({ ...facts.hazards[0]!, id: "N1", rectifiedOn: null });
      facts.hazards[facts.hazards.length - 2]!.listedOn = "2026-11-01";
      expect(Array.isArray(facts.hazards)).toBe(true);
      expect(facts.hazards.map((h) => h.id).slice(-1)).toEqual(["N1"]);
    });
    if ("errors" in outcome) throw new Error("valid update");
    expect(session.lastUpdate().mode).toBe("incremental");
    const expected = countyFacts();
    expected.hazards.push({ ...expected.hazards[0]!, id: "N1", rectifiedOn: null });
    expected.hazards[expected.hazards.length - 2]!.listedOn = "2026-11-01";
    expect(session.result()).toEqual(evaluateOk(policy, expected, { asOf }));
  });

  it("reports just the changed finding when one hazard is rectified", () => {
    const session = policy.open(countyFacts(), { asOf }) as Session;
    const diff = session.update((draft) => {
      (draft as unknown as CountyFacts).hazards[1]!.rectifiedOn = "2026-11-27";
    });
    if ("errors" in diff) throw new Error("valid update");
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((f) => [f.rule, f.subject.id, f.status])).toEqual([
      ["general-hazard-ladder", "H0501", "closed"],
    ]);
    // The two hazard rules for that hazard, and the county rule (a record subject is re-read whole).
    expect(session.lastUpdate()).toEqual({ mode: "incremental", evaluated: 3 });
  });

  it("rejects an update that breaks the facts and keeps the previous state", () => {
    const session = policy.open(countyFacts(), { asOf }) as Session;
    const before = session.result();
    const outcome = session.update((draft) => {
      (draft as unknown as CountyFacts).hazards[0]!.foundOn = "2026-02-30";
    });
    expect(outcome).toMatchObject({ errors: [{ path: "hazards[0].foundOn", code: "invalid-date" }] });
    expect(session.result()).toEqual(before);
  });

  it("does not change the caller's facts", () => {
    const facts = countyFacts();
    const session = policy.open(facts, { asOf }) as Session;
    session.update((draft) => {
      (draft as unknown as CountyFacts).hazards[0]!.listedOn = null;
    });
    expect(facts).toEqual(countyFacts());
    expect(Object.isFrozen(facts)).toBe(false);
  });

  it("refuses to open past the periods limit, as evaluate does, with a structured error", () => {
    expect(policy.open(countyFacts(), { asOf: "9999-12-31" })).toMatchObject({
      errors: [{ path: "asOf", code: "too-many-periods" }],
    });
    expect(policy.open(countyFacts(), { limits: { findings: 3 } })).toMatchObject({
      errors: [{ code: "too-many-findings" }],
    });
  });

  it("refuses an update past a limit and keeps its facts and findings, full or incremental", () => {
    // Full: the facts' own evaluation date moved to the far future.
    const session = policy.open(countyFacts()) as Session;
    const before = session.result();
    const farFuture = session.update((draft) => {
      draft.asOf = "9999-12-31";
    });
    expect(farFuture).toMatchObject({ errors: [{ path: "asOf", code: "too-many-periods" }] });
    expect(session.result()).toEqual(before);

    // Incremental: a new hazard whose findings would pass the findings limit.
    const count = before.findings.length;
    const bounded = policy.open(countyFacts(), { limits: { findings: count } }) as Session;
    const tooMany = bounded.update((draft) => {
      const facts = draft as unknown as CountyFacts;
      facts.hazards.push({ ...facts.hazards[0]!, id: "N1", rectifiedOn: null });
    });
    expect(tooMany).toMatchObject({ errors: [{ code: "too-many-findings" }] });
    expect(bounded.result()).toEqual(before);
    // The session goes on: a later update within the limits agrees with a full evaluation.
    const next = bounded.update((draft) => {
      (draft as unknown as CountyFacts).hazards[1]!.rectifiedOn = "2026-11-27";
    });
    expect("errors" in next).toBe(false);
    const expected = countyFacts();
    expected.hazards[1]!.rectifiedOn = "2026-11-27";
    expect(bounded.result()).toEqual(evaluateOk(policy, expected));
  });

  it("opens only on valid facts", () => {
    const facts = countyFacts();
    facts.hazards[0]!.venueId = "nowhere";
    expect(policy.open(facts, { asOf })).toMatchObject({ errors: [{ path: "hazards[0].venueId" }] });
    expect(evaluateOk(policy, countyFacts(), { asOf }).findings.length).toBe(
      (policy.open(countyFacts(), { asOf }) as Session).result().findings.length,
    );
  });
});
