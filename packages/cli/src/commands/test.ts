import { existsSync, statSync } from "node:fs";
import * as path from "node:path";
import {
  type BrokenScenario,
  describeFailure,
  type Failure,
  joinPath,
  judge,
  type Scenario,
  scenarioFiles,
  toScenario,
} from "@remit/app";
import { oneOf, parseCommandArgs, UsageError } from "../args.js";
import { type CommandContext, commonOptions, progressFor, quietOption, writeLine } from "../context.js";
import { parseJsonFile, readInput } from "../evaluation/inputs.js";
import { policyEntry } from "../files.js";
import { commandHelp } from "../help.js";
import { type CliIo, ExitCode } from "../io.js";
import { Problem } from "../problem.js";
import { watchAndRerun, watchOption } from "../watch.js";
import { buildReporting, singlePath } from "./check.js";
import { junitReport, type ScenarioReport, testResultJson } from "./test-report.js";

/** `remit test POLICY [--scenarios DIR] [--quiet]`: the policy's scenario tests. */
export async function testCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    ...quietOption,
    ...watchOption,
    scenarios: { type: "string" },
    format: { type: "string" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("test", context.lang));
    return ExitCode.ok;
  }
  const { cwd } = context.io;
  const format = oneOf("format", values["format"], ["text", "json", "junit"] as const, "text");
  const target = singlePath(positionals);
  const entry = policyEntry(cwd, target);
  const folder = scenariosFolder(cwd, target, entry, values["scenarios"]);
  if (values["watch"] === true) return await watchAndRerun("test", args, [target, folder], context);
  const files = scenarioFiles(path.resolve(cwd, folder));
  if (files.length === 0) {
    throw new Problem({
      en: `no scenario files (*.json) in '${folder}'`,
      zh: `目录“${folder}”中没有场景文件（*.json）`,
    });
  }

  const policy = buildReporting(entry, context);
  if (policy === undefined) return ExitCode.problems;

  const { lang } = context;
  const c = context.stdoutColors;
  const readScenario = scenarioReader(context.io, folder);
  const progress = progressFor(context, files.length, values["quiet"] === true);
  const now = context.io.now ?? (() => performance.now());
  const reports: ScenarioReport[] = [];
  let failed = 0;
  try {
    for (const [index, file] of files.entries()) {
      const id = file.replace(/\.json$/, "");
      const shown = joinPath(folder, file);
      const scenario = readScenario(file);
      progress.update(index, id);
      const started = now();
      let failures: Failure[];
      let name = id;
      if ("problem" in scenario) {
        failures = [{ kind: "broken", problem: scenario.problem }];
      } else {
        name = scenario.name;
        const outcome = await policy.evaluate(scenario.facts, {
          asOf: scenario.asOf,
          params: scenario.params,
        });
        failures = judge(scenario, outcome);
      }
      // The bar is cleared before each line of output so they never share a line.
      progress.clear();
      const ok = failures.length === 0;
      if (!ok) failed++;
      reports.push({ id, name, file: shown, failures, ms: now() - started });
      if (format !== "text") continue;
      const mark = ok
        ? c.green(lang === "zh" ? "通过" : "PASS")
        : c.red(c.bold(lang === "zh" ? "失败" : "FAIL"));
      writeLine(context.io.stdout, `${mark} ${c.bold(id)}  ${name === id ? "" : name}`.trimEnd());
      for (const failure of failures) {
        for (const line of describeFailure(failure, lang)) writeLine(context.io.stdout, `     ${line}`);
      }
    }
  } finally {
    progress.clear();
  }
  if (format !== "text") {
    const suite = { policy: target, scenarios: reports };
    context.io.stdout.write(format === "json" ? testResultJson(suite) : junitReport(suite));
    return failed > 0 ? ExitCode.problems : ExitCode.ok;
  }
  const passed = files.length - failed;
  const counts =
    lang === "zh"
      ? `${files.length} 个场景：${passed} 个通过，${failed} 个失败`
      : `${files.length} scenario${files.length === 1 ? "" : "s"}: ${passed} passed, ${failed} failed`;
  writeLine(context.io.stdout, failed > 0 ? c.red(counts) : c.green(counts));
  return failed > 0 ? ExitCode.problems : ExitCode.ok;
}

/** `--scenarios DIR`, else the `tests` folder beside the policy's entry. */
export function scenariosFolder(
  cwd: string,
  target: string,
  entry: string,
  option: string | boolean | undefined,
): string {
  if (typeof option === "string") {
    if (!isFolder(cwd, option)) {
      throw new UsageError({ en: `no such folder '${option}'`, zh: `目录“${option}”不存在` });
    }
    return option;
  }
  const policyFolder = isFolder(cwd, target) ? target : path.dirname(entry);
  const folder = joinPath(policyFolder, "tests");
  if (!existsSync(path.resolve(cwd, folder))) {
    throw new UsageError({
      en: `no scenarios folder '${folder}': pass --scenarios DIR`,
      zh: `场景目录“${folder}”不存在：请使用 --scenarios DIR`,
    });
  }
  return folder;
}

function isFolder(cwd: string, file: string): boolean {
  try {
    return statSync(path.resolve(cwd, file)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads the scenario files of `folder` by name, each fixture parsed once; a file that is not a
 * scenario gives a broken scenario (a failure of that scenario only).
 */
export function scenarioReader(io: CliIo, folder: string): (file: string) => Scenario | BrokenScenario {
  const fixtures = new Map<string, unknown>();
  const readFixture = (file: string): unknown => {
    if (!fixtures.has(file)) fixtures.set(file, parseJsonFile(readInput(io, file), file, "facts"));
    return fixtures.get(file);
  };
  return (file) => {
    const raw = parseScenarioFile(io, joinPath(folder, file));
    if ("problem" in raw) return { id: file.replace(/\.json$/, ""), problem: raw.problem };
    return toScenario(file.replace(/\.json$/, ""), raw.value, path.resolve(io.cwd, folder), readFixture);
  };
}

/** A scenario file's JSON; a file that is not JSON fails that scenario only. */
function parseScenarioFile(
  io: CliIo,
  file: string,
): { readonly value: unknown } | { readonly problem: { readonly en: string; readonly zh: string } } {
  try {
    return { value: parseJsonFile(readInput(io, file), file, "scenario") };
  } catch (error) {
    if (error instanceof Problem) return { problem: error.text };
    throw error;
  }
}
