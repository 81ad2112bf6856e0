import { type EvaluationResult, type Finding, summaryKeyOf } from "@remit/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupOf } from "../evaluation/groups.js";
import { actionBlocks, actionsOf } from "./actions.js";
import { countBy, statusColumns } from "./columns.js";
import { ReportText } from "./text.js";

const date = fc
  .integer({ min: 0, max: 400 })
  .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));

/** Findings of every kind, two escalation ladders that share the level `county`. */
const findingArb: fc.Arbitrary<Finding> = fc.oneof(
  fc
    .record({
      rule: fc.constantFrom("d1", "d2"),
      status: fc.constantFrom("met", "pending", "due-soon", "overdue", "advisory"),
      due: date,
      overdueDays: fc.nat(300),
      holder: fc.constantFrom("甲镇政府", "乙镇政府", "县民政局"),
      township: fc.constantFrom("T01", "T02", undefined),
      id: fc.constantFrom("A", "B", "C"),
    })
    .map(({ rule, status, due, overdueDays, holder, township, id }) => ({
      rule,
      title: rule,
      kind: "duty" as const,
      modality: status === "advisory" ? ("should" as const) : ("must" as const),
      status,
      subject: { collection: "townships", id },
      ...(township === undefined ? {} : { group: township }),
      holder,
      due,
      ...(status === "overdue" ? { overdueDays } : {}),
      cites: [],
      explanation: { holds: status === "met", because: [] },
    })),
  fc
    .record({
      rule: fc.constantFrom("general", "major"),
      status: fc.constantFrom("grid", "county", "closed"),
      reachedOn: date,
      holder: fc.constantFrom("甲镇政府", "资源县人民政府"),
      township: fc.constantFrom("T01", "T02"),
      id: fc.constantFrom("H1", "H2"),
    })
    .map(({ rule, status, reachedOn, holder, township, id }) => ({
      rule,
      title: rule,
      kind: "escalation" as const,
      modality: "must" as const,
      status,
      subject: { collection: "hazards", id },
      group: township,
      holder,
      reached: status === "closed" ? { grid: reachedOn } : { [status]: reachedOn },
      cites: [],
      explanation: { holds: true, because: [] },
    })),
  fc.record({ asAt: date, township: fc.constantFrom("T01", "T02") }).map(({ asAt, township }) => ({
    rule: "acc",
    title: "acc",
    kind: "accountability" as const,
    modality: "must" as const,
    status: "triggered",
    subject: { collection: "incidents", id: "F1" },
    group: township,
    targets: ["甲镇政府"],
    asAt,
    cites: [],
    explanation: { holds: true, because: [] },
  })),
);

function resultOf(findings: readonly Finding[]): EvaluationResult {
  return {
    policy: { name: "p", version: null, hash: "0" },
    asOf: "2027-02-01",
    params: {},
    findings,
    summary: { total: findings.length, byKind: {}, byGroup: {} },
  };
}

describe("the summary's columns", () => {
  it("hold every finding in exactly one column, a shared level once per ladder (property)", () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 40 }), (findings) => {
        const groups = statusColumns(findings, new ReportText("zh"));
        const keys = groups.flatMap((g) => g.columns.map((c) => c.key));
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(keys)).toEqual(new Set(findings.map(summaryKeyOf)));
        const counts = countBy(findings, groupOf);
        const total = [...counts.values()].flatMap((row) => [...row.values()]).reduce((a, b) => a + b, 0);
        expect(total).toBe(findings.length);
        const majorCounty = findings.filter((f) => f.rule === "major" && f.status === "county").length;
        const cell = [...counts.values()].reduce(
          (sum, row) => sum + (row.get("escalation:major:county") ?? 0),
          0,
        );
        expect(cell).toBe(majorCounty);
      }),
    );
  });
});

describe("the actions", () => {
  it("are exactly the overdue duties, open cases and triggered reviews, most overdue first (property)", () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 40 }), (findings) => {
        const actions = actionsOf(resultOf(findings));
        const asking = findings.filter(
          (f) =>
            f.status === "overdue" ||
            (f.kind === "escalation" && f.status !== "closed") ||
            f.status === "triggered",
        );
        expect(actions.map((a) => a.finding).sort(byKey)).toEqual([...asking].sort(byKey));
        const days = actions.map((a) => a.days);
        expect(days).toEqual([...days].sort((a, b) => b - a));
        for (const action of actions) {
          if (action.kind === "overdue") expect(action.days).toBe(action.finding.overdueDays);
        }
        const blocks = actionBlocks(actions);
        expect(blocks.flatMap((b) => b.actions)).toHaveLength(actions.length);
        const firsts = blocks.map((b) => b.actions[0]?.days ?? 0);
        expect(firsts).toEqual([...firsts].sort((a, b) => b - a));
        for (const block of blocks) {
          for (const action of block.actions) {
            expect([action.responsible, action.group]).toEqual([block.responsible, block.group]);
          }
        }
      }),
    );
  });
});

function byKey(a: Finding, b: Finding): number {
  const key = (f: Finding) => JSON.stringify(f);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
