import type { Language } from "@remit/lang";
import type { CliIo } from "./io.js";
import { type Colors, colorsFor } from "./terminal/colors.js";
import { createProgress, type Progress } from "./terminal/progress.js";

/** What every command works with: the outside world, the language, colours per stream. */
export interface CommandContext {
  readonly io: CliIo;
  readonly lang: Language;
  /** Whether `--lang` chose the language (else it is the locale's, and a policy's readers win). */
  readonly langGiven: boolean;
  readonly stdoutColors: Colors;
  readonly stderrColors: Colors;
}

export function createContext(io: CliIo, lang: Language, langGiven = false): CommandContext {
  return {
    io,
    lang,
    langGiven,
    stdoutColors: colorsFor(io.stdout, io.env),
    stderrColors: colorsFor(io.stderr, io.env),
  };
}

/** The language of a report on a policy: `--lang` if given, else the policy's readers'. */
export function reportLanguage(context: CommandContext, readers: Language): Language {
  return context.langGiven ? context.lang : readers;
}

/** Options every command takes. */
export const commonOptions = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
} as const;

/** `--quiet`, for commands that may draw a progress bar. */
export const quietOption = { quiet: { type: "boolean", short: "q" } } as const;

/** Writes a line (or lines) to a stream, ending with a newline. */
export function writeLine(stream: { write(text: string): void }, text = ""): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** A progress bar on standard error for a batch of `total` units (see terminal/progress.ts). */
export function progressFor(context: CommandContext, total: number, quiet: boolean): Progress {
  const now = context.io.now ?? (() => performance.now());
  return createProgress({ stream: context.io.stderr, colors: context.stderrColors, now, quiet }, total);
}
