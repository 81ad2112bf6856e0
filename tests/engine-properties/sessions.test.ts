/**
 * Incremental sessions agree with a full evaluation on the policy that uses every construct:
 * prohibitions (`must not … forbids`), half-year periods due after their end, missed periods,
 * `when` levels dated on the first day they held, and an optional collection. A session opened
 * on one random document and moved, element by element, to another answers exactly what a full
 * evaluation of the second answers.
 */
import type { FactsDraft } from "@remit/engine";
import { factsFor } from "@remit/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { everyConstruct } from "./src/policies.js";

type Document = Record<string, unknown>;

describe("incremental sessions on examples/every-construct", () => {
  const policy = everyConstruct();
  const asOf = "2026-11-28";
  const documents = factsFor(policy, { maxElements: 3, asOf });

  it("equal a full evaluation after any change of the facts", () => {
    fc.assert(
      fc.property(documents, documents, (first, second) => {
        const session = policy.open(first, { asOf });
        if (!("update" in session)) throw new Error("generated facts are valid");
        const outcome = session.update((draft: FactsDraft) => {
          const target = draft as unknown as Document;
          for (const key of Object.keys(target)) if (!(key in (second as Document))) delete target[key];
          for (const [key, value] of Object.entries(second as Document)) target[key] = structuredClone(value);
        });
        if ("errors" in outcome) throw new Error(outcome.errors.map((e) => e.path).join(", "));
        const full = policy.evaluate(second, { asOf });
        if ("errors" in full) throw new Error("generated facts are valid");
        expect(session.result()).toEqual(full.result);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("see the new statuses among the findings they keep up to date", () => {
    const statuses = new Set<string>();
    fc.assert(
      fc.property(documents, (facts) => {
        const full = policy.evaluate(facts, { asOf });
        if ("result" in full) for (const f of full.result.findings) statuses.add(f.status);
      }),
      { numRuns: 60 },
    );
    // The generator reaches the constructs the first property is about.
    expect(statuses).toContain("violated");
    expect(statuses).toContain("missed");
  });
});
