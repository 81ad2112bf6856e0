/** The command line's view of policy paths: the application layer's lookups, as usage errors. */
import {
  collectSources as collect,
  createNodeSourceHost,
  findPolicyEntry,
  type NodeSourceHost,
  pathProblemMessage,
  stripBom,
} from "@remit/app";
import { UsageError } from "./args.js";
import type { CliIo } from "./io.js";

/** The argument that names standard input instead of a file. */
export const stdinArgument = "-";
/** The name standard input's text goes by in diagnostics and code frames. */
export const stdinName = "<stdin>";

/** Standard input's text; a usage error where there is none to read. */
export function readStdin(io: CliIo): string {
  if (io.stdin === undefined)
    throw new UsageError({ en: "no standard input to read", zh: "没有可读取的标准输入" });
  return stripBom(io.stdin());
}

/**
 * A source host whose `<stdin>` is standard input's text and every other file the disk's: a
 * policy read from standard input may still import modules, relative to the working directory.
 */
export function stdinSourceHost(io: CliIo): NodeSourceHost {
  const disk = createNodeSourceHost(io.cwd);
  const text = readStdin(io);
  const texts = new Map<string, string>([[stdinName, text]]);
  return {
    texts,
    readFile(file) {
      if (file === stdinName) return text;
      const read = disk.readFile(file);
      if (read !== undefined) texts.set(file, read);
      return read;
    },
    resolve: (fromFile, relative) => disk.resolve(fromFile, relative),
  };
}

/** The entry file of a policy given as a file or a policy folder; a missing one is a usage error. */
export function policyEntry(cwd: string, target: string): string {
  const found = findPolicyEntry(cwd, target);
  if ("problem" in found) throw new UsageError(pathProblemMessage(found.problem));
  return found.entry;
}

/** The Remit sources a list of files and folders names (see `@remit/app`); a missing one is a usage error. */
export function collectSources(cwd: string, targets: readonly string[]): readonly string[] {
  const found = collect(cwd, targets);
  if ("problem" in found) throw new UsageError(pathProblemMessage(found.problem));
  return found.files;
}
