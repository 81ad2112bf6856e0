import { randomUUID } from "node:crypto";
import { diagnosticsDocument, evaluationRecord, factsHash, policySources } from "@remit/app";
import { type EvaluationResult, type Finding, policyLabels, renderExplanation } from "@remit/engine";
import type { CheckedPolicy, Language } from "@remit/lang";
import { oneOf, parseCommandArgs, UsageError } from "../args.js";
import {
  type CommandContext,
  commonOptions,
  progressFor,
  quietOption,
  reportLanguage,
  writeLine,
} from "../context.js";
import { evaluatePolicy } from "../evaluation/evaluate.js";
import {
  asOfOption,
  type Evaluated,
  readParams,
  reportFactErrors,
  tableLabels,
} from "../evaluation/inputs.js";
import { asksForAction, explainLevels, resultSchemaVersion, writeResultJson } from "../evaluation/json.js";
import { renderEvaluationTable } from "../evaluation/table.js";
import { commandHelp } from "../help.js";
import { ExitCode } from "../io.js";
import { Problem } from "../problem.js";
import { escalationLadders } from "../report/columns.js";
import { renderHtmlReport } from "../report/html.js";
import { renderCsv, renderXlsx } from "../report/sheet.js";
import { watchAndRerun, watchOption } from "../watch.js";
import { singlePath } from "./check.js";
import { writeOutput } from "./interchange.js";
import { openRecordStore, type RecordsLocation, recordsLocation } from "./records.js";

/**
 * `remit eval POLICY --facts FILE [--as-of D] [--params FILE] [--format table|json|html|xlsx|csv]
 * [--out FILE] [--explain none|actions|all] [--pretty]`
 */
export async function evalCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    ...quietOption,
    ...watchOption,
    facts: { type: "string" },
    "as-of": { type: "string" },
    params: { type: "string" },
    rules: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    explain: { type: "string" },
    pretty: { type: "boolean" },
    record: { type: "boolean" },
    data: { type: "string" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("eval", context.lang));
    return ExitCode.ok;
  }
  const outputFormat = oneOf(
    "format",
    values["format"],
    ["table", "json", "html", "xlsx", "csv"] as const,
    "table",
  );
  const outFile = typeof values["out"] === "string" ? values["out"] : undefined;
  if (outFile !== undefined && outputFormat !== "xlsx" && outputFormat !== "csv") {
    throw new UsageError({
      en: "'--out FILE' is for '--format xlsx' and '--format csv'",
      zh: "“--out FILE”只用于“--format xlsx”和“--format csv”",
    });
  }
  if (outputFormat === "xlsx" && outFile === undefined) {
    throw new UsageError({
      en: "'--format xlsx' writes a file: add '--out FILE'",
      zh: "“--format xlsx”输出文件：请加上“--out FILE”",
    });
  }
  // JSON carries the explanations of findings that ask for action unless told otherwise; the
  // table explains nothing unless asked.
  const explain = oneOf(
    "explain",
    values["explain"],
    explainLevels,
    outputFormat === "json" ? "actions" : "none",
  );
  const target = singlePath(positionals);
  const factsFile = values["facts"];
  if (typeof factsFile !== "string") {
    throw new UsageError({ en: "missing option '--facts FILE'", zh: "缺少选项“--facts FILE”" });
  }
  const asOf = asOfOption(values["as-of"]);
  const paramsFile = typeof values["params"] === "string" ? values["params"] : undefined;
  if (values["watch"] === true) {
    const inputs = paramsFile === undefined ? [target, factsFile] : [target, factsFile, paramsFile];
    return await watchAndRerun("eval", args, inputs, context);
  }
  const params = readParams(context.io, paramsFile);
  const rules =
    typeof values["rules"] === "string" ? values["rules"].split(",").map((id) => id.trim()) : undefined;

  // A bar on a terminal only: never for a program reading JSON, and progressFor draws none on a pipe.
  const progress = progressFor(context, 0, values["quiet"] === true || outputFormat === "json");
  let evaluated: Evaluated;
  try {
    evaluated = await evaluatePolicy({ target, factsFile, asOf, params, rules, progress }, context);
  } catch (error) {
    // A facts file that is not JSON, or no evaluation date: a program asking for JSON still gets
    // a JSON document, in the shape of rejected facts.
    if (outputFormat === "json" && error instanceof Problem) {
      const document = {
        schemaVersion: resultSchemaVersion,
        errors: [{ path: "", code: "invalid-facts-document", message: error.text }],
      };
      context.io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    }
    throw error;
  } finally {
    progress.clear();
  }
  if (evaluated.kind === "policy-errors") {
    // Programs asking for JSON get the reason as JSON too, as `check --format json` gives it.
    if (outputFormat === "json") {
      context.io.stdout.write(`${JSON.stringify(diagnosticsDocument(evaluated.diagnostics), null, 2)}\n`);
    }
    return ExitCode.problems;
  }
  if (evaluated.kind === "fact-errors") {
    reportFactErrors(evaluated.errors, context, outputFormat === "json", evaluated.readers);
    return ExitCode.problems;
  }
  const { result, checked, facts } = evaluated;
  if (values["record"] === true) {
    const id = await recordEvaluation(result, checked, facts, recordsLocation(values["data"], context));
    writeLine(context.io.stderr, context.lang === "zh" ? `已记录：#${id}` : `recorded as #${id}`);
  }
  const labels = tableLabels(checked, facts);
  const lang = reportLanguage(context, checked.info.readers);
  const reportLang: Language = lang;
  if (outputFormat === "json") {
    const pretty = values["pretty"] === true || context.io.stdout.isTTY === true;
    await writeResultJson(result, context.io.stdout, { explain, pretty });
  } else if (outputFormat === "html") {
    context.io.stdout.write(
      renderHtmlReport(result, {
        lang,
        clauses: checked.clauses,
        labels,
        ladders: escalationLadders(checked.rules),
      }),
    );
  } else if (outputFormat === "xlsx" || outputFormat === "csv") {
    const options = { lang: reportLang, labels, ladders: escalationLadders(checked.rules) };
    const sheet = outputFormat === "xlsx" ? await renderXlsx(result, options) : renderCsv(result, options);
    writeOutput(context, outFile, sheet);
  } else {
    context.io.stdout.write(renderEvaluationTable(result, { lang, colors: context.stdoutColors, labels }));
    if (explain !== "none")
      context.io.stdout.write(renderExplanations(result.findings, explain, lang, checked));
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
      labels: policyLabels(checked),
    });
    const appended = await store.append(record);
    if ("error" in appended) throw new Problem(appended.error.message);
    return appended.value.id;
  } finally {
    await store.close();
  }
}

/** The findings that ask for action (or all of them), each with the engine's account of why. */
function renderExplanations(
  findings: readonly Finding[],
  level: "actions" | "all",
  lang: Language,
  policy: CheckedPolicy,
): string {
  const open = level === "all" ? findings : findings.filter(asksForAction);
  const heading =
    level === "all"
      ? lang === "zh"
        ? "说明（全部结果）"
        : "Explanations (all findings)"
      : lang === "zh"
        ? "说明（需处理的结果）"
        : "Explanations (findings that ask for action)";
  const body = open.map((finding) => renderExplanation(finding, lang, policy)).join("\n\n");
  return `${heading}\n\n${body === "" ? (lang === "zh" ? "无" : "none") : body}\n`;
}
