/**
 * Highlighting for Remit, read off the language's keyword table (`@remit/lang`): a word is
 * styled by the group its keyword belongs to there, so a keyword added to the table is
 * highlighted without touching this file. Literate policies are Markdown with ```remit blocks
 * highlighted the same way.
 */
import { markdown } from "@codemirror/lang-markdown";
import { HighlightStyle, type Language, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { tags } from "@lezer/highlight";
import {
  declarationKeywords,
  durationUnitKeywords,
  type KeywordSpelling,
  keywords,
  keywordsByName,
  modalityKeywords,
  periodUnitKeywords,
  primitiveTypeKeywords,
} from "@remit/lang";

/** A stream-parser style: the name of a `@lezer/highlight` tag. */
type Style = "definitionKeyword" | "modifier" | "typeName" | "unit" | "bool" | "null" | "keyword";

/** Every spelling of every keyword, with its style; the more specific groups win over `keyword`. */
export function keywordStyles(): ReadonlyMap<string, Style> {
  const styles = new Map<string, Style>();
  const add = (entries: readonly KeywordSpelling[], style: Style) => {
    for (const entry of entries)
      for (const spelling of [...entry.en, ...entry.zh]) styles.set(spelling, style);
  };
  add(keywords, "keyword");
  add(declarationKeywords, "definitionKeyword");
  add(Object.values(modalityKeywords), "modifier");
  add(Object.values(primitiveTypeKeywords), "typeName");
  add([...Object.values(durationUnitKeywords), ...Object.values(periodUnitKeywords)], "unit");
  add([keywordsByName.True, keywordsByName.False], "bool");
  add([keywordsByName.None], "null");
  return styles;
}

// Words, numbers and dates as the lexer reads them (`scan/tokens.ts`).
// A rule id may join words with hyphens (`fire-accountability`): one name, not a keyword.
const word = /^[\p{L}_][\p{L}\p{N}_]*(?:-[\p{L}_][\p{L}\p{N}_]*)*/u;
const date = /^\d{4}-\d{2}-\d{2}/;
const number = /^\d+(?:\.\d+)*/;
const operator = /^(?:->|!=|<=|>=|[=<>+\-*/≥≤≠])/;

export function remitLanguage(styles: ReadonlyMap<string, Style> = keywordStyles()): Language {
  return StreamLanguage.define<null>({
    name: "remit",
    token(stream) {
      if (stream.eatSpace()) return null;
      if (stream.match("#")) {
        stream.skipToEnd();
        return "lineComment";
      }
      if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return "string";
      if (stream.match(date)) return "literal";
      if (stream.match(number)) return "number";
      const found = stream.match(word);
      if (typeof found === "object" && found !== null) return styles.get(found[0]) ?? "variableName";
      if (stream.match(operator)) return "operator";
      stream.next();
      return null;
    },
    languageData: { commentTokens: { line: "#" } },
  });
}

const remitHighlight = HighlightStyle.define([
  { tag: tags.definitionKeyword, color: "#7c3aed", fontWeight: "600" },
  { tag: tags.keyword, color: "#1d4ed8" },
  { tag: tags.modifier, color: "#b45309", fontWeight: "600" },
  { tag: tags.typeName, color: "#0f766e" },
  { tag: tags.unit, color: "#0f766e" },
  { tag: [tags.bool, tags.null], color: "#9333ea" },
  { tag: tags.string, color: "#15803d" },
  { tag: [tags.number, tags.literal], color: "#c2410c" },
  { tag: tags.lineComment, color: "#6b7280", fontStyle: "italic" },
  { tag: tags.operator, color: "#374151" },
  { tag: tags.heading, color: "#111827", fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: [tags.propertyName], color: "#1d4ed8" },
]);

/** The language of a policy file: Remit, or Markdown with Remit blocks for `.remit.md`. */
let remit: Language | undefined;

export function policyLanguage(path: string): Extension {
  remit ??= remitLanguage();
  const language = remit;
  const support = path.endsWith(".md")
    ? markdown({ codeLanguages: (info) => (info.trim() === "remit" ? language : null) })
    : language;
  return [support, syntaxHighlighting(remitHighlight)];
}

/** The same colours for the facts' JSON. */
export const jsonHighlight: Extension = syntaxHighlighting(remitHighlight);
