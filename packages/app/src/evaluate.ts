/** Evaluating a policy on a facts document as at a date. */
import type { EvaluateOutcome, EvaluationLimits, EvaluationProgress, JsonValue, Policy } from "@remit/engine";

/**
 * What a host asks an evaluation for: a date (else the facts' own `asOf`), parameter overrides,
 * and optionally only some rules (by id; an unknown id is a rejected input, as bad facts are).
 */
export interface EvaluationRequest {
  readonly asOf?: string | undefined;
  readonly params?: Readonly<Record<string, JsonValue>>;
  readonly rules?: readonly string[] | undefined;
  /** Bounds on the evaluation's work (periods, findings); the engine's defaults for any left out. */
  readonly limits?: Partial<EvaluationLimits>;
  /** Told how far the evaluation has come (the engine's `onProgress`), for a progress bar. */
  readonly onProgress?: (progress: EvaluationProgress) => void;
}

/** The part of a policy an evaluation calls; a host may wrap it (to wait, to time it). */
export interface Evaluable {
  evaluate(
    facts: unknown,
    options: {
      readonly asOf?: string;
      readonly params: Readonly<Record<string, JsonValue>>;
      readonly rules?: readonly string[];
      readonly limits?: Partial<EvaluationLimits>;
      readonly onProgress?: (progress: EvaluationProgress) => void;
    },
  ): EvaluateOutcome | Promise<EvaluateOutcome>;
}

/**
 * Whether an evaluation has a date at all: the one asked for, else an `asOf` in the facts. A
 * result must never depend on the day it happens to be computed, so hosts refuse without one.
 * Whether it is a real date is the engine's to report, with the path of the bad value.
 * @example
 * ```ts
 * import { hasEvaluationDate } from "@remit/app";
 * console.log(hasEvaluationDate({}, { asOf: "2026-10-01" })); // true
 * console.log(hasEvaluationDate({ asOf: "2026-10-01" }, {})); // true
 * console.log(hasEvaluationDate({}, { hazards: [] })); // false
 * ```
 */
export function hasEvaluationDate(request: EvaluationRequest, facts: unknown): boolean {
  return request.asOf !== undefined || (isObject(facts) && "asOf" in facts);
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Evaluates `facts`; without `asOf` the engine takes the facts' own.
 * @example
 * ```ts
 * import { buildPolicySources, evaluateFacts } from "@remit/app";
 * const built = buildPolicySources({ "policy.remit": 'policy "P"\n' }, "policy.remit");
 * if (built.policy === undefined) throw new Error("does not compile");
 * const outcome = await evaluateFacts(built.policy, { asOf: "2026-10-01" }, { asOf: "2026-11-30" });
 * console.log("result" in outcome ? outcome.result.asOf : outcome.errors); // 2026-11-30
 * ```
 */
export async function evaluateFacts(
  policy: Evaluable | Pick<Policy, "evaluate">,
  facts: unknown,
  request: EvaluationRequest,
): Promise<EvaluateOutcome> {
  const params = { ...(request.params ?? {}) };
  const limits = request.limits ?? {};
  return await policy.evaluate(facts, {
    params,
    limits,
    ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
    ...(request.rules === undefined ? {} : { rules: request.rules }),
    ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
  });
}
