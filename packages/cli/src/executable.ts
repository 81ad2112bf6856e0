/**
 * What the `remit` executable and the bundled server (`remit-server`) share as processes: the
 * real streams, environment and working directory, a closed pipe ending quietly, and a fault in
 * the tool itself reported on one line.
 */
import { readFileSync } from "node:fs";
import { type CliIo, ExitCode } from "./io.js";

/** Runs `command` on the process's arguments and sets the exit code. */
export async function runAsProcess(
  command: (argv: readonly string[], io: CliIo) => Promise<number>,
): Promise<void> {
  // A reader that stops early (`remit eval … | head`) closes the pipe: that ends the command
  // quietly, as it ends `cat`, rather than with a stack trace and the "problems found" exit code.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(0);
    });
  }

  try {
    process.exitCode = await command(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      stdin: () => readFileSync(0, "utf8"),
      stdio: { input: process.stdin, output: process.stdout },
      version: installedVersion(),
    });
  } catch (error) {
    // A fault in the tool itself, not in the user's input: one line, the stack only on request.
    const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    process.stderr.write(`remit: internal error: ${detail} (REMIT_DEBUG=1 shows the details)\n`);
    if (process.env["REMIT_DEBUG"] && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
    process.exitCode = ExitCode.internal;
  }
}

/**
 * The version in the package's manifest, one folder up from this file (`dist/main.js` as compiled,
 * `dist/remit.js` as bundled: both sit in `dist`).
 */
function installedVersion(): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version?: unknown;
    };
    return typeof manifest.version === "string" ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}
