import type { EvaluationResult } from "@remit/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { factsFor } from "../facts/index.js";
import { atDates, expectFinding, expectNoFinding, FindingAssertionError } from "./expect.js";
import { type FindingPattern, mismatchesOf } from "./match.js";
import { evaluateAt, scenarioFacts, scenarioPolicy } from "./scenario.test-support.js";
import "./vitest.js";

function resultAt(asOf: string): EvaluationResult {
  const out = evaluateAt(asOf);
  if ("errors" in out) throw new Error(out.errors.map((e) => e.message.en).join("; "));
  return out.result;
}

/** The message of what `run` throws. */
function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected a failure");
}

describe("expectFinding", () => {
  it("returns the finding of the rule, subject and period", () => {
    const result = resultAt("2026-10-08");
    const finding = expectFinding(result, { rule: "analysis", subject: "C", period: "2026-Q2" });
    expect(finding.status).toBe("missed");
    expect(finding.due).toBe("2026-06-30");
    expect(
      expectFinding(result, {
        rule: "listing",
        subject: { collection: "hazards", id: "H1" },
        status: "due-soon",
      }).due,
    ).toBe("2026-10-08");
  });

  it("takes the engine's outcome as well as its result", () => {
    expect(expectFinding(evaluateAt("2026-10-09"), { rule: "listing", subject: "H1" }).status).toBe(
      "overdue",
    );
  });

  it("lists the near misses field by field", () => {
    const message = failure(() =>
      expectFinding(resultAt("2026-10-08"), { rule: "listing", subject: "H1", status: "overdue" }),
    );
    expect(message).toBe(
      [
        'expected a finding matching {"rule":"listing","subject":"H1","status":"overdue"}',
        "near misses:",
        '  listing hazards/H1 status="due-soon" due="2026-10-08"',
        '    status: expected "overdue", got "due-soon"',
        '  listing hazards/H2 status="met" due="2026-09-08" metOn="2026-09-10" late=true',
        '    subject: expected "H1", got {"collection":"hazards","id":"H2"}',
        '    status: expected "overdue", got "met"',
      ].join("\n"),
    );
  });

  it("names the rules there are when the rule has no finding", () => {
    const message = failure(() => expectFinding(resultAt("2026-10-08"), { rule: "lisitng", subject: "H1" }));
    expect(message).toMatch(/no finding of rule "lisitng"; its rules are: listing, analysis$/);
  });

  it("carries the nearest finding and the pattern for a runner's diff", () => {
    let error: unknown;
    try {
      expectFinding(resultAt("2026-10-08"), { rule: "listing", subject: "H1", status: "overdue" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FindingAssertionError);
    expect((error as FindingAssertionError).actual).toEqual({
      rule: "listing",
      subject: "H1",
      status: "due-soon",
    });
    expect((error as FindingAssertionError).expected).toEqual({
      rule: "listing",
      subject: "H1",
      status: "overdue",
    });
  });

  it("reads null as absent and false as absent for flags", () => {
    const result = resultAt("2026-10-08");
    expectFinding(result, { rule: "listing", subject: "H1", late: false, metOn: null });
    expect(() => expectFinding(result, { rule: "listing", subject: "H2", late: false })).toThrow(
      /late: expected false, got true/,
    );
    expect(() => expectFinding(result, { rule: "listing", subject: "H2", metOn: null })).toThrow(
      /metOn: expected null, got "2026-09-10"/,
    );
  });

  it("matches part of an explanation", () => {
    const result = resultAt("2026-10-08");
    expectFinding(result, {
      rule: "listing",
      subject: "H1",
      explanation: { holds: false, missing: [{ en: "no date yet for h.listedOn" }] },
    });
    expect(() =>
      expectFinding(result, { rule: "listing", subject: "H1", explanation: { holds: true } }),
    ).toThrow(/explanation: expected \{"holds":true\}/);
  });

  it("compares other fields whole", () => {
    expect(() =>
      expectFinding(resultAt("2026-10-08"), { rule: "listing", subject: "H1", cites: [] }),
    ).toThrow(/cites: expected \[\], got \["1"\]/);
  });

  it("fails on rejected facts with the engine's errors", () => {
    const rejected = evaluateAt("2026-10-08", {
      ...scenarioFacts,
      hazards: [{ id: "H1", level: "重大", foundOn: "2026-02-30" }],
    });
    expect(() => expectFinding(rejected, { rule: "listing" })).toThrow(
      /^the facts were rejected: hazards\[0\]\.foundOn: /,
    );
    expect(() => expectFinding({ nothing: true } as never, { rule: "listing" })).toThrow(
      /expected an evaluation result/,
    );
  });

  it("finds every finding a result has by its rule, subject and period", () => {
    const policy = scenarioPolicy();
    fc.assert(
      fc.property(factsFor(policy, { maxElements: 4 }), (facts) => {
        const out = policy.evaluate(facts);
        if ("errors" in out) throw new Error("factsFor gave a rejected document");
        for (const finding of out.result.findings) {
          const pattern = { rule: finding.rule, subject: finding.subject, period: finding.period ?? null };
          expect(expectFinding(out, { ...pattern, status: finding.status })).toBe(finding);
          expect(() => expectNoFinding(out, pattern)).toThrow(FindingAssertionError);
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe("mismatchesOf", () => {
  const findings = fc
    .constantFrom("2026-03-31", "2026-06-30", "2026-10-08", "2026-10-09", "2026-12-31")
    .map((asOf) => resultAt(asOf).findings);

  it("matches a finding against any part of itself, and names the one field changed", () => {
    fc.assert(
      fc.property(
        findings.chain((all) => fc.constantFrom(...all)),
        fc.nat(),
        (finding, pick) => {
          const fields = Object.keys(finding).filter((k) => k !== "explanation");
          const pattern = Object.fromEntries(
            fields.map((k) => [k, finding[k as keyof typeof finding]]),
          ) as FindingPattern;
          expect(mismatchesOf(finding, pattern)).toEqual([]);
          const changed = fields[pick % fields.length]!;
          const value = pattern[changed as keyof FindingPattern];
          const other =
            typeof value === "string"
              ? `${value}x`
              : typeof value === "number"
                ? value + 1
                : typeof value === "boolean"
                  ? !value
                  : null;
          const broken = {
            ...pattern,
            [changed]: changed === "subject" ? { id: `${finding.subject.id}x` } : other,
          };
          expect(mismatchesOf(finding, broken).map((m) => m.field)).toEqual([changed]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("expectNoFinding", () => {
  it("passes when nothing matches and lists what does otherwise", () => {
    const result = resultAt("2026-10-08");
    expectNoFinding(result, { rule: "listing", subject: "H3" });
    expectNoFinding(result, { status: "advisory" });
    expect(failure(() => expectNoFinding(result, { rule: "analysis", status: "met" }))).toBe(
      [
        'expected no finding matching {"rule":"analysis","status":"met"}, found 2:',
        '  analysis county/C status="met" period="2026-Q1" due="2026-03-31" metOn="2026-02-10"',
        '  analysis county/C status="met" period="2026-Q3" due="2026-09-30" metOn="2026-08-20"',
      ].join("\n"),
    );
  });
});

describe("atDates", () => {
  it("runs the check at every date", () => {
    const seen: string[] = [];
    atDates(["2026-10-01", "2026-10-08"], (asOf) => {
      seen.push(asOf);
      expectFinding(evaluateAt(asOf), {
        rule: "listing",
        subject: "H1",
        status: "due-soon",
        due: "2026-10-08",
      });
    });
    expect(seen).toEqual(["2026-10-01", "2026-10-08"]);
  });

  it("names each failing date, after running them all", () => {
    const seen: string[] = [];
    const message = failure(() =>
      atDates(["2026-10-08", "2026-10-09", "2026-10-10"], (asOf) => {
        seen.push(asOf);
        expectFinding(evaluateAt(asOf), { rule: "listing", subject: "H1", status: "due-soon" });
      }),
    );
    expect(seen).toHaveLength(3);
    expect(message).toMatch(/^2 of 3 dates failed\nat 2026-10-09:\n {2}expected a finding/);
    expect(message).toContain("at 2026-10-10:\n  expected a finding");
    expect(message).toContain('    status: expected "due-soon", got "overdue"');
    expect(message).not.toContain("at 2026-10-08");
  });

  it("refuses what is not a date", () => {
    expect(() => atDates(["2026-02-30"], () => {})).toThrow('not a date: "2026-02-30"');
    expect(() => atDates([], () => {})).toThrow(/at least one date/);
  });
});

describe("toHaveFinding", () => {
  it("passes on a matching finding, and .not on none", () => {
    const result = resultAt("2026-10-09");
    expect(result).toHaveFinding({ rule: "listing", subject: "H1", status: "overdue", overdueDays: 1 });
    expect(evaluateAt("2026-10-09")).toHaveFinding({ rule: "listing", subject: "H1" });
    expect(result).not.toHaveFinding({ rule: "listing", subject: "H3" });
  });

  it("fails with the near misses", () => {
    const result = resultAt("2026-10-09");
    const message = failure(() =>
      expect(result).toHaveFinding({ rule: "listing", subject: "H1", overdueDays: 2 }),
    );
    expect(message).toContain("near misses:");
    expect(message).toContain("    overdueDays: expected 2, got 1");
  });

  it("fails under .not with the findings that match", () => {
    const result = resultAt("2026-10-09");
    const message = failure(() => expect(result).not.toHaveFinding({ rule: "listing", subject: "H1" }));
    expect(message).toMatch(/^expected no finding matching \{"rule":"listing","subject":"H1"\}, found 1:/);
  });

  it("fails on rejected facts even under .not", () => {
    const rejected = evaluateAt("2026-10-09", { ...scenarioFacts, unknown: [] });
    expect(() => expect(rejected).not.toHaveFinding({ rule: "listing" })).toThrow(
      /the facts were rejected: unknown:/,
    );
  });
});
