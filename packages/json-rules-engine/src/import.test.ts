import { analyze, memoryHost } from "@remit/lang";
import fc from "fast-check";
import { Engine, type RuleProperties } from "json-rules-engine";
import { describe, expect, test } from "vitest";
import { exportPolicy } from "./export.js";
import { importRules } from "./import.js";
import { prepareEngines, runExported } from "./runtime.js";

function checks(source: string) {
  const analyzed = analyze("imported.remit", memoryHost({ "imported.remit": source }));
  return { policy: analyzed.policy, errors: analyzed.diagnostics.filter((d) => d.severity === "error") };
}

describe("importRules", () => {
  test("turns a rule set into a policy that checks: a collection of the facts read, one accountability rule per rule", () => {
    const { source, diagnostics } = importRules([
      {
        name: "player fouled out",
        conditions: {
          any: [
            {
              all: [
                { fact: "gameDuration", operator: "equal", value: 40 },
                { fact: "personalFoulCount", operator: "greaterThanInclusive", value: 5 },
              ],
            },
            { not: { fact: "team", operator: "in", value: ["home", "away"] } },
          ],
        },
        event: { type: "fouledOut", params: { message: "Player has fouled out!" } },
      },
      {
        conditions: {
          all: [
            { fact: "tags", operator: "contains", value: "vip" },
            { fact: "coach", operator: "notEqual", value: null },
          ],
        },
        event: { type: "vip" },
      },
    ]);
    expect(diagnostics).toEqual([]);
    expect(source).toContain(
      "collection subjects {\n  gameDuration: decimal\n  personalFoulCount: decimal\n  team: text\n  tags: list text\n  coach: optional text\n}",
    );
    expect(source).toContain(
      'accountability player-fouled-out "player fouled out"\n  must\n  cites 1\n  for each s in subjects\n  as at asOf\n  cause "fouledOut" when ((s.gameDuration = 40 and s.personalFoulCount >= 5) or not (s.team in ["home", "away"]))',
    );
    expect(source).toContain('cause "vip" when ("vip" in s.tags and s.coach is set)');
    expect(checks(source).errors).toEqual([]);
  });

  test.each([
    ["R7101", 42],
    ["R7101", [{ conditions: { all: [] } }]],
    [
      "R7102",
      [{ conditions: { all: [{ fact: "a", operator: "startsWith", value: "x" }] }, event: { type: "e" } }],
    ],
    ["R7103", [{ conditions: { all: [{ condition: "shared" }] }, event: { type: "e" } }]],
    [
      "R7103",
      [
        {
          conditions: { all: [{ fact: "a", operator: "equal", value: 1, path: "$.b" }] },
          event: { type: "e" },
        },
      ],
    ],
    [
      "R7104",
      [
        {
          conditions: {
            all: [
              { fact: "a", operator: "equal", value: 1 },
              { fact: "a", operator: "equal", value: "x" },
            ],
          },
          event: { type: "e" },
        },
      ],
    ],
    [
      "R7105",
      [{ conditions: { all: [{ fact: "family-size", operator: "equal", value: 1 }] }, event: { type: "e" } }],
    ],
  ])("reports %s for what it cannot read", (code, input) => {
    const { diagnostics } = importRules(input);
    expect(diagnostics.map((d) => d.code)).toContain(code);
    for (const d of diagnostics) expect(d.span.file).toBe("rules.json");
  });
});

// Round trip: json-rules-engine rules → Remit → json-rules-engine rules decide alike on any facts.
const numbers = fc.constantFrom(-1, 0, 1, 2, 2.5, 3);
const texts = fc.constantFrom("a", "b", "c");
const leaf = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("x", "y"),
      fc.constantFrom(
        "equal",
        "notEqual",
        "lessThan",
        "lessThanInclusive",
        "greaterThan",
        "greaterThanInclusive",
      ),
      numbers,
    )
    .map(([fact, operator, value]) => ({ fact, operator, value })),
  fc
    .tuple(fc.constantFrom("equal", "notEqual"), texts)
    .map(([operator, value]) => ({ fact: "t", operator, value })),
  fc
    .tuple(fc.constantFrom("equal", "notEqual"), fc.boolean())
    .map(([operator, value]) => ({ fact: "ok", operator, value })),
  fc
    .tuple(fc.constantFrom("in", "notIn"), fc.subarray(["a", "b", "c"]))
    .map(([operator, value]) => ({ fact: "t", operator, value })),
  fc
    .tuple(fc.constantFrom("in", "notIn"), fc.subarray([0, 1, 2, 3]))
    .map(([operator, value]) => ({ fact: "x", operator, value })),
  fc
    .tuple(fc.constantFrom("contains", "doesNotContain"), texts)
    .map(([operator, value]) => ({ fact: "tags", operator, value })),
  fc
    .tuple(fc.constantFrom("lessThan", "equal", "greaterThanInclusive"))
    .map(([operator]) => ({ fact: "x", operator, value: { fact: "y" } })),
);
type Tree = Record<string, unknown>;
const tree: fc.Arbitrary<Tree> = fc.letrec<{ c: Tree }>((tie) => ({
  c: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("c"), { maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie("c"), { maxLength: 3 }).map((any) => ({ any })),
    tie("c").map((c) => ({ not: c })),
  ),
})).c;
const ruleSet = fc.array(
  fc.oneof(
    fc.array(tree, { maxLength: 3 }).map((all) => ({ all })),
    fc.array(tree, { maxLength: 3 }).map((any) => ({ any })),
    tree.map((c) => ({ not: c })),
  ),
  { minLength: 1, maxLength: 3 },
);
const factSet = fc.record({
  x: numbers,
  y: numbers,
  t: texts,
  ok: fc.boolean(),
  tags: fc.subarray(["a", "b", "c"]),
});

test("import then export decides like the original rules on random facts", async () => {
  await fc.assert(
    fc.asyncProperty(
      ruleSet,
      fc.array(factSet, { minLength: 1, maxLength: 4 }),
      async (conditions, subjects) => {
        const rules = conditions.map((c, i) => ({
          name: `r${i + 1}`,
          conditions: c,
          event: { type: `e${i + 1}` },
        }));
        const { source, diagnostics } = importRules(rules);
        expect(diagnostics).toEqual([]);
        const { policy, errors } = checks(source);
        expect(errors).toEqual([]);
        const exported = exportPolicy(policy!);
        expect(exported.diagnostics).toEqual([]);
        const declared = new Set(policy!.collections.get("subjects")!.fields.map((f) => f.name));
        const elements = subjects.map((s, i) => ({
          id: `s${i}`,
          ...Object.fromEntries(Object.entries(s).filter(([k]) => declared.has(k))),
        }));
        const decisions = await runExported(
          policy!,
          prepareEngines(exported),
          { asOf: "2026-01-01", subjects: elements },
          "2026-01-01",
        );
        const imported = decisions.map((d) => `${d.subject.id} ${d.rule}`).sort();

        const original = new Engine(rules as unknown as RuleProperties[]);
        const expected: string[] = [];
        for (const [i, s] of subjects.entries()) {
          const { events } = await original.run({ ...s });
          for (const e of events) expected.push(`s${i} r${e.type.slice(1)}`);
        }
        expect(imported).toEqual(expected.sort());
      },
    ),
    { numRuns: 150 },
  );
});
