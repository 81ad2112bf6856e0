/**
 * The engine in the page: check and compile the policy, evaluate the facts, run the scenarios.
 * Everything here is `@remit/lang`, `@remit/engine` and the scenario matcher of `@remit/app`,
 * all browser-safe; nothing is sent anywhere.
 */
import { type Failure, judge, type Scenario, scenarioFromJson } from "@remit/app/scenarios";
import { compile, type EvaluateOutcome, type Policy } from "@remit/engine";
import { type Diagnostic, type Localized, sortDiagnostics } from "@remit/lang";
import type { Workspace } from "./workspace.js";

export interface Checked {
  readonly diagnostics: readonly Diagnostic[];
  /** The compiled policy, when no diagnostic is an error. */
  readonly policy: Policy | undefined;
}

export function checkPolicy(files: Readonly<Record<string, string>>, entry: string): Checked {
  const outcome = compile({ files, entry });
  return {
    diagnostics: sortDiagnostics(outcome.diagnostics),
    policy: "policy" in outcome ? outcome.policy : undefined,
  };
}

/** Why the facts could not be evaluated before the engine saw them. */
export type FactsProblem =
  | { readonly kind: "not-json"; readonly message: string; readonly offset: number | undefined }
  | { readonly kind: "no-date" };

export type Evaluation = { readonly outcome: EvaluateOutcome } | { readonly problem: FactsProblem };

/** The offset a `JSON.parse` error names, where the browser says (`… at position 12`). */
function errorOffset(message: string, text: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position?.[1] !== undefined) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn?.[1] === undefined || lineColumn[2] === undefined) return undefined;
  const lines = text.split("\n").slice(0, Number(lineColumn[1]) - 1);
  return lines.reduce((sum, line) => sum + line.length + 1, 0) + Number(lineColumn[2]) - 1;
}

/** Evaluates the facts' text as at `asOf` (else the facts' own `asOf`). */
export function evaluateText(policy: Policy, factsText: string, asOf: string | undefined): Evaluation {
  let facts: unknown;
  try {
    facts = JSON.parse(factsText);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problem: { kind: "not-json", message, offset: errorOffset(message, factsText) } };
  }
  const ownDate = typeof facts === "object" && facts !== null && "asOf" in facts;
  if (asOf === undefined && !ownDate) return { problem: { kind: "no-date" } };
  return { outcome: policy.evaluate(facts, asOf === undefined ? {} : { asOf }) };
}

export interface ScenarioRun {
  readonly id: string;
  readonly name: string;
  /** Empty when the scenario passed. */
  readonly failures: readonly Failure[];
}

/** Runs every scenario of the workspace on `policy`, as `remit test` does. */
export function runScenarios(policy: Policy, workspace: Workspace): ScenarioRun[] {
  const fixture = (name: string): unknown => {
    const text = workspace.fixtures[name];
    return text === undefined ? undefined : JSON.parse(text);
  };
  return workspace.scenarios.map(({ id, text }) => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return broken(id, { en: `not valid JSON: ${message}`, zh: `不是有效的 JSON：${message}` });
    }
    let scenario: ReturnType<typeof scenarioFromJson>;
    try {
      scenario = scenarioFromJson(id, raw, fixture);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return broken(id, {
        en: `a fixture is not valid JSON: ${message}`,
        zh: `固定数据不是有效的 JSON：${message}`,
      });
    }
    if ("problem" in scenario) return broken(id, scenario.problem);
    return { id, name: scenario.name, failures: judge(scenario, evaluateScenario(policy, scenario)) };
  });
}

function evaluateScenario(policy: Policy, scenario: Scenario): EvaluateOutcome {
  return policy.evaluate(scenario.facts, { asOf: scenario.asOf, params: scenario.params });
}

function broken(id: string, problem: Localized): ScenarioRun {
  return { id, name: id, failures: [{ kind: "broken", problem }] };
}
