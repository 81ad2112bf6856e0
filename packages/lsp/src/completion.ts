/**
 * Completion: after `x.`, the fields of what `x` is bound to (or the names of an imported
 * module); after `cites`/`依据`, the clause ids; elsewhere the keywords of the document's language
 * and the names in scope.
 */
import type { Language } from "@remit/lang";
import { documentLanguage } from "@remit/lang";
import { isInCode, keywordOf, keywordSpellings } from "./language.js";
import { occurrenceAt, type PolicySymbol, type SymbolIndex, shapeOfSymbol } from "./symbols.js";
import type { PolicyAnalysis, PolicyWorkspace } from "./workspace.js";

export interface CompletionCandidate {
  readonly label: string;
  readonly kind: PolicySymbol["kind"] | "keyword";
  /** A short description (a clause's title, a collection's label). */
  readonly detail: string | undefined;
}

const wordPart = /[\p{L}\p{N}_]/u;

/**
 * The candidates at `offset` of `file`, whose current text is `text`; `fallbackLanguage` is the
 * editor's, used when the document has no keywords yet.
 * @example
 * ```ts
 * import { completionsAt, PolicyWorkspace } from "@remit/lsp";
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
 * // The editor asks at the cursor after `h.`: the fields of a hazard.
 * const typed = text.replace("requires h.listedOn", "requires h.");
 * const offset = typed.indexOf("requires h.") + "requires h.".length;
 * const candidates = completionsAt(workspace, file, typed, offset, "en");
 * console.log(candidates.map((c) => `${c.label} (${c.kind})`)); // [ 'foundOn (field)', 'listedOn (field)' ]
 * ```
 */
export function completionsAt(
  workspace: PolicyWorkspace,
  file: string,
  text: string,
  offset: number,
  fallbackLanguage: Language,
): CompletionCandidate[] {
  if (!isInCode(text, file, offset)) return [];
  let wordStart = offset;
  while (wordStart > 0 && wordPart.test(text.charAt(wordStart - 1))) wordStart--;
  let wordEnd = offset;
  while (wordEnd < text.length && wordPart.test(text.charAt(wordEnd))) wordEnd++;

  if (text.charAt(wordStart - 1) === ".") {
    // `h.` does not parse: blank out the dot and the partial word (offsets stay the same), and
    // ask the index what the name before the dot holds.
    const dot = wordStart - 1;
    const patched = `${text.slice(0, dot)}${" ".repeat(wordEnd - dot)}${text.slice(wordEnd)}`;
    const analysis = workspace.analyzeVariant(file, patched);
    return memberCandidates(analysis.index, file, dot);
  }

  const analysis = workspace.analyzeVariant(file, text);
  const lineStart = text.lastIndexOf("\n", wordStart - 1) + 1;
  const before = text.slice(lineStart, wordStart);
  if (/(?:^|\s)(?:cites|依据)\s+(?:[\d.]+\s*[,，]\s*)*$/u.test(before)) {
    return clauseCandidates(analysis, file);
  }
  const language = documentLanguage(text, file) ?? fallbackLanguage;
  const keywords: CompletionCandidate[] = keywordSpellings(language).map((label) => ({
    label,
    kind: "keyword",
    detail: keywordOf(label)?.entry.name,
  }));
  return [...namesInScope(analysis, file, offset), ...keywords];
}

function memberCandidates(index: SymbolIndex, file: string, dot: number): CompletionCandidate[] {
  const occurrence = occurrenceAt(index, file, dot);
  if (occurrence === undefined || occurrence.span.end.offset !== dot) return [];
  if (occurrence.key.startsWith("module:")) {
    const module = occurrence.key.slice("module:".length);
    return [...(index.topLevel.get(module)?.values() ?? [])].flatMap((key) => candidateOf(index, key));
  }
  const shape = shapeOfSymbol(index.symbols, occurrence.key);
  if (shape === undefined) return [];
  const owner = shape.kind === "record" ? shape.record : shape.collection;
  const fields = [...(index.fields.get(owner)?.values() ?? [])].flatMap((key) => candidateOf(index, key));
  const inverses =
    shape.kind === "record"
      ? []
      : (index.inverses.get(owner) ?? []).flatMap((key) => candidateOf(index, key));
  const seen = new Set<string>();
  return [...fields, ...inverses].filter((c) => !seen.has(c.label) && seen.add(c.label));
}

function clauseCandidates(analysis: PolicyAnalysis, file: string): CompletionCandidate[] {
  return [...(analysis.index.clauses.get(file)?.values() ?? [])].flatMap((key) =>
    candidateOf(analysis.index, key),
  );
}

function namesInScope(analysis: PolicyAnalysis, file: string, offset: number): CompletionCandidate[] {
  const { index } = analysis;
  const locals = [...index.symbols.values()].filter(
    (s) =>
      s.kind === "local" &&
      s.file === file &&
      s.scope.start.offset <= offset &&
      offset <= s.scope.end.offset &&
      s.nameSpan.end.offset < offset,
  );
  const topLevel = [...(index.topLevel.get(file)?.values() ?? [])];
  const aliases = [...(index.aliases.get(file)?.entries() ?? [])].map(
    ([alias, key]): CompletionCandidate => ({
      label: alias,
      kind: "module",
      detail: key.slice("module:".length),
    }),
  );
  return [
    ...locals.flatMap((s) => candidateOf(index, s.key)),
    ...topLevel.flatMap((k) => candidateOf(index, k)),
    ...aliases,
  ];
}

function candidateOf(index: SymbolIndex, key: string): CompletionCandidate[] {
  const symbol = index.symbols.get(key);
  if (symbol === undefined) return [];
  return [{ label: symbol.name, kind: symbol.kind, detail: detailOf(symbol) }];
}

function detailOf(symbol: PolicySymbol): string | undefined {
  switch (symbol.kind) {
    case "clause":
      return symbol.decl.title.value;
    case "collection":
    case "record":
      return symbol.decl.label?.value;
    case "param":
      return symbol.decl.description?.value;
    case "field":
      return symbol.leadsTo === undefined
        ? undefined
        : `→ ${symbol.leadsTo.slice(symbol.leadsTo.indexOf("#") + 1)}`;
    default:
      return undefined;
  }
}
