import { type CommandTable, dispatch } from "./dispatch.js";
import type { CliIo } from "./io.js";

export { closestCommand } from "./dispatch.js";

/** Every command of `remit`. */
const commands: CommandTable = {
  check: async () => (await import("./commands/check.js")).checkCommand,
  fmt: async () => (await import("./commands/fmt.js")).fmtCommand,
  eval: async () => (await import("./commands/eval.js")).evalCommand,
  test: async () => (await import("./commands/test.js")).testCommand,
  coverage: async () => (await import("./commands/coverage.js")).coverageCommand,
  explain: async () => (await import("./commands/explain.js")).explainCommand,
  export: async () => (await import("./commands/interchange.js")).exportCommand,
  import: async () => (await import("./commands/interchange.js")).importCommand,
  serve: async () => (await import("./commands/serve.js")).serveCommand,
  lsp: async () => (await import("./commands/lsp.js")).lspCommand,
  playground: async () => (await import("./commands/playground.js")).playgroundCommand,
  diff: async () => (await import("./commands/records.js")).diffCommand,
  schema: async () => (await import("./commands/records.js")).schemaCommand,
};

/**
 * Runs the command line `argv` (without the node and script paths) and returns the exit code:
 * 0 ok, 1 problems found, 2 usage error; an internal error is thrown (the executable exits 3).
 * Never exits the process itself.
 */
export function run(argv: readonly string[], io: CliIo): Promise<number> {
  return dispatch(argv, io, commands);
}
