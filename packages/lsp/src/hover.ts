/**
 * What to show on hover: a name's declaration and type, the collection or record a field belongs
 * to, a parameter's default and description, a clause's text, a keyword's meaning and its
 * spelling in the other language. Markdown, in the editor's language.
 */
import { displayType, keywordMeanings, type Language, type Span, spanOfRange } from "@remit/lang";
import { isInCode, keywordOf, otherLanguage, wordAt } from "./language.js";
import { kindLabel } from "./navigation.js";
import { assertNever, occurrenceAt, type PolicySymbol, type Shape } from "./symbols.js";
import type { PolicyAnalysis } from "./workspace.js";

export interface HoverResult {
  readonly span: Span;
  readonly markdown: string;
}

/**
 * @example
 * ```ts
 * import { hoverAt, PolicyWorkspace } from "@remit/lsp";
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
 * const hover = hoverAt(analysis, file, use, "en");
 * console.log(hover?.span.start.line, hover?.markdown.includes("days to list a hazard")); // 6 true
 * ```
 */
export function hoverAt(
  analysis: PolicyAnalysis,
  file: string,
  offset: number,
  language: Language,
): HoverResult | undefined {
  const occurrence = occurrenceAt(analysis.index, file, offset);
  const symbol = occurrence === undefined ? undefined : analysis.index.symbols.get(occurrence.key);
  if (occurrence !== undefined && symbol !== undefined) {
    return { span: occurrence.span, markdown: describeSymbol(analysis, symbol, language) };
  }
  const text = analysis.loaded.sources.get(file);
  if (text === undefined || !isInCode(text, file, offset)) return undefined;
  const word = wordAt(text, offset);
  const keyword = word === undefined ? undefined : keywordOf(word.word);
  if (word === undefined || keyword === undefined) return undefined;
  const other = otherLanguage(keyword.language);
  const spellings = keyword.entry[other];
  const otherName =
    other === "en" ? (language === "en" ? "English" : "英文") : language === "en" ? "Chinese" : "中文";
  const lines = [
    language === "en"
      ? `keyword \`${word.word}\` (${keyword.entry.name})`
      : `关键字 \`${word.word}\`（${keyword.entry.name}）`,
    keywordMeanings[keyword.entry.name][language],
    spellings.length === 0
      ? language === "en"
        ? `no ${otherName} spelling`
        : `没有${otherName}写法`
      : `${otherName}: ${spellings.map((s) => `\`${s}\``).join(", ")}`,
  ];
  const span = spanOfRange(text, file, word.start, word.end);
  return { span, markdown: lines.join("\n\n") };
}

function describeSymbol(analysis: PolicyAnalysis, symbol: PolicySymbol, language: Language): string {
  const source = (span: Span): string =>
    analysis.loaded.sources.get(span.file)?.slice(span.start.offset, span.end.offset) ?? "";
  const code = (text: string): string => `\`\`\`remit\n${text}\n\`\`\``;
  const label = `*${kindLabel(symbol, language)}*`;
  switch (symbol.kind) {
    case "param": {
      const { decl } = symbol;
      const head = source({ file: symbol.file, start: decl.span.start, end: decl.default.span.end });
      const parts = [code(head), label];
      if (decl.description !== undefined) parts.push(decl.description.value);
      return parts.join("\n\n");
    }
    case "define": {
      const { decl } = symbol;
      const head = source({ file: symbol.file, start: decl.span.start, end: decl.body.span.start }).trimEnd();
      const parts = [code(`${head} …`), label];
      const info = analysis.policy?.defines;
      const found = info === undefined ? undefined : [...info.values()].find((d) => d.decl === decl);
      if (found !== undefined) parts.push(`→ ${displayType(found.returnType, language)}`);
      return parts.join("\n\n");
    }
    case "collection":
    case "record": {
      const { decl } = symbol;
      const head = `${source({ file: symbol.file, start: decl.span.start, end: (decl.label ?? decl.name).span.end })}`;
      const fields = decl.fields.map((f) => `  ${source(f.span)}`);
      return [code([`${head} {`, ...fields, "}"].join("\n")), label].join("\n\n");
    }
    case "type":
      return [code(source(symbol.decl.span)), label].join("\n\n");
    case "field":
      return [code(source(symbol.decl.span)), fieldOwnership(analysis, symbol, language)].join("\n\n");
    case "clause": {
      const { decl } = symbol;
      const parts = [`**${decl.id.id}** ${decl.title.value}`, label];
      if (decl.text !== undefined) parts.push(decl.text.value);
      return parts.join("\n\n");
    }
    case "rule":
      return [`**${symbol.name}** ${symbol.decl.title.value}`, label].join("\n\n");
    case "module":
      return [`\`${symbol.path}\``, label].join("\n\n");
    case "local": {
      const parts = [code(symbol.name), label];
      const type = localType(analysis, symbol, language);
      if (type !== undefined) parts.push(type);
      if (symbol.value !== undefined) parts.push(code(`${symbol.name} = ${source(symbol.value.span)}`));
      return parts.join("\n\n");
    }
    default:
      return assertNever(symbol);
  }
}

/**
 * Which collection or record a field belongs to, and its type, labels in brackets:
 * `field foundOn (发现日期) of hazards (火灾隐患): date`, `` `隐患` 的字段 `发现日期`：日期 ``.
 */
function fieldOwnership(
  analysis: PolicyAnalysis,
  symbol: Extract<PolicySymbol, { kind: "field" }>,
  language: Language,
): string {
  const owner = analysis.index.symbols.get(symbol.owner);
  const ownerLabel =
    owner?.kind === "collection" || owner?.kind === "record" ? owner.decl.label?.value : undefined;
  // A reference's navigation name (`as township`) is not labelled: the label names the id field.
  const fieldLabel = symbol.leadsTo === undefined ? symbol.decl.label?.value : undefined;
  const named = (name: string, label: string | undefined): string =>
    label === undefined
      ? `\`${name}\``
      : language === "en"
        ? `\`${name}\` (${label})`
        : `\`${name}\`（${label}）`;
  const field = named(symbol.name, fieldLabel);
  const of = named(owner?.name ?? symbol.owner, ownerLabel);
  const type = fieldType(analysis, symbol, language);
  if (language === "en") return `field ${field} of ${of}${type === undefined ? "" : `: ${type}`}`;
  // No space after a closing full-width bracket: `隐患（火灾隐患）的字段`, `隐患 的字段`.
  const gap = ownerLabel === undefined ? " " : "";
  return `${of}${gap}的字段 ${field}${type === undefined ? "" : `：${type}`}`;
}

/**
 * A field's type: a navigation name's is the element it leads to; a declared field's comes from
 * the checked model, else (a policy with errors) from its declaration as written.
 */
function fieldType(
  analysis: PolicyAnalysis,
  symbol: Extract<PolicySymbol, { kind: "field" }>,
  language: Language,
): string | undefined {
  if (symbol.leadsTo !== undefined)
    return shapeText(analysis, { kind: "entity", collection: symbol.leadsTo }, language);
  const policy = analysis.policy;
  const owners = policy === undefined ? [] : [...policy.collections.values(), ...policy.records.values()];
  for (const owner of owners) {
    const field = owner.fields.find((f) => f.decl === symbol.decl);
    if (field !== undefined) return displayType(field.type, language);
  }
  const { type } = symbol.decl;
  return type === undefined
    ? undefined
    : analysis.loaded.sources.get(symbol.file)?.slice(type.span.start.offset, type.span.end.offset);
}

/** The type of a local: from the checked model when there is one, else from the index. */
function localType(
  analysis: PolicyAnalysis,
  symbol: Extract<PolicySymbol, { kind: "local" }>,
  language: Language,
): string | undefined {
  if (symbol.value !== undefined && analysis.policy !== undefined) {
    return displayType(analysis.policy.typeOf(symbol.value), language);
  }
  return shapeText(analysis, symbol.shape, language);
}

function shapeText(
  analysis: PolicyAnalysis,
  shape: Shape | undefined,
  language: Language,
): string | undefined {
  if (shape === undefined) return undefined;
  const nameOf = (key: string): string => analysis.index.symbols.get(key)?.name ?? key;
  switch (shape.kind) {
    case "entity":
      return language === "en"
        ? `an element of \`${nameOf(shape.collection)}\``
        : `\`${nameOf(shape.collection)}\` 的元素`;
    case "entities":
      return language === "en"
        ? `elements of \`${nameOf(shape.collection)}\``
        : `\`${nameOf(shape.collection)}\` 的元素列表`;
    case "record":
      return language === "en"
        ? `the record \`${nameOf(shape.record)}\``
        : `记录 \`${nameOf(shape.record)}\``;
    default:
      return assertNever(shape);
  }
}
