/**
 * Syntax error wording. Chevrotain asks a message provider for one string per error; ours returns
 * a small JSON payload (what was expected, what was found) and `describeSyntaxError` turns it into
 * a bilingual diagnostic, with "did you mean" for misspelt keywords in either language.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import { chainedComparison, syntaxError } from "../diagnostics/scan-codes.js";
import { editDistance } from "../diagnostics/suggest.js";
import { hasPosition, tokenSpan } from "../scan/span.js";
import type { Span } from "../syntax/ast.js";
import {
  durationUnitKeywords,
  type KeywordName,
  type KeywordSpelling,
  keywords,
  keywordsByName,
  modalityKeywords,
  recurrenceKeywords,
} from "../syntax/keywords.js";

interface SyntaxErrorPayload {
  /** Names of the token types that would have been accepted. */
  readonly expected: readonly string[];
  /** The innermost grammar rule. */
  readonly rule: string;
}

function firstTokens(paths: readonly (readonly TokenType[])[]): string[] {
  return paths.flatMap((path) => (path[0] ? [path[0].name] : []));
}

function payload(expected: readonly string[], rule: string): string {
  const body: SyntaxErrorPayload = { expected: [...new Set(expected)], rule };
  return JSON.stringify(body);
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, ruleName }) => payload([expected.name], ruleName),
  buildNotAllInputParsedMessage: ({ ruleName }) => payload(["EOF"], ruleName),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, ruleName }) =>
    payload(
      expectedPathsPerAlt.flatMap((alt) => firstTokens(alt)),
      ruleName,
    ),
  buildEarlyExitMessage: ({ expectedIterationPaths, ruleName }) =>
    payload(firstTokens(expectedIterationPaths), ruleName),
};

function parsePayload(message: string): SyntaxErrorPayload {
  try {
    const value: unknown = JSON.parse(message);
    if (value && typeof value === "object" && "expected" in value && "rule" in value) {
      const { expected, rule } = value as { expected: unknown; rule: unknown };
      if (Array.isArray(expected) && typeof rule === "string") {
        return { expected: expected.filter((e): e is string => typeof e === "string"), rule };
      }
    }
  } catch {
    // Not ours: fall through to an unspecific description.
  }
  return { expected: [], rule: "" };
}

/** The token types the parser would have accepted, from its error message. */
export function expectedOf(message: string): readonly string[] {
  return parsePayload(message).expected;
}

// ---------------------------------------------------------------------------------------------
// Describing what was expected

interface Description {
  readonly en: string;
  readonly zh: string;
}

const spellingByName = new Map<string, KeywordSpelling>(keywords.map((k) => [k.name, k]));

function quoteKeyword(name: string): Description {
  const k = spellingByName.get(name);
  if (!k) return { en: name, zh: name };
  const en = k.en[0] ?? k.zh[0] ?? name;
  const zh = k.zh[0] ?? k.en[0] ?? name;
  return { en: `\`${en}\``, zh: `“${zh}”` };
}

function firstEn(name: KeywordName): string {
  return keywordsByName[name].en[0] ?? name;
}

function quoteEn(name: KeywordName): string {
  return `\`${firstEn(name)}\``;
}

function quoteZh(name: KeywordName): string {
  return `“${keywordsByName[name].zh[0] ?? name}”`;
}

/** `a, b or c`. */
function enAlternatives(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** `“a”“b”或“c”`. */
function zhAlternatives(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join("")}或${items.at(-1)}`;
}

const units = Object.values(durationUnitKeywords);
/** `every …` is one word per unit in Chinese: “每周/每月/每季度/每年”. */
const everyZh = `“${Object.values(recurrenceKeywords)
  .map((k) => k.zh[0] ?? k.name)
  .join("/")}”`;
const modalityDescription: Description = {
  en: `a modality (${enAlternatives(Object.values(modalityKeywords).map((k) => quoteEn(k.name)))})`,
  zh: `情态（${zhAlternatives(Object.values(modalityKeywords).map((k) => quoteZh(k.name)))}）`,
};

const tokenDescriptions: Readonly<Record<string, Description>> = {
  Identifier: { en: "a name", zh: "名称" },
  StringLiteral: { en: 'a string in quotes ("…")', zh: '带引号的字符串（"…"）' },
  NumberLiteral: { en: "a number", zh: "数字" },
  DateLiteral: { en: "a date such as 2026-12-31", zh: "日期（如 2026-12-31）" },
  Arrow: { en: "'->'", zh: "“->”" },
  NotEqual: { en: "'!='", zh: "“!=”" },
  LessEqual: { en: "'<='", zh: "“<=”" },
  GreaterEqual: { en: "'>='", zh: "“>=”" },
  Less: { en: "'<'", zh: "“<”" },
  Greater: { en: "'>'", zh: "“>”" },
  Equal: { en: "'='", zh: "“=”" },
  Plus: { en: "'+'", zh: "“+”" },
  Minus: { en: "'-'", zh: "“-”" },
  Star: { en: "'*'", zh: "“*”" },
  Slash: { en: "'/'", zh: "“/”" },
  Dot: { en: "'.'", zh: "“.”" },
  Comma: { en: "','", zh: "“,”" },
  Colon: { en: "':'", zh: "“:”" },
  LParen: { en: "'('", zh: "“(”" },
  RParen: { en: "')'", zh: "“)”" },
  LBracket: { en: "'['", zh: "“[”" },
  RBracket: { en: "']'", zh: "“]”" },
  LBrace: { en: "'{'", zh: "“{”" },
  RBrace: { en: "'}'", zh: "“}”" },
  EOF: { en: "the end of the file", zh: "文件结尾" },
  AnyKeyword: { en: "a name", zh: "名称" },
  NotDeclarationStart: { en: "a declaration", zh: "声明" },
};

/** Token sets the grammar asks for together, described as one thing. */
const groups: readonly { readonly members: readonly string[]; readonly description: Description }[] = [
  {
    members: [
      "If",
      "Not",
      "Minus",
      "NumberLiteral",
      "StringLiteral",
      "DateLiteral",
      "True",
      "False",
      "None",
      "LBracket",
      "Count",
      "Identifier",
      "LParen",
    ],
    description: { en: "an expression", zh: "表达式" },
  },
  {
    members: ["By", "Within", "Every", "EveryWeek", "EveryMonth", "EveryQuarter", "EveryYear"],
    description: {
      en: `a deadline (${enAlternatives([quoteEn("By"), quoteEn("Within"), quoteEn("Every")])})`,
      zh: `期限（${zhAlternatives([quoteZh("By"), quoteZh("Within"), everyZh])}）`,
    },
  },
  {
    members: ["Must", "Should", "May", "Cites"],
    description: modalityDescription,
  },
  {
    members: ["Must", "Should", "May"],
    description: modalityDescription,
  },
  {
    members: [
      "Optional",
      "List",
      "Planned",
      "TextType",
      "Integer",
      "Decimal",
      "Bool",
      "DateType",
      "Duration",
      "Enum",
    ],
    description: {
      en: `a type (such as ${enAlternatives([quoteEn("TextType"), quoteEn("Integer"), quoteEn("DateType")])})`,
      zh: `类型（如${quoteZh("TextType")}${quoteZh("Integer")}${quoteZh("DateType")}）`,
    },
  },
  {
    members: ["Day", "Week", "Month", "Quarter", "Year"],
    description: {
      en: `a unit (${enAlternatives(units.map((u) => `\`${u.en[1] ?? u.name}\``))})`,
      zh: `单位（${units.map((u) => u.zh[0] ?? u.name).join("、")}）`,
    },
  },
  {
    members: ["Every", "EveryWeek", "EveryMonth", "EveryQuarter", "EveryYear"],
    description: { en: quoteEn("Every"), zh: everyZh },
  },
  {
    members: ["As", "AsAt"],
    description: { en: `\`${firstEn("As")} ${firstEn("At")}\``, zh: quoteZh("AsAt") },
  },
  {
    members: ["Identifier", "AnyKeyword"],
    description: { en: "a name", zh: "名称" },
  },
];

function describeOne(name: string): Description {
  return tokenDescriptions[name] ?? quoteKeyword(name);
}

function joinAlternatives(items: readonly Description[]): Description {
  const en = items.map((d) => d.en);
  const zh = items.map((d) => d.zh);
  const last = en.length - 1;
  return {
    en: en.length <= 1 ? (en[0] ?? "something else") : `${en.slice(0, last).join(", ")} or ${en[last]}`,
    zh: zh.length === 0 ? "其他内容" : zh.join("或"),
  };
}

export function describeExpected(expected: readonly string[]): Description {
  let remaining = [...new Set(expected)];
  const parts: Description[] = [];
  for (const group of groups) {
    // A group stands for its members when most of them are expected (an expression may start
    // with a dozen tokens; naming them all would not help).
    const present = group.members.filter((m) => remaining.includes(m));
    const needed = group.members.length > 6 ? 4 : group.members.length;
    if (present.length >= needed) {
      parts.push(group.description);
      const covered = group.members.length > 6 ? group.members.concat(expressionStarts) : group.members;
      remaining = remaining.filter((m) => !covered.includes(m));
    }
  }
  if (remaining.length > 6) {
    return joinAlternatives([...parts, { en: "another keyword", zh: "其他关键字" }]);
  }
  return joinAlternatives([...parts, ...remaining.map(describeOne)]);
}

const expressionStarts = [
  "Any",
  "All",
  "Sum",
  "Min",
  "Max",
  "Latest",
  "Earliest",
  "TextType",
  "Year",
  "Month",
  "Quarter",
  "Week",
  "Day",
];

function describeFound(token: IToken, language: "en" | "zh"): string {
  if (token.tokenType.name === "EOF") return language === "en" ? "the end of the file" : "文件结尾";
  return language === "en" ? `'${token.image}'` : `“${token.image}”`;
}

// ---------------------------------------------------------------------------------------------
// Did you mean

/** Keyword spellings close to `word`, best first, among the keywords named in `candidates`. */
export function suggestKeywords(word: string, candidates: readonly string[]): string[] {
  const length = [...word].length;
  const latin = [...word].every((ch) => ch.charCodeAt(0) < 0x80);
  // Short Latin words match too much by chance; a two-character Chinese word is a real word.
  const allowed = latin ? (length <= 2 ? 0 : length <= 5 ? 1 : 2) : length <= 1 ? 0 : length <= 3 ? 1 : 2;
  if (allowed === 0) return [];
  const scored: { spelling: string; distance: number }[] = [];
  for (const name of new Set(candidates)) {
    const k = spellingByName.get(name);
    if (!k) continue;
    for (const spelling of [...k.en, ...k.zh]) {
      if (spelling === word) continue;
      const distance = editDistance(word.toLowerCase(), spelling);
      if (distance <= allowed && distance < [...spelling].length) scored.push({ spelling, distance });
    }
  }
  scored.sort((a, b) => a.distance - b.distance || a.spelling.localeCompare(b.spelling));
  return [...new Set(scored.map((s) => s.spelling))].slice(0, 3);
}

// ---------------------------------------------------------------------------------------------

export interface RecognitionError {
  readonly message: string;
  readonly token: IToken;
  readonly previousToken: IToken | undefined;
}

/** The optional parts of a rule's head, and the tokens that may follow them. */
const ruleHeadParts = ["Must", "Should", "May", "Cites", "For", "Let", "Holder"];
const ruleBodyStarts = new Set(["Cites", "Requires", "Forbids", "Starts", "As", "AsAt"]);

const comparisonTokens = new Set(["Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual", "In"]);

/**
 * The keywords that may stand where the parser stopped: those it expected, and where the parts of
 * a rule's head may still come, those parts too (the parser names only the next required one).
 */
export function keywordCandidates(expected: readonly string[]): readonly string[] {
  return expected.some((name) => ruleBodyStarts.has(name)) ? [...expected, ...ruleHeadParts] : expected;
}

/** One diagnostic for one parser error; `fallback` locates errors at an inserted token. */
export function describeSyntaxError(error: RecognitionError, file: string, fallback: Span): Diagnostic {
  const { expected } = parsePayload(error.message);
  const token = error.token;
  const span = hasPosition(token) && token.tokenType.name !== "EOF" ? tokenSpan(token, file) : fallback;
  const previous = error.previousToken;
  if (
    comparisonTokens.has(token.tokenType.name) &&
    previous &&
    hasPosition(previous) &&
    !expected.includes(token.tokenType.name) &&
    !expected.includes("Equal")
  ) {
    return diagnostic(chainedComparison, span, { operator: token.image });
  }
  const description = describeExpected(expected);
  const after = previous && hasPosition(previous) ? previous.image : "";
  const isWord = token.tokenType.name === "Identifier" || spellingByName.has(token.tokenType.name);
  const suggestions = isWord ? suggestKeywords(token.image, keywordCandidates(expected)) : [];
  return diagnostic(
    syntaxError,
    span,
    {
      expectedEn: description.en,
      expectedZh: description.zh,
      foundEn: describeFound(token, "en"),
      foundZh: describeFound(token, "zh"),
      afterEn: after ? `'${after}'` : "",
      afterZh: after ? `“${after}”` : "",
    },
    suggestions,
  );
}
