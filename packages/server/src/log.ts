/** One JSON line per request, written to a sink the embedder chooses. */

export interface RequestLogLine {
  /** ISO timestamp of when the request arrived. */
  readonly time: string;
  /** The caller's `X-Request-Id`, or the one made for the request. */
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  /** The content hash of the policy the request was served by, when it reached one. */
  readonly policyHash: string | null;
  /** The error code of a 4xx or 5xx response. */
  readonly error?: string;
  /** The caller closed the connection before the answer was sent. */
  readonly aborted?: boolean;
}

export type RequestLogSink = (line: RequestLogLine) => void;

/** Internal failures: logged with their stack, never sent to the caller. */
export type ErrorLogSink = (
  error: unknown,
  request: { readonly method: string; readonly path: string; readonly requestId?: string },
) => void;

/**
 * @example
 * ```ts
 * import { stdoutLogSink } from "@remit/server";
 * const line = {
 *   time: "2026-10-20T08:00:00.000Z",
 *   requestId: "r-1",
 *   method: "POST",
 *   path: "/v1/evaluate",
 *   status: 422,
 *   durationMs: 3,
 *   policyHash: null,
 * };
 * // The sink writes one JSON line to standard output; here the output is captured to show it.
 * const written: string[] = [];
 * const write = process.stdout.write;
 * process.stdout.write = (text: string | Uint8Array) => written.push(String(text)) > 0;
 * try {
 *   stdoutLogSink(line);
 * } finally {
 *   process.stdout.write = write;
 * }
 * console.log(written.length, JSON.parse(written[0] ?? "{}").status); // 1 422
 * ```
 */
export const stdoutLogSink: RequestLogSink = (line) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

/**
 * @example
 * ```ts
 * import { stderrErrorSink } from "@remit/server";
 * // The sink writes one JSON line with the stack to standard error; here it is captured to show it.
 * const written: string[] = [];
 * const write = process.stderr.write;
 * process.stderr.write = (text: string | Uint8Array) => written.push(String(text)) > 0;
 * try {
 *   stderrErrorSink(new Error("disk full"), { method: "POST", path: "/v1/evaluate", requestId: "r-1" });
 * } finally {
 *   process.stderr.write = write;
 * }
 * const logged = JSON.parse(written[0] ?? "{}") as { level: string; path: string; message: string };
 * console.log(logged.level, logged.path, logged.message); // error /v1/evaluate disk full
 * ```
 */
export const stderrErrorSink: ErrorLogSink = (error, request) => {
  const detail =
    error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: "error", ...request, ...detail })}\n`,
  );
};

/**
 * The level of a request's log line: a server failure is an error, a refused request a warning;
 * a caller that went away before its answer is ordinary traffic, not a failure of the server.
 * @example
 * ```ts
 * import { requestLogLevel } from "@remit/server";
 * const line = {
 *   time: "2026-10-20T08:00:00.000Z",
 *   requestId: "r-1",
 *   method: "POST",
 *   path: "/v1/evaluate",
 *   status: 422,
 *   durationMs: 3,
 *   policyHash: null,
 * };
 * console.log(requestLogLevel(line), requestLogLevel({ ...line, status: 503 }), requestLogLevel({ ...line, status: 200 })); // warn error info
 * console.log(requestLogLevel({ ...line, status: 499, aborted: true })); // info
 * ```
 */
export function requestLogLevel(line: RequestLogLine): "info" | "warn" | "error" {
  if (line.aborted === true) return "info";
  if (line.status >= 500) return "error";
  if (line.status >= 400) return "warn";
  return "info";
}
