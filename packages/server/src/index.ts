export { type AppOptions, createApp, defaultBodyLimitBytes, defaultRequestTimeoutMs } from "./app.js";
export { type Checker, defaultChecker } from "./check.js";
export { type ApiErrorBody, type ApiErrorCode, ApiError, type RequestIssue } from "./errors.js";
export { type ErrorLogSink, type RequestLogLine, type RequestLogSink, stderrErrorSink, stdoutLogSink } from "./log.js";
export {
  type ClauseLike,
  type EnginePolicy,
  type EvaluateOptions,
  type NamedPolicy,
  type ParamLike,
  type PolicyDescription,
  type PolicyEntry,
  type PolicyIdentity,
  type RuleLike,
  describePolicy,
} from "./policies.js";
export {
  type RunningServer,
  type StartServerOptions,
  defaultPort,
  defaultShutdownGraceMs,
  serveUntilSignal,
  startServer,
} from "./server.js";
export {
  type CompilePolicyOutcome,
  compilePolicy,
  compilePolicySources,
  fileSourceHost,
  loadPolicy,
  policyEntry,
} from "./compile.js";
