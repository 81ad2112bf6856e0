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

export interface Progress {
  /** `completed` units of the total are done; `label` tells what is being worked on now. */
  update(completed: number, label?: string): void;
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
export function createProgress(target: ProgressTarget, total: number): Progress {
  const start = target.now();
  let drawn = false;
  let lastLine = "";
  const enabled = !target.quiet && target.stream.isTTY === true && total > 0;
  return {
    update(completed, label = "") {
      if (!enabled || target.now() - start < progressDelayMs) return;
      const line = progressLine(Math.max(0, Math.min(total, completed)), total, label, target.colors);
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
  };
}

/** `[=========>              ] 12/83 label` */
export function progressLine(completed: number, total: number, label: string, colors: Colors): string {
  const filled = total === 0 ? barWidth : Math.floor((completed / total) * barWidth);
  const bar = `${"=".repeat(Math.max(0, filled - 1))}${filled > 0 ? (filled === barWidth ? "=" : ">") : ""}`;
  const text = `[${colors.cyan(bar.padEnd(barWidth, " "))}] ${completed}/${total}`;
  return label === "" ? text : `${text} ${label}`;
}
