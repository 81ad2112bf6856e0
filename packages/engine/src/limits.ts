/**
 * Bounds on the work one evaluation may do, so that no facts document or date can hold a host for
 * longer than its size warrants. Exceeding one ends the evaluation with a structured error (a
 * {@link FactError}), never a partial result.
 */
import type { FactError } from "./result.js";

export interface EvaluationLimits {
  /**
   * Periods of one recurring duty for one subject: bounds the `asOf` range. The default admits a
   * century of weeks (and so of months, quarters and years).
   */
  readonly periods: number;
  /** Findings in one result. */
  readonly findings: number;
}

/**
 * Errors in one answer (facts and parameters together): past it the rest are not described, so a
 * document with a million bad values gets a small answer.
 * @example
 * ```ts
 * import { maxErrorsPerAnswer } from "@remit/engine";
 * console.log(maxErrorsPerAnswer); // 100
 * ```
 */
export const maxErrorsPerAnswer = 100;

/**
 * The bounds an evaluation runs within unless `options.limits` sets others.
 * @example
 * ```ts
 * import { DEFAULT_EVALUATION_LIMITS } from "@remit/engine";
 * console.log(DEFAULT_EVALUATION_LIMITS); // { periods: 5300, findings: 2000000 }
 * ```
 */
export const DEFAULT_EVALUATION_LIMITS: EvaluationLimits = { periods: 5300, findings: 2_000_000 };

/** The codes of the errors that refuse an evaluation for its size, not for its facts. */
export type EvaluationLimitCode = "too-many-periods" | "too-many-findings";

const limitCodes: ReadonlySet<string> = new Set<EvaluationLimitCode>([
  "too-many-periods",
  "too-many-findings",
]);

/**
 * Whether an evaluation's error is a limit (the work it would take), not a fault in its facts.
 * @example
 * ```ts
 * import { compile, isLimitError } from "@remit/engine";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const hazards = [
 *   { id: "H1", foundOn: "2026-10-01", listedOn: null },
 *   { id: "H2", foundOn: "2026-10-02", listedOn: "2026-10-03" },
 * ];
 * const outcome = compiled.policy.evaluate({ hazards }, { asOf: "2026-10-20", limits: { findings: 1 } });
 * console.log("errors" in outcome && outcome.errors.map(isLimitError)); // [ true ]
 * ```
 */
export function isLimitError(error: FactError): boolean {
  return limitCodes.has(error.code);
}

/** Thrown inside the evaluation loop and turned into `{ errors }` at the policy's boundary. */
export class EvaluationLimitExceeded extends Error {
  constructor(readonly error: FactError & { readonly code: EvaluationLimitCode }) {
    super(error.message.en);
  }
}

/** The rule is named by its title, in the readers' words, with its id to find it by. */
export function tooManyPeriods(
  rule: { readonly id: string; readonly title: string },
  count: number,
  limit: number,
): EvaluationLimitExceeded {
  return new EvaluationLimitExceeded({
    path: "asOf",
    code: "too-many-periods",
    message: {
      en: `the evaluation date is too far ahead: rule "${rule.title}" (${rule.id}) would judge ${count} recurring periods, more than the limit of ${limit}; choose an evaluation date nearer to the periods' start`,
      zh: `评估日过远：规则“${rule.title}”（${rule.id}）将评估 ${count} 个周期，超过上限 ${limit}；请选择更接近周期起点的评估日`,
    },
  });
}

export function tooManyFindings(limit: number): EvaluationLimitExceeded {
  return new EvaluationLimitExceeded({
    path: "",
    code: "too-many-findings",
    message: {
      en: `the evaluation gives more than ${limit} findings: evaluate fewer records or fewer rules at once`,
      zh: `评估结果超过 ${limit} 条：请减少一次评估的记录或规则`,
    },
  });
}
