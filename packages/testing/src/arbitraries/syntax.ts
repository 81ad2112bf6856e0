/**
 * Random well-formed Remit syntax trees. Every declaration and expression form appears; names,
 * strings and comments mix English and Chinese; sizes and depths stay bounded so shrinking and
 * printing stay fast. The trees are syntactically valid, not type-checked.
 */
import type {
  AccountabilityRule,
  AggregateOperator,
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
  DurationUnit,
  DutyRule,
  EscalationLevel,
  EscalationRule,
  Expr,
  FieldDecl,
  Identifier,
  Import,
  LetBinding,
  Modality,
  Module,
  ParamDecl,
  PauseClause,
  PeriodUnit,
  PolicyHeader,
  QualifiedName,
  RecordDecl,
  RuleId,
  Span,
  StringLiteral,
  Subject,
  TypeDecl,
  TypeExpr,
} from "@remit/lang";
import { primitiveTypeNames } from "@remit/lang";
import fc from "fast-check";

export interface AstModuleOptions {
  /** The file name the module and its spans carry (default `generated.remit`). */
  readonly file?: string;
  /** Most declarations in one module (default 6). */
  readonly maxDeclarations?: number;
  /** Deepest expression nesting (default 3). */
  readonly maxDepth?: number;
  /** Whether to generate comments (default true). */
  readonly comments?: boolean;
}

/** Placeholder span; `astModule` gives every node of a top-level item its item's span. */
const nowhere: Span = {
  file: "",
  start: { offset: 0, line: 1, column: 1 },
  end: { offset: 0, line: 1, column: 1 },
};

// Name pools avoid every keyword of both languages.
const englishNames = [
  "x",
  "t",
  "h",
  "v",
  "hazards",
  "townships",
  "foundOn",
  "rectifyBy",
  "members",
  "gridDays",
  "_tmp",
  "villageCount",
  "station",
];
const chineseNames = [
  "乡镇",
  "专职消防队",
  "隐患",
  "村",
  "人员",
  "消防站",
  "网格员",
  "发现日期",
  "整改期限",
  "队员数",
];
const unitNames = ["人", "km2", "辆", "座"];

/** String characters: both scripts, full-width punctuation, and what needs escaping. */
const stringCharacters = [
  ..."abcXYZ019 -_#.",
  ..."消防队乡镇隐患整改资源县",
  ..."（）：，；＝＜＞［］｛｝“”、。",
  '"',
  "\\",
  "\n",
];
const commentCharacters = stringCharacters.filter((c) => c !== "\n");

/**
 * Random names, English and Chinese, that are not keywords.
 * @example
 * ```ts
 * import { isDeepStrictEqual } from "node:util";
 * import { formatModule, parse } from "@remit/lang";
 * import { identifier, stripSpans } from "@remit/testing";
 * import fc from "fast-check";
 * const template = parse("define total = 1\n", "t.remit").module;
 * const [define] = template.declarations;
 * if (define?.kind !== "DefineDecl") throw new Error("not a definition");
 * const run = fc.check(
 *   fc.property(identifier(), (name) => {
 *     const text = formatModule({ ...template, declarations: [{ ...define, name }] });
 *     const [back] = parse(text, "t.remit").module.declarations;
 *     return back?.kind === "DefineDecl" && isDeepStrictEqual(stripSpans(back.name), stripSpans(name));
 *   }),
 *   { seed: 1 },
 * );
 * console.log(run.failed); // false
 * ```
 */
export function identifier(): fc.Arbitrary<Identifier> {
  return fc
    .tuple(fc.constantFrom(...englishNames, ...chineseNames), fc.option(fc.nat(99), { nil: undefined }))
    .map(([base, suffix]) => ({
      kind: "Identifier",
      name: suffix === undefined ? base : `${base}${suffix}`,
      span: nowhere,
    }));
}

function qualifiedName(): fc.Arbitrary<QualifiedName> {
  return fc
    .array(identifier(), { minLength: 1, maxLength: 2 })
    .map((parts) => ({ kind: "QualifiedName", parts, span: nowhere }));
}

/**
 * Random string literals: both scripts, full-width punctuation, and characters that need escaping.
 * @example
 * ```ts
 * import { isDeepStrictEqual } from "node:util";
 * import { formatModule, parse } from "@remit/lang";
 * import { stringLiteral, stripSpans } from "@remit/testing";
 * import fc from "fast-check";
 * const template = parse("define total = 1\n", "t.remit").module;
 * const [define] = template.declarations;
 * if (define?.kind !== "DefineDecl") throw new Error("not a definition");
 * const run = fc.check(
 *   fc.property(stringLiteral(), (literal) => {
 *     const text = formatModule({ ...template, declarations: [{ ...define, body: literal }] });
 *     const [back] = parse(text, "t.remit").module.declarations;
 *     return back?.kind === "DefineDecl" && isDeepStrictEqual(stripSpans(back.body), stripSpans(literal));
 *   }),
 *   { seed: 1 },
 * );
 * console.log(run.failed); // false
 * ```
 */
export function stringLiteral(): fc.Arbitrary<StringLiteral> {
  return fc
    .string({ unit: fc.constantFrom(...stringCharacters), maxLength: 12 })
    .map((value) => ({ kind: "StringLiteral", value, span: nowhere }));
}

function clauseId(): fc.Arbitrary<ClauseId> {
  return fc
    .array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 })
    .map((parts) => ({ kind: "ClauseId", id: parts.join("."), span: nowhere }));
}

function ruleId(): fc.Arbitrary<RuleId> {
  const part = fc.constantFrom("major", "hazard", "listing", "ladder", "fire", "隐患", "督办", "x2");
  return fc
    .array(part, { minLength: 1, maxLength: 3 })
    .map((parts) => ({ kind: "RuleId", text: parts.join("-"), span: nowhere }));
}

function isoDate(): fc.Arbitrary<string> {
  return fc
    .date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10));
}

// ---------------------------------------------------------------------------------------------
// Expressions

const durationUnits: readonly DurationUnit[] = ["day", "week", "month", "quarter", "year"];
const binaryOperators: readonly BinaryOperator[] = [
  "+",
  "-",
  "*",
  "/",
  "=",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "and",
  "or",
  "in",
];
const aggregateOperators: readonly AggregateOperator[] = [
  "count",
  "any",
  "all",
  "sum",
  "min",
  "max",
  "latest",
  "earliest",
];

function leafExpr(): fc.Arbitrary<Expr> {
  const numberRaw = fc.oneof(
    fc.nat(10_000).map(String),
    fc.tuple(fc.nat(999), fc.nat(99)).map(([whole, fraction]) => `${whole}.${fraction}`),
  );
  return fc.oneof(
    numberRaw.map((raw): Expr => ({ kind: "NumberLiteral", value: Number(raw), raw, span: nowhere })),
    stringLiteral(),
    fc.boolean().map((value): Expr => ({ kind: "BoolLiteral", value, span: nowhere })),
    isoDate().map((value): Expr => ({ kind: "DateLiteral", value, span: nowhere })),
    fc
      .tuple(fc.integer({ min: 1, max: 120 }), fc.constantFrom(...durationUnits))
      .map(([amount, unit]): Expr => ({ kind: "DurationLiteral", amount, unit, span: nowhere })),
    fc.constant<Expr>({ kind: "NoneLiteral", span: nowhere }),
    identifier().map((name): Expr => ({ kind: "NameExpr", name, span: nowhere })),
  );
}

const exprCache = new Map<number, fc.Arbitrary<Expr>>();

/**
 * Expressions nested at most `depth` levels below their root.
 * @example
 * ```ts
 * import { isDeepStrictEqual } from "node:util";
 * import { formatModule, parse } from "@remit/lang";
 * import { expr, stripParens, stripSpans } from "@remit/testing";
 * import fc from "fast-check";
 * const template = parse("define total = 1\n", "t.remit").module;
 * const [define] = template.declarations;
 * if (define?.kind !== "DefineDecl") throw new Error("not a definition");
 * const run = fc.check(
 *   fc.property(expr(2), (body) => {
 *     const text = formatModule({ ...template, declarations: [{ ...define, body }] });
 *     const [back] = parse(text, "t.remit").module.declarations;
 *     return (
 *       back?.kind === "DefineDecl" &&
 *       isDeepStrictEqual(stripSpans(stripParens(back.body)), stripSpans(stripParens(body)))
 *     );
 *   }),
 *   { seed: 1 },
 * );
 * console.log(run.failed, run.numRuns); // false 100
 * ```
 */
export function expr(depth = 3): fc.Arbitrary<Expr> {
  const cached = exprCache.get(depth);
  if (cached !== undefined) return cached;
  const result = depth <= 0 ? leafExpr() : compoundExpr(depth);
  exprCache.set(depth, result);
  return result;
}

function compoundExpr(depth: number): fc.Arbitrary<Expr> {
  const sub = expr(depth - 1);
  const optionalSub = fc.option(sub, { nil: undefined });
  return fc.oneof(
    { arbitrary: leafExpr(), weight: 3 },
    fc
      .array(sub, { maxLength: 3 })
      .map((elements): Expr => ({ kind: "ListLiteral", elements, span: nowhere })),
    fc
      .tuple(sub, identifier())
      .map(([object, property]): Expr => ({ kind: "MemberExpr", object, property, span: nowhere })),
    fc
      .tuple(qualifiedName(), fc.array(sub, { maxLength: 3 }))
      .map(([callee, args]): Expr => ({ kind: "CallExpr", callee, args, span: nowhere })),
    fc
      .tuple(fc.constantFrom("not" as const, "-" as const), sub)
      .map(([operator, operand]): Expr => ({ kind: "UnaryExpr", operator, operand, span: nowhere })),
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...binaryOperators), sub, sub)
        .map(
          ([operator, left, right]): Expr => ({ kind: "BinaryExpr", operator, left, right, span: nowhere }),
        ),
      weight: 3,
    },
    fc
      .tuple(sub, fc.boolean())
      .map(([operand, negated]): Expr => ({ kind: "IsSetExpr", operand, negated, span: nowhere })),
    fc.tuple(sub, sub, sub).map(
      ([condition, then, otherwise]): Expr => ({
        kind: "IfExpr",
        condition,
        then,
        else: otherwise,
        span: nowhere,
      }),
    ),
    fc.tuple(fc.constantFrom(...aggregateOperators), identifier(), sub, optionalSub, optionalSub).map(
      ([operator, variable, source, filter, value]): Expr => ({
        kind: "AggregateExpr",
        operator,
        variable,
        source,
        filter,
        value,
        span: nowhere,
      }),
    ),
    sub.map((inner): Expr => ({ kind: "ParenExpr", inner, span: nowhere })),
  );
}

// ---------------------------------------------------------------------------------------------
// Types and fields

function unitIdentifier(): fc.Arbitrary<Identifier> {
  return fc.constantFrom(...unitNames).map((name) => ({ kind: "Identifier", name, span: nowhere }));
}

function typeExpr(depth = 2): fc.Arbitrary<TypeExpr> {
  const primitive = fc.oneof(
    fc
      .tuple(fc.constantFrom(...primitiveTypeNames), fc.option(unitIdentifier(), { nil: undefined }))
      .map(
        ([name, unit]): TypeExpr => ({ kind: "PrimitiveType", name, unit, planned: false, span: nowhere }),
      ),
    fc.constant<TypeExpr>({
      kind: "PrimitiveType",
      name: "date",
      unit: undefined,
      planned: true,
      span: nowhere,
    }),
  );
  const leaves = fc.oneof(
    { arbitrary: primitive, weight: 3 },
    fc
      .array(stringLiteral(), { minLength: 1, maxLength: 3 })
      .map((values): TypeExpr => ({ kind: "EnumType", values, span: nowhere })),
    qualifiedName().map((name): TypeExpr => ({ kind: "NamedType", name, span: nowhere })),
  );
  if (depth <= 0) return leaves;
  const sub = typeExpr(depth - 1);
  return fc.oneof(
    { arbitrary: leaves, weight: 3 },
    sub.map((element): TypeExpr => ({ kind: "ListType", element, span: nowhere })),
    sub.map((inner): TypeExpr => ({ kind: "OptionalType", inner, span: nowhere })),
    fc
      .array(field(depth - 1), { maxLength: 2 })
      .map((fields): TypeExpr => ({ kind: "RecordType", fields, span: nowhere })),
  );
}

function field(depth = 2): fc.Arbitrary<FieldDecl> {
  const typed = fc.tuple(identifier(), typeExpr(depth), option(stringLiteral())).map(
    ([name, type, label]): FieldDecl => ({
      kind: "FieldDecl",
      name,
      type,
      reference: undefined,
      label,
      span: nowhere,
    }),
  );
  const reference = fc
    .tuple(identifier(), qualifiedName(), identifier(), fc.boolean(), option(stringLiteral()))
    .map(
      ([name, target, as, optional, label]): FieldDecl => ({
        kind: "FieldDecl",
        name,
        type: undefined,
        reference: { kind: "ReferenceSpec", target, as, optional, span: nowhere },
        label,
        span: nowhere,
      }),
    );
  return fc.oneof({ arbitrary: typed, weight: 3 }, reference);
}

// ---------------------------------------------------------------------------------------------
// Declarations

function option<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { nil: undefined });
}

function clauseDecl(): fc.Arbitrary<ClauseDecl> {
  return fc.record({
    kind: fc.constant("ClauseDecl" as const),
    id: clauseId(),
    title: stringLiteral(),
    text: option(stringLiteral()),
    origin: fc.constant("code" as const),
    span: fc.constant(nowhere),
  });
}

function paramDecl(depth: number): fc.Arbitrary<ParamDecl> {
  return fc.record({
    kind: fc.constant("ParamDecl" as const),
    name: identifier(),
    type: typeExpr(1),
    default: expr(depth),
    description: option(stringLiteral()),
    span: fc.constant(nowhere),
  });
}

function typeDecl(): fc.Arbitrary<TypeDecl> {
  return fc.record({
    kind: fc.constant("TypeDecl" as const),
    name: identifier(),
    type: typeExpr(2),
    span: fc.constant(nowhere),
  });
}

function collectionDecl(): fc.Arbitrary<CollectionDecl> {
  return fc.record({
    kind: fc.constant("CollectionDecl" as const),
    name: identifier(),
    label: option(stringLiteral()),
    optional: fc.boolean(),
    since: option(identifier()),
    named: fc.array(identifier(), { maxLength: 2 }),
    fields: fc.array(field(1), { maxLength: 3 }),
    span: fc.constant(nowhere),
  });
}

function recordDecl(): fc.Arbitrary<RecordDecl> {
  return fc.record({
    kind: fc.constant("RecordDecl" as const),
    name: identifier(),
    label: option(stringLiteral()),
    fields: fc.array(field(1), { maxLength: 3 }),
    span: fc.constant(nowhere),
  });
}

function defineDecl(depth: number): fc.Arbitrary<DefineDecl> {
  const param = fc
    .tuple(identifier(), typeExpr(1))
    .map(([name, type]): DefineParam => ({ kind: "DefineParam", name, type, span: nowhere }));
  return fc.record({
    kind: fc.constant("DefineDecl" as const),
    name: identifier(),
    params: fc.array(param, { maxLength: 2 }),
    returnType: option(typeExpr(1)),
    label: option(stringLiteral()),
    body: expr(depth),
    span: fc.constant(nowhere),
  });
}

function subject(depth: number): fc.Arbitrary<Subject> {
  const each = fc
    .tuple(identifier(), expr(depth), option(expr(depth)))
    .map(
      ([variable, source, filter]): Subject => ({ kind: "Subject", variable, source, filter, span: nowhere }),
    );
  const record = identifier().map(
    (name): Subject => ({
      kind: "Subject",
      variable: undefined,
      source: { kind: "NameExpr", name, span: nowhere },
      filter: undefined,
      span: nowhere,
    }),
  );
  return fc.oneof({ arbitrary: each, weight: 3 }, record);
}

function ruleCommon(depth: number) {
  const letBinding = fc
    .tuple(identifier(), expr(depth))
    .map(([name, value]): LetBinding => ({ kind: "LetBinding", name, value, span: nowhere }));
  return fc.record({
    id: ruleId(),
    title: stringLiteral(),
    modality: fc
      .constantFrom<Modality>("must", "mustNot", "should", "may")
      .map((value) => ({ kind: "Modality" as const, value, span: nowhere })),
    cites: fc.array(clauseId(), { minLength: 1, maxLength: 3 }),
    subject: option(subject(depth)),
    lets: fc.array(letBinding, { maxLength: 2 }),
    holder: option(expr(depth)),
    span: fc.constant(nowhere),
  });
}

/** `excluding a to b`, with or without `for each c in xs`. */
function pause(depth: number): fc.Arbitrary<PauseClause> {
  const sub = expr(depth);
  return fc.tuple(sub, sub, option(fc.tuple(identifier(), sub))).map(([from, to, each]) => ({
    kind: "PauseClause" as const,
    from,
    to,
    variable: each?.[0],
    source: each?.[1],
    span: nowhere,
  }));
}

function deadline(depth: number): fc.Arbitrary<Deadline> {
  const sub = expr(depth);
  return fc.oneof(
    sub.map((date): Deadline => ({ kind: "ByDeadline", date, span: nowhere })),
    fc.tuple(sub, sub, fc.array(pause(depth), { maxLength: 2 })).map(
      ([duration, from, pauses]): Deadline => ({
        kind: "WithinDeadline",
        duration,
        from,
        pauses,
        span: nowhere,
      }),
    ),
    fc
      .tuple(
        fc.constantFrom<PeriodUnit>("week", "month", "quarter", "halfYear", "year"),
        sub,
        option(sub),
        option(sub),
      )
      .map(
        ([unit, from, until, afterEnd]): Deadline => ({
          kind: "RecurringDeadline",
          unit,
          from,
          until,
          afterEnd,
          span: nowhere,
        }),
      ),
  );
}

function dutyRule(depth: number): fc.Arbitrary<DutyRule> {
  return fc
    .tuple(ruleCommon(depth), expr(depth), option(deadline(depth)), fc.boolean())
    .map(([common, condition, due, forbids]) =>
      // `forbids` takes no deadline: the grammar has none after it.
      forbids
        ? { ...common, kind: "DutyRule", requirement: undefined, forbidden: condition, deadline: undefined }
        : { ...common, kind: "DutyRule", requirement: condition, forbidden: undefined, deadline: due },
    );
}

function escalationRule(depth: number): fc.Arbitrary<EscalationRule> {
  const level = fc
    .tuple(
      identifier(),
      option(stringLiteral()),
      fc.constantFrom("after", "when", "none"),
      expr(depth),
      option(expr(depth)),
    )
    .map(
      ([name, label, thresholdKind, threshold, holder]): EscalationLevel => ({
        kind: "EscalationLevel",
        name,
        label,
        after: thresholdKind === "after" ? threshold : undefined,
        when: thresholdKind === "when" ? threshold : undefined,
        holder,
        span: nowhere,
      }),
    );
  return fc
    .tuple(
      ruleCommon(depth),
      expr(depth),
      fc.array(level, { minLength: 1, maxLength: 3 }),
      option(expr(depth)),
      option(expr(depth)),
    )
    .map(([common, start, levels, closes, overdueAfter]) => ({
      ...common,
      kind: "EscalationRule",
      start,
      levels,
      closes,
      overdueAfter,
    }));
}

function accountabilityRule(depth: number): fc.Arbitrary<AccountabilityRule> {
  const cause = fc
    .tuple(stringLiteral(), expr(depth), fc.array(expr(depth), { maxLength: 2 }))
    .map(
      ([label, condition, targets]): Cause => ({ kind: "Cause", label, condition, targets, span: nowhere }),
    );
  return fc
    .tuple(
      ruleCommon(depth),
      expr(depth),
      fc.array(cause, { maxLength: 2 }),
      fc.array(expr(depth), { maxLength: 2 }),
    )
    .map(([common, asAt, causes, targets]) => ({
      ...common,
      kind: "AccountabilityRule",
      asAt,
      // The last `targets` list of a rule reads as the rule's own, so a last cause keeps its own
      // list only when the rule has one.
      causes:
        targets.length > 0
          ? causes
          : causes.map((c, i) => (i === causes.length - 1 ? { ...c, targets: [] } : c)),
      targets,
    }));
}

/**
 * Any one declaration, expressions at most `depth` deep.
 * @example
 * ```ts
 * import { isDeepStrictEqual } from "node:util";
 * import { formatModule, parse } from "@remit/lang";
 * import { declaration, stripParens, stripSpans } from "@remit/testing";
 * import fc from "fast-check";
 * const empty = parse("", "t.remit").module;
 * const run = fc.check(
 *   fc.property(declaration(2), (declared) => {
 *     const parsed = parse(formatModule({ ...empty, declarations: [declared] }), "t.remit");
 *     const [back] = parsed.module.declarations;
 *     return parsed.diagnostics.length === 0 && isDeepStrictEqual(stripSpans(stripParens(back)), stripSpans(stripParens(declared)));
 *   }),
 *   { seed: 1 },
 * );
 * console.log(run.failed); // false
 * ```
 */
export function declaration(depth = 3): fc.Arbitrary<Declaration> {
  return fc.oneof(
    clauseDecl(),
    paramDecl(depth),
    typeDecl(),
    collectionDecl(),
    recordDecl(),
    defineDecl(depth),
    dutyRule(depth),
    escalationRule(depth),
    accountabilityRule(depth),
  );
}

function header(depth: number): fc.Arbitrary<PolicyHeader> {
  return fc.record({
    kind: fc.constant("PolicyHeader" as const),
    name: stringLiteral(),
    version: option(stringLiteral()),
    source: option(stringLiteral()),
    effective: option(isoDate().map((value) => ({ kind: "DateLiteral" as const, value, span: nowhere }))),
    warning: option(expr(Math.min(depth, 1))),
    readers: option(
      fc
        .constantFrom("zh" as const, "en" as const)
        .map((language) => ({ kind: "Readers" as const, language, span: nowhere })),
    ),
    calendar: option(stringLiteral()),
    rollOver: option(fc.constant({ span: nowhere })),
    grouping: option(
      fc.record({
        kind: fc.constant("Grouping" as const),
        collection: identifier(),
        others: option(stringLiteral()),
        span: fc.constant(nowhere),
      }),
    ),
    span: fc.constant(nowhere),
  });
}

function importDecl(): fc.Arbitrary<Import> {
  return fc.record({
    kind: fc.constant("Import" as const),
    path: stringLiteral(),
    alias: identifier(),
    span: fc.constant(nowhere),
  });
}

// ---------------------------------------------------------------------------------------------
// Modules

/** Comments around one top-level item: some before it, maybe one at the end of its first line. */
interface ItemComments {
  readonly leading: readonly string[];
  readonly trailing: string | undefined;
}

function commentText(): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...commentCharacters), maxLength: 16 })
    .map((text) => ` ${text}`.trimEnd());
}

function itemComments(enabled: boolean): fc.Arbitrary<ItemComments> {
  if (!enabled) return fc.constant({ leading: [], trailing: undefined });
  return fc.record({
    leading: fc.array(commentText(), { maxLength: 2 }),
    trailing: option(commentText()),
  });
}

/**
 * Random well-formed modules. Spans are synthetic but ordered: every node of the k-th top-level
 * item (header, imports, declarations) starts at offset `1000·(k+1)` on line `10·(k+1)`; its
 * leading comments sit on the lines before it and its trailing comment on its first line, so the
 * formatter places them as a parser would report them.
 * @example
 * ```ts
 * import { isDeepStrictEqual } from "node:util";
 * import { formatModule, parse } from "@remit/lang";
 * import { astModule, stripParens, stripSpans } from "@remit/testing";
 * import fc from "fast-check";
 * const run = fc.check(
 *   fc.property(astModule({ maxDeclarations: 3 }), (module) => {
 *     const parsed = parse(formatModule(module), module.file);
 *     const same = (a: unknown, b: unknown) => isDeepStrictEqual(stripSpans(stripParens(a)), stripSpans(stripParens(b)));
 *     return parsed.diagnostics.length === 0 && same(parsed.module.declarations, module.declarations);
 *   }),
 *   { seed: 1, numRuns: 50 },
 * );
 * console.log(run.failed, run.numRuns); // false 50
 * ```
 */
export function astModule(options: AstModuleOptions = {}): fc.Arbitrary<Module> {
  const file = options.file ?? "generated.remit";
  const depth = options.maxDepth ?? 3;
  const withComments = options.comments ?? true;
  const items = fc.record({
    header: option(header(depth)),
    imports: fc.array(importDecl(), { maxLength: 2 }),
    declarations: fc.array(declaration(depth), { maxLength: options.maxDeclarations ?? 6 }),
  });
  return items.chain(({ header: policyHeader, imports, declarations }) => {
    const count = (policyHeader === undefined ? 0 : 1) + imports.length + declarations.length;
    return fc
      .tuple(
        fc.array(itemComments(withComments), { minLength: count, maxLength: count }),
        fc.array(commentText(), { maxLength: withComments ? 2 : 0 }),
      )
      .map(([perItem, atEnd]) => assemble(file, policyHeader, imports, declarations, perItem, atEnd));
  });
}

function assemble(
  file: string,
  policyHeader: PolicyHeader | undefined,
  imports: readonly Import[],
  declarations: readonly Declaration[],
  perItem: readonly ItemComments[],
  atEnd: readonly string[],
): Module {
  const comments: Comment[] = [];
  let index = 0;
  const place = <T>(item: T): T => {
    const k = index++;
    const offset = 1000 * (k + 1);
    const line = 10 * (k + 1);
    const own = perItem[k] ?? { leading: [], trailing: undefined };
    own.leading.forEach((text, i) => {
      comments.push(commentAt(file, text, offset - 100 + i * 10, line - own.leading.length + i));
    });
    if (own.trailing !== undefined) comments.push(commentAt(file, own.trailing, offset + 500, line));
    return withSpan(item, pointSpan(file, offset, line));
  };
  const placedHeader = policyHeader === undefined ? undefined : place(policyHeader);
  const placedImports = imports.map(place);
  const placedDeclarations = declarations.map(place);
  const endOffset = 1000 * (index + 1);
  const endLine = 10 * (index + 1);
  atEnd.forEach((text, i) => {
    comments.push(commentAt(file, text, endOffset + i * 10, endLine + i));
  });
  return {
    kind: "Module",
    file,
    header: placedHeader,
    imports: placedImports,
    declarations: placedDeclarations,
    comments,
    span: {
      file,
      start: { offset: 0, line: 1, column: 1 },
      end: { offset: endOffset + 100, line: endLine + 5, column: 1 },
    },
  };
}

function pointSpan(file: string, offset: number, line: number): Span {
  return { file, start: { offset, line, column: 1 }, end: { offset: offset + 1, line, column: 2 } };
}

function commentAt(file: string, text: string, offset: number, line: number): Comment {
  return {
    kind: "Comment",
    text,
    span: {
      file,
      start: { offset, line, column: 1 },
      end: { offset: offset + 1 + text.length, line, column: 2 + text.length },
    },
  };
}

/** A copy of `node` in which every span is `span`. */
function withSpan<T>(node: T, span: Span): T {
  if (Array.isArray(node)) return node.map((element: unknown) => withSpan(element, span)) as T;
  if (node === null || typeof node !== "object") return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = key === "span" ? span : withSpan(value, span);
  return copy as T;
}
