import type { Colors } from "./colors.js";

/** Where a progress bar draws, and what decides whether it draws at all. */
export interface ProgressTarget {
  readonly stream: { write(text: string): void; readonly isTTY?: boolean };
  readonly colors: Colors;
  /** Monotonic milliseconds. */
  readonly now: () => number;
  /** `--quiet`: never draw. */
  readonly quiet: boolean;
}

/** What a bar counts: items (`12/83`) or bytes (`3.1/14.0 MB`). */
export type ProgressUnit = "items" | "bytes";

export interface Progress {
  /** `completed` units of the total are done; `label` tells what is being worked on now. */
  update(completed: number, label?: string): void;
  /**
   * Counts another stage of the same work from zero (the bytes of the facts read, then the
   * subjects evaluated): one bar, one start time, so a run over a second draws whatever stage it is in.
   */
  restart(total: number, unit?: ProgressUnit): void;
  /** Removes the bar, if drawn, so a line of output can be written; the next update redraws it. */
  clear(): void;
}

/** Runs shorter than this finish before a bar would help, so none is drawn. */
export const progressDelayMs = 1000;
const barWidth = 24;

/**
 * A one-line progress bar on a terminal: drawn only when the stream is a TTY, `--quiet` is not
 * given, and the work has taken over a second; redrawn in place and cleared when done, so the
 * command's own output is never interleaved with it.
 */
export function createProgress(
  target: ProgressTarget,
  total: number,
  unit: ProgressUnit = "items",
): Progress {
  const start = target.now();
  let drawn = false;
  let lastLine = "";
  let stage = { total, unit };
  const enabled = !target.quiet && target.stream.isTTY === true;
  return {
    update(completed, label = "") {
      if (!enabled || stage.total <= 0 || target.now() - start < progressDelayMs) return;
      const done = Math.max(0, Math.min(stage.total, completed));
      const line = progressLine(done, stage.total, label, target.colors, stage.unit);
      if (line === lastLine) return;
      target.stream.write(`\r\u001b[2K${line}`);
      lastLine = line;
      drawn = true;
    },
    clear() {
      if (drawn) target.stream.write("\r\u001b[2K");
      drawn = false;
      lastLine = "";
    },
    restart(newTotal, newUnit = "items") {
      stage = { total: newTotal, unit: newUnit };
    },
  };
}

/** `[=========>              ] 12/83 label`, or `3.1/14.0 MB` counting bytes. */
export function progressLine(
  completed: number,
  total: number,
  label: string,
  colors: Colors,
  unit: ProgressUnit = "items",
): string {
  const filled = total === 0 ? barWidth : Math.floor((completed / total) * barWidth);
  const bar = `${"=".repeat(Math.max(0, filled - 1))}${filled > 0 ? (filled === barWidth ? "=" : ">") : ""}`;
  const count = unit === "bytes" ? `${megabytes(completed)}/${megabytes(total)} MB` : `${completed}/${total}`;
  const text = `[${colors.cyan(bar.padEnd(barWidth, " "))}] ${count}`;
  return label === "" ? text : `${text} ${label}`;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
