/**
 * Explanations over random facts: bounded, the same however they are read, and in sessions the
 * explanation of a replaced finding is the one it had before the update.
 */
import { type Because, type EvaluationResult, type Policy, renderExplanation, Session } from "@remit/engine";
import { factsFor } from "@remit/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { everyConstruct, readJson, ziyuan } from "./src/policies.js";

function evaluated(policy: Policy, facts: unknown): EvaluationResult {
  const out = policy.evaluate(facts);
  if ("errors" in out) throw new Error(out.errors.map((e) => `${e.path}: ${e.message.en}`).join("; "));
  return out.result;
}

function depthOf(b: Because): number {
  return 1 + Math.max(0, ...(b.because ?? []).map(depthOf));
}

function widest(b: Because): number {
  return Math.max((b.because ?? []).length, ...(b.because ?? []).map(widest));
}

describe.each([
  ["examples/every-construct", everyConstruct],
  ["policies/ziyuan-2026", ziyuan],
] as const)("explanations of %s", (_name, load) => {
  const policy = load();

  it("stay bounded, print the same twice, and render in both languages", () => {
    fc.assert(
      fc.property(factsFor(policy, { maxElements: 3 }), (facts) => {
        const first = evaluated(policy, facts);
        const second = evaluated(policy, facts);
        // Read in a different order: building on first read must not depend on what was read before.
        for (const f of [...second.findings].reverse()) void f.explanation;
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        for (const finding of first.findings) {
          for (const b of finding.explanation.because) {
            // A rule's own entries (a cause, a level) sit one level above the condition trees.
            expect(depthOf(b)).toBeLessThanOrEqual(5);
            expect(widest(b)).toBeLessThanOrEqual(9);
          }
          expect(renderExplanation(finding, "zh")).toContain(finding.rule);
          expect(renderExplanation(finding, "en")).toContain(finding.rule);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("explanations in a session", () => {
  it("report a change that only moves a deciding value, and keep the old finding's values", () => {
    const policy = ziyuan();
    const facts = readJson("examples/ziyuan-county/facts.json") as Record<string, unknown>;
    const session = policy.open(facts);
    if (!(session instanceof Session)) throw new Error("facts rejected");
    // The fire the township's staffing decides, judged on today's figures (no team history).
    const before = session
      .result()
      .findings.find((f) => f.rule === "fire-accountability" && f.causes?.includes("人员力量配备不足"));
    expect(before).toBeDefined();
    // The township is found from the facts: the old explanation must not be read before the update.
    const incident = (facts.incidents as { id: string; townshipId: string }[]).find(
      (i) => i.id === before!.subject.id,
    );
    const township = (facts.townships as { id: string; team: { members: number } }[]).find(
      (t) => t.id === incident?.townshipId,
    );
    expect(township).toBeDefined();
    // One member fewer: still understaffed, the same causes, only the explanation moves.
    const diff = session.update((draft) => {
      const list = draft.townships as { id: string; team: { members: number } }[];
      const t = list.find((x) => x.id === township!.id)!;
      t.team.members -= 1;
    });
    if ("errors" in diff) throw new Error("update rejected");
    const oldText = JSON.stringify(before);
    const changed = diff.changed.find((f) => f.rule === "fire-accountability");
    expect(changed?.causes).toEqual(before!.causes);
    expect(JSON.stringify(changed?.explanation)).toContain(`"members":${township!.team.members - 1}`);
    expect(oldText).toContain(`"members":${township!.team.members}`);
  });
});
