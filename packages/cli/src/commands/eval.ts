import { randomUUID } from "node:crypto";
import { diagnosticsDocument, evaluationRecord, factsHash, policySources } from "@remit/app";
import { type EvaluationResult, type Finding, renderExplanation } from "@remit/engine";
import type { CheckedPolicy, Language } from "@remit/lang";
import { oneOf, parseCommandArgs, UsageError } from "../args.js";
import { type CommandContext, commonOptions, progressFor, quietOption, writeLine } from "../context.js";
import { evaluatePolicy, evaluationPhases } from "../evaluation/evaluate.js";
import { asOfOption, readParams, reportFactErrors, tableLabels } from "../evaluation/inputs.js";
import { renderEvaluationTable } from "../evaluation/table.js";
import { commandHelp } from "../help.js";
import { ExitCode } from "../io.js";
import { Problem } from "../problem.js";
import { escalationLadders, renderHtmlReport } from "../report/html.js";
import { singlePath } from "./check.js";
import { openRecordStore, type RecordsLocation, recordsLocation } from "./records.js";

/** `remit eval POLICY --facts FILE [--as-of D] [--params FILE] [--format table|json|html]` */
export async function evalCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    ...quietOption,
    facts: { type: "string" },
    "as-of": { type: "string" },
    params: { type: "string" },
    format: { type: "string" },
    explain: { type: "boolean" },
    record: { type: "boolean" },
    data: { type: "string" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("eval", context.lang));
    return ExitCode.ok;
  }
  const outputFormat = oneOf("format", values["format"], ["table", "json", "html"] as const, "table");
  const target = singlePath(positionals);
  const factsFile = values["facts"];
  if (typeof factsFile !== "string") {
    throw new UsageError({ en: "missing option '--facts FILE'", zh: "缺少选项“--facts FILE”" });
  }
  const asOf = asOfOption(values["as-of"]);
  const paramsFile = typeof values["params"] === "string" ? values["params"] : undefined;
  const params = readParams(context.io.cwd, paramsFile);
  const { lang } = context;

  const progress = progressFor(context, evaluationPhases, values["quiet"] === true);
  const evaluated = await evaluatePolicy({ target, factsFile, asOf, params, progress }, context).finally(() =>
    progress.clear(),
  );
  if (evaluated.kind === "policy-errors") {
    // Programs asking for JSON get the reason as JSON too, as `check --format json` gives it.
    if (outputFormat === "json") {
      context.io.stdout.write(`${JSON.stringify(diagnosticsDocument(evaluated.diagnostics), null, 2)}\n`);
    }
    return ExitCode.problems;
  }
  if (evaluated.kind === "fact-errors") {
    reportFactErrors(evaluated.errors, context, outputFormat === "json");
    return ExitCode.problems;
  }
  const { result, checked, facts } = evaluated;
  if (values["record"] === true) {
    const id = await recordEvaluation(result, checked, facts, recordsLocation(values["data"], context));
    writeLine(context.io.stderr, lang === "zh" ? `已记录：#${id}` : `recorded as #${id}`);
  }
  const labels = tableLabels(checked, facts);
  if (outputFormat === "json") {
    context.io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else if (outputFormat === "html") {
    // The report is for policy staff, who read Chinese unless they ask otherwise.
    const reportLang: Language = values["lang"] === "en" ? "en" : "zh";
    context.io.stdout.write(
      renderHtmlReport(result, {
        lang: reportLang,
        clauses: checked.clauses,
        labels,
        ladders: escalationLadders(checked.rules),
      }),
    );
  } else {
    context.io.stdout.write(renderEvaluationTable(result, { lang, colors: context.stdoutColors, labels }));
    if (values["explain"] === true) context.io.stdout.write(renderExplanations(result.findings, lang));
  }
  return ExitCode.ok;
}

/** Appends the evaluation to the record store (as the server does for each answer); its id. */
async function recordEvaluation(
  result: EvaluationResult,
  checked: CheckedPolicy,
  facts: unknown,
  location: RecordsLocation,
): Promise<string> {
  const store = await openRecordStore(location);
  try {
    const record = evaluationRecord(result, {
      requestId: `cli-${randomUUID()}`,
      factsHash: factsHash(facts),
      sources: policySources(checked),
    });
    const appended = await store.append(record);
    if ("error" in appended) throw new Problem(appended.error.message);
    return appended.value.id;
  } finally {
    await store.close();
  }
}

/** The findings that ask for action, each with the engine's account of why. */
function renderExplanations(findings: readonly Finding[], lang: Language): string {
  const settled = new Set(["met", "pending", "closed"]);
  const open = findings.filter((finding) => !settled.has(finding.status));
  const heading = lang === "zh" ? "说明（需处理的结果）" : "Explanations (findings that ask for action)";
  const body = open.map((finding) => renderExplanation(finding, lang)).join("\n\n");
  return `${heading}\n\n${body === "" ? (lang === "zh" ? "无" : "none") : body}\n`;
}
