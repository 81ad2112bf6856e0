import * as path from "node:path";
import { createNodeSourceHost, type NodeSourceHost, writeFileAtomic } from "@remit/app";
import {
  analyze,
  type Diagnostic,
  type Fix,
  fixAll,
  format,
  hasErrors,
  parse,
  type SourceHost,
  sortDiagnostics,
} from "@remit/lang";
import { parseCommandArgs, UsageError } from "../args.js";
import { type CommandContext, commonOptions, progressFor, quietOption, writeLine } from "../context.js";
import { collectSources, stdinArgument, stdinName, stdinSourceHost } from "../files.js";
import { commandHelp } from "../help.js";
import { ExitCode } from "../io.js";
import { printDiagnostics } from "./check.js";

type Mode = "check" | "write" | "stdout";

/** `remit fmt [--check | --write | --stdout] [--fix] PATH...` */
export async function fmtCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    ...quietOption,
    check: { type: "boolean" },
    write: { type: "boolean" },
    stdout: { type: "boolean" },
    fix: { type: "boolean" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("fmt", context.lang));
    return ExitCode.ok;
  }
  const modes = (["check", "write", "stdout"] as const).filter((mode) => values[mode] === true);
  if (modes.length > 1) {
    const given = modes.map((mode) => `--${mode}`).join(", ");
    throw new UsageError({ en: `options ${given} cannot be combined`, zh: `选项 ${given} 不能同时使用` });
  }
  const mode: Mode = modes[0] ?? "write";
  if (positionals.length === 0)
    throw new UsageError({ en: "missing file or folder to format", zh: "缺少要格式化的文件或目录" });
  const fromStdin = positionals.includes(stdinArgument);
  if (fromStdin && (positionals.length > 1 || mode === "write")) {
    throw new UsageError({
      en: "standard input ('-') is formatted alone, with --stdout or --check",
      zh: "标准输入（“-”）只能单独格式化，并配合 --stdout 或 --check",
    });
  }
  const files = fromStdin ? [stdinName] : collectSources(context.io.cwd, positionals);
  const host = fromStdin ? stdinSourceHost(context.io) : createNodeSourceHost(context.io.cwd);
  const { lang } = context;

  let failed = false;
  const changedFiles: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const progress = progressFor(context, files.length, values["quiet"] === true);
  // The texts --fix made: the diagnostics printed are about them, so their code frames show them.
  const fixedTexts = new Map<string, string>();
  for (const [index, file] of files.entries()) {
    progress.update(index, file);
    const source = host.readFile(file);
    if (source === undefined) {
      progress.clear();
      writeLine(context.io.stderr, lang === "zh" ? `无法读取文件“${file}”` : `cannot read file '${file}'`);
      failed = true;
      continue;
    }
    const attempt = values["fix"] === true ? fixedSource(file, source, host) : undefined;
    const fixed = attempt?.settles === true ? attempt : undefined;
    if (fixed !== undefined) fixedTexts.set(file, fixed.text);
    if (attempt !== undefined && fixed === undefined) {
      // Say why fixes that could be made were not: a "did you mean" read from a half-parsed file may be wrong.
      const n = attempt.applied.length;
      progress.clear();
      writeLine(
        context.io.stderr,
        lang === "zh"
          ? `${file}：有 ${n} 处可自动修正，但修正后仍有语法错误，文件未改动；请先改正下列错误`
          : `${file}: ${n} fix${n === 1 ? "" : "es"} could be made, but a syntax error would remain, so the file is unchanged; mend the errors below first`,
      );
    }
    const formatted = format(fixed?.text ?? source, file);
    for (const d of formatted.diagnostics) diagnostics.push(d);
    if (hasErrors(formatted.diagnostics)) {
      // A file that does not parse is left as it is: formatting it could lose text.
      failed = true;
      continue;
    }
    if (mode === "stdout") {
      progress.clear();
      context.io.stdout.write(formatted.text);
      continue;
    }
    if (formatted.text === source) continue;
    changedFiles.push(file);
    progress.clear();
    if (mode === "write") {
      // Each file on its own: one that cannot be written is reported and the others still are.
      const problem = writeFileAtomic(path.resolve(context.io.cwd, file), formatted.text);
      if (problem !== undefined) {
        writeLine(
          context.io.stderr,
          lang === "zh"
            ? `无法写入文件“${file}”（${problem.code}），原文件未改动`
            : `cannot write file '${file}' (${problem.code}); the original is unchanged`,
        );
        failed = true;
        continue;
      }
    }
    writeLine(context.io.stdout, file);
    for (const fix of fixed?.applied ?? []) writeLine(context.io.stdout, `  ${fix.title[lang]}`);
  }
  progress.clear();
  const shown: NodeSourceHost = {
    texts: fixedTexts,
    readFile: (file) => fixedTexts.get(file) ?? host.readFile(file),
    resolve: (from, relative) => host.resolve(from, relative),
  };
  printDiagnostics(sortDiagnostics(diagnostics), shown, context, "stderr");

  if (mode === "check" && changedFiles.length > 0) {
    const n = changedFiles.length;
    writeLine(
      context.io.stderr,
      lang === "zh" ? `${n} 个文件需要格式化` : `${n} file${n === 1 ? "" : "s"} would be reformatted`,
    );
    return ExitCode.problems;
  }
  return failed ? ExitCode.problems : ExitCode.ok;
}

/**
 * `source` with its unambiguous fixes made, diagnosed as the entry of a policy after each round
 * (the checker's "did you mean" needs the imports). Undefined when there is nothing to fix;
 * `settles` is false when the fixes leave a syntax error: the file is then reported as it stands
 * on disk and left alone.
 */
function fixedSource(
  file: string,
  source: string,
  host: NodeSourceHost,
): { readonly text: string; readonly applied: readonly Fix[]; readonly settles: boolean } | undefined {
  const withText = (text: string): SourceHost => ({
    readFile: (path) => (path === file ? text : host.readFile(path)),
    resolve: (from, relative) => host.resolve(from, relative),
  });
  const result = fixAll(source, (text) =>
    analyze(file, withText(text)).diagnostics.filter((d) => d.span.file === file),
  );
  if (result.applied.length === 0) return undefined;
  return { ...result, settles: !hasErrors(parse(result.text, file).diagnostics) };
}
