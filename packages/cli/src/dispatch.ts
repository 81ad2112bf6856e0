/**
 * The command line's dispatch: the command word, `--lang`, help, `--version`, and usage errors and
 * problems reported in the reader's language. The commands come from a table: `remit` has them
 * all (run.ts), `remit-server` only `serve` (serve-main.ts), so its bundle holds no other command.
 */
import type { Language } from "@remit/lang";
import { parseCommandArgs, UnknownOptionError, UsageError } from "./args.js";
import { type CommandContext, commonOptions, createContext, writeLine } from "./context.js";
import { type CommandName, commandHelp, commandNames, generalHelp } from "./help.js";
import { type CliIo, ExitCode } from "./io.js";
import { isLanguage, languageFromEnv } from "./locale.js";
import { Problem } from "./problem.js";

export type Command = (args: readonly string[], context: CommandContext) => Promise<number>;

/** How a command is loaded: on demand, so help and usage errors need not load the compiler and engine. */
export type CommandTable = Partial<Record<CommandName, () => Promise<Command>>>;

/**
 * Runs the command line `argv` with the commands of `table` and returns the exit code (see `run`).
 */
export async function dispatch(argv: readonly string[], io: CliIo, table: CommandTable): Promise<number> {
  let lang = languageFromEnv(io.env);
  // Options may come before the command word (`remit --lang zh check p`): they go to the command.
  const at = commandIndex(argv);
  const word = argv[at];
  const load = word !== undefined && isCommand(word) ? table[word] : undefined;
  const command = load === undefined ? undefined : (word as CommandName);
  try {
    const given = languageOption(argv);
    lang = given ?? lang;
    const context = createContext(io, lang, given !== undefined);
    if (load !== undefined) {
      const args = [...argv.slice(0, at), ...argv.slice(at + 1)];
      return await (await load())(args, context);
    }
    if (word === "help") return await helpCommand(argv.slice(at + 1), context);
    if (word !== undefined) throw await unknownCommand(word);
    if (argv.length === 0) {
      io.stderr.write(generalHelp(lang));
      return ExitCode.usage;
    }
    const { values } = parseCommandArgs(argv, { ...commonOptions, version: { type: "boolean", short: "V" } });
    if (values["help"] === true) {
      io.stdout.write(generalHelp(lang));
      return ExitCode.ok;
    }
    if (values["version"] === true) {
      writeLine(io.stdout, `remit ${io.version ?? "(unknown version)"}`);
      return ExitCode.ok;
    }
    throw new UsageError({ en: "missing command", zh: "缺少命令" });
  } catch (error) {
    if (error instanceof Problem) {
      const colors = createContext(io, lang).stderrColors;
      const shown = error.lang ?? lang;
      writeLine(io.stderr, `${colors.red(shown === "zh" ? "错误：" : "error: ")}${error.text[shown]}`);
      return ExitCode.problems;
    }
    if (!(error instanceof UsageError)) throw error;
    const colors = createContext(io, lang).stderrColors;
    const label = lang === "zh" ? "错误：" : "error: ";
    const message = error instanceof UnknownOptionError ? await withNearest(error) : error;
    writeLine(io.stderr, `${colors.red(colors.bold(label))}${message.messageIn(lang)}`);
    const help = command === undefined ? "remit --help" : `remit ${command} --help`;
    writeLine(io.stderr, lang === "zh" ? `运行 '${help}' 查看用法` : `run '${help}' for usage`);
    return ExitCode.usage;
  }
}

/** `remit help [COMMAND]`: the general help, or one command's, on standard output. */
async function helpCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const [name, ...extra] = args.filter((arg) => !arg.startsWith("-"));
  if (extra.length > 0) {
    throw new UsageError({ en: `unexpected argument '${extra[0]}'`, zh: `多余的参数“${extra[0]}”` });
  }
  if (name === undefined) {
    context.io.stdout.write(generalHelp(context.lang));
    return ExitCode.ok;
  }
  if (!isCommand(name)) throw await unknownCommand(name);
  context.io.stdout.write(commandHelp(name, context.lang));
  return ExitCode.ok;
}

/** An unknown option's error, with the nearest option the command takes when one is close. */
async function withNearest(error: UnknownOptionError): Promise<UsageError> {
  const { suggest } = await import("@remit/lang");
  const [near] = suggest(error.option, error.known, 1);
  if (near === undefined) return error;
  return new UsageError({
    en: `unknown option '${error.option}', did you mean '${near}'?`,
    zh: `未知选项“${error.option}”，是否想写“${near}”？`,
  });
}

/** Where the command word is: the first argument that is neither an option nor `--lang`'s value. */
function commandIndex(argv: readonly string[]): number {
  let i = 0;
  while (i < argv.length && (argv[i] ?? "").startsWith("-")) i += argv[i] === "--lang" ? 2 : 1;
  return i;
}

async function unknownCommand(word: string): Promise<UsageError> {
  const near = await closestCommand(word);
  return near === undefined
    ? new UsageError({ en: `unknown command '${word}'`, zh: `未知命令“${word}”` })
    : new UsageError({
        en: `unknown command '${word}', did you mean '${near}'?`,
        zh: `未知命令“${word}”，是否想写“${near}”？`,
      });
}

/**
 * The command a mistyped word most likely meant: one that starts it, or one or two edits away.
 * The language package (for its edit distance) loads only on this error path, not at start-up.
 */
export async function closestCommand(word: string): Promise<CommandName | undefined> {
  const lower = word.toLowerCase();
  const prefixed = commandNames.find(
    (name) => lower.startsWith(name) || (lower.length >= 2 && name.startsWith(lower)),
  );
  if (prefixed !== undefined) return prefixed;
  const { editDistance } = await import("@remit/lang");
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
