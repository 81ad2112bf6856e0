#!/usr/bin/env node
import { ExitCode } from "./io.js";
import { run } from "./run.js";

/** The `remit` executable: the real process streams, environment and working directory. */
try {
  process.exitCode = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
} catch (error) {
  // A fault in the tool itself, not in the user's input: one line, the stack only on request.
  const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  process.stderr.write(`remit: internal error: ${detail} (REMIT_DEBUG=1 shows the details)\n`);
  if (process.env["REMIT_DEBUG"] && error instanceof Error && error.stack)
    process.stderr.write(`${error.stack}\n`);
  process.exitCode = ExitCode.internal;
}
