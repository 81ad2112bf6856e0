/**
 * The differential check: evaluate a case with Remit and, through the export, with
 * json-rules-engine; the decisions (rule, subject, status) must be the same.
 */
import { compileChecked } from "@remit/engine";
import { exportPolicy, prepareEngines, runExported } from "@remit/json-rules-engine";
import { analyze, type Diagnostic, memoryHost } from "@remit/lang";
import type { DifferentialCase } from "./policies.js";

export interface Outcome {
  readonly remit: readonly string[];
  readonly jre: readonly string[];
}

function describe(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.code} ${d.message.en} at ${d.span.start.line}:${d.span.start.column}`)
    .join("; ");
}

/** Both engines' decisions, sorted; throws when the case does not check or export clean. */
export async function decide(c: DifferentialCase): Promise<Outcome> {
  const analyzed = analyze("policy.remit", memoryHost({ "policy.remit": c.source }));
  const errors = analyzed.diagnostics.filter((d) => d.severity === "error");
  if (analyzed.policy === undefined || errors.length > 0)
    throw new Error(`the case does not check: ${describe(errors)}`);
  const exported = exportPolicy(analyzed.policy);
  if (exported.diagnostics.length > 0)
    throw new Error(`the case does not export: ${describe(exported.diagnostics)}`);
  const evaluated = compileChecked(analyzed.policy).evaluate(c.facts);
  if (!("result" in evaluated))
    throw new Error(`the facts are rejected: ${JSON.stringify(evaluated.errors)}`);
  const remit = evaluated.result.findings.map((f) => `${f.rule} ${f.subject.id} ${f.status}`).sort();
  const decisions = await runExported(analyzed.policy, prepareEngines(exported), c.facts, c.facts.asOf);
  const jre = decisions.map((d) => `${d.rule} ${d.subject.id} ${d.status}`).sort();
  return { remit, jre };
}
