/** Result assembly: the findings of one evaluation with the policy, date, parameters and summary. */
import { formatIsoDate } from "./calendar/index.js";
import { summarize } from "./evaluate/index.js";
import type { Prepared } from "./prepare.js";
import type { EvaluationResult, Finding } from "./result.js";

/** The identity every result names its policy by. */
export interface PolicyIdentity {
  readonly name: string;
  readonly version: string | null;
  readonly hash: string;
}

export function assembleResult(
  policy: PolicyIdentity,
  prepared: Prepared,
  findings: readonly Finding[],
): EvaluationResult {
  return {
    policy: { name: policy.name, version: policy.version, hash: policy.hash },
    asOf: formatIsoDate(prepared.asOf),
    params: prepared.params,
    findings,
    summary: summarize(findings),
  };
}
