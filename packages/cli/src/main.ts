#!/usr/bin/env node
import { runAsProcess } from "./executable.js";
import { run } from "./run.js";

/** The `remit` executable. */
await runAsProcess(run);
