/**
 * The worker thread of the pool: it compiles each policy it is sent once (by hash) and evaluates
 * requests on it, and checks the policy sources requests send, so that neither a large
 * evaluation nor a costly check holds the server's event loop, and either can be stopped.
 */
import { buildPolicySources } from "@remit/app";
import type { Policy } from "@remit/engine";
import { move, transferableSymbol, valueSymbol } from "piscina";
import { defaultChecker } from "./check.js";
import {
  type CheckAnswer,
  type CheckInput,
  checkRequest,
  type EvaluationAnswer,
  type EvaluationInput,
  evaluateRequest,
} from "./evaluation.js";

/** A policy as its text, which a thread can be sent: the files by path and the entry's path. */
export interface PolicyText {
  readonly hash: string;
  readonly entry: string;
  readonly files: Readonly<Record<string, string>>;
}

export type WorkerTask =
  | { readonly kind: "evaluate"; readonly policy: PolicyText; readonly input: EvaluationInput }
  | { readonly kind: "check"; readonly input: CheckInput };

export type WorkerAnswer = EvaluationAnswer | CheckAnswer;

/** Compiled policies by hash; a reload adds a version, so only the latest few are kept. */
const compiled = new Map<string, Policy>();
const keptVersions = 8;

function policyFor(text: PolicyText): Policy {
  const known = compiled.get(text.hash);
  if (known !== undefined) return known;
  const built = buildPolicySources(text.files, text.entry);
  if (built.policy === undefined || built.policy.info.hash !== text.hash) {
    // The server compiled these very files before sending them: a difference is a defect.
    throw new Error(`policy ${text.hash} does not compile to itself in a worker`);
  }
  compiled.set(text.hash, built.policy);
  for (const hash of compiled.keys()) {
    if (compiled.size <= keptVersions) break;
    compiled.delete(hash);
  }
  return built.policy;
}

/** The answer, its encoded body (and record) moved, not copied, to the server's thread. */
export default async function workInWorker(task: WorkerTask): Promise<unknown> {
  const answer: WorkerAnswer =
    task.kind === "evaluate"
      ? await evaluateRequest(policyFor(task.policy), task.input)
      : await checkRequest(defaultChecker, task.input);
  if (answer.kind === "refused") return answer;
  const buffers =
    answer.kind === "result" ? [answer.body.buffer, answer.record.buffer] : [answer.body.buffer];
  return move({ [transferableSymbol]: buffers, [valueSymbol]: answer });
}
