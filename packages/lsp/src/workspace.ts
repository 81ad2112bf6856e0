/**
 * The policies behind the open documents: which entry a file belongs to, and that policy's
 * analysis (modules, diagnostics, checked model, symbol index), with open documents taking the
 * place of the files on disk. Free of the protocol, so the features can be tested on plain text.
 */
import {
  type CheckedPolicy,
  check,
  type Diagnostic,
  entryFileNames,
  type LoadedModules,
  loadModules,
  normalizePath,
  resolveRelative,
  type SourceHost,
  sortDiagnostics,
} from "@remit/lang";
import { buildIndex, type SymbolIndex } from "./symbols.js";

/** Reads a file that is not open (from disk, in the server); undefined when there is none. */
export type FileReader = (path: string) => string | undefined;

/** One policy, analysed as it stands in the editor. */
export interface PolicyAnalysis {
  readonly entry: string;
  /** Whether `entry` is a module analysed on its own (no policy in its folder imports it). */
  readonly standalone: boolean;
  readonly loaded: LoadedModules;
  /** The checked model, when the policy has no errors. */
  readonly policy: CheckedPolicy | undefined;
  /** Loading, parsing and checking diagnostics, in file and position order. */
  readonly diagnostics: readonly Diagnostic[];
  readonly index: SymbolIndex;
}

/**
 * The "entry module has no policy header" code: a module analysed on its own is no entry, so the
 * editor does not report it there.
 */
const missingPolicyHeaderCode = "R5009";

/**
 * @example
 * ```ts
 * import { PolicyWorkspace } from "@remit/lsp";
 * const file = "/p/policy.remit";
 * const text = `policy "listing"
 * clause 1 "hazards are listed within a week"
 * param listingDays: duration = 7 days "days to list a hazard"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within listingDays of h.foundOn
 * `;
 * const workspace = new PolicyWorkspace((path) => (path === file ? text : undefined));
 * const analysis = workspace.analysisFor(file);
 * const use = text.lastIndexOf("listingDays") + 1;
 * console.log(analysis.diagnostics.length, analysis.policy?.info.name); // 0 listing
 * // An open document takes the place of the file on disk until it is closed.
 * workspace.setDocument(file, text.replace("h.listedOn within", "h.listedAt within"));
 * console.log(workspace.analysisFor(file).diagnostics.map((d) => d.message.en)); // [ "an element of hazards has no field 'listedAt'" ]
 * workspace.closeDocument(file);
 * console.log(workspace.analysisFor(file).diagnostics.length); // 0
 * ```
 */
export class PolicyWorkspace {
  private readonly openDocuments = new Map<string, string>();
  private readonly diskCache = new Map<string, string | undefined>();
  private readonly analyses = new Map<string, PolicyAnalysis>();
  /** The entry each file was last read by: kept while an edit invalidates the analysis itself. */
  private readonly entries = new Map<string, string>();

  constructor(private readonly readFromDisk: FileReader) {}

  /** Sets the text of an open document (on open and on every change). */
  setDocument(path: string, text: string): void {
    const file = normalizePath(path);
    this.openDocuments.set(file, text);
    this.invalidate(file);
  }

  /** The document is closed: its file on disk counts again. */
  closeDocument(path: string): void {
    const file = normalizePath(path);
    this.openDocuments.delete(file);
    this.diskCache.delete(file);
    this.invalidate(file);
  }

  /** A file changed on disk (or was created or deleted). */
  fileChanged(path: string): void {
    const file = normalizePath(path);
    this.diskCache.delete(file);
    // A created file may be an import that was missing: every analysis may change.
    this.analyses.clear();
  }

  isOpen(path: string): boolean {
    return this.openDocuments.has(normalizePath(path));
  }

  openPaths(): string[] {
    return [...this.openDocuments.keys()];
  }

  readFile(path: string): string | undefined {
    const file = normalizePath(path);
    const open = this.openDocuments.get(file);
    if (open !== undefined) return open;
    if (!this.diskCache.has(file)) this.diskCache.set(file, this.readFromDisk(file));
    return this.diskCache.get(file);
  }

  /** The source host the language loads modules through: open documents first, then the disk. */
  host(overrides: ReadonlyMap<string, string> = new Map()): SourceHost {
    return {
      readFile: (path) => overrides.get(normalizePath(path)) ?? this.readFile(path),
      resolve: resolveRelative,
    };
  }

  /**
   * The entry of the policy `path` belongs to: the policy that last read it if it still does, else
   * the `policy.remit.md` or `policy.remit` of its folder when that imports it, else `path` itself.
   */
  entryOf(path: string): string {
    const file = normalizePath(path);
    const known = this.entries.get(file);
    if (known !== undefined && this.analyze(known).loaded.sources.has(file)) return known;
    const folder = file.slice(0, Math.max(0, file.lastIndexOf("/")));
    for (const name of entryFileNames) {
      const candidate = normalizePath(`${folder}/${name}`);
      if (candidate === file) return file;
      if (this.readFile(candidate) === undefined) continue;
      if (this.analyze(candidate).loaded.sources.has(file)) return candidate;
    }
    return file;
  }

  /** The analysis of the policy `path` belongs to. */
  analysisFor(path: string): PolicyAnalysis {
    return this.analyze(this.entryOf(path));
  }

  /** The analysis of the policy whose entry is `entry`, cached until one of its files changes. */
  analyze(entry: string): PolicyAnalysis {
    const file = normalizePath(entry);
    const cached = this.analyses.get(file);
    if (cached !== undefined) return cached;
    const analysis = analyzeWith(file, this.host());
    this.analyses.set(file, analysis);
    if (!analysis.standalone)
      for (const source of analysis.loaded.sources.keys()) this.entries.set(source, file);
    return analysis;
  }

  /**
   * The analysis of `path`'s policy as if `path` read `text`: the cached one when it does read
   * `text` (completion asks on the document as it is), else a fresh one, not cached.
   */
  analyzeVariant(path: string, text: string): PolicyAnalysis {
    const file = normalizePath(path);
    if (this.readFile(file) === text) return this.analysisFor(file);
    return analyzeWith(this.entryOf(file), this.host(new Map([[file, text]])));
  }

  private invalidate(file: string): void {
    for (const [entry, analysis] of this.analyses) {
      if (entry === file || analysis.loaded.sources.has(file)) this.analyses.delete(entry);
    }
  }
}

function analyzeWith(entry: string, host: SourceHost): PolicyAnalysis {
  const loaded = loadModules(entry, host);
  const { policy, diagnostics } = check(loaded);
  const entryModule = loaded.modules[0];
  const standalone = entryModule !== undefined && entryModule.header === undefined;
  const kept = standalone ? diagnostics.filter((d) => d.code !== missingPolicyHeaderCode) : diagnostics;
  return {
    entry,
    standalone,
    loaded,
    policy,
    diagnostics: sortDiagnostics(kept),
    index: buildIndex(loaded.modules, loaded.aliases),
  };
}
