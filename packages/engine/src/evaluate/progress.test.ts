import { describe, expect, it } from "vitest";
import { compile } from "../policy.js";
import type { EvaluationProgress } from "./evaluate.js";

const source = `policy "p"
clause 1 "c"
collection cases { opened: date  closed: optional date }
duty d "d" must cites 1 for each c in cases holder "office" requires c.closed within 10 days of c.opened
duty e "e" should cites 1 for each c in cases holder "office" requires c.closed within 5 days of c.opened
`;

function policy() {
  const compiled = compile(source);
  if (!("policy" in compiled)) throw new Error(compiled.diagnostics.map((d) => d.message.en).join("; "));
  return compiled.policy;
}

function factsWith(count: number) {
  return {
    asOf: "2026-06-30",
    cases: Array.from({ length: count }, (_, i) => ({
      id: `c${String(i).padStart(4, "0")}`,
      opened: "2026-06-01",
      closed: i % 3 === 0 ? null : "2026-06-08",
    })),
  };
}

describe("evaluate's onProgress", () => {
  it.each([0, 1, 255, 256, 300, 1000])(
    "counts every rule-subject pair once, in order, for %i subjects",
    (count) => {
      const told: EvaluationProgress[] = [];
      const outcome = policy().evaluate(factsWith(count), { onProgress: (p) => told.push(p) });
      const total = 2 * count;
      expect(told[0]).toEqual({ evaluated: 0, total });
      expect(told.at(-1)).toEqual({ evaluated: total, total });
      for (const [i, p] of told.entries()) {
        expect(p.total).toBe(total);
        if (i > 0) expect(p.evaluated).toBeGreaterThan(told[i - 1]!.evaluated);
      }
      // Told every 256 pairs: often enough for a bar, never once per subject.
      expect(told.length).toBeLessThanOrEqual(Math.ceil(total / 256) + 2);
      expect(JSON.stringify(outcome)).toBe(JSON.stringify(policy().evaluate(factsWith(count))));
    },
  );
});
