/**
 * Runs the Ziyuan policy, compiled from disk, on every scenario of `scenarios/` and on the
 * example county.
 */
import { readFileSync } from "node:fs";
import { compile, type Finding } from "@remit/engine";
import { beforeAll, describe, expect, it } from "vitest";
import { outlinePolicy } from "./src/policy-outline.js";
import {
  type ExpectedFinding,
  loadScenarios,
  matches,
  policyFiles,
  repoRoot,
  scenarioFacts,
} from "./src/scenarios.js";

type Compiled = ReturnType<typeof compile>;
type Policy = Extract<Compiled, { policy: unknown }>["policy"];

let compiled: Compiled;
let policy: Policy;

beforeAll(() => {
  compiled = compile(policyFiles());
  if (!("policy" in compiled)) {
    const shown = compiled.diagnostics.map(
      (d) => `${d.span.file}:${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message.en}`,
    );
    throw new Error(`the Ziyuan policy does not compile:\n${shown.join("\n")}`);
  }
  policy = compiled.policy;
});

function describeFinding(f: Finding): string {
  const keys = ["status", "due", "period", "metOn", "late", "overdue", "reached", "causes"] as const;
  const parts = keys.filter((k) => f[k] !== undefined).map((k) => `${k}=${JSON.stringify(f[k])}`);
  return `${f.rule} ${f.subject.collection}/${f.subject.id} ${parts.join(" ")}`;
}

function near(findings: readonly Finding[], pattern: ExpectedFinding): string {
  const same = findings.filter(
    (f) =>
      f.rule === pattern.rule &&
      (pattern.subject === undefined || matches(f, { rule: f.rule, subject: pattern.subject })),
  );
  return same.length === 0 ? "no finding of that rule and subject" : same.map(describeFinding).join("\n");
}

describe("the Ziyuan policy", () => {
  it("checks with no errors and no warnings", () => {
    const shown = compiled.diagnostics.map(
      (d) => `${d.severity} ${d.code} ${d.span.file}:${d.span.start.line} ${d.message.en}`,
    );
    expect(shown).toEqual([]);
  });
});

describe("the coverage outline", () => {
  it("reads the same rules and clauses as the compiler", () => {
    const { files, entry } = policyFiles();
    const outline = outlinePolicy(files[entry] ?? "");
    const compiledRules = policy.rules.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      modality: r.modality,
      cites: [...r.cites],
    }));
    expect(outline.rules.map((r) => ({ ...r, cites: [...r.cites] }))).toEqual(compiledRules);
    expect(outline.clauses.map((c) => c.id)).toEqual([...policy.checked.clauses.keys()]);
  });
});

describe("scenarios", () => {
  const scenarios = loadScenarios();

  it("are at least 40 and have unique names", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  for (const scenario of scenarios) {
    it(`${scenario.id}: ${scenario.name}`, () => {
      const outcome = policy.evaluate(scenarioFacts(scenario), {
        asOf: scenario.asOf,
        params: scenario.params ?? {},
      });
      if (scenario.expectErrors !== undefined) {
        expect("errors" in outcome, "the document should be rejected").toBe(true);
        if (!("errors" in outcome)) return;
        const paths = outcome.errors.map((e) => e.path);
        for (const expected of scenario.expectErrors) {
          expect(paths, `an error at ${expected.path}`).toContain(expected.path);
          if (expected.code !== undefined) {
            expect(outcome.errors.find((e) => e.path === expected.path)?.code).toBe(expected.code);
          }
        }
        for (const error of outcome.errors) {
          expect(error.message.en).toMatch(/^[^A-Z].*[^.]$/);
          expect(error.message.en).not.toContain("\n");
        }
        return;
      }
      if ("errors" in outcome) throw new Error(`unexpected facts errors: ${JSON.stringify(outcome.errors)}`);
      const findings = outcome.result.findings;
      expect(outcome.result.asOf).toBe(scenario.asOf);
      for (const pattern of scenario.expect ?? []) {
        const found = findings.some((f) => matches(f, pattern));
        expect(found, `expected ${JSON.stringify(pattern)}; found:\n${near(findings, pattern)}`).toBe(true);
      }
      for (const pattern of scenario.expectNoFinding ?? []) {
        const found = findings.filter((f) => matches(f, pattern));
        expect(found.map(describeFinding), `no finding like ${JSON.stringify(pattern)}`).toEqual([]);
      }
    });
  }
});

describe("the example county", () => {
  const facts = JSON.parse(
    readFileSync(new URL("examples/ziyuan-county/facts.json", repoRoot), "utf8"),
  ) as Record<string, unknown>;

  function evaluate() {
    const outcome = policy.evaluate(facts, { asOf: facts.asOf as string, params: {} });
    if ("errors" in outcome) throw new Error(`facts errors: ${JSON.stringify(outcome.errors)}`);
    return outcome.result;
  }

  it("evaluates without errors, identically twice", () => {
    expect(JSON.stringify(evaluate())).toBe(JSON.stringify(evaluate()));
  });

  it("shows every duty status, met late included", () => {
    const duties = evaluate().findings.filter((f) => f.kind === "duty");
    const statuses = new Set(duties.map((f) => f.status));
    for (const status of ["met", "pending", "due-soon", "overdue", "advisory"])
      expect(statuses).toContain(status);
    expect(duties.some((f) => f.status === "met" && f.late === true)).toBe(true);
    expect(new Set(duties.map((f) => f.modality))).toEqual(new Set(["must", "should", "may"]));
  });

  it("shows every escalation level, a closed case and an overdue one", () => {
    const ladder = evaluate().findings.filter((f) => f.rule === "general-hazard-ladder");
    const statuses = new Set(ladder.map((f) => f.status));
    for (const status of ["grid", "township", "county", "closed"]) expect(statuses).toContain(status);
    expect(ladder.some((f) => f.overdue === true)).toBe(true);
  });

  it("triggers the review for every qualifying fire, the fatal fire with no cause shown as 原因待倒查", () => {
    const accountability = evaluate().findings.filter((f) => f.kind === "accountability");
    expect(accountability.every((f) => f.status === "triggered")).toBe(true);
    const causes = Object.fromEntries(accountability.map((f) => [f.subject.id, f.causes]));
    expect(Object.keys(causes).sort()).toEqual(["F0101", "F0201", "F0501"]);
    expect(causes.F0101).toEqual(["原因待倒查"]);
  });

  it("says when a fire's staffing is judged from today's figures, for want of a history", () => {
    const text = (id: string) =>
      evaluate().findings.find((f) => f.rule === "fire-accountability" && f.subject.id === id)?.explanation
        .text?.zh;
    expect(text("F0201")).toContain("仅知当前的类型、队员和消防车数");
    expect(text("F0101")).not.toContain("仅知当前的类型、队员和消防车数");
  });
});
