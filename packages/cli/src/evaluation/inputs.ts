import { hasEvaluationDate, maxTextFileBytes, type ReadProblem, readTextFileChecked } from "@remit/app";
import {
  type EvaluationResult,
  type FactError,
  isLimitError,
  type JsonValue,
  policyLabels,
} from "@remit/engine";
import { assertNever, type CheckedPolicy, type Diagnostic, isCalendarDate, type Language } from "@remit/lang";
import { UsageError } from "../args.js";
import { type CommandContext, reportLanguage } from "../context.js";
import { readStdin, stdinArgument } from "../files.js";
import type { CliIo } from "../io.js";
import { Problem } from "../problem.js";
import { resultSchemaVersion } from "./json.js";
import type { TableLabels } from "./table.js";

/**
 * A file named on the command line, `-` for standard input; one that cannot be read is a usage
 * error. `onRead` is told the bytes read of a named file as it is read.
 */
export function readInput(
  io: CliIo,
  file: string,
  onRead?: (bytesRead: number, size: number) => void,
): string {
  if (file === stdinArgument) return readStdin(io);
  const read = readTextFileChecked(io.cwd, file, onRead);
  if ("text" in read) return read.text;
  throw new UsageError(readProblemMessage(file, read.problem));
}
function readProblemMessage(file: string, problem: ReadProblem): { en: string; zh: string } {
  switch (problem) {
    case "missing":
      return { en: `no such file '${file}'`, zh: `文件“${file}”不存在` };
    case "not-a-file":
      return { en: `'${file}' is not a regular file`, zh: `“${file}”不是普通文件` };
    case "too-large":
      return {
        en: `file '${file}' is larger than ${maxTextFileBytes} bytes`,
        zh: `文件“${file}”超过 ${maxTextFileBytes} 字节`,
      };
    case "unreadable":
      return { en: `cannot read file '${file}'`, zh: `无法读取文件“${file}”` };
    default:
      return assertNever(problem);
  }
}

const fileWords = {
  facts: { en: "facts", zh: "事实数据" },
  params: { en: "params", zh: "参数" },
  rules: { en: "rules", zh: "规则" },
  scenario: { en: "scenario", zh: "场景" },
} as const;

/** JSON read from a named file; text that is not JSON is a problem (exit 1). */
export function parseJsonFile(text: string, file: string, what: keyof typeof fileWords): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Problem({
      en: `${fileWords[what].en} file '${file}' is not valid JSON: ${detail}`,
      zh: `${fileWords[what].zh}文件“${file}”不是有效的 JSON：${detail}`,
    });
  }
}

/** The `--params FILE` overrides: a JSON object, or none when no file is named. */
export function readParams(io: CliIo, file: string | undefined): Record<string, JsonValue> {
  if (file === undefined) return {};
  const value = parseJsonFile(readInput(io, file), file, "params");
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Problem({
      en: `params file '${file}' must hold a JSON object of parameter values`,
      zh: `参数文件“${file}”应为参数值的 JSON 对象`,
    });
  }
  return value as Record<string, JsonValue>;
}

/** `--as-of` when given: a real calendar date, else a usage error. */
export function asOfOption(value: string | boolean | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  if (!isCalendarDate(value)) {
    throw new UsageError({
      en: `'${value}' is not a date: expected YYYY-MM-DD`,
      zh: `“${value}”不是有效日期，应为 YYYY-MM-DD`,
    });
  }
  return value;
}

/**
 * The evaluation date to pass to the engine: `--as-of` when given; otherwise nothing, leaving the
 * facts' own `asOf` to the engine (which reports a malformed one). With neither, the command
 * stops: a result must never depend on the day it happens to be run.
 */
export function evaluationDate(option: string | undefined, facts: unknown): string | undefined {
  if (option !== undefined) return option;
  if (hasEvaluationDate({}, facts)) return undefined;
  throw new Problem({
    en: "no evaluation date: pass --as-of or put asOf in the facts",
    zh: "没有评估日期：请使用 --as-of 或在事实数据中提供 asOf",
  });
}

/**
 * Prints rejected facts one per line, `json.path: message`, then a count line, in the language
 * of the policy's readers (as the result would have been) unless `--lang` says otherwise.
 */
export function reportFactErrors(
  errors: readonly FactError[],
  context: CommandContext,
  asJson: boolean,
  readers: Language,
): void {
  if (asJson) {
    const document = { schemaVersion: resultSchemaVersion, errors };
    context.io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  }
  const lang = reportLanguage(context, readers);
  const c = context.stderrColors;
  for (const error of errors) {
    context.io.stderr.write(
      `${c.bold(error.path)}${lang === "zh" ? "：" : ": "}${c.red(error.message[lang])}\n`,
    );
  }
  context.io.stderr.write(`${factErrorCount(errors, lang)}\n`);
}

/** The closing line: a refusal for the evaluation's size is not a fault in the facts. */
function factErrorCount(errors: readonly FactError[], lang: Language): string {
  if (errors.length > 0 && errors.every(isLimitError))
    return lang === "zh" ? "评估未进行：超出上限" : "not evaluated: over a limit";
  const n = errors.length;
  if (errors.every((error) => error.path.startsWith("params.") || error.path === "params"))
    return lang === "zh" ? `参数无效：${n} 处错误` : `invalid parameters: ${n} error${n === 1 ? "" : "s"}`;
  return lang === "zh" ? `事实数据无效：${n} 处错误` : `invalid facts: ${n} error${n === 1 ? "" : "s"}`;
}

/**
 * Level labels from the policy's escalation rules; the policy's grouping, with each group's name
 * from the `name` field of its element in the facts.
 */
export function tableLabels(policy: CheckedPolicy, facts: unknown): TableLabels {
  // A level is worded by its own ladder's label only: another ladder's level of the same name
  // may be another act entirely (县级挂牌督办 is not the general ladder's 县).
  const { levels } = policyLabels(policy);
  const levelLabel: TableLabels["levelLabel"] = (rule, level) =>
    rule === undefined ? undefined : levels[rule]?.[level];
  const grouping = policy.info.grouping;
  if (grouping === undefined) return { levelLabel, policy };
  const names = new Map<string, string>();
  const elements =
    typeof facts === "object" && facts !== null ? Reflect.get(facts, grouping.collection) : undefined;
  if (Array.isArray(elements)) {
    for (const element of elements as unknown[]) {
      if (typeof element !== "object" || element === null) continue;
      const { id, name } = element as { id?: unknown; name?: unknown };
      if (typeof id === "string" && typeof name === "string") names.set(id, name);
    }
  }
  return {
    levelLabel,
    grouping: {
      label: policy.collections.get(grouping.collection)?.label ?? grouping.collection,
      name: (id) => names.get(id),
      others: grouping.others,
    },
    policy,
  };
}

/** What a command that evaluates a policy on a facts file ends up with. */
export type Evaluated =
  | {
      readonly kind: "result";
      readonly result: EvaluationResult;
      readonly checked: CheckedPolicy;
      readonly facts: unknown;
    }
  | { readonly kind: "policy-errors"; readonly diagnostics: readonly Diagnostic[] }
  | {
      readonly kind: "fact-errors";
      readonly errors: readonly FactError[];
      /** The language of the policy's readers, which the errors are written in unless `--lang` says. */
      readonly readers: Language;
    };
