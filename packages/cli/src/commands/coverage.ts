import * as path from "node:path";
import {
  type CoverageScenario,
  describePolicy,
  type PolicyCoverage,
  policyCoverage,
  renderCoverageMarkdown,
  scenarioFiles,
} from "@remit/app";
import type { Language } from "@remit/lang";
import { oneOf, parseCommandArgs } from "../args.js";
import { type CommandContext, commonOptions, writeLine } from "../context.js";
import { policyEntry } from "../files.js";
import { commandHelp } from "../help.js";
import { ExitCode } from "../io.js";
import { buildReporting, singlePath } from "./check.js";
import { scenarioReader, scenariosFolder } from "./test.js";

/** The version of the JSON document's shape, raised when a field is renamed or removed. */
export const coverageSchemaVersion = 1;

/** `remit coverage POLICY [--scenarios DIR] [--format text|json|markdown]`: clause coverage. */
export async function coverageCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    scenarios: { type: "string" },
    format: { type: "string" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("coverage", context.lang));
    return ExitCode.ok;
  }
  const format = oneOf("format", values["format"], ["text", "json", "markdown"] as const, "text");
  const { cwd } = context.io;
  const target = singlePath(positionals);
  const entry = policyEntry(cwd, target);
  const folder = scenariosFolder(cwd, target, entry, values["scenarios"]);
  const policy = buildReporting(entry, context);
  if (policy === undefined) return ExitCode.problems;

  const readScenario = scenarioReader(context.io, folder);
  const scenarios: CoverageScenario[] = [];
  for (const file of scenarioFiles(path.resolve(cwd, folder))) {
    const scenario = readScenario(file);
    // A broken scenario exercises nothing; `remit test` reports why.
    if ("problem" in scenario) {
      writeLine(context.io.stderr, `${file}: ${scenario.problem[context.lang]}`);
      continue;
    }
    scenarios.push(scenario);
  }
  const coverage = policyCoverage(describePolicy(policy), scenarios);
  switch (format) {
    case "json":
      context.io.stdout.write(
        `${JSON.stringify({ schemaVersion: coverageSchemaVersion, ...coverage }, null, 2)}\n`,
      );
      break;
    case "markdown":
      context.io.stdout.write(renderCoverageMarkdown(coverage));
      break;
    case "text":
      context.io.stdout.write(coverageText(coverage, context));
      break;
  }
  const unexercised = coverage.clauses.flatMap((c) => c.rules).filter((r) => r.expectedBy.length === 0);
  return unexercised.length > 0 ? ExitCode.problems : ExitCode.ok;
}

/** One line per clause, then the rules no scenario expects findings of. */
function coverageText(coverage: PolicyCoverage, context: CommandContext): string {
  const { lang } = context;
  const c = context.stdoutColors;
  const lines: string[] = [];
  const seen = new Set<string>();
  const untested: string[] = [];
  for (const clause of coverage.clauses) {
    const counts = words(lang, clause.rules.length, clause.exercisedBy.length);
    const line = `${c.bold(clause.id)} ${clause.title}  ${counts}`;
    lines.push(clause.rules.length > 0 && clause.exercisedBy.length === 0 ? c.red(line) : line);
    for (const line of clause.notJudged) lines.push(`    ${c.dim(line)}`);
    for (const rule of clause.rules) {
      if (rule.expectedBy.length > 0 || seen.has(rule.id)) continue;
      seen.add(rule.id);
      untested.push(rule.id);
    }
  }
  lines.push("");
  lines.push(
    untested.length === 0
      ? c.green(
          lang === "zh" ? "每条规则都有场景预期其结果" : "every rule has a scenario expecting its findings",
        )
      : c.red(
          lang === "zh"
            ? `没有场景预期其结果的规则（${untested.length}）：${untested.join("、")}`
            : `rules no scenario expects findings of (${untested.length}): ${untested.join(", ")}`,
        ),
  );
  return `${lines.join("\n")}\n`;
}

function words(lang: Language, rules: number, scenarios: number): string {
  return lang === "zh"
    ? `${rules} 条规则，${scenarios} 个场景`
    : `${rules} rule${rules === 1 ? "" : "s"}, ${scenarios} scenario${scenarios === 1 ? "" : "s"}`;
}
