import { type ParseArgsConfig, parseArgs } from "node:util";
import type { Language } from "@remit/lang";

/** A mistake on the command line: reported with a pointer to the help, exit code 2. */
export class UsageError extends Error {
  constructor(readonly text: { readonly en: string; readonly zh: string }) {
    super(text.en);
    this.name = "UsageError";
  }
  messageIn(lang: Language): string {
    return this.text[lang];
  }
}

/**
 * An option the command does not take, with the ones it does: `run` words it with the nearest
 * of them ("did you mean"), loading the edit distance only on this error path.
 */
export class UnknownOptionError extends UsageError {
  constructor(
    readonly option: string,
    readonly known: readonly string[],
  ) {
    super({ en: `unknown option '${option}'`, zh: `未知选项“${option}”` });
    this.name = "UnknownOptionError";
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * `util.parseArgs` in strict mode, its errors turned into usage errors worded like the rest of the
 * tool (node's own messages are long, capitalised and English only).
 */
export function parseCommandArgs(args: readonly string[], options: Options): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: true,
    });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw toUsageError(error, Object.keys(options));
  }
}

function toUsageError(error: unknown, known: readonly string[]): UsageError {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new UnknownOptionError(
        quoted,
        known.map((name) => `--${name}`),
      );
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const option = /Option '([^']*)'/.exec(message)?.[1] ?? quoted;
      const name = option.split(" ").find((part) => part.startsWith("--")) ?? option;
      return message.includes("argument missing")
        ? new UsageError({ en: `option '${name}' needs a value`, zh: `选项“${name}”需要一个值` })
        : new UsageError({ en: `option '${name}' takes no value`, zh: `选项“${name}”不接受值` });
    }
    default:
      return new UsageError({ en: message.toLowerCase(), zh: message });
  }
}

/** A value that must be one of a few words, e.g. `--format json`. */
export function oneOf<T extends string>(
  option: string,
  value: string | boolean | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.join("|");
  throw new UsageError({
    en: `option '--${option}' must be ${list}, not '${String(value)}'`,
    zh: `选项“--${option}”应为 ${list}，而不是“${String(value)}”`,
  });
}
