import {
  type BuiltPolicy,
  buildPolicy,
  createNodeSourceHost,
  diagnosticsDocument,
  type NodeSourceHost,
} from "@remit/app";
import { maxErrorsPerAnswer } from "@remit/engine";
import { type Diagnostic, hasErrors } from "@remit/lang";
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
  const sorted = buildPolicy(entry, host).diagnostics;
  if (format === "json") {
    context.io.stdout.write(`${JSON.stringify(diagnosticsDocument(sorted), null, 2)}\n`);
  } else {
    printDiagnostics(sorted, host, context, "stdout");
    writeLine(context.io.stdout, renderCounts(countDiagnostics(sorted), context.lang));
  }
  return hasErrors(sorted) ? ExitCode.problems : ExitCode.ok;
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
