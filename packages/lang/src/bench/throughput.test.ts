import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryHost } from "../modules/host.js";
import { benchPolicy, formatThroughput, jsonOfSize, measureThroughput, utf8Length } from "./throughput.js";

const standard = `policy "标准"\n\nparam days: duration = 7 days "期限"\n`;
const entry = `policy "方案"\n\nimport "std.remit" as std\n\ndefine late(d: date): date = d + std.days\n`;
const host = memoryHost({
  "p/policy.remit": entry,
  "p/std.remit": standard,
  "p/unused.remit": "define x = 1",
});

/** A clock that moves on `step` milliseconds each time it is read. */
function steppingClock(step: number): () => number {
  let time = 0;
  return () => {
    time += step;
    return time;
  };
}

describe("measureThroughput", () => {
  it("reads a policy's entry and what it imports, nothing else", () => {
    const policy = benchPolicy("p", "p/policy.remit", host);
    expect(Object.keys(policy.files).sort()).toEqual(["p/policy.remit", "p/std.remit"]);
  });

  it("refuses an entry it cannot read", () => {
    expect(() => benchPolicy("p", "p/missing.remit", host)).toThrow("cannot read 'p/missing.remit'");
  });

  it("repeats the policy to about the target size and divides bytes by the median time", () => {
    const policy = benchPolicy("p", "p/policy.remit", host);
    const size = utf8Length(entry) + utf8Length(standard);
    const [report] = measureThroughput([policy], {
      targetBytes: size * 5,
      warmupIterations: 0,
      iterations: 3,
      now: steppingClock(4),
    });
    expect(report?.copies).toBe(5);
    expect(report?.rows.map((row) => row.stage)).toEqual(["tokenize", "parse", "parse+check", "JSON.parse"]);
    const parse = report?.rows.find((row) => row.stage === "parse");
    expect(parse?.bytes).toBe(size * 5);
    expect(parse?.medianMs).toBe(4);
    expect(parse?.mbPerSecond).toBeCloseTo((size * 5) / 1e6 / 0.004);
    expect(formatThroughput(report ? [report] : [])).toContain("p ×5");
  });

  it("makes JSON of at least the size asked for, and not much more", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), (bytes) => {
        const json = jsonOfSize(bytes);
        expect(Array.isArray(JSON.parse(json))).toBe(true);
        expect(utf8Length(json)).toBeGreaterThanOrEqual(bytes);
        expect(utf8Length(json)).toBeLessThan(bytes + 400);
      }),
      // 209: one item and its (absent) separator fill the size exactly — once one byte short.
      { numRuns: 50, examples: [[209], [1], [2]] },
    );
  });
});
