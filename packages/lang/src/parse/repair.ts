/**
 * Repairs for the syntax mistakes people make most, tried where the parser stopped: the tokens are
 * mended the way the author meant, one diagnostic says what was wrong, and the file is parsed
 * again. Without them the parser skips to the next declaration, and every part of the rule after
 * the mistake is reported missing although it is there (`rule cites no clause`, `names no
 * holder`, `has no deadline`).
 *
 * - a keyword glued to the next word (`属于群众举报`, `对每个`, `依据1`, `自r`, `mustnot`): split
 *   apart;
 * - `for x in …` without `each`: `each` inserted;
 * - `如果`, `若`, `if` or `when` where a rule's condition on the elements is `where`: read as it;
 * - a comparison where a declaration's `=` goes (`param d: date >= 2026-06-30`): read as `=`;
 * - a duty's deadline written after its modality as a sentence (`必须 在 期限 以内 自 h.发现日期`,
 *   `must within limit of h.foundOn`): moved to its own place after `requires …`;
 * - the parts of a rule out of order (`对于` before `依据`): put in order.
 *
 * Repaired tokens keep their positions in the text, so spans stay right.
 */
import type { IToken, TokenType } from "chevrotain";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import {
  clauseOrder,
  conditionKeyword,
  deadlineAfterModality,
  keywordGlued,
  missingEach,
  syntaxError,
} from "../diagnostics/scan-codes.js";
import { synthetic } from "../scan/lexer.js";
import { hasPosition, tokenSpan } from "../scan/span.js";
import { Equal, Identifier, keywordBySpelling, keywordTokens, NumberLiteral } from "../scan/tokens.js";
import { declarationKeywords, type KeywordName, keywordsByName } from "../syntax/keywords.js";
import { keywordCandidates } from "./messages.js";

export interface Repair {
  /** The tokens to parse instead. */
  readonly tokens: IToken[];
  readonly diagnostic: Diagnostic;
}

/** Where the parser stopped, and the token types it would have accepted there. */
export interface Stop {
  readonly token: IToken;
  readonly expected: readonly string[];
}

/** The first repair among `stops` (the tokens the parser stopped at), if one applies. */
export function repairAt(
  tokens: readonly IToken[],
  stops: readonly Stop[],
  file: string,
): Repair | undefined {
  for (const { token: errorToken, expected } of stops) {
    if (!hasPosition(errorToken)) continue;
    const index = tokens.indexOf(errorToken);
    if (index < 0) continue;
    const repair =
      splitGlued(tokens, index, file, keywordCandidates(expected)) ??
      splitGluedVariable(tokens, index, file) ??
      insertEach(tokens, index, file) ??
      conditionWord(tokens, index, file) ??
      deadlineAfterModalityAt(tokens, index, file) ??
      comparisonForEqual(tokens, index, file, expected);
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

type Spellings = readonly (readonly [string, GluedPieces])[];

const byLength = (a: readonly [string, GluedPieces], b: readonly [string, GluedPieces]) =>
  b[0].length - a[0].length;

const gluableSpellings: Spellings = [
  ...gluedPhrases,
  ...[...keywordBySpelling]
    .filter(([spelling]) => [...spelling].length >= 2 && /^\p{Script=Han}+$/u.test(spelling))
    .map(([spelling, type]): [string, GluedPieces] => [spelling, [[type.name as KeywordName, spelling]]]),
].sort(byLength);

/** The one-word spellings of the keywords `names`, each a piece of its own. */
function spellingsOf(names: readonly string[]): Spellings {
  return [...new Set(names)]
    .flatMap((name) => {
      const keyword = keywordsByName[name as KeywordName] as (typeof keywordsByName)[KeywordName] | undefined;
      if (keyword === undefined) return [];
      return [...keyword.en, ...keyword.zh]
        .filter((spelling) => !spelling.includes(" "))
        .map((spelling): [string, GluedPieces] => [spelling, [[keyword.name as KeywordName, spelling]]]);
    })
    .sort(byLength);
}

const everySpelling: Spellings = spellingsOf(Object.keys(keywordsByName));

/** The spelling a keyword is shown with, in the language of `like`. */
function spellingLike(name: KeywordName, like: string): string {
  const keyword = keywordsByName[name];
  return (/^[a-z]/i.test(like) ? keyword.en[0] : keyword.zh[0]) ?? name;
}

interface GluedSplit {
  readonly pieces: readonly (readonly [type: TokenType, image: string])[];
  /** The words as they should have been written. */
  readonly words: readonly string[];
}

const numberShape = /^\d+(?:\.\d+)*$/;

/**
 * `word` split into the keywords glued at its start and what follows them, if it starts with one:
 * first with one of `leading` (the keywords that may stand there), then with Chinese keywords of
 * two characters or more. A Latin keyword is split off only before a number or another keyword
 * (`mustnot`, `within7`): before letters it is most likely the start of a name.
 */
function splitWord(word: string, leading: Spellings): GluedSplit | undefined {
  const pieces: [TokenType, string][] = [];
  const words: string[] = [];
  let rest = word;
  for (let spellings = [...leading, ...gluableSpellings]; ; spellings = [...gluableSpellings]) {
    // A keyword alone would have been read as the keyword; a phrase alone is still two.
    const prefix = spellings.find(([spelling, keywords]) => {
      if (!rest.startsWith(spelling) || (rest === spelling && keywords.length === 1)) return false;
      const after = rest.slice(spelling.length);
      return !/^[a-z]/i.test(spelling) || numberShape.test(after) || keywordBySpelling.has(after);
    });
    if (!prefix) break;
    for (const [name, image] of prefix[1]) {
      pieces.push([keywordTokens[name], image]);
      words.push(spellingLike(name, image));
    }
    rest = rest.slice(prefix[0].length);
  }
  if (pieces.length === 0) return undefined;
  if (rest !== "") {
    pieces.push([numberShape.test(rest) ? NumberLiteral : (keywordBySpelling.get(rest) ?? Identifier), rest]);
    words.push(rest);
  }
  return { pieces, words };
}

/**
 * The words `glued` should have been written as (`必须依据` → `必须 依据`, `自r` → `自 r`), when it
 * starts with a keyword: what `remit fmt --fix` writes for a keyword-glued diagnostic.
 */
export function gluedWords(glued: string): readonly string[] | undefined {
  return splitWord(glued, everySpelling)?.words;
}

function splitGlued(
  tokens: readonly IToken[],
  index: number,
  file: string,
  expected: readonly string[],
): Repair | undefined {
  const glued = tokens[index] as IToken;
  if (glued.tokenType !== Identifier) return undefined;
  const split = splitWord(glued.image, spellingsOf(expected));
  if (split === undefined) return undefined;
  let offset = 0;
  const pieces = split.pieces.map(([type, image]) => {
    const piece = synthetic(type, image, glued, offset);
    offset += image.length;
    return piece;
  });
  return {
    tokens: [...tokens.slice(0, index), ...pieces, ...tokens.slice(index + 1)],
    diagnostic: diagnostic(keywordGlued, tokenSpan(glued, file), {
      text: glued.image,
      fixed: split.words.join(" "),
    }),
  };
}

/** `对于 每个r 属于 …`: the variable glued to `每个`, found where the parser stopped at `属于`. */
function splitGluedVariable(tokens: readonly IToken[], index: number, file: string): Repair | undefined {
  if ((tokens[index] as IToken).tokenType !== keywordTokens.In) return undefined;
  if (tokens[index - 2]?.tokenType !== keywordTokens.For) return undefined;
  return splitGlued(tokens, index - 1, file, ["Each"]);
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
// `如果` / `if` for `满足` / `where`

/** Words for "if" that people write where a rule's condition on the elements is `where`. */
const conditionWords = new Set(["如果", "若", "假如", "当", "if", "when"]);

/** `for each r in requests if r.unclear`: read as `where`. */
function conditionWord(tokens: readonly IToken[], index: number, file: string): Repair | undefined {
  const word = tokens[index] as IToken;
  if (!conditionWords.has(word.image.toLowerCase())) return undefined;
  if (tokens[index - 1]?.tokenType !== Identifier || tokens[index - 2]?.tokenType !== keywordTokens.In)
    return undefined;
  const where = spellingLike("Where", word.image);
  return {
    tokens: [
      ...tokens.slice(0, index),
      synthetic(keywordTokens.Where, word.image, word, 0),
      ...tokens.slice(index + 1),
    ],
    diagnostic: diagnostic(conditionKeyword, tokenSpan(word, file), { text: word.image, where }),
  };
}

// ---------------------------------------------------------------------------------------------
// A duty's deadline written as a sentence after its modality

const modalities = new Set(["Must", "MustNot", "Should", "May"]);
/** Words a sentence puts before its deadline (`在 期限 以内`), which the language leaves out. */
const deadlineFillers = new Set(["在", "于", "须在", "应在"]);

/**
 * `必须 在 期限 以内 自 h.发现日期`, `must within limit of h.foundOn`: the rest of the modality's
 * line is the deadline, written as a sentence. It is moved to the end of the duty (when the duty
 * has no other deadline; otherwise dropped), in the order the language has it, so the rule is read
 * whole and the one mistake gives one message.
 */
function deadlineAfterModalityAt(tokens: readonly IToken[], index: number, file: string): Repair | undefined {
  const first = tokens[index] as IToken;
  const modality = tokens[index - 1];
  if (modality === undefined || !modalities.has(modality.tokenType.name)) return undefined;
  if (modality.endLine !== first.startLine || !inDuty(tokens, index)) return undefined;
  let lineEnd = index;
  while (lineEnd < tokens.length && (tokens[lineEnd] as IToken).startLine === first.startLine) lineEnd++;
  const sentence = tokens.slice(index, lineEnd);
  const keywordAt = sentence.findIndex(
    (t) => t.tokenType === keywordTokens.Within || t.tokenType === keywordTokens.By,
  );
  if (keywordAt < 0) return undefined;
  const keyword = sentence[keywordAt] as IToken;
  const before = sentence.slice(0, keywordAt);
  if (before[0] !== undefined && deadlineFillers.has(before[0].image)) before.shift();
  // `在 期限 以内 自 …`: what stands before `以内` is its duration, written after it.
  const deadline = [keyword, ...before, ...sentence.slice(keywordAt + 1)];
  let end = lineEnd;
  while (end < tokens.length && !declarationStarts.has((tokens[end] as IToken).tokenType.name)) end++;
  const rule = tokens.slice(lineEnd, end);
  const hasDeadline = rule.some(
    (t, i) => rankOf(t) === 7 && i > 0 && (rule[i - 1] as IToken).endLine !== t.startLine,
  );
  const moved = hasDeadline ? [] : deadline;
  const repaired = [...tokens.slice(0, index), ...rule, ...moved, ...tokens.slice(end)];
  // Tokens already moved stand where they were written no longer: a repair that changes nothing
  // would be made again and again.
  if (repaired.length === tokens.length && repaired.every((token, i) => token === tokens[i]))
    return undefined;
  const written = [...sentence].sort((a, b) => a.startOffset - b.startOffset);
  return {
    tokens: repaired,
    diagnostic: diagnostic(
      deadlineAfterModality,
      {
        file,
        start: tokenSpan(written[0] as IToken, file).start,
        end: tokenSpan(written.at(-1) as IToken, file).end,
      },
      { modality: modality.image, deadline: spelled(deadline) },
    ),
  };
}

/** Whether `tokens[index]` is in a duty (escalations and accountability rules have no deadline). */
function inDuty(tokens: readonly IToken[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const name = (tokens[i] as IToken).tokenType.name;
    if (declarationStarts.has(name)) return name === "Duty";
  }
  return false;
}

/** Tokens as written: apart where the text had them apart, together where it did not. */
function spelled(tokens: readonly IToken[]): string {
  return tokens
    .map((token, i) => {
      const previous = tokens[i - 1];
      const together =
        previous !== undefined && previous.startOffset + previous.image.length === token.startOffset;
      return `${i === 0 || together ? "" : " "}${token.image}`;
    })
    .join("");
}

// ---------------------------------------------------------------------------------------------
// A comparison where `=` goes

const comparisons = new Set(["NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual", "Colon"]);

/** `param d: date >= 2026-06-30`: the declaration's `=` written as a comparison; read as `=`. */
function comparisonForEqual(
  tokens: readonly IToken[],
  index: number,
  file: string,
  expected: readonly string[],
): Repair | undefined {
  const found = tokens[index] as IToken;
  const previous = tokens[index - 1];
  if (expected.length !== 1 || expected[0] !== "Equal" || !comparisons.has(found.tokenType.name))
    return undefined;
  return {
    tokens: [...tokens.slice(0, index), synthetic(Equal, found.image, found, 0), ...tokens.slice(index + 1)],
    diagnostic: diagnostic(syntaxError, tokenSpan(found, file), {
      expectedEn: "'='",
      expectedZh: "“=”",
      foundEn: `'${found.image}'`,
      foundZh: `“${found.image}”`,
      afterEn: previous ? `'${previous.image}'` : "",
      afterZh: previous ? `“${previous.image}”` : "",
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
