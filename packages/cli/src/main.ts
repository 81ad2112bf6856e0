#!/usr/bin/env node
import { run } from "./run.js";

/** The `remit` executable: the real process streams, environment and working directory. */
const exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = exitCode;
