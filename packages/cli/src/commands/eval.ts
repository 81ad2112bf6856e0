import { readFileSync } from "node:fs";
import * as path from "node:path";
import { type FactError, type Finding, type JsonValue, renderExplanation } from "@remit/engine";
import type { CheckedPolicy, Language } from "@remit/lang";
import { isIsoDate, oneOf, parseCommandArgs, UsageError } from "../args.js";
import { type CommandContext, commonOptions, writeLine } from "../context.js";
import { countDiagnostics, diagnosticsToJson, renderCounts } from "../diagnostics/render.js";
import { renderEvaluationTable, type TableLabels } from "../evaluation/table.js";
import { policyEntry } from "../files.js";
import { commandHelp } from "../help.js";
import { createNodeSourceHost, stripBom } from "../host.js";
import { ExitCode } from "../io.js";
import { buildPolicy } from "../pipeline.js";
import { printDiagnostics, singlePath } from "./check.js";

/** A problem that ends the command with exit code 1 and a one-line message. */
class EvalProblem extends Error {
  constructor(readonly text: { readonly en: string; readonly zh: string }) {
    super(text.en);
  }
}

/** `remit eval POLICY --facts FILE [--as-of D] [--params FILE] [--format table|json]` */
export async function evalCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    facts: { type: "string" },
    "as-of": { type: "string" },
    params: { type: "string" },
    format: { type: "string" },
    explain: { type: "boolean" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("eval", context.lang));
    return ExitCode.ok;
  }
  const outputFormat = oneOf("format", values["format"], ["table", "json"] as const, "table");
  const target = singlePath(positionals);
  const factsFile = values["facts"];
  if (typeof factsFile !== "string") {
    throw new UsageError({ en: "missing option '--facts FILE'", zh: "缺少选项“--facts FILE”" });
  }
  const asOfOption = typeof values["as-of"] === "string" ? values["as-of"] : undefined;
  if (asOfOption !== undefined && !isIsoDate(asOfOption)) {
    throw new UsageError({
      en: `'${asOfOption}' is not a date: expected YYYY-MM-DD`,
      zh: `“${asOfOption}”不是有效日期，应为 YYYY-MM-DD`,
    });
  }
  const paramsFile = typeof values["params"] === "string" ? values["params"] : undefined;
  const entry = policyEntry(context.io.cwd, target);
  const factsText = readInput(context.io.cwd, factsFile);
  const paramsText = paramsFile === undefined ? undefined : readInput(context.io.cwd, paramsFile);
  const { lang } = context;

  try {
    const facts = parseJson(factsText, factsFile, "facts");
    const params =
      paramsFile === undefined || paramsText === undefined
        ? {}
        : paramsObject(parseJson(paramsText, paramsFile, "params"), paramsFile);

    const host = createNodeSourceHost(context.io.cwd);
    const built = buildPolicy(entry, host);
    if (built.diagnostics.length > 0) printDiagnostics(built.diagnostics, host, context, "stderr");
    if (built.policy === undefined || built.checked === undefined) {
      writeLine(context.io.stderr, renderCounts(countDiagnostics(built.diagnostics), lang));
      // Programs asking for JSON get the reason as JSON too, as `check --format json` gives it.
      if (outputFormat === "json") {
        context.io.stdout.write(`${JSON.stringify(diagnosticsToJson(built.diagnostics), null, 2)}\n`);
      }
      return ExitCode.problems;
    }
    // The facts' own date, when they give one, is the engine's to read and to reject if malformed.
    const asOf = asOfOption ?? (factsGiveAsOf(facts) ? undefined : (context.io.today?.() ?? localToday()));
    const outcome = await built.policy.evaluate(facts, asOf === undefined ? { params } : { asOf, params });
    if ("errors" in outcome) {
      reportFactErrors(outcome.errors, context, outputFormat);
      return ExitCode.problems;
    }
    if (outputFormat === "json") {
      context.io.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`);
    } else {
      context.io.stdout.write(
        renderEvaluationTable(outcome.result, {
          lang,
          colors: context.stdoutColors,
          labels: tableLabels(built.checked, facts),
        }),
      );
      if (values["explain"] === true)
        context.io.stdout.write(renderExplanations(outcome.result.findings, lang));
    }
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof EvalProblem)) throw error;
    writeLine(
      context.io.stderr,
      `${context.stderrColors.red(lang === "zh" ? "错误" : "error")}${lang === "zh" ? "：" : ": "}${error.text[lang]}`,
    );
    return ExitCode.problems;
  }
}

/** A file named on the command line; one that cannot be read is a usage error. */
function readInput(cwd: string, file: string): string {
  try {
    return stripBom(readFileSync(path.resolve(cwd, file), "utf8"));
  } catch {
    throw new UsageError({ en: `cannot read file '${file}'`, zh: `无法读取文件“${file}”` });
  }
}

function parseJson(text: string, file: string, what: "facts" | "params"): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new EvalProblem({
      en: `${what} file '${file}' is not valid JSON: ${detail}`,
      zh: `${what === "facts" ? "事实数据" : "参数"}文件“${file}”不是有效的 JSON：${detail}`,
    });
  }
}

function paramsObject(value: unknown, file: string): Record<string, JsonValue> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new EvalProblem({
      en: `params file '${file}' must hold a JSON object of parameter values`,
      zh: `参数文件“${file}”应为参数值的 JSON 对象`,
    });
  }
  return value as Record<string, JsonValue>;
}

/** Whether the facts document carries its own evaluation date. */
function factsGiveAsOf(facts: unknown): boolean {
  return typeof facts === "object" && facts !== null && !Array.isArray(facts) && "asOf" in facts;
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The findings that ask for action, each with the engine's account of why. */
function renderExplanations(findings: readonly Finding[], lang: Language): string {
  const settled = new Set(["met", "pending", "closed"]);
  const open = findings.filter((finding) => !settled.has(finding.status));
  const heading = lang === "zh" ? "说明（需处理的结果）" : "Explanations (findings that ask for action)";
  const body = open.map((finding) => renderExplanation(finding, lang)).join("\n\n");
  return `${heading}\n\n${body === "" ? (lang === "zh" ? "无" : "none") : body}\n`;
}

function reportFactErrors(
  errors: readonly FactError[],
  context: CommandContext,
  outputFormat: "table" | "json",
): void {
  if (outputFormat === "json") {
    context.io.stdout.write(`${JSON.stringify({ errors }, null, 2)}\n`);
  }
  const { lang } = context;
  const c = context.stderrColors;
  for (const error of errors) {
    writeLine(
      context.io.stderr,
      `${c.bold(error.path)}${lang === "zh" ? "：" : ": "}${c.red(error.message[lang])}`,
    );
  }
  writeLine(context.io.stderr, factErrorCount(errors.length, lang));
}

function factErrorCount(n: number, lang: Language): string {
  return lang === "zh" ? `事实数据无效：${n} 处错误` : `invalid facts: ${n} error${n === 1 ? "" : "s"}`;
}

/** Level labels from the policy's escalation rules and township names from the facts. */
function tableLabels(policy: CheckedPolicy, facts: unknown): TableLabels {
  const byRule = new Map<string, Map<string, string>>();
  const anyRule = new Map<string, string>();
  const levelOrder: string[] = [];
  for (const rule of policy.rules) {
    if (rule.kind !== "escalation") continue;
    const labels = new Map<string, string>();
    for (const level of rule.rule.levels) {
      const name = level.name.name;
      if (!levelOrder.includes(name)) levelOrder.push(name);
      if (level.label === undefined) continue;
      labels.set(name, level.label.value);
      if (!anyRule.has(name)) anyRule.set(name, level.label.value);
    }
    byRule.set(rule.id, labels);
  }
  const townships = new Map<string, string>();
  if (typeof facts === "object" && facts !== null && "townships" in facts && Array.isArray(facts.townships)) {
    for (const township of facts.townships as unknown[]) {
      if (typeof township !== "object" || township === null) continue;
      const { id, name } = township as { id?: unknown; name?: unknown };
      if (typeof id === "string" && typeof name === "string") townships.set(id, name);
    }
  }
  return {
    levelLabel: (rule, level) =>
      (rule === undefined ? undefined : byRule.get(rule)?.get(level)) ?? anyRule.get(level),
    levelOrder,
    townshipName: (id) => townships.get(id),
  };
}
