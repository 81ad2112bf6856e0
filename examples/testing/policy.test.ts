/**
 * Tests of the example policy: scenarios on hand-written facts, then properties on generated ones.
 * Run with `pnpm vitest run --config examples/testing/vitest.config.ts` from the repository root.
 */
import { readFileSync } from "node:fs";
import { compile, type EvaluationResult, type Policy } from "@remit/engine";
import { atDates, expectFinding, expectNoFinding, factsFor, invalidFactsFor } from "@remit/testing";
import "@remit/testing/vitest";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

const here = (file: string): string => readFileSync(new URL(file, import.meta.url), "utf8");

let policy: Policy;
const facts: unknown = JSON.parse(here("facts.json"));

beforeAll(() => {
  const compiled = compile(here("policy.remit"));
  if (!("policy" in compiled)) throw new Error(compiled.diagnostics.map((d) => d.message.en).join("\n"));
  policy = compiled.policy;
});

function evaluate(asOf: string): EvaluationResult {
  const out = policy.evaluate(facts, { asOf });
  if ("errors" in out) throw new Error(out.errors.map((e) => `${e.path}: ${e.message.en}`).join("\n"));
  return out.result;
}

describe("scenarios", () => {
  it("a major hazard found on 1 October is due on the 8th, and late from the 9th", () => {
    expect(evaluate("2026-10-08")).toHaveFinding({
      rule: "major-listing",
      subject: "H1",
      status: "due-soon",
      due: "2026-10-08",
      holder: "Ziyuan Town Government",
    });
    expect(evaluate("2026-10-09")).toHaveFinding({
      rule: "major-listing",
      subject: "H1",
      status: "overdue",
      overdueDays: 1,
    });
  });

  it("the ladder reaches the township on day 16", () => {
    // Found on 20 September: the grid has it through 5 October (start + 15 days).
    atDates(["2026-09-20", "2026-10-05"], (asOf) => {
      expectFinding(evaluate(asOf), { rule: "general-ladder", subject: "H2", status: "grid" });
    });
    atDates(["2026-10-06", "2026-10-31"], (asOf) => {
      expectFinding(evaluate(asOf), {
        rule: "general-ladder",
        subject: "H2",
        status: "township",
        overdue: false,
        reached: { grid: "2026-09-20", township: "2026-10-06" },
      });
    });
  });

  it("a hazard does not exist before it is found", () => {
    expectNoFinding(evaluate("2026-09-30"), { subject: "H1" });
    expect(evaluate("2026-09-30")).not.toHaveFinding({ rule: "major-listing" });
  });
});

describe("properties", () => {
  it("any valid county gives findings that agree with their own status", () => {
    fc.assert(
      fc.property(factsFor(policy), (county) => {
        const out = policy.evaluate(county);
        if ("errors" in out) throw new Error(out.errors.map((e) => `${e.path}: ${e.message.en}`).join("\n"));
        for (const finding of out.result.findings) {
          // Every duty here requires a date, so a met one knows the day it was met.
          if (finding.status === "met") expect(finding.metOn).toBeDefined();
          if (finding.late) expect(finding.status).toBe("met");
          if (finding.status === "overdue") expect(finding.overdueDays).toBeGreaterThan(0);
          for (const day of Object.values(finding.reached ?? {})) expect(day <= out.result.asOf).toBe(true);
          if (finding.kind === "escalation") expect(["grid", "township", "closed"]).toContain(finding.status);
        }
      }),
    );
  });

  it("a document broken in one way is rejected at the broken place", () => {
    fc.assert(
      fc.property(invalidFactsFor(policy), (invalid) => {
        const out = policy.evaluate(invalid.facts);
        expect("errors" in out && out.errors.map((e) => e.path)).toEqual([invalid.path]);
      }),
    );
  });
});
