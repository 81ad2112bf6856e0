/**
 * Structured logs with levels (`pino`): one JSON object per line, the level by name. Requests
 * go to one stream (standard output), events — reloads, failures — to another (standard error).
 */
import { type Logger, pino } from "pino";
import type { LogLevel } from "./config.js";
import { type ErrorLogSink, type RequestLogSink, requestLogLevel } from "./log.js";

export interface WritableText {
  write(text: string): unknown;
}

/**
 * @example
 * ```ts
 * import { createLogger } from "@remit/server";
 * const lines: string[] = [];
 * const logger = createLogger("info", { write: (text: string) => lines.push(text) });
 * logger.debug("not written at level info");
 * logger.info({ route: "listing" }, "policy reloaded");
 * const logged = lines.map((text) => JSON.parse(text) as { level: string; msg: string; route: string });
 * console.log(logged.map((l) => `${l.level} ${l.msg} ${l.route}`)); // [ 'info policy reloaded listing' ]
 * ```
 */
export function createLogger(level: LogLevel, stream: WritableText): Logger {
  return pino(
    {
      level,
      base: undefined,
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    { write: (text: string) => void stream.write(text) },
  );
}

/**
 * Request lines at the level their outcome deserves; the line's own arrival time is kept.
 * @example
 * ```ts
 * import { createLogger, requestLogSink } from "@remit/server";
 * const line = {
 *   time: "2026-10-20T08:00:00.000Z",
 *   requestId: "r-1",
 *   method: "POST",
 *   path: "/v1/evaluate",
 *   status: 422,
 *   durationMs: 3,
 *   policyHash: null,
 * };
 * const lines: string[] = [];
 * const sink = requestLogSink(createLogger("info", { write: (text: string) => lines.push(text) }));
 * sink(line);
 * const logged = JSON.parse(lines[0] ?? "{}") as { level: string; status: number; receivedAt: string };
 * console.log(logged.level, logged.status, logged.receivedAt); // warn 422 2026-10-20T08:00:00.000Z
 * ```
 */
export function requestLogSink(logger: Logger): RequestLogSink {
  return ({ time, ...line }) => logger[requestLogLevel({ time, ...line })]({ receivedAt: time, ...line });
}

/**
 * @example
 * ```ts
 * import { createLogger, errorLogSink } from "@remit/server";
 * const lines: string[] = [];
 * const sink = errorLogSink(createLogger("info", { write: (text: string) => lines.push(text) }));
 * sink(new Error("disk full"), { method: "GET", path: "/v1/records" });
 * const logged = JSON.parse(lines[0] ?? "{}") as { level: string; msg: string; path: string; err: { message: string } };
 * console.log(logged.level, logged.msg, logged.path, logged.err.message); // error internal error /v1/records disk full
 * ```
 */
export function errorLogSink(logger: Logger): ErrorLogSink {
  return (error, request) => logger.error({ ...request, err: error }, "internal error");
}

export type { Logger };
