import {
  type BuiltPolicy,
  buildPolicy,
  createNodeSourceHost,
  describePolicy,
  diagnosticsDocument,
  type NodeSourceHost,
  type PolicyCoverage,
  policyCoverage,
} from "@remit/app";
import { maxErrorsPerAnswer } from "@remit/engine";
import { type Diagnostic, hasErrors, type Language } from "@remit/lang";
import { oneOf, parseCommandArgs, UsageError } from "../args.js";
import { type CommandContext, commonOptions, writeLine } from "../context.js";
import { countDiagnostics, renderCounts, renderDiagnostic } from "../diagnostics/render.js";
import { policyEntry, stdinArgument, stdinName, stdinSourceHost } from "../files.js";
import { commandHelp } from "../help.js";
import { ExitCode } from "../io.js";
import { watchAndRerun, watchOption } from "../watch.js";

/** `remit check PATH [--format human|json]`: diagnostics of a policy and its imports; `-` reads standard input. */
export async function checkCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    ...watchOption,
    format: { type: "string" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("check", context.lang));
    return ExitCode.ok;
  }
  const format = oneOf("format", values["format"], ["human", "json"] as const, "human");
  const target = singlePath(positionals);
  if (values["watch"] === true) return await watchAndRerun("check", args, [target], context);
  const fromStdin = target === stdinArgument;
  const entry = fromStdin ? stdinName : policyEntry(context.io.cwd, target);
  const host = fromStdin ? stdinSourceHost(context.io) : createNodeSourceHost(context.io.cwd);
  // The compiler runs too: a policy that checks but does not compile is not ready to evaluate.
  const built = buildPolicy(entry, host);
  const sorted = built.diagnostics;
  if (format === "json") {
    context.io.stdout.write(`${JSON.stringify(diagnosticsDocument(sorted), null, 2)}\n`);
  } else {
    printDiagnostics(sorted, host, context, "stdout");
    // What was checked, so that a clause whose rules were deleted shows as having none.
    if (built.policy !== undefined) {
      const coverage = policyCoverage(describePolicy(built.policy), []);
      writeLine(context.io.stdout, renderChecked(coverage, built.policy.rules.length, context.lang));
    }
    writeLine(context.io.stdout, renderCounts(countDiagnostics(sorted), context.lang));
  }
  return hasErrors(sorted) ? ExitCode.problems : ExitCode.ok;
}

/** `checked 24 rules in 16 clauses:` and a line per clause: its rule count, or why it has none. */
export function renderChecked(coverage: PolicyCoverage, ruleCount: number, lang: Language): string {
  const clauses = coverage.clauses;
  const lines = [
    lang === "zh"
      ? `已检查 ${clauses.length} 个条款、${ruleCount} 条规则：`
      : `checked ${ruleCount} rule${ruleCount === 1 ? "" : "s"} in ${clauses.length} clause${clauses.length === 1 ? "" : "s"}:`,
  ];
  for (const clause of clauses) {
    const count = clause.rules.length;
    const what =
      count > 0
        ? lang === "zh"
          ? `${count} 条规则`
          : `${count} rule${count === 1 ? "" : "s"}`
        : clause.notJudged.length > 0
          ? lang === "zh"
            ? "不可机器判定"
            : "not machine-checkable"
          : lang === "zh"
            ? "没有规则"
            : "no rules";
    lines.push(`  ${clause.id} ${clause.title}${lang === "zh" ? "：" : ": "}${what}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Builds the policy at `entry`, printing its diagnostics (and, when it does not compile, the
 * count line) to standard error; undefined when it does not compile.
 */
export function buildReporting(
  entry: string,
  context: CommandContext,
): NonNullable<BuiltPolicy["policy"]> | undefined {
  const host = createNodeSourceHost(context.io.cwd);
  const built = buildPolicy(entry, host);
  if (built.diagnostics.length > 0) printDiagnostics(built.diagnostics, host, context, "stderr");
  if (built.policy === undefined)
    writeLine(context.io.stderr, renderCounts(countDiagnostics(built.diagnostics), context.lang));
  return built.policy;
}

/** Prints diagnostics with code frames, each followed by a blank line. */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  host: NodeSourceHost,
  context: CommandContext,
  to: "stdout" | "stderr",
): void {
  const stream = to === "stdout" ? context.io.stdout : context.io.stderr;
  const colors = to === "stdout" ? context.stdoutColors : context.stderrColors;
  // As many as one answer of the service describes: 200,000 stray characters are 200,000
  // diagnostics, and their code frames would be gigabytes. The count line still counts them all.
  for (const diagnostic of diagnostics.slice(0, maxErrorsPerAnswer)) {
    const text = renderDiagnostic(diagnostic, {
      lang: context.lang,
      colors,
      sourceOf: (file) => host.texts.get(file) ?? host.readFile(file),
    });
    stream.write(`${text}\n\n`);
  }
  const more = diagnostics.length - maxErrorsPerAnswer;
  if (more > 0)
    stream.write(
      `${context.lang === "zh" ? `另有 ${more} 条诊断未显示` : `${more} more diagnostic${more === 1 ? "" : "s"} not shown`}\n\n`,
    );
}

/** The one path a command takes. */
export function singlePath(
  positionals: readonly string[],
  missing: { readonly en: string; readonly zh: string } = { en: "missing policy path", zh: "缺少政策路径" },
): string {
  const [first, ...extra] = positionals;
  if (first === undefined) throw new UsageError(missing);
  if (extra.length > 0) {
    throw new UsageError({ en: `unexpected argument '${extra[0]}'`, zh: `多余的参数“${extra[0]}”` });
  }
  return first;
}
