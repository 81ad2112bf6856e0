export { UsageError } from "./args.js";
export {
  type CodeFrame,
  codeFrame,
  countDiagnostics,
  type DiagnosticCounts,
  type DiagnosticRenderOptions,
  renderCounts,
  renderDiagnostic,
} from "./diagnostics/render.js";
export { renderEvaluationTable, type TableLabels, type TableOptions } from "./evaluation/table.js";
export { collectSources, policyEntry } from "./files.js";
export { type CliIo, ExitCode, MemoryStream, type OutputStream } from "./io.js";
export { languageFromEnv } from "./locale.js";
export { Problem } from "./problem.js";
export { escalationLadders } from "./report/columns.js";
export {
  clauseAnchor,
  escapeHtml,
  type HtmlReportOptions,
  type ReportClause,
  renderHtmlReport,
} from "./report/html.js";
export { run } from "./run.js";
export { type Colors, colorEnabled, colorsFor } from "./terminal/colors.js";
export { createProgress, type Progress, type ProgressTarget, progressLine } from "./terminal/progress.js";
export { displayWidth, padEndToWidth, padStartToWidth } from "./terminal/width.js";
