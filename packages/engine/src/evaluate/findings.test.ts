import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding } from "../result.js";
import { countyFacts } from "../testing/county.js";
import { countyPolicyCompiled, evaluateOk } from "../testing/helpers.js";
import { Interned } from "./interned.js";

const policy = countyPolicyCompiled();

/** The county with `extra` general hazards found on the same day, like H0501, none rectified. */
function countyWithTwins(extra: number): ReturnType<typeof countyFacts> {
  const facts = countyFacts();
  const general = facts.hazards.find((h) => h.level === "一般" && h.rectifiedOn === null)!;
  for (let i = 0; i < extra; i++) facts.hazards.push({ ...general, id: `${general.id}-${i}` });
  return facts;
}

describe("findings", () => {
  it("have exactly the keys of their JSON, in the same order, and no undefined values", () => {
    const { findings } = evaluateOk(policy, countyFacts());
    expect(new Set(findings.map((f) => f.kind))).toEqual(new Set(["duty", "escalation", "accountability"]));
    for (const finding of findings) {
      const keys = Object.keys(finding);
      expect(keys).toEqual(Object.keys(JSON.parse(JSON.stringify(finding))));
      expect(keys.at(-1)).toBe("explanation");
      expect(Object.values(finding).includes(undefined)).toBe(false);
      expect(Object.getOwnPropertySymbols(finding)).toEqual([]);
    }
  });

  it("build a frozen finding's explanation once, the same as an unfrozen one's", () => {
    const frozen = evaluateOk(policy, countyFacts()).findings.map((f) => Object.freeze(f));
    const plain = evaluateOk(policy, countyFacts()).findings;
    frozen.forEach((finding, i) => {
      const first = finding.explanation;
      expect(finding.explanation).toBe(first);
      expect(first).toEqual(plain[i]!.explanation);
    });
  });

  it("share one frozen `reached` record between cases that reached the same levels on the same days", () => {
    const { findings } = evaluateOk(policy, countyWithTwins(3));
    const ladder = findings.filter((f) => f.rule === "general-hazard-ladder");
    const byReached = new Map<string, Finding[]>();
    for (const f of ladder) {
      const key = JSON.stringify(f.reached);
      byReached.set(key, [...(byReached.get(key) ?? []), f]);
    }
    const twins = [...byReached.values()].find((group) => group.length === 4);
    expect(twins).toBeDefined();
    for (const f of twins!) expect(f.reached).toBe(twins![0]!.reached);
    expect(Object.isFrozen(twins![0]!.reached)).toBe(true);
    expect(() => {
      (twins![0]!.reached as Record<string, string>).grid = "2000-01-01";
    }).toThrow(TypeError);
    // Different days, different records.
    const others = ladder.filter((f) => JSON.stringify(f.reached) !== JSON.stringify(twins![0]!.reached));
    expect(others.length).toBeGreaterThan(0);
    for (const f of others) expect(f.reached).not.toBe(twins![0]!.reached);
  });

  it("share records within one facts document only", () => {
    const first = evaluateOk(policy, countyWithTwins(1)).findings.find(
      (f) => f.rule === "general-hazard-ladder",
    )!;
    const again = evaluateOk(policy, countyWithTwins(1)).findings.find(
      (f) => f.rule === "general-hazard-ladder",
    )!;
    expect(again.reached).toEqual(first.reached);
    expect(again.reached).not.toBe(first.reached);
  });
});

describe("Interned", () => {
  it("keeps a value per sequence of numbers, found without building a key", () => {
    const table = new Interned<string>();
    const scratch = [0, 20_000, 1, 20_016, 9, 9];
    expect(table.find(scratch, 4)).toBeUndefined();
    expect(table.keep(scratch, 4, "a")).toBe("a");
    expect(table.find([0, 20_000, 1, 20_016], 4)).toBe("a");
    // A prefix, a longer sequence and another order are other keys.
    expect(table.find(scratch, 2)).toBeUndefined();
    expect(table.find(scratch, 6)).toBeUndefined();
    expect(table.find([1, 20_016, 0, 20_000], 4)).toBeUndefined();
    // The key was copied: reusing the scratch array changes nothing kept.
    scratch[1] = 7;
    expect(table.find([0, 20_000, 1, 20_016], 4)).toBe("a");
  });

  it("finds each of many keys' own value", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.array(fc.integer({ min: -50_000, max: 50_000 }), { maxLength: 6 }), {
          selector: (key) => key.join(","),
          maxLength: 60,
        }),
        (keys) => {
          const table = new Interned<number>();
          for (const [i, key] of keys.entries()) table.keep(key, key.length, i);
          for (const [i, key] of keys.entries()) expect(table.find(key, key.length)).toBe(i);
        },
      ),
    );
  });

  it("past its capacity still answers, keeping nothing more", () => {
    const table = new Interned<string>(1);
    table.keep([1], 1, "a");
    expect(table.keep([2], 1, "b")).toBe("b");
    expect(table.find([1], 1)).toBe("a");
    expect(table.find([2], 1)).toBeUndefined();
  });
});
