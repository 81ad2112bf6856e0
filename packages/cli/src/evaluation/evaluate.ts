import { buildPolicy, createNodeSourceHost, evaluateFacts } from "@remit/app";
import type { JsonValue } from "@remit/engine";
import { printDiagnostics } from "../commands/check.js";
import type { CommandContext } from "../context.js";
import { countDiagnostics, renderCounts } from "../diagnostics/render.js";
import { policyEntry } from "../files.js";
import type { Progress } from "../terminal/progress.js";
import { type Evaluated, evaluationDate, parseJsonFile, readInput } from "./inputs.js";

export interface EvaluationRequest {
  /** The policy file or folder as given. */
  readonly target: string;
  readonly factsFile: string;
  readonly asOf: string | undefined;
  readonly params: Readonly<Record<string, JsonValue>>;
  /** Only these rules (by id); every rule when absent. */
  readonly rules?: readonly string[] | undefined;
  /** Moves with the work: the facts' bytes read, then the subjects evaluated. */
  readonly progress?: Progress;
}

const subjectsWord = { en: "subjects evaluated", zh: "个对象已评估" } as const;

/**
 * Reads the facts, builds the policy (printing its diagnostics to standard error) and evaluates.
 * Unreadable files are usage errors; facts that are not JSON or carry no date are problems.
 */
export async function evaluatePolicy(
  request: EvaluationRequest,
  context: CommandContext,
): Promise<Evaluated> {
  const { cwd } = context.io;
  const entry = policyEntry(cwd, request.target);
  const { progress } = request;
  const text = readInput(context.io, request.factsFile, (bytesRead, size) => {
    if (bytesRead === 0) progress?.restart(size, "bytes");
    progress?.update(bytesRead, request.factsFile);
  });
  const facts = parseJsonFile(text, request.factsFile, "facts");
  const asOf = evaluationDate(request.asOf, facts);
  const host = createNodeSourceHost(cwd);
  const built = buildPolicy(entry, host);
  progress?.clear();
  if (built.diagnostics.length > 0) printDiagnostics(built.diagnostics, host, context, "stderr");
  if (built.policy === undefined || built.checked === undefined) {
    context.io.stderr.write(`${renderCounts(countDiagnostics(built.diagnostics), context.lang)}\n`);
    return { kind: "policy-errors", diagnostics: built.diagnostics };
  }
  const outcome = await evaluateFacts(built.policy, facts, {
    asOf,
    params: request.params,
    rules: request.rules,
    onProgress({ evaluated, total }) {
      if (evaluated === 0) progress?.restart(total, "items");
      progress?.update(evaluated, subjectsWord[context.lang]);
    },
  });
  if ("errors" in outcome) return { kind: "fact-errors", errors: outcome.errors };
  return { kind: "result", result: outcome.result, checked: built.checked, facts };
}
