export { isIsoDate, UsageError } from "./args.js";
export {
  type CodeFrame,
  codeFrame,
  countDiagnostics,
  type DiagnosticCounts,
  type DiagnosticJson,
  type DiagnosticRenderOptions,
  diagnosticsToJson,
  renderCounts,
  renderDiagnostic,
} from "./diagnostics/render.js";
export { renderEvaluationTable, type TableLabels, type TableOptions } from "./evaluation/table.js";
export { collectSources, isPolicySource, policyEntry } from "./files.js";
export { createNodeSourceHost, type NodeSourceHost } from "./host.js";
export { type CliIo, ExitCode, MemoryStream, type OutputStream } from "./io.js";
export { languageFromEnv } from "./locale.js";
export { Problem } from "./problem.js";
export {
  clauseAnchor,
  escalationLadders,
  escapeHtml,
  type HtmlReportOptions,
  type ReportClause,
  renderHtmlReport,
} from "./report/html.js";
export { run } from "./run.js";
export {
  type ExpectedFinding,
  type Failure,
  type FieldMismatch,
  judge,
  matches,
  mergeFacts,
  mismatches,
  type Scenario,
  toScenario,
} from "./scenarios/scenario.js";
export { type Colors, colorEnabled, colorsFor } from "./terminal/colors.js";
export { createProgress, type Progress, type ProgressTarget, progressLine } from "./terminal/progress.js";
export { displayWidth, padEndToWidth, padStartToWidth } from "./terminal/width.js";
