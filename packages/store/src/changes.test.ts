import { type Finding, findingKey } from "@remit/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffFindings, isOverdue } from "./changes.js";
import { evaluateZiyuan, finding } from "./testing/findings.js";

describe("diffFindings", () => {
  it("reports a duty that became overdue, and one that was met since", () => {
    const before = [
      finding({ rule: "listing", kind: "duty", status: "pending", id: "H1" }),
      finding({ rule: "listing", kind: "duty", status: "overdue", id: "H2" }),
    ];
    const after = [
      finding({ rule: "listing", kind: "duty", status: "overdue", id: "H1", holder: "县政府" }),
      finding({ rule: "listing", kind: "duty", status: "met", id: "H2" }),
    ];
    const changes = diffFindings(before, after);
    expect(changes.map((c) => [c.kind, c.subject.id, c.before, c.after])).toEqual([
      ["newly-overdue", "H1", "pending", "overdue"],
      ["resolved", "H2", "overdue", "met"],
    ]);
    expect(changes[0]?.finding.holder).toBe("县政府");
  });

  it("counts a duty first seen overdue as newly overdue, and ignores findings that disappeared", () => {
    const gone = finding({ rule: "listing", kind: "duty", status: "overdue", id: "H9" });
    const fresh = finding({ rule: "listing", kind: "duty", status: "overdue", id: "H3" });
    expect(diffFindings([gone], [fresh]).map((c) => [c.kind, c.before])).toEqual([
      ["newly-overdue", undefined],
    ]);
  });

  it("tells periods of a recurring duty apart", () => {
    const q3 = finding({ rule: "drill", kind: "duty", status: "overdue", period: "2026-Q3" });
    const q4 = finding({ rule: "drill", kind: "duty", status: "pending", period: "2026-Q4" });
    expect(diffFindings([q3, q4], [q3, { ...q4, status: "overdue" }]).map((c) => c.period)).toEqual([
      "2026-Q4",
    ]);
  });

  it("reports an escalation that climbed a level, went overdue, or closed", () => {
    const grid = finding({
      rule: "case",
      kind: "escalation",
      status: "grid",
      reached: { grid: "2026-10-01" },
      overdue: false,
    });
    const township = {
      ...grid,
      status: "township",
      reached: { grid: "2026-10-01", township: "2026-10-08" },
      overdue: true,
    };
    const closed = { ...township, status: "closed", closedOn: "2026-10-20", overdue: false };
    expect(diffFindings([grid], [township]).map((c) => c.kind)).toEqual(["newly-overdue", "escalated"]);
    expect(diffFindings([township], [closed]).map((c) => c.kind)).toEqual(["resolved"]);
    // A case first seen at a level did not climb one.
    expect(diffFindings([], [grid])).toEqual([]);
  });

  it("reports accountability newly triggered, once", () => {
    const quiet = finding({ rule: "review", kind: "accountability", status: "not-triggered" });
    const triggered = { ...quiet, status: "triggered", targets: ["乡镇政府"] };
    expect(diffFindings([quiet], [triggered]).map((c) => c.kind)).toEqual(["accountability-triggered"]);
    expect(diffFindings([], [triggered]).map((c) => c.kind)).toEqual(["accountability-triggered"]);
    expect(diffFindings([triggered], [triggered])).toEqual([]);
  });

  it("finds the example county's changes between two evaluation dates", () => {
    const september = evaluateZiyuan("2026-09-01").findings;
    const december = evaluateZiyuan("2026-12-01").findings;
    const changes = diffFindings(september, december);
    expect(changes.some((c) => c.kind === "newly-overdue")).toBe(true);
    expect(diffFindings(december, december)).toEqual([]);
    for (const change of changes) expect(consistent(change.kind, september, change.finding)).toBe(true);
  });
});

/** Whether a change's kind agrees with the statuses of the finding before and after. */
function consistent(kind: string, before: readonly Finding[], after: Finding): boolean {
  const previous = before.find((f) => findingKey(f) === findingKey(after));
  switch (kind) {
    case "newly-overdue":
      return isOverdue(after) && (previous === undefined || !isOverdue(previous));
    case "resolved":
      return (
        previous !== undefined &&
        (after.kind === "duty"
          ? isOverdue(previous) && after.status === "met"
          : previous.status !== "closed" && after.status === "closed")
      );
    case "escalated":
      return (
        previous !== undefined &&
        after.kind === "escalation" &&
        after.status !== "closed" &&
        Object.keys(after.reached ?? {}).length > Object.keys(previous.reached ?? {}).length
      );
    case "accountability-triggered":
      return after.status === "triggered" && previous?.status !== "triggered";
    default:
      return false;
  }
}

const levels = ["grid", "township", "county"] as const;

/** Findings over a small space of rules and subjects, so that two lists share many keys. */
const findingArbitrary: fc.Arbitrary<Finding> = fc.oneof(
  fc
    .record({
      rule: fc.constantFrom("listing", "drill"),
      id: fc.constantFrom("H1", "H2", "H3"),
      period: fc.option(fc.constantFrom("2026-Q3", "2026-Q4"), { nil: undefined }),
      status: fc.constantFrom("met", "pending", "due-soon", "overdue", "advisory"),
    })
    .map(({ period, ...fields }) =>
      finding({ kind: "duty", ...fields, ...(period === undefined ? {} : { period }) }),
    ),
  fc
    .record({
      id: fc.constantFrom("C1", "C2"),
      reachedCount: fc.integer({ min: 1, max: levels.length }),
      closed: fc.boolean(),
      overdue: fc.boolean(),
    })
    .map(({ id, reachedCount, closed, overdue }) => {
      const reached = Object.fromEntries(levels.slice(0, reachedCount).map((l) => [l, "2026-10-01"]));
      return finding({
        rule: "case",
        kind: "escalation",
        id,
        status: closed ? "closed" : levels[reachedCount - 1]!,
        reached,
        overdue: !closed && overdue,
      });
    }),
  fc.record({ id: fc.constantFrom("F1", "F2"), triggered: fc.boolean() }).map(({ id, triggered }) =>
    finding({
      rule: "review",
      kind: "accountability",
      id,
      status: triggered ? "triggered" : "not-triggered",
    }),
  ),
);

/** One finding per key, as an evaluation gives them. */
const findingsArbitrary = fc.uniqueArray(findingArbitrary, { selector: findingKey, maxLength: 12 });

describe("diffFindings properties", () => {
  it("finds nothing between an evaluation and itself", () => {
    fc.assert(fc.property(findingsArbitrary, (findings) => diffFindings(findings, findings).length === 0));
  });

  it("reports only changes the statuses support, each about a finding of the later list", () => {
    fc.assert(
      fc.property(findingsArbitrary, findingsArbitrary, (before, after) =>
        diffFindings(before, after).every(
          (change) => after.includes(change.finding) && consistent(change.kind, before, change.finding),
        ),
      ),
    );
  });

  it("reports every finding that became overdue, exactly once", () => {
    fc.assert(
      fc.property(findingsArbitrary, findingsArbitrary, (before, after) => {
        const wasOverdue = new Set(before.filter(isOverdue).map(findingKey));
        const expected = after.filter((f) => isOverdue(f) && !wasOverdue.has(findingKey(f))).map(findingKey);
        const reported = diffFindings(before, after)
          .filter((c) => c.kind === "newly-overdue")
          .map((c) => findingKey(c.finding));
        expect(reported).toEqual(expected);
      }),
    );
  });

  it("reports a duty resolved exactly when it went from overdue to met", () => {
    fc.assert(
      fc.property(findingsArbitrary, findingsArbitrary, (before, after) => {
        const overdueBefore = new Set(before.filter(isOverdue).map(findingKey));
        const expected = after
          .filter((f) => f.kind === "duty" && f.status === "met" && overdueBefore.has(findingKey(f)))
          .map(findingKey);
        const reported = diffFindings(before, after)
          .filter((c) => c.kind === "resolved" && c.finding.kind === "duty")
          .map((c) => findingKey(c.finding));
        expect(reported).toEqual(expected);
      }),
    );
  });
});
