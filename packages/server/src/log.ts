/** One JSON line per request, written to a sink the embedder chooses. */

export interface RequestLogLine {
  /** ISO timestamp of when the request arrived. */
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  /** The content hash of the policy the request was served by, when it reached one. */
  readonly policyHash: string | null;
  /** The error code of a 4xx or 5xx response. */
  readonly error?: string;
}

export type RequestLogSink = (line: RequestLogLine) => void;

/** Internal failures: logged with their stack, never sent to the caller. */
export type ErrorLogSink = (
  error: unknown,
  request: { readonly method: string; readonly path: string },
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
