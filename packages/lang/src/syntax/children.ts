/**
 * The one enumeration of a syntax node's children. Every pass that walks the tree (dependency
 * analysis, explanations, the formatter's rule layout, the exporter, the boundary finder) goes
 * through `forEachChild` or `ruleParts`, so a field or node kind added to `ast.ts` cannot be
 * skipped silently: `childKeys` below fails to compile, naming the unlisted field, until the
 * field is listed, and the switches over `RulePart` then fail until they handle it.
 */
import type { Expr, Node, Rule } from "./ast.js";

export type NodeKind = Node["kind"];

export type NodeOfKind<K extends NodeKind> = Extract<Node, { readonly kind: K }>;

/**
 * The fields of `N` that hold syntax nodes: a node, an optional node, or a list of nodes.
 * Spans, operators, names as text and flags are not children.
 */
export type ChildKey<N> = {
  [P in keyof N]-?: [Extract<NonNullable<N[P]>, Node | readonly Node[]>] extends [never] ? never : P;
}[keyof N];

/** The parts every rule has, in the order they are written. */
const ruleHead = ["id", "title", "modality", "cites", "subject", "lets", "holder"] as const;

type ChildTable = { readonly [K in NodeKind]: readonly ChildKey<NodeOfKind<K>>[] };

/** `"Kind.field"` for each node-holding field the table leaves out; never when it is complete. */
type Unlisted<T extends ChildTable> = {
  [K in NodeKind]: `${K}.${Exclude<ChildKey<NodeOfKind<K>>, T[K][number]> & string}`;
}[NodeKind];

/**
 * The table itself, accepted only when complete: a field left out fails to compile with
 * `Property 'unlisted' is missing …` naming it (`"DutyRule.unless"`).
 */
function complete<const T extends ChildTable>(
  table: T & ([Unlisted<T>] extends [never] ? unknown : { readonly unlisted: Unlisted<T> }),
): T {
  return table;
}

/**
 * Each node kind's children, in source order. For a rule this is also the canonical order of its
 * clauses: the formatter prints `ruleParts` in it.
 */
const childKeys = complete({
  Module: ["header", "imports", "declarations", "comments"],
  PolicyHeader: ["name", "version", "source", "effective", "warning", "readers", "calendar", "grouping"],
  Grouping: ["collection", "others"],
  Import: ["path", "alias"],
  ClauseDecl: ["id", "title", "text"],
  ParamDecl: ["name", "type", "default", "description"],
  TypeDecl: ["name", "type"],
  CollectionDecl: ["name", "label", "since", "named", "fields"],
  RecordDecl: ["name", "label", "fields"],
  FieldDecl: ["name", "type", "reference", "label"],
  ReferenceSpec: ["target", "as"],
  PrimitiveType: ["unit"],
  EnumType: ["values"],
  ListType: ["element"],
  OptionalType: ["inner"],
  RecordType: ["fields"],
  NamedType: ["name"],
  DefineDecl: ["name", "params", "returnType", "label", "body"],
  DefineParam: ["name", "type"],
  DutyRule: [...ruleHead, "requirement", "forbidden", "deadline"],
  EscalationRule: [...ruleHead, "start", "levels", "closes", "overdueAfter"],
  AccountabilityRule: [...ruleHead, "asAt", "causes", "targets"],
  Subject: ["variable", "source", "filter"],
  LetBinding: ["name", "value"],
  ByDeadline: ["date"],
  WithinDeadline: ["duration", "from", "pauses"],
  PauseClause: ["from", "to", "variable", "source"],
  RecurringDeadline: ["from", "until", "afterEnd"],
  EscalationLevel: ["name", "label", "after", "when", "holder"],
  Cause: ["label", "condition", "targets"],
  NumberLiteral: [],
  StringLiteral: [],
  BoolLiteral: [],
  DateLiteral: [],
  DurationLiteral: [],
  NoneLiteral: [],
  ListLiteral: ["elements"],
  NameExpr: ["name"],
  MemberExpr: ["object", "property"],
  CallExpr: ["callee", "args"],
  UnaryExpr: ["operand"],
  BinaryExpr: ["left", "right"],
  IsSetExpr: ["operand"],
  IfExpr: ["condition", "then", "else"],
  AggregateExpr: ["variable", "source", "filter", "value"],
  ParenExpr: ["inner"],
  Identifier: [],
  QualifiedName: ["parts"],
  ClauseId: [],
  RuleId: [],
  Modality: [],
  Readers: [],
  Comment: [],
});

type ChildValue = Node | readonly Node[] | undefined;

/**
 * Calls `visit` on each child of `node` in source order (list elements one by one, absent
 * optional children skipped), as TypeScript's `forEachChild` does: when `visit` returns a truthy
 * value the enumeration stops and returns it.
 * @example
 * ```ts
 * import { forEachChild, parse } from "@remit/lang";
 * const { module } = parse('policy "P"\nclause 1 "first"\nclause 2 "second"\n', "p.remit");
 * // The first clause: returning a value stops the walk.
 * const first = forEachChild(module, (child) => (child.kind === "ClauseDecl" ? child.title.value : undefined));
 * console.log(first); // first
 * ```
 */
export function forEachChild<T>(node: Node, visit: (child: Node) => T): T | undefined {
  const keys: readonly string[] = childKeys[node.kind];
  // The keys are checked against the node's type by `childKeys`; read them generically.
  const fields = node as unknown as Readonly<Record<string, ChildValue>>;
  for (const key of keys) {
    const value = fields[key];
    if (value === undefined) continue;
    if (isNodeList(value)) {
      for (const child of value) {
        const result = visit(child);
        if (result) return result;
      }
    } else {
      const result = visit(value);
      if (result) return result;
    }
  }
  return undefined;
}

function isNodeList(value: Node | readonly Node[]): value is readonly Node[] {
  return Array.isArray(value);
}

/**
 * The children of `node`, in source order.
 * @example
 * ```ts
 * import { childrenOf, parse } from "@remit/lang";
 * const { module } = parse('policy "P"\nparam limit: duration = 7 days "how long"\n', "p.remit");
 * const [param] = module.declarations;
 * if (param === undefined) throw new Error("no declaration");
 * console.log(childrenOf(param).map((child) => child.kind).join(" ")); // Identifier PrimitiveType DurationLiteral StringLiteral
 * ```
 */
export function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  forEachChild(node, (child) => {
    out.push(child);
  });
  return out;
}

const expressionKinds: Readonly<Record<Expr["kind"], true>> = {
  NumberLiteral: true,
  StringLiteral: true,
  BoolLiteral: true,
  DateLiteral: true,
  DurationLiteral: true,
  NoneLiteral: true,
  ListLiteral: true,
  NameExpr: true,
  MemberExpr: true,
  CallExpr: true,
  UnaryExpr: true,
  BinaryExpr: true,
  IsSetExpr: true,
  IfExpr: true,
  AggregateExpr: true,
  ParenExpr: true,
};

/**
 * Whether a node is an expression (a text literal used as a title or label is one too).
 * @example
 * ```ts
 * import { childrenOf, isExpression, parse } from "@remit/lang";
 * const { module } = parse('policy "P"\nparam limit: duration = 7 days "how long"\n', "p.remit");
 * const [param] = module.declarations;
 * if (param === undefined) throw new Error("no declaration");
 * console.log(childrenOf(param).map(isExpression).join(" ")); // false false true true
 * ```
 */
export function isExpression(node: Node): node is Expr {
  return Object.hasOwn(expressionKinds, node.kind);
}

/**
 * The expressions directly below `node`: its children that are expressions, in source order.
 * @example
 * ```ts
 * import { childExpressions, parse } from "@remit/lang";
 * const { module } = parse('policy "P"\nparam limit: duration = 7 days "how long"\n', "p.remit");
 * const [param] = module.declarations;
 * if (param === undefined) throw new Error("no declaration");
 * console.log(childExpressions(param).map((e) => e.kind).join(" ")); // DurationLiteral StringLiteral
 * ```
 */
export function childExpressions(node: Node): Expr[] {
  const out: Expr[] = [];
  forEachChild(node, (child) => {
    if (isExpression(child)) out.push(child);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The named parts of a rule

type PartOf<N> = {
  [P in ChildKey<N>]: { readonly name: P; readonly value: NonNullable<N[P]> };
}[ChildKey<N>];

/**
 * One written part of a rule: its field name (`subject`, `lets`, `holder`, `requirement`,
 * `deadline`, `levels`, `closes`, `overdueAfter`, `asAt`, `causes`, `targets`, …) and what it
 * holds. A switch over `name` ending in `assertNever` must handle every part of every rule kind.
 */
export type RulePart<R extends Rule = Rule> = R extends Rule ? PartOf<R> : never;

/** The name of a rule part, across every rule kind. */
export type RulePartName = RulePart["name"];

/**
 * One written part of any node: its field name and what it holds (the policy header's `version`,
 * `warning`, `grouping`, …). A switch over `name` ending in `assertNever` handles every part.
 */
export type NodePart<N extends Node> = N extends Node ? PartOf<N> : never;

/**
 * The parts a rule has as written, in source order: absent parts and empty lists are left out.
 * @example
 * ```ts
 * import { parse, ruleParts } from "@remit/lang";
 * const { module } = parse(
 *   'policy "P"\ncollection hazards { foundOn: date  listedOn: optional date }\n' +
 *     'duty listing "hazards are listed" must for each h in hazards holder "township"\n' +
 *     "  requires h.listedOn within 7 days of h.foundOn\n",
 *   "p.remit",
 * );
 * const duty = module.declarations.find((d) => d.kind === "DutyRule");
 * if (duty?.kind !== "DutyRule") throw new Error("no duty");
 * console.log(ruleParts(duty).map((part) => part.name).join(" ")); // id title modality subject holder requirement deadline
 * ```
 */
export function ruleParts<R extends Rule>(rule: R): RulePart<R>[] {
  return partsOf(rule) as unknown as RulePart<R>[];
}

/**
 * The parts a node has as written, in source order: absent parts and empty lists are left out.
 * @example
 * ```ts
 * import { parse, partsOf } from "@remit/lang";
 * const { module } = parse('policy "P" version "1.0"\n', "p.remit");
 * if (module.header === undefined) throw new Error("no header");
 * console.log(partsOf(module.header).map((part) => part.name).join(" ")); // name version
 * ```
 */
export function partsOf<N extends Node>(node: N): NodePart<N>[] {
  const keys: readonly string[] = childKeys[node.kind];
  const fields = node as unknown as Readonly<Record<string, ChildValue>>;
  const out: { name: string; value: Node | readonly Node[] }[] = [];
  for (const name of keys) {
    const value = fields[name];
    if (value === undefined || (isNodeList(value) && value.length === 0)) continue;
    out.push({ name, value });
  }
  // Each entry pairs a key of `childKeys[node.kind]` with that field's value.
  return out as unknown as NodePart<N>[];
}
