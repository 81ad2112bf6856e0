/**
 * The work of one request, from the body's bytes to the answer's bytes: an evaluation (with its
 * record) or a check of policy sources. A worker thread does it (see worker.ts), or the request's
 * own thread when the server runs no pool. Answers are plain data, so that they cross a thread
 * boundary; errors travel as their status and body.
 */
import type { z } from "@hono/zod-openapi";
import {
  capped,
  diagnosticsDocument,
  type Evaluable,
  evaluateFacts,
  evaluationRecord,
  factsHash,
  policyTokenCount,
  type ServiceLimits,
} from "@remit/app";
import { isLimitError, type JsonValue, type PolicyLabels } from "@remit/engine";
import type { EvaluationToRecord, PolicySource } from "@remit/store";
import { decodeUtf8, parseJsonText } from "./body.js";
import type { Checker } from "./check.js";
import { ApiError, type ApiErrorBody, apiErrors, type RequestIssue } from "./errors.js";
import * as schemas from "./schemas.js";

/** The limits that bound the work itself (the others bound the request around it). */
export type WorkLimits = Pick<
  ServiceLimits,
  "periods" | "findings" | "answerBytes" | "errorsPerAnswer" | "policyTokens"
>;

export type Refusal = {
  readonly kind: "refused";
  readonly status: ApiError["status"];
  readonly body: ApiErrorBody;
};

export type EvaluationAnswer =
  | {
      readonly kind: "result";
      /** The result as JSON, encoded, ready to send. */
      readonly body: Uint8Array;
      /**
       * The record to store, as the UTF-8 JSON of an `EvaluationToRecord`: bytes move between
       * threads without copying, and are read only where the store runs.
       */
      readonly record: Uint8Array;
      /** Findings by status, for metrics. */
      readonly counts: Readonly<Record<string, number>>;
    }
  | Refusal;

export type CheckAnswer = { readonly kind: "checked"; readonly body: Uint8Array } | Refusal;

export interface EvaluationInput {
  readonly requestId: string;
  /** The request body's bytes, not yet decoded. */
  readonly bytes: Uint8Array;
  readonly sources: readonly PolicySource[];
  /** The policy's labels, kept with the record (see `evaluationRecord`). */
  readonly labels: PolicyLabels;
  readonly limits: WorkLimits;
}

export interface CheckInput {
  /** The request body's bytes, not yet decoded. */
  readonly bytes: Uint8Array;
  readonly limits: WorkLimits;
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

/** The answer as encoded JSON, or 422 `answer-too-large` past the limit (never a partial body). */
function boundedJson(value: unknown, limits: WorkLimits): Uint8Array {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  if (bytes.byteLength > limits.answerBytes) throw apiErrors.answerTooLarge(limits.answerBytes);
  return bytes;
}

/** An `ApiError` thrown by the work, as the answer that carries it across threads. */
function refused(error: unknown): Refusal {
  if (error instanceof ApiError) return { kind: "refused", status: error.status, body: error.toBody() };
  throw error;
}

/**
 * @example
 * ```ts
 * import { defaultServiceLimits } from "@remit/app";
 * import { compile, policyLabels } from "@remit/engine";
 * import { evaluateRequest } from "@remit/server";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const request = { asOf: "2026-10-20", facts: { hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] } };
 * const bytes = new TextEncoder().encode(JSON.stringify(request));
 * const labels = policyLabels(compiled.policy.checked);
 * const answer = await evaluateRequest(compiled.policy, { requestId: "r-1", bytes, sources: [], labels, limits: defaultServiceLimits });
 * console.log(answer.kind === "result" && answer.counts); // { overdue: 1 }
 * const empty = await evaluateRequest(compiled.policy, { requestId: "r-2", bytes: new TextEncoder().encode("{}"), sources: [], labels, limits: defaultServiceLimits });
 * console.log(empty.kind === "refused" && `${empty.status} ${empty.body.error.code}`); // 422 invalid-request
 * ```
 */
export async function evaluateRequest(policy: Evaluable, input: EvaluationInput): Promise<EvaluationAnswer> {
  const { limits } = input;
  try {
    const request = parseWith(schemas.EvaluateRequest, parseJsonText(decodeUtf8(input.bytes)));
    // Nothing reads the clock: with no date in the request or the facts, the engine answers 422.
    const outcome = await evaluateFacts(policy, request.facts, {
      asOf: request.asOf,
      params: (request.params ?? {}) as Record<string, JsonValue>,
      limits: { periods: limits.periods, findings: limits.findings },
    });
    if ("errors" in outcome) {
      const errors = capped(outcome.errors, limits.errorsPerAnswer).items;
      // A far-off `asOf` or too many findings is refused for its size: the facts are fine.
      if (errors.length > 0 && errors.every(isLimitError)) throw apiErrors.evaluationTooLarge(errors);
      throw apiErrors.invalidFacts(errors);
    }
    const body = boundedJson(outcome.result, limits);
    const toRecord: EvaluationToRecord = evaluationRecord(outcome.result, {
      requestId: input.requestId,
      factsHash: factsHash(request.facts),
      sources: input.sources,
      labels: input.labels,
    });
    const record = new TextEncoder().encode(JSON.stringify(toRecord));
    // A Map, so that any escalation level name is a plain key.
    const byStatus = new Map<string, number>();
    for (const { status } of outcome.result.findings) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    return { kind: "result", body, record, counts: Object.fromEntries(byStatus) };
  } catch (error) {
    return refused(error);
  }
}

/**
 * Checks the policy sources a request sends: refused past the token limit before any parser
 * builds a tree for them (the tree costs a few kilobytes per token).
 * @example
 * ```ts
 * import { defaultServiceLimits } from "@remit/app";
 * import { checkRequest, defaultChecker } from "@remit/server";
 * const bytes = new TextEncoder().encode(JSON.stringify({ source: 'policy "P"\nparam : integer = 1\n' }));
 * const answer = await checkRequest(defaultChecker, { bytes, limits: defaultServiceLimits });
 * if (answer.kind !== "checked") throw new Error(answer.body.error.message.en);
 * const document = JSON.parse(new TextDecoder().decode(answer.body)) as { diagnostics: { code: string }[] };
 * console.log(document.diagnostics.map((d) => d.code)); // [ 'R2001' ]
 * ```
 */
export async function checkRequest(check: Checker, input: CheckInput): Promise<CheckAnswer> {
  const { limits } = input;
  try {
    const request = parseWith(schemas.CheckRequest, parseJsonText(decodeUtf8(input.bytes)));
    const [files, entry] =
      "source" in request
        ? [{ [request.file ?? "policy.remit"]: request.source }, request.file ?? "policy.remit"]
        : [request.files, request.entry];
    if (!(entry in files)) {
      const message = {
        en: `entry '${entry}' is not among the files`,
        zh: `入口文件“${entry}”不在所给文件中`,
      };
      throw apiErrors.invalidRequest([{ path: "entry", message: message.en }], message);
    }
    const tokens = policyTokenCount(files);
    if (tokens > limits.policyTokens) {
      const message = {
        en: `the policy has ${tokens} tokens, more than the limit of ${limits.policyTokens}`,
        zh: `政策有 ${tokens} 个词法单元，超过上限 ${limits.policyTokens}`,
      };
      throw apiErrors.invalidRequest(
        [{ path: "source" in request ? "source" : "files", message: message.en }],
        message,
      );
    }
    const diagnostics = await check(files, entry);
    const document = diagnosticsDocument(capped(diagnostics, limits.errorsPerAnswer).items);
    return { kind: "checked", body: boundedJson(document, limits) };
  } catch (error) {
    return refused(error);
  }
}

/** The error an answer refused with, as the request's thread throws it. */
export function refusal(answer: Refusal): ApiError {
  const { code, message, details } = answer.body.error;
  return new ApiError(answer.status, code, message, details);
}
