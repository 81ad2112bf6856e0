import { importCycle, moduleNotFound } from "../diagnostics/check-codes.js";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { Import, Module, Span } from "../syntax/ast.js";
import type { SourceHost } from "./host.js";

/** The parser's contract: one file's text in, its syntax tree and diagnostics out. */
export type ParseFunction = (
  text: string,
  file: string,
) => { module: Module; diagnostics: readonly Diagnostic[] };

/** A policy's modules as read from a host, before checking. */
export interface LoadedModules {
  /** The entry file's path (as resolved by the host). */
  readonly entry: string;
  /** Every module that could be read and parsed, the entry first, then in import order. */
  readonly modules: readonly Module[];
  /** Every file's text, by path. */
  readonly sources: ReadonlyMap<string, string>;
  /**
   * For each module file, its import aliases and the path each names. An alias whose file could not
   * be read is still listed (its path has no module), so the checker can stay silent about it.
   */
  readonly aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Parse diagnostics of every file, then missing files and import cycles. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A zero-width span at the start of a file, for problems with no better place. */
export function fileStartSpan(file: string): Span {
  const start = { offset: 0, line: 1, column: 1 };
  return { file, start, end: start };
}

/**
 * Reads `entry` and, depth first, every module it imports (by path relative to the importing
 * file), parsing each once. Missing files and import cycles become diagnostics at the import.
 */
export function loadModulesWith(parse: ParseFunction, entry: string, host: SourceHost): LoadedModules {
  const modules: Module[] = [];
  const byPath = new Map<string, Module>();
  const sources = new Map<string, string>();
  const aliases = new Map<string, Map<string, string>>();
  const diagnostics: Diagnostic[] = [];
  const reportedCycles = new Set<string>();

  const entryPath = entry;
  const entryText = host.readFile(entryPath);
  if (entryText === undefined) {
    diagnostics.push(diagnostic(moduleNotFound, fileStartSpan(entryPath), { path: entryPath }));
    return { entry: entryPath, modules, sources, aliases, diagnostics };
  }

  const readModule = (path: string, text: string): Module => {
    sources.set(path, text);
    const parsed = parse(text, path);
    // One by one: a spread of 200k diagnostics (200k '（') overflows the stack.
    for (const d of parsed.diagnostics) diagnostics.push(d);
    byPath.set(path, parsed.module);
    modules.push(parsed.module);
    return parsed.module;
  };

  // `stack` holds the chain of files being visited, so a back edge spells out its cycle.
  const stack: string[] = [];
  const visit = (path: string, module: Module): void => {
    stack.push(path);
    const own = new Map<string, string>();
    aliases.set(path, own);
    for (const imp of module.imports) {
      const target = host.resolve(path, imp.path.value);
      if (!own.has(imp.alias.name)) own.set(imp.alias.name, target);
      const onStack = stack.indexOf(target);
      if (onStack >= 0) {
        reportCycle(imp, [...stack.slice(onStack), target]);
        continue;
      }
      if (byPath.has(target)) continue;
      if (sources.has(target)) continue;
      const text = host.readFile(target);
      if (text === undefined) {
        diagnostics.push(diagnostic(moduleNotFound, imp.path.span, { path: target }));
        continue;
      }
      visit(target, readModule(target, text));
    }
    stack.pop();
  };

  const reportCycle = (imp: Import, cycle: readonly string[]): void => {
    // One report per cycle, whichever file it is entered from.
    const members = cycle.slice(0, -1);
    const key = [...members].sort().join("\n");
    if (reportedCycles.has(key)) return;
    reportedCycles.add(key);
    diagnostics.push(
      diagnostic(importCycle, imp.path.span, { cycle: cycle.map((p) => `'${p}'`).join(" -> ") }),
    );
  };

  visit(entryPath, readModule(entryPath, entryText));
  return { entry: entryPath, modules, sources, aliases, diagnostics };
}
