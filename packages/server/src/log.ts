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

export const stdoutLogSink: RequestLogSink = (line) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

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
 */
export function requestLogLevel(line: RequestLogLine): "info" | "warn" | "error" {
  if (line.aborted === true) return "info";
  if (line.status >= 500) return "error";
  if (line.status >= 400) return "warn";
  return "info";
}
