import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryHost } from "../modules/host.js";
import { analyze } from "./analyze.js";

function analyzeFiles(files: Record<string, string>) {
  return analyze("policy.remit", memoryHost(files));
}

function cycles(files: Record<string, string>): string[] {
  return analyzeFiles(files)
    .diagnostics.filter((d) => d.code === "R5017")
    .map((d) => `${d.span.start.line}:${d.span.start.column} ${d.message.en}`);
}

const header = 'policy "p"\nclause 1 "c"\n';

describe("parameter order", () => {
  it("puts a chain of three after its end, whatever the declaration order", () => {
    const { policy } = analyzeFiles({
      "policy.remit": `${header}param a: duration = b\nparam b: duration = c\nparam c: duration = 5 days\nparam d: integer = 1\n`,
    });
    expect(policy?.paramOrder).toEqual(["c", "b", "a", "d"]);
  });

  it("follows names into imported modules", () => {
    const { policy, diagnostics } = analyzeFiles({
      "policy.remit": `policy "p"\nimport "./gbt.remit" as gbt\nclause 1 "c"\nparam a: duration = gbt.x * 2\n`,
      "gbt.remit": "param x: duration = y\nparam y: duration = 5 days\n",
    });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(policy?.paramOrder).toEqual(["gbt.y", "gbt.x", "a"]);
  });

  it("reports a cycle once, where it closes, and no policy", () => {
    const files = {
      "policy.remit": `${header}param a: integer = b\nparam b: integer = c + 1\nparam c: integer = (a)\nparam d: integer = a\n`,
    };
    expect(cycles(files)).toEqual(["5:21 parameter defaults form a cycle: 'a' -> 'b' -> 'c' -> 'a'"]);
    expect(analyzeFiles(files).policy).toBeUndefined();
  });

  it("reports a cycle through a list and a unary minus", () => {
    expect(cycles({ "policy.remit": `${header}param a: list integer = [1, -a]\n` })).toEqual([
      "3:30 parameter defaults form a cycle: 'a' -> 'a'",
    ]);
  });

  it("orders any acyclic graph of defaults and reports every cyclic one", () => {
    const graph = fc
      .integer({ min: 1, max: 6 })
      .chain((n) =>
        fc.array(fc.uniqueArray(fc.nat({ max: n - 1 }), { maxLength: n }), { minLength: n, maxLength: n }),
      );
    fc.assert(
      fc.property(graph, (uses) => {
        const source = uses
          .map((names, i) => `param p${i}: integer = ${["1", ...names.map((j) => `p${j}`)].join(" + ")}\n`)
          .join("");
        // Kahn's algorithm as the independent model: acyclic exactly when every node is removed.
        const remaining = new Set(uses.keys());
        let removed = true;
        while (removed) {
          removed = false;
          for (const i of remaining) {
            if ((uses[i] ?? []).every((j) => !remaining.has(j))) {
              remaining.delete(i);
              removed = true;
            }
          }
        }
        const { policy, diagnostics } = analyzeFiles({ "policy.remit": `${header}${source}` });
        const reported = diagnostics.filter((d) => d.code === "R5017");
        if (remaining.size > 0) {
          expect(reported.length).toBeGreaterThan(0);
          expect(policy).toBeUndefined();
          return;
        }
        expect(reported).toEqual([]);
        const order = policy?.paramOrder ?? [];
        expect([...order].sort()).toEqual(uses.map((_, i) => `p${i}`).sort());
        uses.forEach((names, i) => {
          for (const j of names) expect(order.indexOf(`p${j}`)).toBeLessThan(order.indexOf(`p${i}`));
        });
      }),
    );
  });
});
