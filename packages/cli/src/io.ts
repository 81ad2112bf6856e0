/**
 * What the command-line tool touches of the outside world, passed in so tests can run it in
 * process and read what it printed.
 */
export interface OutputStream {
  write(text: string): void;
  /** Colours are used only on a terminal. */
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths on the command line are taken from here. */
  readonly cwd: string;
  /**
   * Milliseconds on a monotonic clock, read only to decide when a progress bar is worth showing;
   * `performance.now` by default. Evaluation dates never come from a clock.
   */
  readonly now?: () => number;
  /** Stops a command that runs until stopped (`serve`); by default SIGINT or SIGTERM does. */
  readonly stop?: AbortSignal;
}

/** Exit codes, as documented in `remit --help`. */
export const ExitCode = {
  ok: 0,
  /**
   * Diagnostics with errors, invalid facts, files `fmt --check` would change, failing scenarios,
   * no such finding, constructs an export refuses.
   */
  problems: 1,
  /** Unknown command or option, missing file, bad date. */
  usage: 2,
  /** A fault in the tool itself, never in the input: one line, the details under `REMIT_DEBUG`. */
  internal: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A stream that collects what is written, for tests and for callers that want the text. */
export class MemoryStream implements OutputStream {
  private readonly chunks: string[] = [];
  constructor(readonly isTTY = false) {}
  write(text: string): void {
    this.chunks.push(text);
  }
  get text(): string {
    return this.chunks.join("");
  }
}
