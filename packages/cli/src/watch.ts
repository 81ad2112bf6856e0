/**
 * `--watch` for `check`, `eval` and `test` (and reloading for `serve`): run the command, then
 * again whenever one of the files it read changes, until SIGINT or SIGTERM (or `CliIo.stop`). Each run goes through `run`,
 * so a run that fails (a policy error while editing, facts that are not JSON yet) is reported as
 * usual and watching goes on. Watching uses chokidar: node's own `fs.watch` reports editors'
 * save-by-rename as a vanished file on Linux and repeats events; chokidar settles both.
 */
import * as path from "node:path";
import { isPolicySource } from "@remit/app";
import { UsageError } from "./args.js";
import type { CommandContext } from "./context.js";
import { stdinArgument } from "./files.js";
import type { CommandName } from "./help.js";
import { untilStopped } from "./stop.js";

export type WatchedCommand = Extract<CommandName, "check" | "eval" | "test">;

/** The option itself, for the commands' option tables. */
export const watchOption = { watch: { type: "boolean" } } as const;

/** Changes closer together than this are one change: an editor's save often writes twice. */
const settleMs = 100;

/**
 * Runs `command` with `args` (less `--watch`) now and after every change under `paths` (files or
 * folders; a policy file stands for its folder, where its imports usually are). Returns the exit
 * code of the last run.
 */
export async function watchAndRerun(
  command: WatchedCommand,
  args: readonly string[],
  paths: readonly string[],
  context: CommandContext,
): Promise<number> {
  if (paths.includes(stdinArgument)) {
    throw new UsageError({
      en: "--watch cannot watch standard input ('-')",
      zh: "--watch 无法监视标准输入（“-”）",
    });
  }
  const { run } = await import("./run.js");
  const once = args.filter((arg) => arg !== "--watch");
  const rerun = (): Promise<number> => run([command, ...once], context.io);
  let code = await rerun();

  const watched = paths.map((p) => path.resolve(context.io.cwd, isPolicySource(p) ? path.dirname(p) : p));
  let running: Promise<void> = Promise.resolve();
  const { lang } = context;
  const stopWatching = await watchPaths(watched, (file) => {
    running = running.then(async () => {
      const shown = path.relative(context.io.cwd, file) || file;
      context.io.stderr.write(
        `\n${context.stderrColors.dim(lang === "zh" ? `—— ${shown} 已更改，重新运行 ——` : `-- ${shown} changed, running again --`)}\n`,
      );
      code = await rerun();
    });
  });
  context.io.stderr.write(
    `${context.stderrColors.dim(lang === "zh" ? "正在监视更改（Ctrl-C 结束）" : "watching for changes (Ctrl-C to stop)")}\n`,
  );
  await untilStopped(context.io.stop);
  await stopWatching();
  await running;
  return code;
}

/**
 * Calls `onChange` with the changed file once a burst of changes under `paths` (absolute files or
 * folders) has settled, from when the watcher is ready; resolves to a function that stops it.
 */
export async function watchPaths(
  paths: readonly string[],
  onChange: (file: string) => void,
): Promise<() => Promise<void>> {
  const { watch } = await import("chokidar");
  const watcher = watch([...paths], {
    ignoreInitial: true,
    ignored: (file) => file.includes("node_modules"),
  });
  let timer: NodeJS.Timeout | undefined;
  watcher.on("all", (_event, file) => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange(file), settleMs);
  });
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return async () => {
    clearTimeout(timer);
    await watcher.close();
  };
}
