import * as path from "node:path";
import { buildPolicy, createNodeSourceHost, type NodeSourceHost, writeFileAtomic } from "@remit/app";
import { exportPolicyJson, importRules } from "@remit/json-rules-engine";
import { type Diagnostic, hasErrors, sortDiagnostics } from "@remit/lang";
import { oneOf, parseCommandArgs, UsageError } from "../args.js";
import { type CommandContext, commonOptions, writeLine } from "../context.js";
import { countDiagnostics, renderCounts } from "../diagnostics/render.js";
import { parseJsonFile, readParams } from "../evaluation/inputs.js";
import { policyEntry } from "../files.js";
import { commandHelp } from "../help.js";
import { ExitCode } from "../io.js";
import { printDiagnostics, singlePath } from "./check.js";

const formats = ["json-rules-engine"] as const;

/** `remit export --to json-rules-engine POLICY [--params FILE] [--out FILE]` */
export async function exportCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    to: { type: "string" },
    params: { type: "string" },
    out: { type: "string" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("export", context.lang));
    return ExitCode.ok;
  }
  requiredFormat("to", values["to"]);
  const { cwd } = context.io;
  const entry = policyEntry(cwd, singlePath(positionals));
  const params = readParams(context.io, typeof values["params"] === "string" ? values["params"] : undefined);
  const host = createNodeSourceHost(cwd);
  const built = buildPolicy(entry, host);
  if (built.checked === undefined || hasErrors(built.diagnostics)) {
    report(built.diagnostics, host, context);
    return ExitCode.problems;
  }
  const exported = exportPolicyJson(built.checked, { params });
  // Warnings of the checker come first, then what the export refused, all in source order.
  const diagnostics = sortDiagnostics([...built.diagnostics, ...exported.diagnostics]);
  if (diagnostics.length > 0) report(diagnostics, host, context);
  writeOutput(context, values["out"], exported.json);
  return hasErrors(diagnostics) ? ExitCode.problems : ExitCode.ok;
}

/** `remit import --from json-rules-engine FILE [--out FILE] [--name NAME] [--collection NAME]` */
export async function importCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    from: { type: "string" },
    out: { type: "string" },
    name: { type: "string" },
    collection: { type: "string" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("import", context.lang));
    return ExitCode.ok;
  }
  requiredFormat("from", values["from"]);
  const file = singlePath(positionals, { en: "missing rules file", zh: "缺少规则文件" });
  const host = createNodeSourceHost(context.io.cwd);
  const text = host.readFile(file);
  if (text === undefined)
    throw new UsageError({ en: `cannot read file '${file}'`, zh: `无法读取文件“${file}”` });
  const rules = parseJsonFile(text, file, "rules");
  const imported = importRules(rules, {
    file,
    ...(typeof values["name"] === "string" ? { policyName: values["name"] } : {}),
    ...(typeof values["collection"] === "string" ? { collection: values["collection"] } : {}),
  });
  const diagnostics = sortDiagnostics(imported.diagnostics);
  if (diagnostics.length > 0) report(diagnostics, host, context);
  if (imported.source !== "") writeOutput(context, values["out"], imported.source);
  return hasErrors(diagnostics) ? ExitCode.problems : ExitCode.ok;
}

/** `--to` / `--from`: required, and json-rules-engine is the one format for now. */
function requiredFormat(option: "to" | "from", value: string | boolean | undefined): void {
  if (value === undefined) {
    throw new UsageError({
      en: `missing option '--${option} json-rules-engine'`,
      zh: `缺少选项“--${option} json-rules-engine”`,
    });
  }
  oneOf(option, value, formats, "json-rules-engine");
}

/** Diagnostics with code frames on standard error, then the count line. */
function report(diagnostics: readonly Diagnostic[], host: NodeSourceHost, context: CommandContext): void {
  printDiagnostics(diagnostics, host, context, "stderr");
  writeLine(context.io.stderr, renderCounts(countDiagnostics(diagnostics), context.lang));
}

/** Writes text or bytes to `--out FILE` (text as UTF-8), or text to standard output without one. */
export function writeOutput(
  context: CommandContext,
  out: string | boolean | undefined,
  content: string | Uint8Array,
): void {
  if (typeof out !== "string") {
    if (typeof content === "string") context.io.stdout.write(content);
    return;
  }
  const problem = writeFileAtomic(path.resolve(context.io.cwd, out), content);
  if (problem !== undefined)
    throw new UsageError({
      en: `cannot write file '${out}' (${problem.code})`,
      zh: `无法写入文件“${out}”（${problem.code}）`,
    });
}
