export { type AppOptions, createApp, defaultBodyLimitBytes, defaultRequestTimeoutMs } from "./app.js";
export { type Checker, defaultChecker } from "./check.js";
export {
  type ConfigError,
  type ConfigFlags,
  type LogLevel,
  parsePort,
  readConfig,
  type ServiceConfig,
} from "./config.js";
export { ApiError, type ApiErrorBody, type ApiErrorCode, type RequestIssue } from "./errors.js";
export {
  type CheckAnswer,
  type CheckInput,
  checkRequest,
  type EvaluationAnswer,
  type EvaluationInput,
  evaluateRequest,
  type WorkLimits,
} from "./evaluation.js";
export { factsJsonSchema, type JsonSchemaTarget } from "./facts-schema.js";
export {
  type ErrorLogSink,
  type RequestLogLine,
  type RequestLogSink,
  requestLogLevel,
  stderrErrorSink,
  stdoutLogSink,
} from "./log.js";
export { createLogger, errorLogSink, type Logger, requestLogSink } from "./logger.js";
export type { EnginePolicy, NamedPolicy, PolicyEntry } from "./policies.js";
export { PolicySet, type ServedPolicy } from "./policies.js";
export { createEvaluationPool, defaultWorkerThreads, type EvaluationPool, type PoolOptions } from "./pool.js";
export {
  defaultPort,
  defaultShutdownGraceMs,
  type RunningServer,
  type StartServerOptions,
  serveUntilSignal,
  startServer,
} from "./server.js";
