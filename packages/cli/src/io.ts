/**
 * What the command-line tool touches of the outside world, passed in so tests can run it in
 * process and read what it printed.
 */
export interface OutputStream {
  /** `false` when the stream's buffer is full: a writer of a large answer then waits for `drain`. */
  write(text: string): unknown;
  /** Colours are used only on a terminal. */
  readonly isTTY?: boolean;
  /** Node's writable streams have it: called once when a full buffer has emptied. */
  once?(event: "drain", listener: () => void): unknown;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths on the command line are taken from here. */
  readonly cwd: string;
  /** What `remit --version` prints: the installed package's version. */
  readonly version?: string;
  /**
   * Milliseconds on a monotonic clock, read only to decide when a progress bar is worth showing;
   * `performance.now` by default. Evaluation dates never come from a clock.
   */
  readonly now?: () => number;
  /**
   * Standard input's whole text, read when a command is given `-` for a file (`--facts -`,
   * `check -`, `fmt --stdout -`); absent where there is no standard input to read.
   */
  readonly stdin?: () => string;
  /**
   * The process's own byte streams, for a command that speaks a protocol over them
   * (`lsp --stdio`); absent where the tool runs inside another program, as in tests.
   */
  readonly stdio?: { readonly input: NodeJS.ReadableStream; readonly output: NodeJS.WritableStream };
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

/**
 * Writes `text`, then waits if the stream's buffer is full (a slow pipe, a slow disk), so that a
 * large answer is written at the pace the reader takes it and never held in memory whole.
 */
export async function writeInTurn(stream: OutputStream, text: string): Promise<void> {
  if (stream.write(text) !== false || stream.once === undefined) return;
  await new Promise<void>((resolve) => stream.once?.("drain", resolve));
}

/** A stream that collects what is written, for tests and for callers that want the text. */
export class MemoryStream implements OutputStream {
  private readonly chunks: string[] = [];
  constructor(readonly isTTY = false) {}
  write(text: string): boolean {
    this.chunks.push(text);
    return true;
  }
  get text(): string {
    return this.chunks.join("");
  }
}
