/**
 * The one error shape every 4xx and 5xx response carries: a stable code, a one-line message in
 * English and Chinese, and details where the caller can act on them (paths, limits, methods).
 */
import type { Localized } from "@remit/lang";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ApiErrorCode =
  | "malformed-json"
  | "unsupported-media-type"
  | "invalid-request"
  | "invalid-facts"
  | "unknown-policy"
  | "payload-too-large"
  | "not-found"
  | "method-not-allowed"
  | "timeout"
  | "busy"
  | "answer-too-large"
  | "memory-exceeded"
  | "store-unavailable"
  | "no-store"
  | "evaluation-too-large"
  | "internal";

export interface ApiErrorBody {
  readonly error: {
    readonly code: ApiErrorCode;
    readonly message: Localized;
    readonly details?: unknown;
  };
}

/**
 * A failure to answer with: the status and the body, decided where the failure is found.
 * @example
 * ```ts
 * import { ApiError } from "@remit/server";
 * const error = new ApiError(404, "not-found", { en: "no such record", zh: "没有此记录" }, { id: "r-9" });
 * console.log(error.status, error.message); // 404 no such record
 * console.log(JSON.stringify(error.toBody())); // {"error":{"code":"not-found","message":{"en":"no such record","zh":"没有此记录"},"details":{"id":"r-9"}}}
 * ```
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    readonly localized: Localized,
    readonly details?: unknown,
  ) {
    super(localized.en);
    this.name = "ApiError";
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.localized,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const apiErrors = {
  malformedJson: (reason: string) =>
    new ApiError(
      400,
      "malformed-json",
      {
        en: "request body is not valid json",
        zh: "请求体不是有效的 JSON",
      },
      { reason },
    ),
  unsupportedMediaType: (contentType: string | undefined) =>
    new ApiError(
      415,
      "unsupported-media-type",
      {
        en: `content type '${contentType ?? ""}' is not supported, send 'application/json'`,
        zh: `不支持内容类型“${contentType ?? ""}”，请使用“application/json”`,
      },
      { expected: "application/json", received: contentType ?? null },
    ),
  /** `message` says what is wrong in both languages where one issue is the whole story (a limit). */
  invalidRequest: (
    issues: readonly RequestIssue[],
    message: Localized = { en: "request body is invalid", zh: "请求体无效" },
  ) => new ApiError(422, "invalid-request", message, { issues }),
  invalidFacts: (errors: readonly unknown[]) =>
    new ApiError(422, "invalid-facts", { en: "facts are invalid", zh: "事实数据无效" }, { errors }),
  unknownPolicy: (name: string, known: readonly string[]) =>
    new ApiError(
      404,
      "unknown-policy",
      { en: `unknown policy '${name}'`, zh: `未知政策“${name}”` },
      { policy: name, known },
    ),
  payloadTooLarge: (limitBytes: number) =>
    new ApiError(
      413,
      "payload-too-large",
      {
        en: `request body is larger than ${limitBytes} bytes`,
        zh: `请求体超过 ${limitBytes} 字节`,
      },
      { limitBytes },
    ),
  notFound: (path: string) =>
    new ApiError(404, "not-found", { en: `no route '${path}'`, zh: `没有路由“${path}”` }, { path }),
  methodNotAllowed: (method: string, allowed: readonly string[]) =>
    new ApiError(
      405,
      "method-not-allowed",
      {
        en: `method '${method}' is not allowed here, use ${allowed.map((m) => `'${m}'`).join(" or ")}`,
        zh: `此处不允许方法“${method}”，请使用 ${allowed.map((m) => `“${m}”`).join(" 或 ")}`,
      },
      { allowed },
    ),
  timeout: (timeoutMs: number) =>
    new ApiError(
      504,
      "timeout",
      {
        en: `request did not finish within ${timeoutMs} ms`,
        zh: `请求未在 ${timeoutMs} 毫秒内完成`,
      },
      { timeoutMs },
    ),
  busy: (concurrentRequests: number, retryAfterSeconds: number) =>
    new ApiError(
      503,
      "busy",
      {
        en: `the server is handling ${concurrentRequests} requests already, retry in ${retryAfterSeconds} s`,
        zh: `服务器正在处理 ${concurrentRequests} 个请求，请 ${retryAfterSeconds} 秒后重试`,
      },
      { concurrentRequests, retryAfterSeconds },
    ),
  memoryExceeded: (limitMb: number) =>
    new ApiError(
      503,
      "memory-exceeded",
      {
        en: `the request needed more than the ${limitMb} MB a worker may use and was stopped`,
        zh: `该请求所需内存超过单个工作线程的上限 ${limitMb} MB，已被终止`,
      },
      { limitMb },
    ),
  answerTooLarge: (limitBytes: number) =>
    new ApiError(
      422,
      "answer-too-large",
      {
        en: `the answer would be larger than ${limitBytes} bytes: evaluate fewer records at once`,
        zh: `应答将超过 ${limitBytes} 字节：请减少一次评估的记录`,
      },
      { limitBytes },
    ),
  storeUnavailable: (reason: string) =>
    new ApiError(
      503,
      "store-unavailable",
      {
        en: "the record store cannot be reached, nothing was recorded",
        zh: "无法访问评估记录库，未作记录",
      },
      { reason },
    ),
  noStore: () =>
    new ApiError(501, "no-store", {
      en: "this server keeps no evaluation records",
      zh: "此服务器不保存评估记录",
    }),
  /** The evaluation would pass a limit (periods, findings): the request's size, not its facts. */
  evaluationTooLarge: (errors: readonly unknown[]) =>
    new ApiError(
      422,
      "evaluation-too-large",
      {
        en: "the evaluation is over a limit: see the details",
        zh: "评估超出上限：详见 details",
      },
      { errors },
    ),
  internal: () => new ApiError(500, "internal", { en: "internal server error", zh: "服务器内部错误" }),
};

/** A request-body problem at a JSON path (`asOf`, `params.gridDays`). */
export interface RequestIssue {
  readonly path: string;
  readonly message: string;
}
