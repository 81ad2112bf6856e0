import type { IRecognitionException, IToken } from "chevrotain";
import { type Diagnostic, diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.js";
import { binaryFile, expressionTooDeep, fileTooLarge, nestingTooDeep } from "../diagnostics/scan-codes.js";
import { extractLiterate } from "../literate/extract.js";
import { tokenize } from "../scan/lexer.js";
import { advance, hasPosition, tokenSpan } from "../scan/span.js";
import { vocabulary } from "../scan/tokens.js";
import type { ClauseDecl, Declaration, Module, Position, Span } from "../syntax/ast.js";
import { buildModule } from "./build.js";
import type { ModuleCstNode } from "./cst.generated.js";
import { RemitParser } from "./grammar.js";
import { describeSyntaxError, errorMessageProvider, expectedOf } from "./messages.js";
import { repairAt, type Stop } from "./repair.js";

export interface ParseResult {
  /** Always a module: partial when the text has errors. */
  readonly module: Module;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Inputs longer than this (in UTF-16 code units) are refused rather than parsed.
 * @example
 * ```ts
 * import { maxFileLength, parse } from "@remit/lang";
 * const huge = " ".repeat(maxFileLength + 1);
 * console.log(parse(huge, "p.remit").diagnostics.map((d) => d.code).join()); // R9001
 * ```
 */
export const maxFileLength = 10 * 1024 * 1024;
/**
 * Deeper nesting of brackets or prefix operators is refused rather than risking the stack: each
 * level of parentheses costs a dozen grammar rules, and about 250 levels exhaust Node's default
 * stack. Real policies stay under ten.
 * @example
 * ```ts
 * import { maxNestingDepth, parse } from "@remit/lang";
 * const nested = (depth: number) => `policy "P"\nparam x: integer = ${"(".repeat(depth)}1${")".repeat(depth)}\n`;
 * console.log(parse(nested(maxNestingDepth - 8), "p.remit").diagnostics.length); // 0
 * console.log(parse(nested(maxNestingDepth + 1), "p.remit").diagnostics.map((d) => d.code).join()); // R9002
 * ```
 */
export const maxNestingDepth = 128;
/**
 * A chain of binary operators or field reads (`1+1+…`, `a.b.c…`) is parsed by a loop but builds a
 * tree as deep as the chain, which every later pass (checker, compiler, formatter, explanation)
 * walks recursively. So the operators, field reads, brackets and prefix operators enclosing any
 * token are limited together; about 1,500 exhaust Node's default stack in the checker.
 * @example
 * ```ts
 * import { maxExpressionDepth, parse } from "@remit/lang";
 * const sum = (terms: number) => `policy "P"\nparam x: integer = ${Array(terms).fill("1").join(" + ")}\n`;
 * console.log(parse(sum(maxExpressionDepth - 10), "p.remit").diagnostics.length); // 0
 * console.log(parse(sum(maxExpressionDepth + 2), "p.remit").diagnostics.map((d) => d.code).join()); // R9004
 * ```
 */
export const maxExpressionDepth = 512;

// One parser, reused: building it analyses the grammar, which is costly.
let sharedParser: RemitParser | undefined;
function parser(): RemitParser {
  sharedParser ??= new RemitParser(errorMessageProvider);
  return sharedParser;
}

const origin: Position = { offset: 0, line: 1, column: 1 };

function emptyModule(text: string, file: string, declarations: readonly Declaration[] = []): Module {
  return {
    kind: "Module",
    file,
    header: undefined,
    imports: [],
    declarations,
    comments: [],
    span: { file, start: origin, end: advance(origin, text) },
  };
}

function startSpan(file: string): Span {
  return { file, start: origin, end: origin };
}

/**
 * Parses a `.remit` file, or a literate `.remit.md` file (by its name). Never throws: the module
 * is partial when the text has errors, and every problem is a diagnostic.
 * @example
 * ```ts
 * import { parse } from "@remit/lang";
 * const { module, diagnostics } = parse('policy "P"\nclause 1 "hazards are listed"\nparam limit: integer = 7\n', "p.remit");
 * console.log(module.header?.name.value, module.declarations.map((d) => d.kind).join(" ")); // P ClauseDecl ParamDecl
 * console.log(diagnostics.length); // 0
 * // Never throws: a broken file gives a partial module and diagnostics.
 * const broken = parse('policy "P"\nparam x: integer = 1 1\n', "p.remit");
 * console.log(broken.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`).join()); // R2002 2:22
 * ```
 */
export function parse(text: string, file: string): ParseResult {
  if (text.length > maxFileLength) {
    return {
      module: { ...emptyModule("", file) },
      diagnostics: [
        diagnostic(fileTooLarge, startSpan(file), {
          size: String(text.length),
          limit: String(maxFileLength),
        }),
      ],
    };
  }
  if (text.includes("\u0000")) {
    return { module: emptyModule(text, file), diagnostics: [diagnostic(binaryFile, startSpan(file), {})] };
  }
  try {
    return file.endsWith(".remit.md") ? parseLiterate(text, file) : parseCode(text, text, file);
  } catch (error) {
    // A pathological input that still exhausts the stack gets the limit diagnostic.
    if (error instanceof RangeError) {
      return {
        module: emptyModule(text, file),
        diagnostics: [diagnostic(nestingTooDeep, startSpan(file), { limit: String(maxNestingDepth) })],
      };
    }
    throw error;
  }
}

function parseLiterate(text: string, file: string): ParseResult {
  const literate = extractLiterate(text, file);
  const result = parseCode(literate.code, text, file);
  const declarations = mergeByOffset(result.module.declarations, literate.clauses);
  return {
    module: { ...result.module, declarations },
    diagnostics: sortDiagnostics([...literate.diagnostics, ...result.diagnostics]),
  };
}

function mergeByOffset(code: readonly Declaration[], headings: readonly ClauseDecl[]): Declaration[] {
  return [...code, ...headings].sort((a, b) => a.span.start.offset - b.span.start.offset);
}

/** `code` is what the lexer reads; `text` is the original (for a literate file, the Markdown). */
function parseCode(code: string, text: string, file: string): ParseResult {
  const scanned = tokenize(code, file);
  const tooDeep = findTooDeep(scanned.tokens);
  if (tooDeep) {
    const limit = tooDeep.kind === "nesting" ? maxNestingDepth : maxExpressionDepth;
    const definition = tooDeep.kind === "nesting" ? nestingTooDeep : expressionTooDeep;
    return {
      module: { ...emptyModule(text, file), comments: scanned.comments },
      diagnostics: sortDiagnostics([
        ...scanned.diagnostics,
        diagnostic(definition, tokenSpan(tooDeep.token, file), { limit: String(limit) }),
      ]),
    };
  }
  // A mistake people often make is mended and the file parsed again (see `repair.ts`); each
  // round mends one, and a file has few.
  let tokens = scanned.tokens;
  let { cst, errors } = parseTokens(tokens);
  const repairs: Diagnostic[] = [];
  for (let round = 0; round < maxRepairs; round++) {
    // Where the parser stopped, and where text between declarations begins (a rule's last part
    // ends it, so a mistake after that part leaves stray text rather than a syntax error).
    const strayStarts = (cst.children.stray ?? []).flatMap((node) =>
      node.children.NotDeclarationStart.slice(0, 1),
    );
    const stops: Stop[] = [
      ...errors.map((e) => ({ token: e.token, expected: expectedOf(e.message) })),
      ...strayStarts.map((token) => ({ token, expected: [] })),
    ].sort((a, b) => a.token.startOffset - b.token.startOffset);
    const repair = repairAt(tokens, stops, file);
    if (!repair) break;
    tokens = repair.tokens;
    repairs.push(repair.diagnostic);
    ({ cst, errors } = parseTokens(tokens));
  }
  const syntaxDiagnostics = errors.map((error) => {
    const previous = (error as { previousToken?: IToken }).previousToken;
    const fallback = previous && hasPosition(previous) ? endOf(tokenSpan(previous, file)) : startSpan(file);
    return describeSyntaxError(
      { message: error.message, token: error.token, previousToken: previous },
      file,
      fallback,
    );
  });
  const built = buildModule({
    cst,
    text: code,
    file,
    comments: scanned.comments,
    // In text order: a repair may have moved the parts of a rule.
    tokens: repairs.length === 0 ? tokens : [...tokens].sort((a, b) => a.startOffset - b.startOffset),
    errorOffsets: errors.map((e) => (hasPosition(e.token) ? e.token.startOffset : Number.POSITIVE_INFINITY)),
  });
  return {
    module: { ...built.module, span: { file, start: origin, end: advance(origin, text) } },
    diagnostics: sortDiagnostics([
      ...scanned.diagnostics,
      ...repairs,
      ...syntaxDiagnostics,
      ...built.diagnostics,
    ]),
  };
}

/** At most this many mistakes are mended in one file; the rest are reported as they are. */
const maxRepairs = 20;

function parseTokens(tokens: IToken[]): { cst: ModuleCstNode; errors: IRecognitionException[] } {
  const p = parser();
  p.input = tokens;
  // What the module rule builds is described by the types generated from the grammar.
  const cst = p.module() as ModuleCstNode;
  return { cst, errors: p.errors };
}

function endOf(span: Span): Span {
  return { file: span.file, start: span.end, end: span.end };
}

const opening = new Set(["LParen", "LBracket", "LBrace"]);
const closing = new Set(["RParen", "RBracket", "RBrace"]);
/** Tokens whose grammar rule calls itself for what follows (`not not x`, `optional list …`). */
const prefix = new Set(["Not", "Minus", "Optional", "List", "If"]);
/** Binary operators and field reads: each adds a level to the tree of the chain it is in. */
const chaining = new Set([
  "Plus",
  "Star",
  "Slash",
  "Dot",
  "And",
  "Or",
  "Equal",
  "NotEqual",
  "Less",
  "LessEqual",
  "Greater",
  "GreaterEqual",
]);
/** Tokens after which `-` subtracts rather than negates. */
const operandEnd = new Set([
  "Identifier",
  "NumberLiteral",
  "StringLiteral",
  "DateLiteral",
  "True",
  "False",
  "None",
  "Set",
  "Missing",
  "Day",
  "Week",
  "Month",
  "Quarter",
  "Year",
  "RParen",
  "RBracket",
  "RBrace",
]);
/** Tokens that start a new expression at the same bracket level: the chain before them ends. */
const separators = new Set([
  "Comma",
  "Colon",
  "Arrow",
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
  "Let",
  "Must",
  "Should",
  "May",
  "Requires",
  "Holder",
  "Within",
  "Level",
  "When",
  "Cause",
  "Targets",
  "Cites",
  "Then",
  "Else",
]);

const Nesting = { Other: 0, Opening: 1, Closing: 2, Prefix: 3, Chaining: 4, Separator: 5 } as const;
type Nesting = (typeof Nesting)[keyof typeof Nesting];

/** Each token type's part in nesting, by `tokenTypeIdx`: a table lookup per token. */
const nestingByType: Nesting[] = [];
const endsOperand: boolean[] = [];
for (const type of vocabulary) {
  const index = type.tokenTypeIdx;
  if (index === undefined) continue;
  endsOperand[index] = operandEnd.has(type.name);
  nestingByType[index] = opening.has(type.name)
    ? Nesting.Opening
    : closing.has(type.name)
      ? Nesting.Closing
      : prefix.has(type.name)
        ? Nesting.Prefix
        : chaining.has(type.name)
          ? Nesting.Chaining
          : separators.has(type.name)
            ? Nesting.Separator
            : Nesting.Other;
}

interface TooDeep {
  readonly kind: "nesting" | "expression";
  readonly token: IToken;
}

/**
 * The first token past a nesting limit, if any: brackets and prefix operators against
 * {@link maxNestingDepth}; those and the chain operators of every enclosing level against
 * {@link maxExpressionDepth}. One pass, constant work per token.
 */
function findTooDeep(tokens: readonly IToken[]): TooDeep | undefined {
  let depth = 0;
  let run = 0;
  // Chain operators seen so far at each open bracket level, and their sum.
  const chains: number[] = [0];
  let chained = 0;
  let previousEndsOperand = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as IToken;
    let nesting = nestingByType[token.tokenTypeIdx] ?? Nesting.Other;
    if (nesting === Nesting.Prefix && previousEndsOperand && token.tokenType.name === "Minus")
      nesting = Nesting.Chaining;
    previousEndsOperand = endsOperand[token.tokenTypeIdx] ?? false;
    if (nesting === Nesting.Opening) {
      depth++;
      chains.push(0);
    } else if (nesting === Nesting.Closing) {
      if (chains.length > 1) {
        depth--;
        chained -= chains.pop() as number;
      }
    } else if (nesting === Nesting.Chaining) {
      chains[chains.length - 1]! += 1;
      chained++;
    } else if (nesting === Nesting.Separator) {
      chained -= chains[chains.length - 1]!;
      chains[chains.length - 1] = 0;
    }
    run = nesting === Nesting.Prefix ? run + 1 : nesting === Nesting.Opening ? run : 0;
    if (depth + run > maxNestingDepth) return { kind: "nesting", token };
    if (depth + run + chained > maxExpressionDepth) return { kind: "expression", token };
  }
  return undefined;
}
