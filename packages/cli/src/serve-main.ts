#!/usr/bin/env node
import { dispatch } from "./dispatch.js";
import { runAsProcess } from "./executable.js";

/**
 * `remit-server POLICY... [--port N] [--host ADDRESS]`: `remit serve` as a file of its own
 * (`dist/remit-server.js`), bundled with the server and engine but none of the other commands,
 * for a host or container that only serves.
 */
await runAsProcess((argv, io) =>
  dispatch(["serve", ...argv], io, { serve: async () => (await import("./commands/serve.js")).serveCommand }),
);
