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

/** Request lines at the level their outcome deserves; the line's own arrival time is kept. */
export function requestLogSink(logger: Logger): RequestLogSink {
  return ({ time, ...line }) => logger[requestLogLevel({ time, ...line })]({ receivedAt: time, ...line });
}

export function errorLogSink(logger: Logger): ErrorLogSink {
  return (error, request) => logger.error({ ...request, err: error }, "internal error");
}

export type { Logger };
