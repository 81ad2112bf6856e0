/**
 * The TextMate grammars of Remit, generated from the language's keyword table so the
 * highlighting cannot drift from the lexer: one for `.remit` files (`source.remit`) and one that
 * injects it into ```remit blocks of Markdown. `generate-grammar.ts` writes them to `syntaxes/`.
 */
import { type KeywordSpelling, keywords } from "@remit/lang";

/** A TextMate rule, as far as these grammars use it. */
export interface GrammarRule {
  readonly name?: string;
  readonly contentName?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly captures?: Readonly<Record<string, { readonly name: string }>>;
  readonly beginCaptures?: Readonly<Record<string, { readonly name: string }>>;
  readonly endCaptures?: Readonly<Record<string, { readonly name: string }>>;
  readonly patterns?: readonly GrammarRule[];
  readonly include?: string;
}

export interface Grammar {
  readonly $schema?: string;
  readonly name: string;
  readonly scopeName: string;
  readonly fileTypes?: readonly string[];
  readonly injectionSelector?: string;
  readonly patterns: readonly GrammarRule[];
  readonly repository?: Readonly<Record<string, GrammarRule>>;
}

/** How a keyword is highlighted; keywords of no listed group are `keyword.other`. */
type KeywordGroup = "declaration" | "modality" | "operator" | "constant" | "type" | "unit" | "other";

/** Keyword token names by group. Names missing here fall back to `other`, so a new keyword still highlights. */
const groups: Readonly<Record<Exclude<KeywordGroup, "other">, readonly string[]>> = {
  declaration: [
    "Policy",
    "Import",
    "Clause",
    "Param",
    "Type",
    "Collection",
    "Record",
    "Define",
    "Duty",
    "Escalation",
    "Accountability",
  ],
  modality: ["Must", "Should", "May"],
  operator: ["And", "Or", "Not", "In", "Is", "Set", "Missing", "IsSet", "IsMissing"],
  constant: ["True", "False", "None"],
  type: [
    "TextType",
    "Integer",
    "Decimal",
    "Bool",
    "DateType",
    "Duration",
    "Enum",
    "List",
    "Optional",
    "Planned",
  ],
  unit: ["Day", "Week", "Month", "Quarter", "Year"],
};

const scopes: Readonly<Record<KeywordGroup, string>> = {
  declaration: "storage.type.declaration.remit",
  modality: "keyword.other.modality.remit",
  operator: "keyword.operator.expression.remit",
  constant: "constant.language.remit",
  type: "support.type.remit",
  unit: "keyword.other.unit.remit",
  other: "keyword.control.remit",
};

function groupOf(entry: KeywordSpelling): KeywordGroup {
  for (const [group, names] of Object.entries(groups) as [
    Exclude<KeywordGroup, "other">,
    readonly string[],
  ][]) {
    if (names.includes(entry.name)) return group;
  }
  return "other";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Longest first, so that `个季度` is tried before a shorter spelling it starts with. */
function alternation(spellings: readonly string[]): string {
  const unique = [...new Set(spellings)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return unique.map(escapeRegExp).join("|");
}

// A word is letters (CJK included), digits and `_`, as the lexer reads it: a keyword glued to
// other letters (`属于群众`) is a name, not a keyword.
const notWordBefore = "(?<![\\p{L}\\p{N}_])";
const notWordAfter = "(?![\\p{L}\\p{N}_])";

function spellingsBy(group: KeywordGroup, table: readonly KeywordSpelling[]): string[] {
  return table.filter((entry) => groupOf(entry) === group).flatMap((entry) => [...entry.en, ...entry.zh]);
}

/** The grammar of `.remit` files, from `table` (the language's `keywords` by default). */
export function remitGrammar(table: readonly KeywordSpelling[] = keywords): Grammar {
  const keywordRule = (group: KeywordGroup): GrammarRule => ({
    name: scopes[group],
    match: `${notWordBefore}(?:${alternation(spellingsBy(group, table))})${notWordAfter}`,
  });
  const units = alternation(spellingsBy("unit", table));
  const keywordGroups: KeywordGroup[] = ["declaration", "modality", "operator", "constant", "type", "other"];
  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: "Remit",
    scopeName: "source.remit",
    fileTypes: ["remit"],
    patterns: [
      { include: "#comment" },
      { include: "#string" },
      { include: "#date" },
      { include: "#duration" },
      { include: "#number" },
      { include: "#keywords" },
      { include: "#operator" },
    ],
    repository: {
      comment: { name: "comment.line.number-sign.remit", match: "#.*$" },
      string: {
        name: "string.quoted.double.remit",
        begin: '"',
        end: '"|$',
        patterns: [{ name: "constant.character.escape.remit", match: '\\\\["\\\\nt]' }],
      },
      date: { name: "constant.numeric.date.remit", match: "\\b\\d{4}-\\d{2}-\\d{2}\\b" },
      duration: {
        match: `(?<![\\p{L}\\p{N}_.])(\\d+(?:\\.\\d+)?)\\s*(${units})${notWordAfter}`,
        captures: {
          "1": { name: "constant.numeric.duration.remit" },
          "2": { name: scopes.unit },
        },
      },
      number: { name: "constant.numeric.remit", match: "(?<![\\p{L}\\p{N}_])\\d+(?:\\.\\d+)*" },
      keywords: { patterns: keywordGroups.map(keywordRule) },
      operator: { name: "keyword.operator.remit", match: "->|!=|<=|>=|[=<>+\\-*/]" },
    },
  };
}

/** The injection that highlights ```remit blocks inside Markdown with `source.remit`. */
export function markdownInjectionGrammar(): Grammar {
  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: "Remit in Markdown",
    scopeName: "markdown.remit.codeblock",
    injectionSelector: "L:text.html.markdown",
    patterns: [{ include: "#remit-code-block" }],
    repository: {
      "remit-code-block": {
        name: "markup.fenced_code.block.markdown",
        begin: "(^|\\G)(\\s*)(`{3,}|~{3,})\\s*(remit)\\b[^`~]*$",
        beginCaptures: {
          "3": { name: "punctuation.definition.markdown" },
          "4": { name: "fenced_code.block.language.markdown" },
        },
        end: "(^|\\G)(\\2|\\s{0,3})(\\3)\\s*$",
        endCaptures: { "3": { name: "punctuation.definition.markdown" } },
        contentName: "meta.embedded.block.remit",
        patterns: [{ include: "source.remit" }],
      },
    },
  };
}

/** A grammar as written to disk: two-space JSON with a final newline. */
export function grammarJson(grammar: Grammar): string {
  return `${JSON.stringify(grammar, null, 2)}\n`;
}
