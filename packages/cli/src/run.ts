import { editDistance, type Language } from "@remit/lang";
import { parseCommandArgs, UsageError } from "./args.js";
import { type CommandContext, commonOptions, createContext, writeLine } from "./context.js";
import { type CommandName, commandNames, generalHelp } from "./help.js";
import { type CliIo, ExitCode } from "./io.js";
import { isLanguage, languageFromEnv } from "./locale.js";
import { Problem } from "./problem.js";

type Command = (args: readonly string[], context: CommandContext) => Promise<number>;

/** Commands load on demand: help and usage errors need not load the compiler and engine. */
const commands: Record<CommandName, () => Promise<Command>> = {
  check: async () => (await import("./commands/check.js")).checkCommand,
  fmt: async () => (await import("./commands/fmt.js")).fmtCommand,
  eval: async () => (await import("./commands/eval.js")).evalCommand,
  test: async () => (await import("./commands/test.js")).testCommand,
  explain: async () => (await import("./commands/explain.js")).explainCommand,
  export: async () => (await import("./commands/interchange.js")).exportCommand,
  import: async () => (await import("./commands/interchange.js")).importCommand,
  serve: async () => (await import("./commands/serve.js")).serveCommand,
  diff: async () => (await import("./commands/records.js")).diffCommand,
  schema: async () => (await import("./commands/records.js")).schemaCommand,
};

/**
 * Runs the command line `argv` (without the node and script paths) and returns the exit code:
 * 0 ok, 1 problems found, 2 usage error. Never exits the process itself.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let lang = languageFromEnv(io.env);
  // Options may come before the command word (`remit --lang zh check p`): they go to the command.
  const at = commandIndex(argv);
  const word = argv[at];
  const command = word !== undefined && isCommand(word) ? word : undefined;
  try {
    lang = languageOption(argv) ?? lang;
    const context = createContext(io, lang);
    if (command !== undefined) {
      const args = [...argv.slice(0, at), ...argv.slice(at + 1)];
      return await (await commands[command]())(args, context);
    }
    if (word !== undefined) throw unknownCommand(word);
    if (argv.length === 0) {
      io.stderr.write(generalHelp(lang));
      return ExitCode.usage;
    }
    const { values } = parseCommandArgs(argv, commonOptions);
    if (values["help"] === true) {
      io.stdout.write(generalHelp(lang));
      return ExitCode.ok;
    }
    throw new UsageError({ en: "missing command", zh: "缺少命令" });
  } catch (error) {
    if (error instanceof Problem) {
      const colors = createContext(io, lang).stderrColors;
      writeLine(io.stderr, `${colors.red(lang === "zh" ? "错误：" : "error: ")}${error.text[lang]}`);
      return ExitCode.problems;
    }
    if (!(error instanceof UsageError)) throw error;
    const colors = createContext(io, lang).stderrColors;
    const label = lang === "zh" ? "错误：" : "error: ";
    writeLine(io.stderr, `${colors.red(colors.bold(label))}${error.messageIn(lang)}`);
    const help = command === undefined ? "remit --help" : `remit ${command} --help`;
    writeLine(io.stderr, lang === "zh" ? `运行 '${help}' 查看用法` : `run '${help}' for usage`);
    return ExitCode.usage;
  }
}

/** Where the command word is: the first argument that is neither an option nor `--lang`'s value. */
function commandIndex(argv: readonly string[]): number {
  let i = 0;
  while (i < argv.length && (argv[i] ?? "").startsWith("-")) i += argv[i] === "--lang" ? 2 : 1;
  return i;
}

function unknownCommand(word: string): UsageError {
  const near = closestCommand(word);
  return near === undefined
    ? new UsageError({ en: `unknown command '${word}'`, zh: `未知命令“${word}”` })
    : new UsageError({
        en: `unknown command '${word}', did you mean '${near}'?`,
        zh: `未知命令“${word}”，是否想写“${near}”？`,
      });
}

/** The command a mistyped word most likely meant: one that starts it, or one or two edits away. */
export function closestCommand(word: string): CommandName | undefined {
  const lower = word.toLowerCase();
  const prefixed = commandNames.find(
    (name) => lower.startsWith(name) || (lower.length >= 2 && name.startsWith(lower)),
  );
  if (prefixed !== undefined) return prefixed;
  let best: { name: CommandName; distance: number } | undefined;
  for (const name of commandNames) {
    const distance = editDistance(lower, name);
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function isCommand(word: string): word is CommandName {
  return (commandNames as readonly string[]).includes(word);
}

/**
 * The `--lang` given anywhere on the line, read before the full parse so that even a usage error
 * in the same line is reported in the language asked for. A bad value is a usage error.
 */
function languageOption(argv: readonly string[]): Language | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") break;
    if (arg === "--lang") value = argv[i + 1];
    else if (arg.startsWith("--lang=")) value = arg.slice("--lang=".length);
  }
  if (value === undefined) return undefined;
  if (isLanguage(value)) return value;
  throw new UsageError({
    en: `option '--lang' must be zh|en, not '${value}'`,
    zh: `选项“--lang”应为 zh|en，而不是“${value}”`,
  });
}
