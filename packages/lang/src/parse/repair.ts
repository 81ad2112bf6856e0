/**
 * Repairs for the syntax mistakes people make most, tried where the parser stopped: the tokens are
 * mended the way the author meant, one diagnostic says what was wrong, and the file is parsed
 * again. Without them the parser skips to the next declaration, and every part of the rule after
 * the mistake is reported missing although it is there (`rule cites no clause`, `names no
 * holder`, `has no deadline`).
 *
 * - a keyword glued to the next word (`属于群众举报`, `对每个`): split apart;
 * - `for x in …` without `each`: `each` inserted;
 * - the parts of a rule out of order (`对于` before `依据`): put in order.
 *
 * Repaired tokens keep their positions in the text, so spans stay right.
 */
import type { IToken } from "chevrotain";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import { clauseOrder, keywordGlued, missingEach } from "../diagnostics/scan-codes.js";
import { synthetic } from "../scan/lexer.js";
import { hasPosition, tokenSpan } from "../scan/span.js";
import { Identifier, keywordBySpelling, keywordTokens } from "../scan/tokens.js";
import { declarationKeywords, type KeywordName, keywordsByName } from "../syntax/keywords.js";

export interface Repair {
  /** The tokens to parse instead. */
  readonly tokens: IToken[];
  readonly diagnostic: Diagnostic;
}

/** The first repair among `errorTokens` (the tokens the parser stopped at), if one applies. */
export function repairAt(
  tokens: readonly IToken[],
  errorTokens: readonly IToken[],
  file: string,
): Repair | undefined {
  for (const errorToken of errorTokens) {
    if (!hasPosition(errorToken)) continue;
    const index = tokens.indexOf(errorToken);
    if (index < 0) continue;
    const repair = splitGlued(tokens, index, file) ?? insertEach(tokens, index, file);
    if (repair) return repair;
  }
  return reorderRules(tokens, file);
}

// ---------------------------------------------------------------------------------------------
// A keyword glued to the next word

/** A run of keywords glued into one word, and the characters each keyword takes. */
type GluedPieces = readonly (readonly [name: KeywordName, image: string])[];

/**
 * Words written for two keywords run together, as the keywords meant: `对每个` is `对于 每个`.
 * Every Chinese keyword of two characters or more is also read at the start of a word.
 */
const gluedPhrases: readonly (readonly [string, GluedPieces])[] = [
  [
    "对每个",
    [
      ["For", "对"],
      ["Each", "每个"],
    ],
  ],
];

const gluableSpellings: readonly (readonly [string, GluedPieces])[] = [
  ...gluedPhrases,
  ...[...keywordBySpelling]
    .filter(([spelling]) => [...spelling].length >= 2 && /^\p{Script=Han}+$/u.test(spelling))
    .map(([spelling, type]): [string, GluedPieces] => [spelling, [[type.name as KeywordName, spelling]]]),
].sort((a, b) => b[0].length - a[0].length);

/** The spelling a keyword is shown with, in the language of `like`. */
function spellingLike(name: KeywordName, like: string): string {
  const keyword = keywordsByName[name];
  return (/^[a-z]/i.test(like) ? keyword.en[0] : keyword.zh[0]) ?? name;
}

function splitGlued(tokens: readonly IToken[], index: number, file: string): Repair | undefined {
  const glued = tokens[index] as IToken;
  if (glued.tokenType !== Identifier) return undefined;
  const pieces: IToken[] = [];
  const words: string[] = [];
  let offset = 0;
  let rest = glued.image;
  for (;;) {
    // A keyword alone would have been read as the keyword; a phrase alone is still two.
    const prefix = gluableSpellings.find(
      ([spelling, keywords]) => rest.startsWith(spelling) && (rest !== spelling || keywords.length > 1),
    );
    if (!prefix) break;
    for (const [name, image] of prefix[1]) {
      pieces.push(synthetic(keywordTokens[name], image, glued, offset));
      words.push(spellingLike(name, image));
      offset += image.length;
    }
    rest = rest.slice(prefix[0].length);
  }
  if (pieces.length === 0) return undefined;
  if (rest !== "") {
    pieces.push(synthetic(keywordBySpelling.get(rest) ?? Identifier, rest, glued, offset));
    words.push(rest);
  }
  return {
    tokens: [...tokens.slice(0, index), ...pieces, ...tokens.slice(index + 1)],
    diagnostic: diagnostic(keywordGlued, tokenSpan(glued, file), {
      text: glued.image,
      fixed: words.join(" "),
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// `for x in …` without `each`

function insertEach(tokens: readonly IToken[], index: number, file: string): Repair | undefined {
  const inToken = tokens[index] as IToken;
  const variable = tokens[index - 1];
  const forToken = tokens[index - 2];
  if (
    inToken.tokenType !== keywordTokens.In ||
    variable?.tokenType !== Identifier ||
    forToken?.tokenType !== keywordTokens.For
  )
    return undefined;
  const eachWord = spellingLike("Each", forToken.image);
  // The inserted `each` shares the variable's position: it is never the first or last token of
  // a node, so no span starts or ends on it.
  const each = synthetic(keywordTokens.Each, eachWord, variable, 0);
  return {
    tokens: [...tokens.slice(0, index - 1), each, ...tokens.slice(index - 1)],
    diagnostic: diagnostic(missingEach, tokenSpan(variable, file), {
      variable: variable.image,
      forWord: forToken.image,
      eachWord,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The parts of a rule out of order

/** Where each part of a rule goes, by the keyword that starts it. */
const partRank: Partial<Record<KeywordName, number>> = {
  Must: 1,
  MustNot: 1,
  Should: 1,
  May: 1,
  Cites: 2,
  For: 3,
  Let: 4,
  Holder: 5,
  Requires: 6,
  Forbids: 6,
  Starts: 6,
  As: 6,
  AsAt: 6,
  By: 7,
  Within: 7,
  Every: 7,
  EveryWeek: 7,
  EveryMonth: 7,
  EveryQuarter: 7,
  EveryHalfYear: 7,
  EveryYear: 7,
  Level: 7,
  Cause: 7,
  Closes: 8,
  Targets: 8,
  Overdue: 9,
};

const ruleOrder = {
  en: "modality, cites, for, let, holder, then requires (or starts, or as at), then the deadline (or levels, or causes)",
  zh: "情态、依据、对于、令、责任主体，然后是要求（或起算、截至），最后是期限（或级别、原因）",
};

const ruleStarts = new Set<string>(["Duty", "Escalation", "Accountability"]);
const declarationStarts = new Set<string>(declarationKeywords.map((k) => k.name));

function rankOf(token: IToken): number | undefined {
  return partRank[token.tokenType.name as KeywordName];
}

/**
 * The first rule whose parts are out of order, put in order. Every rule is looked at, not only
 * those the parser stopped in: a part moved after the rule's body (`requires` before `holder`)
 * ends the rule early without a syntax error, and the rest reads as stray text.
 */
function reorderRules(tokens: readonly IToken[], file: string): Repair | undefined {
  for (let start = 0; start < tokens.length; start++) {
    const kind = (tokens[start] as IToken).tokenType.name;
    if (!ruleStarts.has(kind)) continue;
    let end = start + 1;
    while (end < tokens.length && !declarationStarts.has((tokens[end] as IToken).tokenType.name)) end++;
    const repair = reorderRule(tokens, start, end, kind === "Duty", file);
    if (repair) return repair;
    start = end - 1;
  }
  return undefined;
}

/**
 * The parts of the rule `tokens[start..end)` in order, if they are not. A duty's parts are all
 * ranked; in an escalation or accountability rule only the head's (up to `starts` or `as at`),
 * since its levels and causes hold parts of their own (`level … holder …`).
 */
function reorderRule(
  tokens: readonly IToken[],
  start: number,
  end: number,
  duty: boolean,
  file: string,
): Repair | undefined {
  // The parts: runs of tokens from a part's keyword at the start of a line to the next one.
  const parts: { readonly rank: number; readonly tokens: IToken[] }[] = [];
  const lead: IToken[] = [];
  const tail: IToken[] = [];
  for (let i = start; i < end; i++) {
    const current = tokens[i] as IToken;
    const rank = rankOf(current);
    const startsLine = i > start && (tokens[i - 1] as IToken).endLine !== current.startLine;
    if (tail.length > 0) tail.push(current);
    else if (rank !== undefined && startsLine && !duty && rank > 6) tail.push(current);
    else if (rank !== undefined && startsLine) parts.push({ rank, tokens: [current] });
    else if (parts.length > 0) parts[parts.length - 1]?.tokens.push(current);
    else lead.push(current);
  }
  const misplaced = parts.findIndex((part, i) => parts.slice(0, i).some((p) => p.rank > part.rank));
  if (misplaced < 0) return undefined;
  const part = parts[misplaced] as (typeof parts)[number];
  const after = parts.slice(0, misplaced).find((p) => p.rank > part.rank) as (typeof parts)[number];
  const ordered = [...parts].sort((a, b) => a.rank - b.rank);
  const word = part.tokens[0] as IToken;
  return {
    tokens: [
      ...tokens.slice(0, start),
      ...lead,
      ...ordered.flatMap((p) => p.tokens),
      ...tail,
      ...tokens.slice(end),
    ],
    diagnostic: diagnostic(clauseOrder, tokenSpan(word, file), {
      word: word.image,
      before: (after.tokens[0] as IToken).image,
      order: ruleOrder.en,
      orderZh: ruleOrder.zh,
    }),
  };
}
