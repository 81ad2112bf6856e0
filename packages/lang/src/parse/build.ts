/**
 * The concrete syntax tree → the syntax tree of syntax/ast.ts. The parser recovers from errors,
 * so any part may be missing: a declaration that lacks a required part is left out (its error is
 * already reported), an optional part that is broken is left undefined.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import {
  chainedComparison,
  clauseIdAsNumber,
  expectedDeclaration,
  formerShould,
  invalidCallee,
  misplacedHeader,
  misplacedImport,
  missingModality,
  spacedRuleId,
} from "../diagnostics/scan-codes.js";
import { dateValue, stringValue } from "../scan/lexer.js";
import { hasPosition, joinSpans, tokenEnd, tokenSpan, tokenStart } from "../scan/span.js";
import {
  DateLiteral as DateToken,
  keywordTokens,
  NumberLiteral as NumberToken,
  StringLiteral as StringToken,
} from "../scan/tokens.js";
import type {
  AccountabilityRule,
  BinaryOperator,
  Cause,
  ClauseDecl,
  ClauseId,
  CollectionDecl,
  Comment,
  Deadline,
  Declaration,
  DefineDecl,
  DefineParam,
  DutyRule,
  EscalationLevel,
  EscalationRule,
  Expr,
  FieldDecl,
  Grouping,
  Identifier,
  Import,
  LetBinding,
  ModalityNode,
  Module,
  NumberLiteral,
  ParamDecl,
  PauseClause,
  PolicyHeader,
  QualifiedName,
  RecordDecl,
  RuleId,
  Span,
  StringLiteral,
  Subject,
  TypeDecl,
  TypeExpr,
} from "../syntax/ast.js";
import {
  aggregateKeywords,
  declarationKeywords,
  durationUnitKeywords,
  formerShouldSpelling,
  keywords,
  modalityKeywords,
  periodUnitKeywords,
  primitiveTypeKeywords,
  readerLanguageKeywords,
  recurrenceKeywords,
  valuesByToken,
} from "../syntax/keywords.js";
import type {
  AccountabilityRuleCstNode,
  AdditiveCstNode,
  AggregateCstNode,
  AndExprCstNode,
  CallArgsCstNode,
  CauseCstNode,
  ClauseDeclCstNode,
  CollectionDeclCstNode,
  CompareCstNode,
  DeadlineCstNode,
  DeclarationCstNode,
  DefineDeclCstNode,
  DefineParamCstNode,
  DutyRuleCstNode,
  EscalationRuleCstNode,
  ExprCstNode,
  FieldBlockCstNode,
  FieldCstNode,
  HeaderCstNode,
  ImportDeclCstNode,
  LetBindingCstNode,
  LevelCstNode,
  ModuleCstNode,
  MultiplicativeCstNode,
  NameCstNode,
  NotExprCstNode,
  ParamDeclCstNode,
  PauseCstNode,
  PostfixCstNode,
  PrimaryCstNode,
  QualifiedCstNode,
  RecordDeclCstNode,
  RuleIdCstNode,
  StrayCstNode,
  SubjectCstNode,
  TypeDeclCstNode,
  TypeExprCstNode,
  UnaryCstNode,
} from "./cst.generated.js";
import { suggestKeywords } from "./messages.js";

/** A required part is missing; the enclosing declaration is left out. */
class Incomplete extends Error {}

function isToken(element: CstElement): element is IToken {
  // Tokens have a type, nodes a name: cheaper than `in`, which walks the prototype chain.
  return (element as Partial<IToken>).tokenType !== undefined;
}

// Labels of a node type of cst.generated.ts: a misspelt label, or a token read as a node, does
// not compile.
type LabelOf<N extends CstNode> = keyof N["children"] & string;
type ElementAt<N extends CstNode, L extends LabelOf<N>> =
  NonNullable<N["children"][L]> extends readonly (infer E)[] ? E : never;
type TokenLabel<N extends CstNode> = {
  [L in LabelOf<N>]: IToken extends ElementAt<N, L> ? L : never;
}[LabelOf<N>];
type NodeLabel<N extends CstNode> = {
  [L in LabelOf<N>]: ElementAt<N, L> extends CstNode ? L : never;
}[LabelOf<N>];
type NodeAt<N extends CstNode, L extends LabelOf<N>> = Extract<ElementAt<N, L>, CstNode>;

const noElements: CstElement[] = [];

/** The node's first child in label order (the declaration rule has exactly one). */
function firstElement<N extends CstNode>(node: N): ElementAt<N, LabelOf<N>> | undefined {
  const children = node.children;
  for (const label in children) {
    const first = children[label]?.[0];
    if (first !== undefined) return first as ElementAt<N, LabelOf<N>>;
  }
  return undefined;
}

/** The index of the last token that starts at or before `offset` (tokens are in source order). */
function lastStartingAtOrBefore(tokens: readonly IToken[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if ((tokens[middle] as IToken).startOffset <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function rangeByWalking(node: CstNode): TokenRange | null {
  const first = firstToken(node);
  const last = lastToken(node);
  return first !== undefined && last !== undefined ? { first, last } : null;
}

/** The node's token with the lowest offset (recovery inserts tokens with no position: skipped). */
function firstToken(node: CstNode): IToken | undefined {
  let first: IToken | undefined;
  const children = node.children;
  for (const label in children) {
    const elements = children[label] as CstElement[];
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i] as CstElement;
      const token = isToken(element) ? (hasPosition(element) ? element : undefined) : firstToken(element);
      if (token === undefined) continue;
      if (first === undefined || token.startOffset < first.startOffset) first = token;
      break;
    }
  }
  return first;
}

/** The node's token with the highest offset. */
function lastToken(node: CstNode): IToken | undefined {
  let last: IToken | undefined;
  const children = node.children;
  for (const label in children) {
    const elements = children[label] as CstElement[];
    for (let i = elements.length - 1; i >= 0; i--) {
      const element = elements[i] as CstElement;
      const token = isToken(element) ? (hasPosition(element) ? element : undefined) : lastToken(element);
      if (token === undefined) continue;
      if (last === undefined || token.startOffset > last.startOffset) last = token;
      break;
    }
  }
  return last;
}

interface TokenRange {
  readonly first: IToken;
  readonly last: IToken;
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Incomplete();
  return value;
}

const binaryOperators: Readonly<Record<string, BinaryOperator>> = {
  Or: "or",
  And: "and",
  Equal: "=",
  NotEqual: "!=",
  Less: "<",
  LessEqual: "<=",
  Greater: ">",
  GreaterEqual: ">=",
  In: "in",
  Plus: "+",
  Minus: "-",
  Star: "*",
  Slash: "/",
};

// The syntax tree's values of keyword tokens, from the keyword table.
const durationUnits = valuesByToken(durationUnitKeywords);
/** `every quarter` (the unit's token) and `每季度` (one token). */
const periodUnits = new Map([...valuesByToken(periodUnitKeywords), ...valuesByToken(recurrenceKeywords)]);
const primitiveTypes = valuesByToken(primitiveTypeKeywords);
const aggregateOperators = valuesByToken(aggregateKeywords);
const modalities = valuesByToken(modalityKeywords);
const readerLanguages = valuesByToken(readerLanguageKeywords);

const comparisonTokens = new Set(["Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual", "In"]);
const allKeywordNames: readonly string[] = keywords.map((k) => k.name);
const declarationKeywordNames = declarationKeywords.map((k) => k.name);

export interface BuildInput {
  readonly cst: ModuleCstNode;
  readonly text: string;
  readonly file: string;
  readonly comments: readonly Comment[];
  /** The tokens the parser read, in source order. */
  readonly tokens: readonly IToken[];
  /** Offsets of the tokens at which the parser reported errors. */
  readonly errorOffsets: readonly number[];
}

export function buildModule(input: BuildInput): { module: Module; diagnostics: Diagnostic[] } {
  const builder = new Builder(input);
  return builder.module();
}

class Builder {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly file: string;
  private formerShouldReported = false;

  constructor(private readonly input: BuildInput) {
    this.file = input.file;
  }

  // -------------------------------------------------------------------------------------------
  // CST access

  // These run for every node of the concrete tree: plain loops, no intermediate arrays.

  private children<N extends CstNode>(node: N | undefined, label: LabelOf<N>): readonly CstElement[] {
    return (node?.children[label] as CstElement[] | undefined) ?? noElements;
  }

  private tokens<N extends CstNode>(node: N | undefined, label: TokenLabel<N>): IToken[] {
    const elements = this.children(node, label);
    const tokens: IToken[] = [];
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i] as CstElement;
      if (isToken(element) && hasPosition(element)) tokens.push(element);
    }
    return tokens;
  }

  private token<N extends CstNode>(node: N | undefined, label: TokenLabel<N>): IToken | undefined {
    const elements = this.children(node, label);
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i] as CstElement;
      if (isToken(element) && hasPosition(element)) return element;
    }
    return undefined;
  }

  private nodes<N extends CstNode, L extends NodeLabel<N>>(node: N | undefined, label: L): NodeAt<N, L>[] {
    const elements = this.children(node, label);
    const nodes: NodeAt<N, L>[] = [];
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i] as CstElement;
      if (!isToken(element)) nodes.push(element as NodeAt<N, L>);
    }
    return nodes;
  }

  private node<N extends CstNode, L extends NodeLabel<N>>(
    node: N | undefined,
    label: L,
  ): NodeAt<N, L> | undefined {
    const elements = this.children(node, label);
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i] as CstElement;
      if (!isToken(element)) return element as NodeAt<N, L>;
    }
    return undefined;
  }

  /**
   * First and last token of a node, or null when it holds none. The parser records each node's
   * offsets (tokens that recovery inserted have none); the tokens are found by offset.
   */
  private range(node: CstNode): TokenRange | null {
    const location = node.location;
    if (location === undefined) return rangeByWalking(node);
    const start = location.startOffset;
    const end = location.endOffset;
    if (Number.isNaN(start) || end === undefined || Number.isNaN(end)) return null;
    const tokens = this.input.tokens;
    const first = tokens[lastStartingAtOrBefore(tokens, start)];
    const last = tokens[lastStartingAtOrBefore(tokens, end)];
    if (first === undefined || last === undefined || first.startOffset !== start) return rangeByWalking(node);
    return { first, last };
  }

  private spanOf(node: CstNode): Span {
    const r = required(this.range(node) ?? undefined);
    return { file: this.file, start: tokenStart(r.first), end: tokenEnd(r.last) };
  }

  /** Whether a syntax error lies in the node, or at the token right after it (which ended it). */
  private hasErrorWithin(node: CstNode): boolean {
    const r = this.range(node);
    if (!r) return true;
    const tokens = this.input.tokens;
    const next = tokens[lastStartingAtOrBefore(tokens, r.last.startOffset) + 1];
    const end = next ? next.startOffset : r.last.startOffset + r.last.image.length;
    return this.input.errorOffsets.some((offset) => offset >= r.first.startOffset && offset <= end);
  }

  private tokenSpan(token: IToken): Span {
    return tokenSpan(token, this.file);
  }

  // -------------------------------------------------------------------------------------------
  // Module

  module(): { module: Module; diagnostics: Diagnostic[] } {
    const root = this.input.cst;
    const elements = (["header", "importDecl", "declaration", "stray"] as const)
      .flatMap((label) => this.nodes(root, label))
      .map((node) => ({ node, range: this.range(node) }))
      .filter((e): e is { node: typeof e.node; range: TokenRange } => e.range !== null)
      .sort((a, b) => a.range.first.startOffset - b.range.first.startOffset);

    let header: PolicyHeader | undefined;
    const imports: Import[] = [];
    const declarations: Declaration[] = [];
    let seenAnything = false;
    let seenDeclaration = false;
    let previousStart = 0;
    for (const { node, range } of elements) {
      const start = range.first.startOffset;
      switch (node.name) {
        case "header": {
          if (seenAnything) this.report(misplacedHeader, this.tokenSpan(range.first), {});
          const built = this.attempt(() => this.header(node));
          if (built && !header) header = built;
          seenAnything = true;
          break;
        }
        case "importDecl": {
          if (seenDeclaration) this.report(misplacedImport, this.tokenSpan(range.first), {});
          const built = this.attempt(() => this.importDecl(node));
          if (built) imports.push(built);
          seenAnything = true;
          break;
        }
        case "declaration": {
          const built = this.attempt(() => this.declaration(node));
          if (built) declarations.push(built);
          seenAnything = true;
          seenDeclaration = true;
          break;
        }
        default:
          this.stray(node, previousStart);
      }
      previousStart = start;
    }
    const end = positionAtEnd(this.input.text);
    const module: Module = {
      kind: "Module",
      file: this.file,
      header,
      imports,
      declarations,
      comments: [...this.input.comments],
      span: { file: this.file, start: { offset: 0, line: 1, column: 1 }, end },
    };
    return { module, diagnostics: this.diagnostics };
  }

  private report<Args extends Record<string, string>>(
    definition: Parameters<typeof diagnostic<Args>>[0],
    span: Span,
    args: Args,
    suggestions: readonly string[] = [],
  ): void {
    this.diagnostics.push(diagnostic(definition, span, args, suggestions));
  }

  private attempt<T>(build: () => T): T | undefined {
    try {
      return build();
    } catch (error) {
      if (error instanceof Incomplete) return undefined;
      throw error;
    }
  }

  /**
   * Tokens between declarations: silent when they are the rest of a declaration that failed.
   * A word that starts a line and looks like a misspelt declaration keyword (`dutty`) is reported
   * too, since it was most likely meant to start a declaration.
   */
  private stray(node: StrayCstNode, previousStart: number): void {
    const tokens = this.tokens(node, "NotDeclarationStart");
    const first = tokens[0];
    if (!first) return;
    this.strayStart(first, previousStart);
    for (let i = 1; i < tokens.length; i++) {
      const token = tokens[i];
      const before = tokens[i - 1];
      if (!token || !before || token.tokenType.name !== "Identifier" || token.startLine === before.startLine)
        continue;
      const suggestions = suggestKeywords(token.image, declarationKeywordNames);
      if (suggestions.length > 0) {
        this.report(expectedDeclaration, this.tokenSpan(token), { text: token.image }, suggestions);
      }
    }
  }

  private strayStart(first: IToken, previousStart: number): void {
    const followsError = this.input.errorOffsets.some(
      (offset) => offset >= previousStart && offset <= first.startOffset,
    );
    if (followsError) return;
    const span = this.tokenSpan(first);
    if (comparisonTokens.has(first.tokenType.name)) {
      this.report(chainedComparison, span, { operator: first.image });
      return;
    }
    const isWord = first.tokenType.name === "Identifier" || allKeywordNames.includes(first.tokenType.name);
    const suggestions = isWord ? suggestKeywords(first.image, allKeywordNames) : [];
    this.report(expectedDeclaration, span, { text: first.image }, suggestions);
  }

  private header(node: HeaderCstNode): PolicyHeader {
    const warning = this.node(node, "warning");
    const effective = this.token(node, "effective");
    const rollOver = this.token(node, "rollOver");
    const readers = this.token(node, "readers");
    return {
      kind: "PolicyHeader",
      name: this.string(required(this.token(node, "name"))),
      version: this.optionalString(this.token(node, "version")),
      source: this.optionalString(this.token(node, "source")),
      effective: effective
        ? { kind: "DateLiteral", value: dateValue(effective.image), span: this.tokenSpan(effective) }
        : undefined,
      warning: warning ? this.optional(() => this.expr(warning)) : undefined,
      calendar: this.optionalString(this.token(node, "calendar")),
      rollOver: rollOver ? { span: this.tokenSpan(rollOver) } : undefined,
      grouping: this.grouping(node),
      readers: readers
        ? {
            kind: "Readers",
            language: required(readerLanguages.get(readers.tokenType.name)),
            span: this.tokenSpan(readers),
          }
        : undefined,
      span: this.spanOf(node),
    };
  }

  private grouping(node: HeaderCstNode): Grouping | undefined {
    const keyword = this.token(node, "Group");
    const collection = this.token(node, "groupBy");
    if (keyword === undefined || collection === undefined) return undefined;
    const others = this.token(node, "others");
    const last = others ?? collection;
    return {
      kind: "Grouping",
      collection: this.identifier(collection),
      others: this.optionalString(others),
      span: { file: this.file, start: tokenStart(keyword), end: tokenEnd(last) },
    };
  }

  private importDecl(node: ImportDeclCstNode): Import {
    return {
      kind: "Import",
      path: this.string(required(this.token(node, "path"))),
      alias: this.identifier(required(this.token(node, "alias"))),
      span: this.spanOf(node),
    };
  }

  private declaration(node: DeclarationCstNode): Declaration {
    const inner = required(firstElement(node));
    switch (inner.name) {
      case "clauseDecl":
        return this.clauseDecl(inner);
      case "paramDecl":
        return this.paramDecl(inner);
      case "typeDecl":
        return this.typeDecl(inner);
      case "collectionDecl":
        return this.collectionDecl(inner);
      case "recordDecl":
        return this.recordDecl(inner);
      case "defineDecl":
        return this.defineDecl(inner);
      case "dutyRule":
        return this.dutyRule(inner);
      case "escalationRule":
        return this.escalationRule(inner);
      case "accountabilityRule":
        return this.accountabilityRule(inner);
      default:
        // Every declaration rule of the grammar is handled above.
        inner satisfies never;
        throw new Incomplete();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Leaves

  private identifier(token: IToken): Identifier {
    return { kind: "Identifier", name: token.image, span: this.tokenSpan(token) };
  }

  /** A `name` node: an identifier or a keyword read as a name. */
  private name(node: NameCstNode | undefined): Identifier {
    const token = required(this.token(node, "Identifier") ?? this.token(node, "AnyKeyword"));
    return this.identifier(token);
  }

  private string(token: IToken): StringLiteral {
    return { kind: "StringLiteral", value: stringValue(token.image), span: this.tokenSpan(token) };
  }

  private optionalString(token: IToken | undefined): StringLiteral | undefined {
    return token ? this.string(token) : undefined;
  }

  private clauseId(token: IToken): ClauseId {
    return { kind: "ClauseId", id: token.image, span: this.tokenSpan(token) };
  }

  private qualified(node: QualifiedCstNode): QualifiedName {
    const parts = [
      this.identifier(required(this.token(node, "part"))),
      ...this.nodes(node, "rest").map((n) => this.name(n)),
    ];
    return { kind: "QualifiedName", parts, span: this.spanOf(node) };
  }

  private optional<T>(build: () => T): T | undefined {
    return this.attempt(build);
  }

  // -------------------------------------------------------------------------------------------
  // Declarations

  private clauseDecl(node: ClauseDeclCstNode): ClauseDecl {
    return {
      kind: "ClauseDecl",
      id: this.clauseId(required(this.token(node, "id"))),
      title: this.string(required(this.token(node, "title"))),
      text: this.optionalString(this.token(node, "text")),
      origin: "code",
      span: this.spanOf(node),
    };
  }

  private paramDecl(node: ParamDeclCstNode): ParamDecl {
    return {
      kind: "ParamDecl",
      name: this.identifier(required(this.token(node, "name"))),
      type: this.typeExpr(required(this.node(node, "type"))),
      default: this.expr(required(this.node(node, "default"))),
      description: this.optionalString(this.token(node, "description")),
      span: this.spanOf(node),
    };
  }

  private typeDecl(node: TypeDeclCstNode): TypeDecl {
    return {
      kind: "TypeDecl",
      name: this.identifier(required(this.token(node, "name"))),
      type: this.typeExpr(required(this.node(node, "type"))),
      span: this.spanOf(node),
    };
  }

  private fields(node: FieldBlockCstNode | undefined): FieldDecl[] {
    const block = required(node);
    return this.nodes(block, "field").flatMap((f) => {
      const built = this.attempt(() => this.field(f));
      return built ? [built] : [];
    });
  }

  private collectionDecl(node: CollectionDeclCstNode): CollectionDecl {
    const since = this.node(node, "since");
    return {
      kind: "CollectionDecl",
      name: this.identifier(required(this.token(node, "name"))),
      label: this.optionalString(this.token(node, "label")),
      optional: this.token(node, "optional") !== undefined,
      since: since ? this.name(since) : undefined,
      named: this.nodes(node, "named").map((n) => this.name(n)),
      fields: this.fields(this.node(node, "fieldBlock")),
      span: this.spanOf(node),
    };
  }

  private recordDecl(node: RecordDeclCstNode): RecordDecl {
    return {
      kind: "RecordDecl",
      name: this.identifier(required(this.token(node, "name"))),
      label: this.optionalString(this.token(node, "label")),
      fields: this.fields(this.node(node, "fieldBlock")),
      span: this.spanOf(node),
    };
  }

  private field(node: FieldCstNode): FieldDecl {
    const name = this.name(this.node(node, "name"));
    const type = this.node(node, "type");
    const label = this.optionalString(this.token(node, "label"));
    if (type) {
      return {
        kind: "FieldDecl",
        name,
        type: this.typeExpr(type),
        reference: undefined,
        label,
        span: this.spanOf(node),
      };
    }
    const arrow = required(this.token(node, "Arrow"));
    const target = this.qualified(required(this.node(node, "target")));
    const as = this.name(this.node(node, "as"));
    return {
      kind: "FieldDecl",
      name,
      type: undefined,
      reference: {
        kind: "ReferenceSpec",
        target,
        as,
        optional: this.tokens(node, "Optional").length > 0,
        span: joinSpans(this.tokenSpan(arrow), as.span),
      },
      label,
      span: this.spanOf(node),
    };
  }

  private typeExpr(node: TypeExprCstNode): TypeExpr {
    const span = this.spanOf(node);
    const inner = this.node(node, "inner");
    if (this.token(node, "Optional")) {
      return { kind: "OptionalType", inner: this.typeExpr(required(inner)), span };
    }
    if (this.token(node, "List")) {
      return { kind: "ListType", element: this.typeExpr(required(inner)), span };
    }
    const primitive = this.token(node, "primitive");
    if (primitive) {
      const unit = this.node(node, "unit");
      return {
        kind: "PrimitiveType",
        name: required(primitiveTypes.get(primitive.tokenType.name)),
        unit: unit ? this.name(unit) : undefined,
        planned: this.token(node, "Planned") !== undefined,
        span,
      };
    }
    if (this.token(node, "Enum")) {
      return { kind: "EnumType", values: this.tokens(node, "value").map((t) => this.string(t)), span };
    }
    if (this.token(node, "Record")) {
      return { kind: "RecordType", fields: this.fields(this.node(node, "fieldBlock")), span };
    }
    const named = required(this.node(node, "named"));
    return { kind: "NamedType", name: this.qualified(named), span };
  }

  private defineDecl(node: DefineDeclCstNode): DefineDecl {
    const returnType = this.node(node, "returnType");
    return {
      kind: "DefineDecl",
      name: this.identifier(required(this.token(node, "name"))),
      params: this.nodes(node, "defineParam").map((p) => this.defineParam(p)),
      returnType: returnType ? this.typeExpr(returnType) : undefined,
      label: this.optionalString(this.token(node, "label")),
      body: this.expr(required(this.node(node, "body"))),
      span: this.spanOf(node),
    };
  }

  private defineParam(node: DefineParamCstNode): DefineParam {
    return {
      kind: "DefineParam",
      name: this.identifier(required(this.token(node, "name"))),
      type: this.typeExpr(required(this.node(node, "type"))),
      span: this.spanOf(node),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Rules

  private ruleId(node: RuleIdCstNode): RuleId {
    const parts = this.nodes(node, "part").map((p) => required(this.range(p) ?? undefined).first);
    const all = [...parts, ...this.tokens(node, "dash")].sort((a, b) => a.startOffset - b.startOffset);
    const first = required(all[0]);
    const last = required(all[all.length - 1]);
    const span = joinSpans(this.tokenSpan(first), this.tokenSpan(last));
    const text = parts.map((p) => p.image).join("-");
    const adjacent = all.every(
      (t, i) => i === 0 || t.startOffset === (all[i - 1]?.startOffset ?? 0) + (all[i - 1]?.image.length ?? 0),
    );
    if (!adjacent) {
      this.report(spacedRuleId, span, { text: this.input.text.slice(span.start.offset, span.end.offset) });
    }
    return { kind: "RuleId", text, span };
  }

  private ruleCommon(rule: DutyRuleCstNode | EscalationRuleCstNode | AccountabilityRuleCstNode) {
    const head = required(this.node(rule, "ruleHead"));
    const id = this.ruleId(required(this.node(head, "ruleId")));
    const modalityNode = this.node(head, "modality");
    let modality: ModalityNode | undefined;
    const modalityToken = this.token(modalityNode, "value");
    if (modalityToken) {
      if (modalityToken.image === formerShouldSpelling && !this.formerShouldReported) {
        // Once per file: it tells of the change, it does not ask for every 应当 to be rewritten.
        this.formerShouldReported = true;
        this.report(formerShould, this.tokenSpan(modalityToken), { word: modalityToken.image });
      }
      const not = this.token(modalityNode, "not");
      modality = {
        kind: "Modality",
        value: not ? "mustNot" : required(modalities.get(modalityToken.tokenType.name)),
        span: not
          ? joinSpans(this.tokenSpan(modalityToken), this.tokenSpan(not))
          : this.tokenSpan(modalityToken),
      };
    } else if (!this.hasErrorWithin(rule)) {
      this.report(missingModality, id.span, { rule: id.text });
    }
    const holder = this.node(head, "holder");
    const subject = this.node(head, "subject");
    return {
      id,
      title: this.string(required(this.token(head, "title"))),
      modality,
      cites: this.tokens(head, "cites").map((t) => this.clauseId(t)),
      subject: subject ? this.optional(() => this.subject(subject)) : undefined,
      lets: this.nodes(head, "letBinding").flatMap((l) => {
        const built = this.optional(() => this.letBinding(l));
        return built ? [built] : [];
      }),
      holder: holder ? this.optional(() => this.expr(holder)) : undefined,
      span: this.spanOf(rule),
    };
  }

  private subject(node: SubjectCstNode): Subject {
    const record = this.token(node, "record");
    if (record) {
      const name = this.identifier(record);
      return {
        kind: "Subject",
        variable: undefined,
        source: { kind: "NameExpr", name, span: name.span },
        filter: undefined,
        span: this.spanOf(node),
      };
    }
    const filter = this.node(node, "filter");
    return {
      kind: "Subject",
      variable: this.identifier(required(this.token(node, "variable"))),
      source: this.expr(required(this.node(node, "source"))),
      filter: filter ? this.expr(filter) : undefined,
      span: this.spanOf(node),
    };
  }

  private letBinding(node: LetBindingCstNode): LetBinding {
    return {
      kind: "LetBinding",
      name: this.identifier(required(this.token(node, "name"))),
      value: this.expr(required(this.node(node, "value"))),
      span: this.spanOf(node),
    };
  }

  private optionalExpr(node: ExprCstNode | undefined): Expr | undefined {
    return node ? this.optional(() => this.expr(node)) : undefined;
  }

  private dutyRule(node: DutyRuleCstNode): DutyRule {
    const deadline = this.node(node, "deadline");
    return {
      kind: "DutyRule",
      ...this.ruleCommon(node),
      requirement: this.optionalExpr(this.node(node, "requirement")),
      forbidden: this.optionalExpr(this.node(node, "forbidden")),
      deadline: deadline ? this.optional(() => this.deadline(deadline)) : undefined,
    };
  }

  private pause(node: PauseCstNode): PauseClause {
    const variable = this.token(node, "variable");
    const source = this.node(node, "source");
    return {
      kind: "PauseClause",
      from: this.expr(required(this.node(node, "from"))),
      to: this.expr(required(this.node(node, "to"))),
      variable: variable ? this.identifier(variable) : undefined,
      source: source ? this.expr(source) : undefined,
      span: this.spanOf(node),
    };
  }

  private deadline(node: DeadlineCstNode): Deadline {
    const span = this.spanOf(node);
    if (this.token(node, "By")) {
      return { kind: "ByDeadline", date: this.expr(required(this.node(node, "date"))), span };
    }
    if (this.token(node, "Within")) {
      return {
        kind: "WithinDeadline",
        duration: this.expr(required(this.node(node, "duration"))),
        from: this.expr(required(this.node(node, "from"))),
        pauses: this.nodes(node, "pause").map((pause) => this.pause(pause)),
        span,
      };
    }
    const recurrence = required(this.node(node, "recurrence"));
    const unitToken = required(this.token(recurrence, "unit") ?? this.token(recurrence, "every"));
    const afterEnd = this.node(node, "afterEnd");
    return {
      kind: "RecurringDeadline",
      unit: this.token(recurrence, "half") ? "halfYear" : required(periodUnits.get(unitToken.tokenType.name)),
      from: this.expr(required(this.node(node, "from"))),
      until: this.optionalExpr(this.node(node, "until")),
      afterEnd: afterEnd ? this.optionalExpr(this.node(afterEnd, "duration")) : undefined,
      span,
    };
  }

  private escalationRule(node: EscalationRuleCstNode): EscalationRule {
    return {
      kind: "EscalationRule",
      ...this.ruleCommon(node),
      start: this.optionalExpr(this.node(node, "start")),
      levels: this.nodes(node, "level").flatMap((l) => {
        const built = this.optional(() => this.level(l));
        return built ? [built] : [];
      }),
      closes: this.optionalExpr(this.node(node, "closes")),
      overdueAfter: this.optionalExpr(this.node(node, "overdueAfter")),
    };
  }

  private level(node: LevelCstNode): EscalationLevel {
    return {
      kind: "EscalationLevel",
      name: this.identifier(required(this.token(node, "name"))),
      label: this.optionalString(this.token(node, "label")),
      after: this.optionalExpr(this.node(node, "after")),
      when: this.optionalExpr(this.node(node, "when")),
      holder: this.optionalExpr(this.node(node, "holder")),
      span: this.spanOf(node),
    };
  }

  private accountabilityRule(node: AccountabilityRuleCstNode): AccountabilityRule {
    const causes = this.nodes(node, "cause").flatMap((c) => {
      const built = this.optional(() => this.cause(c));
      return built ? [built] : [];
    });
    let targets: readonly Expr[] = this.exprs(this.nodes(node, "targets"));
    // Whitespace is insignificant, so the last `targets` list of a rule is the rule's own: a list
    // after the last cause's condition belongs to that cause only when the rule's list follows it.
    const last = causes.at(-1);
    if (targets.length === 0 && last !== undefined && last.targets.length > 0) {
      targets = last.targets;
      causes[causes.length - 1] = { ...last, targets: [], span: joinSpans(last.span, last.condition.span) };
    }
    return {
      kind: "AccountabilityRule",
      ...this.ruleCommon(node),
      asAt: this.optionalExpr(this.node(node, "asAt")),
      causes,
      targets,
    };
  }

  private cause(node: CauseCstNode): Cause {
    return {
      kind: "Cause",
      label: this.string(required(this.token(node, "label"))),
      condition: this.expr(required(this.node(node, "condition"))),
      targets: this.exprs(this.nodes(node, "targets")),
      span: this.spanOf(node),
    };
  }

  /** The expressions that built, skipping those lost to a syntax error. */
  private exprs(nodes: readonly ExprCstNode[]): Expr[] {
    return nodes.flatMap((t) => {
      const built = this.optionalExpr(t);
      return built ? [built] : [];
    });
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  expr(node: ExprCstNode): Expr {
    const body = this.node(node, "body");
    if (body) return this.binaryChain(body, this.andOperand);
    return {
      kind: "IfExpr",
      condition: this.expr(required(this.node(node, "condition"))),
      // biome-ignore lint/suspicious/noThenProperty: the syntax tree names the branch `then`
      then: this.expr(required(this.node(node, "then"))),
      else: this.expr(required(this.node(node, "else"))),
      span: this.spanOf(node),
    };
  }

  // The operand readers of each precedence level, made once rather than as closures per call.
  private readonly andOperand = (node: AndExprCstNode): Expr => this.binaryChain(node, this.notOperand);
  private readonly notOperand = (node: NotExprCstNode): Expr => this.notExpr(node);
  private readonly additiveOperand = (node: AdditiveCstNode): Expr =>
    this.binaryChain(node, this.multiplicativeOperand);
  private readonly multiplicativeOperand = (node: MultiplicativeCstNode): Expr =>
    this.binaryChain(node, this.unaryOperand);
  private readonly unaryOperand = (node: UnaryCstNode): Expr => this.unary(node);

  /** `operand { op operand }`, folded to the left. */
  private binaryChain<Operand extends CstNode>(
    node: CstNode & { readonly children: { readonly operand: Operand[]; readonly op?: IToken[] } },
    operand: (node: Operand) => Expr,
  ): Expr {
    // Most chains are a lone operand (`a` is an `or` of one `and` of one …): no arrays for those.
    const elements: Operand[] | undefined = node.children.operand;
    if (node.children.op === undefined && elements !== undefined && elements.length === 1) {
      const only = elements[0];
      if (only !== undefined && !isToken(only)) return operand(only);
    }
    const operands = (elements ?? []).filter((element) => !isToken(element));
    const operators = this.tokens(node, "op");
    let left = operand(required(operands[0]));
    for (let i = 0; i < operators.length; i++) {
      const op = required(operators[i]);
      const right = operand(required(operands[i + 1]));
      left = {
        kind: "BinaryExpr",
        operator: required(binaryOperators[op.tokenType.name]),
        left,
        right,
        span: joinSpans(left.span, right.span),
      };
    }
    return left;
  }

  private notExpr(node: NotExprCstNode): Expr {
    const op = this.token(node, "op");
    if (op) {
      const operand = this.notExpr(required(this.node(node, "operand")));
      return {
        kind: "UnaryExpr",
        operator: "not",
        operand,
        span: joinSpans(this.tokenSpan(op), operand.span),
      };
    }
    return this.compare(required(this.node(node, "body")));
  }

  private compare(node: CompareCstNode): Expr {
    const compared = this.binaryChain(node, this.additiveOperand);
    const isSet = this.token(node, "isSet");
    const isMissing = this.token(node, "isMissing");
    const test = isSet ?? isMissing;
    if (!test) return compared;
    return {
      kind: "IsSetExpr",
      operand: compared,
      negated: isMissing !== undefined,
      span: joinSpans(compared.span, this.tokenSpan(test)),
    };
  }

  private unary(node: UnaryCstNode): Expr {
    const op = this.token(node, "op");
    if (op) {
      const operand = this.unary(required(this.node(node, "operand")));
      return { kind: "UnaryExpr", operator: "-", operand, span: joinSpans(this.tokenSpan(op), operand.span) };
    }
    return this.postfix(required(this.node(node, "body")));
  }

  private postfix(node: PostfixCstNode): Expr {
    let result = this.primary(required(this.node(node, "primary")));
    for (const member of this.nodes(node, "member")) {
      const property = this.name(this.node(member, "name"));
      const call = this.node(member, "callArgs");
      const span = joinSpans(result.span, this.spanOf(member));
      if (!call) {
        result = { kind: "MemberExpr", object: result, property, span };
        continue;
      }
      const path = namePath(result);
      if (!path) this.report(invalidCallee, span, {});
      const parts = [...(path ?? []), property];
      result = {
        kind: "CallExpr",
        callee: { kind: "QualifiedName", parts, span: joinSpans(required(parts[0]).span, property.span) },
        args: this.args(call),
        span,
      };
    }
    return result;
  }

  private args(node: CallArgsCstNode): Expr[] {
    return this.nodes(node, "arg").map((a) => this.expr(a));
  }

  /**
   * A list's elements in source order: the lone literals the grammar keeps as tokens (`literal`)
   * merged with the expressions (`element`) by their offsets.
   */
  private listElements(node: PrimaryCstNode): Expr[] {
    const literals = this.tokens(node, "literal");
    const expressions = this.nodes(node, "element");
    const elements: Expr[] = [];
    let next = 0;
    for (const expression of expressions) {
      const start = firstToken(expression)?.startOffset ?? Number.POSITIVE_INFINITY;
      while (next < literals.length && literals[next]!.startOffset < start)
        elements.push(this.literal(literals[next++]!));
      elements.push(this.expr(expression));
    }
    while (next < literals.length) elements.push(this.literal(literals[next++]!));
    return elements;
  }

  /** A literal kept as a list's own token: a number, a text, a date, `true`, `false` or `none`. */
  private literal(token: IToken): Expr {
    const span = this.tokenSpan(token);
    switch (token.tokenType) {
      case NumberToken:
        return this.numberLiteral(token, span);
      case StringToken:
        return this.string(token);
      case DateToken:
        return { kind: "DateLiteral", value: token.image, span };
      case keywordTokens.True:
        return { kind: "BoolLiteral", value: true, span };
      case keywordTokens.False:
        return { kind: "BoolLiteral", value: false, span };
      default:
        return { kind: "NoneLiteral", span };
    }
  }

  private numberLiteral(token: IToken, span: Span): NumberLiteral {
    const raw = token.image;
    if ((raw.match(/\./g)?.length ?? 0) >= 2)
      this.report(clauseIdAsNumber, this.tokenSpan(token), { text: raw });
    return { kind: "NumberLiteral", value: Number.parseFloat(raw), raw, span };
  }

  private primary(node: PrimaryCstNode): Expr {
    const span = this.spanOf(node);
    const number = this.token(node, "number");
    if (number) {
      const literal = this.numberLiteral(number, span);
      const value = literal.value;
      const unitNode = this.node(node, "unit");
      const unitToken = this.token(unitNode, "unit");
      if (unitToken) {
        return {
          kind: "DurationLiteral",
          amount: value,
          unit: this.token(unitNode, "working")
            ? "workingDay"
            : required(durationUnits.get(unitToken.tokenType.name)),
          span,
        };
      }
      return literal;
    }
    const string = this.token(node, "string");
    if (string) return this.string(string);
    const date = this.token(node, "date");
    if (date) return { kind: "DateLiteral", value: dateValue(date.image), span };
    if (this.token(node, "true")) return { kind: "BoolLiteral", value: true, span };
    if (this.token(node, "false")) return { kind: "BoolLiteral", value: false, span };
    if (this.token(node, "none")) return { kind: "NoneLiteral", span };
    if (this.token(node, "list")) return { kind: "ListLiteral", elements: this.listElements(node), span };
    const aggregate = this.node(node, "aggregate");
    if (aggregate) return this.aggregate(aggregate);
    const name = this.token(node, "name") ?? this.token(node, "builtin");
    if (name) {
      const identifier = this.identifier(name);
      const call = this.node(node, "callArgs");
      if (!call) return { kind: "NameExpr", name: identifier, span };
      return {
        kind: "CallExpr",
        callee: { kind: "QualifiedName", parts: [identifier], span: identifier.span },
        args: this.args(call),
        span,
      };
    }
    const inner = required(this.node(node, "inner"));
    return { kind: "ParenExpr", inner: this.expr(inner), span };
  }

  private aggregate(node: AggregateCstNode): Expr {
    const op = required(this.token(node, "op"));
    const filter = this.node(node, "filter");
    const value = this.node(node, "value");
    return {
      kind: "AggregateExpr",
      operator: required(aggregateOperators.get(op.tokenType.name)),
      variable: this.identifier(required(this.token(node, "variable"))),
      source: this.expr(required(this.node(node, "source"))),
      filter: filter ? this.expr(filter) : undefined,
      value: value ? this.expr(value) : undefined,
      span: this.spanOf(node),
    };
  }
}

/** The names of `a.b.c` when the expression is only names; undefined otherwise. */
function namePath(expr: Expr): Identifier[] | undefined {
  if (expr.kind === "NameExpr") return [expr.name];
  if (expr.kind === "MemberExpr") {
    const inner = namePath(expr.object);
    return inner ? [...inner, expr.property] : undefined;
  }
  return undefined;
}

function positionAtEnd(text: string) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: text.length, line, column: text.length - lineStart + 1 };
}
