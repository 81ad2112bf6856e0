/**
 * The limits a host puts on one request's work, with their defaults, their command-line flags and
 * environment variables, and their validation: one table, so that `remit serve`, the server and a
 * worker pool read the same values the same way.
 */
import { DEFAULT_EVALUATION_LIMITS, maxErrorsPerAnswer } from "@remit/engine";
import { extractLiterate, tokenize } from "@remit/lang";

export interface ServiceLimits {
  /** Largest request body, in bytes. */
  readonly bodyBytes: number;
  /** Requests handled at once; more are answered 503 at once rather than queued without bound. */
  readonly concurrentRequests: number;
  /** Time one request may take once received, in milliseconds. */
  readonly requestTimeoutMs: number;
  /** Periods of one recurring duty for one subject: bounds the `asOf` range. */
  readonly periods: number;
  /** Findings in one evaluation result. */
  readonly findings: number;
  /** Largest answer body, in bytes. */
  readonly answerBytes: number;
  /** Errors or diagnostics described in one answer (at most the engine's own 100 for facts). */
  readonly errorsPerAnswer: number;
  /**
   * Tokens in the policy sources one request may send to be checked: the parser's tree costs a
   * few kilobytes per token of an expression (under one per element of a list of literals), so
   * this bounds a check's memory.
   */
  readonly policyTokens: number;
  /**
   * Heap one worker thread may use, in MiB: a request that needs more ends its thread (which is
   * replaced) and is answered 503, rather than taking the whole process down.
   */
  readonly workerMemoryMb: number;
}

export type ServiceLimitName = keyof ServiceLimits;

export interface ServiceLimitSetting {
  readonly name: ServiceLimitName;
  /** `--body-limit` */
  readonly flag: string;
  /** `REMIT_BODY_LIMIT` */
  readonly env: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly description: { readonly en: string; readonly zh: string };
}

const MiB = 1024 * 1024;

/**
 * @example
 * ```ts
 * import { serviceLimitSettings } from "@remit/app";
 * const body = serviceLimitSettings.find((s) => s.name === "bodyBytes");
 * console.log(body?.flag, body?.env, body?.default); // --body-limit REMIT_BODY_LIMIT 20971520
 * ```
 */
export const serviceLimitSettings: readonly ServiceLimitSetting[] = [
  {
    name: "bodyBytes",
    flag: "--body-limit",
    env: "REMIT_BODY_LIMIT",
    default: 20 * MiB,
    min: 1024,
    max: 1024 * MiB,
    description: { en: "largest request body in bytes", zh: "请求体上限（字节）" },
  },
  {
    name: "concurrentRequests",
    flag: "--max-concurrent",
    env: "REMIT_MAX_CONCURRENT",
    default: 16,
    min: 1,
    max: 10_000,
    description: { en: "requests handled at once; more get 503", zh: "同时处理的请求数，超出返回 503" },
  },
  {
    name: "requestTimeoutMs",
    flag: "--request-timeout",
    env: "REMIT_REQUEST_TIMEOUT",
    default: 30_000,
    min: 100,
    max: 3_600_000,
    description: { en: "time one request may take, in ms", zh: "单个请求的时限（毫秒）" },
  },
  {
    name: "periods",
    flag: "--max-periods",
    env: "REMIT_MAX_PERIODS",
    default: DEFAULT_EVALUATION_LIMITS.periods,
    min: 1,
    max: 1_000_000,
    description: {
      en: "recurring periods per duty and subject (bounds asOf)",
      zh: "每项义务每个对象的周期数上限（限制评估日范围）",
    },
  },
  {
    name: "findings",
    flag: "--max-findings",
    env: "REMIT_MAX_FINDINGS",
    default: DEFAULT_EVALUATION_LIMITS.findings,
    min: 1,
    max: 100_000_000,
    description: { en: "findings per evaluation", zh: "每次评估的结论数上限" },
  },
  {
    name: "answerBytes",
    flag: "--max-answer",
    env: "REMIT_MAX_ANSWER",
    default: 256 * MiB,
    min: 1024,
    max: 1024 * MiB,
    description: { en: "largest answer body in bytes", zh: "应答体上限（字节）" },
  },
  {
    name: "errorsPerAnswer",
    flag: "--max-errors",
    env: "REMIT_MAX_ERRORS",
    default: maxErrorsPerAnswer,
    min: 1,
    max: 100_000,
    description: { en: "errors or diagnostics per answer", zh: "每个应答的错误或诊断条数上限" },
  },
  {
    name: "policyTokens",
    flag: "--max-tokens",
    env: "REMIT_MAX_TOKENS",
    default: 200_000,
    min: 100,
    max: 10_000_000,
    description: { en: "tokens per checked policy", zh: "每个待检查政策的词元数上限" },
  },
  {
    name: "workerMemoryMb",
    flag: "--worker-memory",
    env: "REMIT_WORKER_MEMORY",
    default: 1536,
    min: 64,
    max: 65_536,
    description: { en: "heap of one worker thread in MiB", zh: "单个工作线程的堆内存上限（MiB）" },
  },
];

/**
 * The tokens of policy sources (code blocks only, for a literate file): counted by the lexer
 * alone, whose cost is linear and small, before a parser builds a tree for them.
 * @example
 * ```ts
 * import { policyTokenCount } from "@remit/app";
 * const files = { "policy.remit": 'policy "P" version "1.0"\n' };
 * console.log(policyTokenCount(files) > 0); // true
 * console.log(policyTokenCount({ "notes.remit.md": "# Only prose, no code\n" })); // 0
 * ```
 */
export function policyTokenCount(files: Readonly<Record<string, string>>): number {
  let count = 0;
  for (const [file, text] of Object.entries(files)) {
    const code = file.endsWith(".remit.md") ? extractLiterate(text, file).code : text;
    count += tokenize(code, file).tokens.length;
  }
  return count;
}

/**
 * @example
 * ```ts
 * import { defaultServiceLimits } from "@remit/app";
 * console.log(defaultServiceLimits.bodyBytes); // 20971520
 * ```
 */
export const defaultServiceLimits: ServiceLimits = Object.fromEntries(
  serviceLimitSettings.map((s) => [s.name, s.default]),
) as unknown as ServiceLimits;

/** A limit given as something other than a whole number in its range. */
export interface LimitProblem {
  readonly source: string;
  readonly message: { readonly en: string; readonly zh: string };
}

/**
 * The limits from flags (by flag name without dashes, `body-limit`) over environment variables
 * over the defaults; every value that is not a whole number within its range is a problem.
 * @example
 * ```ts
 * import { readServiceLimits } from "@remit/app";
 * const read = readServiceLimits({ "body-limit": "2048" }, { REMIT_BODY_LIMIT: "4096" });
 * console.log("limits" in read ? read.limits.bodyBytes : read.problems); // 2048
 * const bad = readServiceLimits({}, { REMIT_BODY_LIMIT: "lots" });
 * console.log("problems" in bad ? bad.problems[0]?.message.en : "accepted"); // REMIT_BODY_LIMIT must be a whole number from 1024 to 1073741824, got 'lots'
 * ```
 */
export function readServiceLimits(
  flags: Readonly<Record<string, string | undefined>>,
  env: Readonly<Record<string, string | undefined>>,
): { readonly limits: ServiceLimits } | { readonly problems: readonly LimitProblem[] } {
  const limits: Record<string, number> = {};
  const problems: LimitProblem[] = [];
  for (const setting of serviceLimitSettings) {
    const fromFlag = flags[setting.flag.slice(2)];
    const given = fromFlag ?? env[setting.env];
    const source = fromFlag !== undefined ? setting.flag : setting.env;
    if (given === undefined) {
      limits[setting.name] = setting.default;
      continue;
    }
    const value = /^\d{1,10}$/.test(given.trim()) ? Number(given.trim()) : Number.NaN;
    if (!(value >= setting.min && value <= setting.max)) {
      problems.push({
        source,
        message: {
          en: `${source} must be a whole number from ${setting.min} to ${setting.max}, got '${given}'`,
          zh: `${source} 应为 ${setting.min} 到 ${setting.max} 之间的整数，实际为“${given}”`,
        },
      });
      continue;
    }
    limits[setting.name] = value;
  }
  return problems.length > 0 ? { problems } : { limits: limits as unknown as ServiceLimits };
}

/**
 * The first `limit` items, and how many were left out: answers stay small however many there are.
 * @example
 * ```ts
 * import { capped } from "@remit/app";
 * const { items, omitted } = capped(["a", "b", "c", "d", "e"], 3);
 * console.log(items, omitted); // [ 'a', 'b', 'c' ] 2
 * ```
 */
export function capped<T>(
  items: readonly T[],
  limit: number,
): { readonly items: readonly T[]; readonly omitted: number } {
  return items.length <= limit
    ? { items, omitted: 0 }
    : { items: items.slice(0, limit), omitted: items.length - limit };
}
