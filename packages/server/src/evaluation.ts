/**
 * One evaluation request, from the body's text to the answer's text and its record: the work a
 * worker thread does (see worker.ts), or the request's own thread when the server runs no pool.
 * The answer is plain data, so that it crosses a thread boundary; errors travel as their status
 * and body.
 */
import type { z } from "@hono/zod-openapi";
import { type Evaluable, evaluateFacts, evaluationRecord, factsHash } from "@remit/app";
import type { JsonValue } from "@remit/engine";
import type { EvaluationToRecord, PolicySource } from "@remit/store";
import { decodeUtf8, parseJsonText } from "./body.js";
import { ApiError, type ApiErrorBody, apiErrors, type RequestIssue } from "./errors.js";
import * as schemas from "./schemas.js";

export type EvaluationAnswer =
  | {
      readonly kind: "result";
      /** The result as JSON, encoded, ready to send. */
      readonly body: Uint8Array;
      readonly record: EvaluationToRecord;
      /** Findings by status, for metrics. */
      readonly counts: Readonly<Record<string, number>>;
    }
  | { readonly kind: "refused"; readonly status: ApiError["status"]; readonly body: ApiErrorBody };

export interface EvaluationInput {
  readonly requestId: string;
  /** The request body's bytes, not yet decoded. */
  readonly bytes: Uint8Array;
  readonly sources: readonly PolicySource[];
}

function issuesOf(error: z.ZodError): RequestIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path
      .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join(""),
    message: issue.message,
  }));
}

/** Validates `value` with `schema`, or throws the 422 naming each bad path. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw apiErrors.invalidRequest(issuesOf(parsed.error));
  return parsed.data;
}

export async function evaluateRequest(policy: Evaluable, input: EvaluationInput): Promise<EvaluationAnswer> {
  try {
    const request = parseWith(schemas.EvaluateRequest, parseJsonText(decodeUtf8(input.bytes)));
    // Nothing reads the clock: with no date in the request or the facts, the engine answers 422.
    const outcome = await evaluateFacts(policy, request.facts, {
      asOf: request.asOf,
      params: (request.params ?? {}) as Record<string, JsonValue>,
    });
    if ("errors" in outcome) throw apiErrors.invalidFacts(outcome.errors);
    const record = evaluationRecord(outcome.result, {
      requestId: input.requestId,
      factsHash: factsHash(request.facts),
      sources: input.sources,
    });
    // A Map, so that any escalation level name is a plain key.
    const byStatus = new Map<string, number>();
    for (const { status } of outcome.result.findings) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    const counts = Object.fromEntries(byStatus);
    return {
      kind: "result",
      body: new TextEncoder().encode(JSON.stringify(outcome.result)),
      record,
      counts,
    };
  } catch (error) {
    if (error instanceof ApiError) return { kind: "refused", status: error.status, body: error.toBody() };
    throw error;
  }
}

/** The error an answer refused with, as the request's thread throws it. */
export function refusal(answer: Extract<EvaluationAnswer, { kind: "refused" }>): ApiError {
  const { code, message, details } = answer.body.error;
  return new ApiError(answer.status, code, message, details);
}
