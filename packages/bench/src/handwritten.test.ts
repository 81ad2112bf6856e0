import { compile, type Policy } from "@remit/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCounty } from "./county.js";
import { handwrittenEvaluate, handwrittenRules } from "./handwritten.js";
import { loadZiyuanPolicy } from "./policy.js";

function ziyuan(): Policy {
  const sources = loadZiyuanPolicy();
  const compiled = compile({ files: sources.files, entry: sources.entry });
  if (!("policy" in compiled)) throw new Error("the Ziyuan policy compiles");
  return compiled.policy;
}

const policy = ziyuan();

describe("the hand-written baseline", () => {
  it("gives byte for byte the findings Remit gives for the same rules", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom("2026-03-15", "2026-07-01", "2026-11-28", "2027-02-01"),
        (seed, asOf) => {
          const facts = JSON.parse(JSON.stringify(generateCounty(seed, 0.1))) as Record<string, unknown>;
          const out = policy.evaluate(facts, { asOf, rules: handwrittenRules });
          if ("errors" in out) throw new Error(`facts rejected: ${out.errors[0]?.path}`);
          const hand = handwrittenEvaluate(facts, asOf);
          expect(hand.length).toBeGreaterThan(0);
          // The hand-written code builds the checks and condition trees, not the words for people
          // beside them: the explanation's sentences and the subject's display name.
          const withoutWords = function (this: object, key: string, value: unknown) {
            return (key === "text" && "because" in this) || (key === "name" && "collection" in this)
              ? undefined
              : value;
          };
          expect(JSON.stringify(hand)).toBe(JSON.stringify(out.result.findings, withoutWords));
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);

  it("rejects facts it cannot read, as Remit does", () => {
    const facts = JSON.parse(JSON.stringify(generateCounty(1, 0.1))) as { hazards: { venueId: string }[] };
    facts.hazards[0]!.venueId = "nowhere";
    expect(() => handwrittenEvaluate(facts, "2026-11-28")).toThrow(/hazards\[0\]\.venueId/);
    expect(policy.evaluate(facts, { asOf: "2026-11-28" })).toMatchObject({
      errors: [{ path: "hazards[0].venueId" }],
    });
  });
});
