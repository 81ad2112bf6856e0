/**
 * What an evaluation leaves in the store: the result, with what the engine does not know — the
 * request id, the hash of the facts and the policy's source files — so that a later review can
 * tell which facts and which text of the policy produced what the system said; and the policy's
 * labels, so that what it said reads in the policy's words whatever the text says later.
 */
import { createHash } from "node:crypto";
import type { EvaluationResult, PolicyLabels } from "@remit/engine";
import { type CheckedPolicy, dirname, relativePath } from "@remit/lang";
import type { EvaluationToRecord, PolicySource } from "@remit/store";

/**
 * SHA-256 (hex) of a text, as UTF-8: the same digest as the engine's policy hash uses.
 * @example
 * ```ts
 * import { sha256Text } from "@remit/app";
 * console.log(sha256Text("abc")); // ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
 * ```
 */
export function sha256Text(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The hash of a facts document: of its JSON text as written by `JSON.stringify`, so the same
 * document read from a file or from a request body hashes the same.
 * @example
 * ```ts
 * import { factsHash, sha256Text } from "@remit/app";
 * const facts = { asOf: "2026-10-01", hazards: [] };
 * console.log(factsHash(facts) === sha256Text('{"asOf":"2026-10-01","hazards":[]}')); // true
 * ```
 */
export function factsHash(facts: unknown): string {
  return sha256Text(JSON.stringify(facts) ?? "null");
}

/**
 * Each source file of the policy: its path relative to the entry's folder and its text's hash.
 * @example
 * ```ts
 * import { buildPolicySources, policySources, sha256Text } from "@remit/app";
 * const files = { "ziyuan/policy.remit": 'policy "P"\n' };
 * const built = buildPolicySources(files, "ziyuan/policy.remit");
 * if (built.checked === undefined) throw new Error("the policy does not check");
 * const [source] = policySources(built.checked);
 * console.log(source?.path, source?.hash === sha256Text('policy "P"\n')); // policy.remit true
 * ```
 */
export function policySources(checked: CheckedPolicy): PolicySource[] {
  const root = dirname(checked.modules[0]?.file ?? ".");
  return [...checked.sources.entries()]
    .map(([file, text]) => ({ path: relativePath(root, file), hash: sha256Text(text) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface RecordContext {
  readonly requestId: string;
  readonly factsHash: string;
  readonly sources: readonly PolicySource[];
  /** The policy's labels (`policyLabels(checked)`), which word the findings when read back. */
  readonly labels: PolicyLabels;
  /** When the answer was given (ISO instant); the store's clock when left out. */
  readonly recordedAt?: string;
}

/**
 * The record of one evaluation, ready for `Store.append`.
 * @example
 * ```ts
 * import { buildPolicySources, evaluationRecord, factsHash, policySources } from "@remit/app";
 * import { policyLabels } from "@remit/engine";
 * const built = buildPolicySources({ "policy.remit": 'policy "P" version "1.0" readers chinese\n' }, "policy.remit");
 * if (built.policy === undefined || built.checked === undefined) throw new Error("does not compile");
 * const facts = { asOf: "2026-10-01" };
 * const outcome = built.policy.evaluate(facts);
 * if ("errors" in outcome) throw new Error("the facts are rejected");
 * const record = evaluationRecord(outcome.result, {
 *   requestId: "req-1",
 *   factsHash: factsHash(facts),
 *   sources: policySources(built.checked),
 *   labels: policyLabels(built.checked),
 * });
 * console.log(record.requestId, record.asOf, record.policy.name, record.findings.length); // req-1 2026-10-01 P 0
 * console.log(record.policy.labels?.readers); // zh
 * ```
 */
export function evaluationRecord(result: EvaluationResult, context: RecordContext): EvaluationToRecord {
  return {
    requestId: context.requestId,
    ...(context.recordedAt === undefined ? {} : { recordedAt: context.recordedAt }),
    policy: { ...result.policy, sources: context.sources, labels: context.labels },
    factsHash: context.factsHash,
    asOf: result.asOf,
    params: result.params,
    findings: result.findings,
  };
}
