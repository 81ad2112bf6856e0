/**
 * From policy source to a policy the server can serve: the language's analyzer, then the
 * engine's compiler. Also reads policy folders from disk, for the command line's `serve`.
 * The language and the engine are loaded on first use, so a server handed compiled policies
 * starts without them.
 */
import { readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { type Diagnostic, entryFileNames, type SourceHost } from "@remit/lang";
import type { EnginePolicy } from "./policies.js";

export type CompilePolicyOutcome =
  | { readonly policy: EnginePolicy; readonly diagnostics: readonly Diagnostic[] }
  | { readonly diagnostics: readonly Diagnostic[] };

/** Analyzes `entry` (read through `host`) and compiles it; diagnostics in stable order. */
export async function compilePolicy(entry: string, host: SourceHost): Promise<CompilePolicyOutcome> {
  const [lang, engine] = await Promise.all([import("@remit/lang"), import("@remit/engine")]);
  const analysis = lang.analyze(entry, host);
  const diagnostics = lang.sortDiagnostics(analysis.diagnostics);
  if (lang.hasErrors(diagnostics) || analysis.policy === undefined) return { diagnostics };
  const policy: EnginePolicy = engine.compileChecked(analysis.policy);
  return { policy, diagnostics };
}

/** Compiles policy source held in memory: texts by path, and the entry's path among them. */
export async function compilePolicySources(
  files: Readonly<Record<string, string>>,
  entry: string,
): Promise<CompilePolicyOutcome> {
  const [lang, engine] = await Promise.all([import("@remit/lang"), import("@remit/engine")]);
  const outcome = engine.compile({ files: { ...files }, entry });
  const diagnostics = lang.sortDiagnostics(outcome.diagnostics);
  if (!("policy" in outcome)) return { diagnostics };
  const policy: EnginePolicy = outcome.policy;
  return { policy, diagnostics };
}

/** A source host on the file system; paths are POSIX-style, relative to `cwd` when relative. */
export function fileSourceHost(cwd: string = process.cwd()): SourceHost {
  return {
    readFile(file) {
      try {
        const text = readFileSync(path.resolve(cwd, file), "utf8");
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      } catch {
        return undefined;
      }
    },
    resolve(fromFile, relative) {
      return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), relative));
    },
  };
}

/** The entry file of a policy: the path itself, or in a folder `policy.remit.md` or `policy.remit`. */
export function policyEntry(fileOrFolder: string, cwd: string = process.cwd()): string {
  const absolute = path.resolve(cwd, fileOrFolder);
  let isFolder = false;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch {
    return fileOrFolder;
  }
  if (!isFolder) return fileOrFolder;
  for (const name of entryFileNames) {
    try {
      if (statSync(path.join(absolute, name)).isFile())
        return path.posix.join(fileOrFolder.split(path.sep).join("/"), name);
    } catch {
      // Try the next entry name.
    }
  }
  return path.posix.join(
    fileOrFolder.split(path.sep).join("/"),
    entryFileNames[entryFileNames.length - 1] ?? "policy.remit",
  );
}

/** Reads and compiles the policy at a file or folder path. */
export function loadPolicy(fileOrFolder: string, cwd: string = process.cwd()): Promise<CompilePolicyOutcome> {
  return compilePolicy(policyEntry(fileOrFolder, cwd), fileSourceHost(cwd));
}
