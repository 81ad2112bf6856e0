/**
 * The JSON answer of `remit eval`, written as it is produced. A province-scale county gives close
 * to a million findings and a JSON text larger than one JavaScript string may be, so the result
 * is never turned into one string: each finding is serialised on its own and written in chunks of
 * about 64 KB, waiting whenever the reader is slower than the writer.
 */
import type { EvaluationResult, Finding } from "@remit/engine";
import { assertNever } from "@remit/lang";
import { type OutputStream, writeInTurn } from "../io.js";

/**
 * The version of the result document's shape: raised when a field is renamed, removed or changes
 * meaning, so that programs reading the answer can tell which shape they have.
 */
export const resultSchemaVersion = 1;

/** Which findings carry their explanation: none, those that ask for action, or all. */
export type ExplainLevel = "none" | "actions" | "all";
export const explainLevels: readonly ExplainLevel[] = ["none", "actions", "all"];

/** Statuses that ask nothing of anyone: the duty is met or not yet due, or the case is closed. */
const settledStatuses: ReadonlySet<string> = new Set(["met", "pending", "closed"]);

/** Whether a finding asks someone to act: every status but met, pending and closed. */
export function asksForAction(finding: Finding): boolean {
  return !settledStatuses.has(finding.status);
}

function explains(level: ExplainLevel, finding: Finding): boolean {
  switch (level) {
    case "none":
      return false;
    case "actions":
      return asksForAction(finding);
    case "all":
      return true;
    default:
      return assertNever(level, "explain level");
  }
}

/**
 * The finding as its JSON shows it, without its explanation. Keys are copied one by one: reading
 * `explanation` would build it (it is built on first read), which is the work left out here.
 */
function withoutExplanation(finding: Finding): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  const fields = finding as unknown as Record<string, unknown>;
  for (const key of Object.keys(finding)) if (key !== "explanation") copy[key] = fields[key];
  return copy;
}

export interface ResultJsonOptions {
  readonly explain: ExplainLevel;
  /** Indented for people (two spaces), or one line for programs. */
  readonly pretty: boolean;
}

const chunkSize = 64 * 1024;

/**
 * Writes `{ schemaVersion, policy, asOf, params, findings, summary }` to `out`; pretty output is
 * the same text `JSON.stringify(document, null, 2)` would give.
 */
export async function writeResultJson(
  result: EvaluationResult,
  out: OutputStream,
  options: ResultJsonOptions,
): Promise<void> {
  const indent = options.pretty ? 2 : 0;
  // Separators at the two depths the document has: its own fields, and the findings array's items.
  const field = options.pretty ? "\n  " : "";
  const item = options.pretty ? "\n    " : "";
  const colon = options.pretty ? ": " : ":";
  /** A value nested `depth` levels in, indented as a whole-document stringify would indent it. */
  const nested = (value: unknown, depth: number): string => {
    const text = JSON.stringify(value, null, indent);
    return options.pretty ? text.replaceAll("\n", `\n${"  ".repeat(depth)}`) : text;
  };
  const head = [
    `{${field}"schemaVersion"${colon}${resultSchemaVersion}`,
    `${field}"policy"${colon}${nested(result.policy, 1)}`,
    `${field}"asOf"${colon}${JSON.stringify(result.asOf)}`,
    `${field}"params"${colon}${nested(result.params, 1)}`,
    `${field}"findings"${colon}[`,
  ];
  let chunk = head.join(",");
  let first = true;
  for (const finding of result.findings) {
    const shown = explains(options.explain, finding) ? finding : withoutExplanation(finding);
    chunk += `${first ? "" : ","}${item}${nested(shown, 2)}`;
    first = false;
    if (chunk.length >= chunkSize) {
      await writeInTurn(out, chunk);
      chunk = "";
    }
  }
  chunk += `${result.findings.length > 0 ? field : ""}],${field}"summary"${colon}${nested(result.summary, 1)}`;
  chunk += `${options.pretty ? "\n" : ""}}\n`;
  await writeInTurn(out, chunk);
}
