/** Go to definition, find references and rename, over a policy's symbol index. */
import type { Language, Localized, Span, TextEdit } from "@remit/lang";
import { isInCode, keywordOf, wordAt } from "./language.js";
import { assertNever, type Occurrence, occurrenceAt, occurrencesOf, type PolicySymbol } from "./symbols.js";
import type { PolicyAnalysis } from "./workspace.js";

/**
 * Where the symbol at `offset` in `file` is declared.
 * @example
 * ```ts
 * import { definitionAt, PolicyWorkspace } from "@remit/lsp";
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
 * // From the use of `listingDays` on line 6 to its declaration on line 3.
 * const declared = definitionAt(analysis, file, use);
 * console.log(declared?.start.line, declared?.start.column, text.slice(declared?.start.offset, declared?.end.offset)); // 3 7 listingDays
 * ```
 */
export function definitionAt(analysis: PolicyAnalysis, file: string, offset: number): Span | undefined {
  const occurrence = navigableAt(analysis, file, offset);
  if (occurrence === undefined) return undefined;
  return analysis.index.symbols.get(occurrence.key)?.nameSpan;
}

/**
 * Every place that names the symbol at `offset`, its declaration first when asked for.
 * @example
 * ```ts
 * import { PolicyWorkspace, referencesAt } from "@remit/lsp";
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
 * const places = referencesAt(analysis, file, use, true);
 * console.log(places.map((span) => `${span.start.line}:${span.start.column}`)); // [ '3:7', '6:30' ]
 * ```
 */
export function referencesAt(
  analysis: PolicyAnalysis,
  file: string,
  offset: number,
  includeDeclaration: boolean,
): Span[] {
  const occurrence = navigableAt(analysis, file, offset);
  if (occurrence === undefined) return [];
  return occurrencesOf(analysis.index, occurrence.key)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => o.span);
}

/**
 * The occurrence a definition or references request at `offset` is about: the name there, or
 * anywhere else on an `import` line (its keyword, `as`) the module it imports.
 */
function navigableAt(analysis: PolicyAnalysis, file: string, offset: number): Occurrence | undefined {
  const named = occurrenceAt(analysis.index, file, offset);
  if (named !== undefined) return named;
  const module = analysis.loaded.modules.find((m) => m.file === file);
  const line = module?.imports.find((i) => i.span.start.offset <= offset && offset <= i.span.end.offset);
  return line === undefined ? undefined : occurrenceAt(analysis.index, file, line.path.span.start.offset);
}

/** A text replacement in one file: the shape the language's fixes use. */
export type { TextEdit };

export type RenameResult =
  | { readonly ok: true; readonly edits: readonly TextEdit[] }
  | { readonly ok: false; readonly reason: Localized };

/** The name a rename at `offset` would change, or why there is none (in both languages). */
export type RenameTarget =
  | { readonly ok: true; readonly span: Span; readonly symbol: PolicySymbol }
  | { readonly ok: false; readonly reason: Localized };

/**
 * The span of the name that a rename at `offset` would change, or why nothing there can be
 * renamed (a keyword, an import's path, no name at all).
 * @example
 * ```ts
 * import { PolicyWorkspace, renameTargetAt } from "@remit/lsp";
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
 * const target = renameTargetAt(analysis, file, use);
 * console.log(target.ok && text.slice(target.span.start.offset, target.span.end.offset)); // listingDays
 * const keyword = renameTargetAt(analysis, file, text.indexOf("policy"));
 * console.log(!keyword.ok && keyword.reason.en); // 'policy' is a keyword: keywords cannot be renamed
 * ```
 */
export function renameTargetAt(analysis: PolicyAnalysis, file: string, offset: number): RenameTarget {
  const occurrence = occurrenceAt(analysis.index, file, offset);
  const symbol = occurrence === undefined ? undefined : analysis.index.symbols.get(occurrence.key);
  if (occurrence !== undefined && symbol !== undefined) {
    if (occurrence.role === "name") return { ok: true, span: occurrence.span, symbol };
    return {
      ok: false,
      reason: {
        en: "an import's path is not a name: rename its alias",
        zh: "导入的路径不是名称：请重命名它的别名",
      },
    };
  }
  const text = analysis.loaded.sources.get(file);
  const word = text === undefined || !isInCode(text, file, offset) ? undefined : wordAt(text, offset);
  if (word !== undefined && keywordOf(word.word) !== undefined) {
    return {
      ok: false,
      reason: {
        en: `'${word.word}' is a keyword: keywords cannot be renamed`,
        zh: `“${word.word}”是关键字，关键字不能重命名`,
      },
    };
  }
  return { ok: false, reason: { en: "nothing to rename here", zh: "此处没有可重命名的名称" } };
}

const identifierPattern = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const clauseIdPattern = /^\d+(\.\d+)*$/;
const ruleIdPattern = /^[\p{L}_][\p{L}\p{N}_]*(-[\p{L}\p{N}_]+)*$/u;

/**
 * The edits that rename the symbol at `offset` to `newName` in every file of the policy.
 * @example
 * ```ts
 * import { PolicyWorkspace, renameAt } from "@remit/lsp";
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
 * const renamed = renameAt(analysis, file, use, "listingPeriod");
 * console.log(renamed.ok && renamed.edits.map((e) => `${e.span.start.line} ${e.newText}`)); // [ '3 listingPeriod', '6 listingPeriod' ]
 * const refused = renameAt(analysis, file, use, "must");
 * console.log(!refused.ok && refused.reason.en); // 'must' is a keyword: a name cannot be a keyword
 * ```
 */
export function renameAt(
  analysis: PolicyAnalysis,
  file: string,
  offset: number,
  newName: string,
): RenameResult {
  const target = renameTargetAt(analysis, file, offset);
  if (!target.ok) return target;
  const { symbol } = target;
  if (keywordOf(newName) !== undefined && !keywordSpellingAllowed(symbol.kind)) {
    return {
      ok: false,
      reason: {
        en: `'${newName}' is a keyword: a name cannot be a keyword`,
        zh: `“${newName}”是关键字，不能用作名称`,
      },
    };
  }
  if (!validName(symbol, newName)) {
    return {
      ok: false,
      reason: { en: `'${newName}' is not a valid name here`, zh: `“${newName}”不能用作此处的名称` },
    };
  }
  const edits = occurrencesOf(analysis.index, symbol.key)
    .filter((o) => o.role === "name")
    .map((o) => ({ span: o.span, newText: newName }));
  return { ok: true, edits };
}

function validName(symbol: PolicySymbol, name: string): boolean {
  switch (symbol.kind) {
    case "clause":
      return clauseIdPattern.test(name);
    case "rule":
      return ruleIdPattern.test(name);
    case "param":
    case "define":
    case "collection":
    case "record":
    case "type":
    case "field":
    case "module":
    case "local":
      return identifierPattern.test(name);
    default:
      return assertNever(symbol);
  }
}

/**
 * Whether a name of this kind may be spelt like a keyword: a field (read as a name after `.`)
 * and a rule id are, as docs/language.md says; a clause id is a number.
 */
function keywordSpellingAllowed(kind: PolicySymbol["kind"]): boolean {
  return kind === "field" || kind === "rule" || kind === "clause";
}

/** Labels of symbol kinds, for hovers and completion details. */
export function kindLabel(symbol: PolicySymbol, language: Language): string {
  const labels: Record<PolicySymbol["kind"], [string, string]> = {
    param: ["parameter", "参数"],
    define: ["definition", "定义"],
    collection: ["collection", "集合"],
    record: ["record", "记录"],
    type: ["type", "类型"],
    field: ["field", "字段"],
    clause: ["clause", "条款"],
    rule: ["rule", "规则"],
    module: ["module", "模块"],
    local: ["local name", "局部名称"],
  };
  const [en, zh] = labels[symbol.kind];
  return language === "en" ? en : zh;
}
