import { compile, type Policy } from "../policy.js";
import type { EvaluationResult, FactError, Finding } from "../result.js";
import { countyPolicy } from "./county.js";

let cached: Policy | undefined;

/** The test county policy, compiled once. */
export function countyPolicyCompiled(): Policy {
  if (cached) return cached;
  const out = compile(countyPolicy);
  if (!("policy" in out))
    throw new Error(`test policy does not compile: ${out.diagnostics.map((d) => d.message.en).join("; ")}`);
  cached = out.policy;
  return cached;
}

export function evaluateOk(
  policy: Policy,
  facts: unknown,
  options?: { asOf?: string; params?: Record<string, unknown> },
): EvaluationResult {
  const out = policy.evaluate(facts, options);
  if ("errors" in out)
    throw new Error(`unexpected errors: ${out.errors.map((e) => `${e.path}: ${e.message.en}`).join("; ")}`);
  return out.result;
}

export function evaluateErrors(
  policy: Policy,
  facts: unknown,
  options?: { asOf?: string; params?: Record<string, unknown> },
): readonly FactError[] {
  const out = policy.evaluate(facts, options);
  if (!("errors" in out)) throw new Error("expected the facts to be rejected");
  return out.errors;
}

export function findingOf(
  result: EvaluationResult,
  rule: string,
  id: string,
  period?: string,
): Finding | undefined {
  return result.findings.find(
    (f) => f.rule === rule && f.subject.id === id && (period === undefined || f.period === period),
  );
}
