/** Go to definition, find references and rename, over a policy's symbol index. */
import type { Language, Span, TextEdit } from "@remit/lang";
import { keywordOf } from "./language.js";
import { occurrenceAt, occurrencesOf, type PolicySymbol } from "./symbols.js";
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
  const occurrence = occurrenceAt(analysis.index, file, offset);
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
  const occurrence = occurrenceAt(analysis.index, file, offset);
  if (occurrence === undefined) return [];
  return occurrencesOf(analysis.index, occurrence.key)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => o.span);
}

/** A text replacement in one file: the shape the language's fixes use. */
export type { TextEdit };

export type RenameResult =
  | { readonly ok: true; readonly edits: readonly TextEdit[] }
  | { readonly ok: false; readonly reason: { readonly en: string; readonly zh: string } };

/**
 * The span of the name that a rename at `offset` would change, when there is one.
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
 * console.log(text.slice(target?.start.offset, target?.end.offset)); // listingDays
 * console.log(renameTargetAt(analysis, file, text.indexOf("policy"))); // undefined
 * ```
 */
export function renameTargetAt(analysis: PolicyAnalysis, file: string, offset: number): Span | undefined {
  const occurrence = occurrenceAt(analysis.index, file, offset);
  if (occurrence === undefined || occurrence.role === "path") return undefined;
  const symbol = analysis.index.symbols.get(occurrence.key);
  return symbol === undefined ? undefined : occurrence.span;
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
 * console.log(!refused.ok && refused.reason.en); // 'must' is not a valid name here
 * ```
 */
export function renameAt(
  analysis: PolicyAnalysis,
  file: string,
  offset: number,
  newName: string,
): RenameResult {
  const occurrence = occurrenceAt(analysis.index, file, offset);
  const symbol = occurrence === undefined ? undefined : analysis.index.symbols.get(occurrence.key);
  if (occurrence === undefined || symbol === undefined || occurrence.role === "path") {
    return { ok: false, reason: { en: "nothing to rename here", zh: "此处没有可重命名的名称" } };
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
      return identifierPattern.test(name) && keywordOf(name) === undefined;
    default:
      return false;
  }
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
