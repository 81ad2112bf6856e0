/**
 * What an evaluation leaves in the store: the result, with what the engine does not know — the
 * request id, the hash of the facts and the policy's source files — so that a later review can
 * tell which facts and which text of the policy produced what the system said.
 */
import { createHash } from "node:crypto";
import type { EvaluationResult } from "@remit/engine";
import { type CheckedPolicy, dirname, relativePath } from "@remit/lang";
import type { EvaluationToRecord, PolicySource } from "@remit/store";

/** SHA-256 (hex) of a text, as UTF-8: the same digest as the engine's policy hash uses. */
export function sha256Text(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The hash of a facts document: of its JSON text as written by `JSON.stringify`, so the same
 * document read from a file or from a request body hashes the same.
 */
export function factsHash(facts: unknown): string {
  return sha256Text(JSON.stringify(facts) ?? "null");
}

/** Each source file of the policy: its path relative to the entry's folder and its text's hash. */
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
  /** When the answer was given (ISO instant); the store's clock when left out. */
  readonly recordedAt?: string;
}

/** The record of one evaluation, ready for `Store.append`. */
export function evaluationRecord(result: EvaluationResult, context: RecordContext): EvaluationToRecord {
  return {
    requestId: context.requestId,
    ...(context.recordedAt === undefined ? {} : { recordedAt: context.recordedAt }),
    policy: { ...result.policy, sources: context.sources },
    factsHash: context.factsHash,
    asOf: result.asOf,
    params: result.params,
    findings: result.findings,
  };
}
