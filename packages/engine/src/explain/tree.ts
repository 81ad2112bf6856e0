/**
 * Explanations as trees: each condition with its value, the fact values it read, and below it the
 * conditions that decided it. `and`/`or` chains split into their operands, `not` and `if` show
 * what they turned on, a definition call descends into its body (with its parameters' values),
 * a `let` read shows the let's own explanation, and an aggregate is summarised by how many
 * elements it ran over and which matched. Depth, children per node and listed elements are bounded
 * so that one explanation stays readable whatever the facts.
 *
 * Explanations are built only when a finding's explanation is read, by evaluating the conditions
 * again in the finding's context; compiled closures are cached per syntax node.
 */
import { type CheckedPolicy, childExpressions, type DefineInfo, type Expr, type Type } from "@remit/lang";
import type { Compiled, Context, ExpressionCompiler } from "../compile/expr.js";
import { jsonOf } from "../compile/json.js";
import type { Value } from "../compile/values.js";
import type { Because, JsonValue } from "../result.js";

export type SourceText = (span: Expr["span"]) => string;

export interface ExplainLimits {
  /** Levels of conditions below a rule's own (a definition's body is one level down). */
  readonly depth: number;
  /** Children shown per condition, and values per condition. */
  readonly breadth: number;
  /** Elements listed for an aggregate. */
  readonly elements: number;
}

export const defaultLimits: ExplainLimits = { depth: 4, breadth: 8, elements: 5 };

/** The `let`s visible in the frame being explained: slot → name and value. */
export type LetScope = ReadonlyMap<number, { readonly name: string; readonly value: Expr }>;

const noLets: LetScope = new Map();

/** Keys of an aggregate's summary in `values`; the renderer translates them. */
export const aggregateKeys = { elements: "elements", matching: "matching", failing: "failing" } as const;

function unwrap(expr: Expr): Expr {
  return expr.kind === "ParenExpr" ? unwrap(expr.inner) : expr;
}

/** The operands of a top-level `and`/`or` chain, or the condition itself. */
export function topLevelOperands(expr: Expr): Expr[] {
  const root = unwrap(expr);
  if (root.kind !== "BinaryExpr" || (root.operator !== "and" && root.operator !== "or")) return [root];
  const operator = root.operator;
  const out: Expr[] = [];
  const visit = (e: Expr): void => {
    const u = unwrap(e);
    if (u.kind === "BinaryExpr" && u.operator === operator) {
      visit(u.left);
      visit(u.right);
    } else out.push(u);
  };
  visit(root);
  return out;
}

/** A plain read (`t`, `f.township`, `h.venue.township`): its own value says all there is. */
function isPlainRead(expr: Expr): boolean {
  const e = unwrap(expr);
  if (e.kind === "NameExpr") return true;
  return e.kind === "MemberExpr" && isPlainRead(e.object);
}

interface Reads {
  readonly values: Map<string, Expr>;
  /** Definition calls, aggregates and lets worth a child explanation, in source order. */
  readonly children: Expr[];
}

export class ConditionExplainer {
  private readonly compiled = new Map<Expr, Compiled>();
  private readonly toJson = new Map<Expr, (value: Value) => JsonValue>();

  private readonly source: SourceText;

  constructor(
    private readonly policy: CheckedPolicy,
    private readonly compiler: ExpressionCompiler,
    source: SourceText,
    private readonly limits: ExplainLimits = defaultLimits,
  ) {
    // A condition written over several lines is shown on one.
    this.source = (span) => {
      const text = source(span);
      return text.includes("\n") ? text.replace(/\s*\n\s*/g, " ") : text;
    };
  }

  /** Each operand of a top-level `and`/`or` chain, explained. */
  operands(expr: Expr, ctx: Context, lets: LetScope = noLets): Because[] {
    return topLevelOperands(expr).map((e) => this.explain(e, ctx, lets, 0));
  }

  explain(expr: Expr, ctx: Context, lets: LetScope = noLets, depth = 0): Because {
    const e = unwrap(expr);
    const test = this.source(e.span);
    const value = this.json(e)(this.run(e, ctx));
    if (e.kind === "BinaryExpr" && (e.operator === "and" || e.operator === "or"))
      return this.node(test, value, undefined, this.children(topLevelOperands(e), ctx, lets, depth));
    if (e.kind === "UnaryExpr" && e.operator === "not")
      return this.node(test, value, undefined, this.children([e.operand], ctx, lets, depth));
    if (e.kind === "IfExpr") {
      const chosen = this.run(e.condition, ctx) === true ? e.then : e.else;
      return this.node(test, value, undefined, this.children([e.condition, chosen], ctx, lets, depth));
    }
    if (e.kind === "AggregateExpr") return this.node(test, value, this.aggregate(e, ctx), undefined);
    if (e.kind === "CallExpr" || e.kind === "NameExpr") {
      const resolution = this.compiler.resolve(e);
      if (resolution.kind === "define") {
        const info = this.policy.defines.get(resolution.key);
        if (info) return this.call(e, info, test, value, ctx, lets, depth);
      }
    }
    const reads: Reads = { values: new Map(), children: [] };
    this.collect(e, lets, new Set(), reads);
    const values: [string, JsonValue][] = [];
    for (const [path, read] of reads.values)
      if (path !== test) values.push([path, this.json(read)(this.run(read, ctx))]);
    return this.node(test, value, values, this.children(reads.children, ctx, lets, depth));
  }

  private call(
    e: Expr & { kind: "CallExpr" | "NameExpr" },
    info: DefineInfo,
    test: string,
    value: JsonValue,
    ctx: Context,
    lets: LetScope,
    depth: number,
  ): Because {
    const args = e.kind === "CallExpr" ? e.args : [];
    const argValues = args.map((a) => this.run(a, ctx));
    const values: [string, JsonValue][] = info.params.map((p, i) => [
      p.name,
      jsonOf(p.type)(argValues[i] ?? null),
    ]);
    if (depth + 1 >= this.limits.depth) return this.node(test, value, values, undefined);
    const frame = new Array<Value>(info.frameSize).fill(null);
    info.params.forEach((p, i) => {
      frame[p.slot] = argValues[i] ?? null;
    });
    const saved = ctx.frame;
    ctx.frame = frame;
    let children: Because[];
    try {
      const body = unwrap(info.body);
      const parts =
        body.kind === "BinaryExpr" && (body.operator === "and" || body.operator === "or")
          ? topLevelOperands(body)
          : [body];
      // A body that is a literal or a plain read says nothing its value does not.
      const telling = parts.filter((p) => p.kind !== "NumberLiteral" && p.kind !== "StringLiteral");
      children = telling.map((p) => this.explain(p, ctx, noLets, depth + 1));
    } finally {
      ctx.frame = saved;
    }
    // Definition calls among the arguments decide the call too (`teamClass(t)` in `f(teamClass(t))`).
    const reads: Reads = { values: new Map(), children: [] };
    for (const a of args) this.collect(a, lets, new Set(), reads);
    children.push(...reads.children.map((c) => this.explain(c, ctx, lets, depth + 1)));
    return this.node(test, value, values, this.bounded(children));
  }

  private children(
    exprs: readonly Expr[],
    ctx: Context,
    lets: LetScope,
    depth: number,
  ): Because[] | undefined {
    if (exprs.length === 0 || depth + 1 >= this.limits.depth) return undefined;
    return this.bounded(exprs.map((c) => this.explain(c, ctx, lets, depth + 1)));
  }

  private bounded(children: Because[]): Because[] {
    const max = this.limits.breadth;
    if (children.length <= max) return children;
    return [...children.slice(0, max), { test: `… +${children.length - max}`, value: null }];
  }

  private node(
    test: string,
    value: JsonValue,
    values: readonly [string, JsonValue][] | undefined,
    because: Because[] | undefined,
  ): Because {
    const shown = values?.slice(0, this.limits.breadth) ?? [];
    const out: { test: string; value: JsonValue; values?: Record<string, JsonValue>; because?: Because[] } = {
      test,
      value,
    };
    if (shown.length > 0) out.values = Object.fromEntries(shown);
    if (because !== undefined && because.length > 0) out.because = because;
    return out;
  }

  /** How many elements the aggregate ran over and which decided it, up to the element limit. */
  private aggregate(e: Expr & { kind: "AggregateExpr" }, ctx: Context): [string, JsonValue][] {
    const list = this.run(e.source, ctx) as readonly Value[] | null;
    if (list === null) return [[this.source(e.source.span), null]];
    const sourceType = this.compiler.typeOf(e.source);
    const elementJson = jsonOf(sourceType.kind === "list" ? sourceType.element : sourceType);
    const slot = this.policy.slotOf(e.variable);
    const filter = e.filter;
    const predicate = e.operator === "any" || e.operator === "all" ? e.value : undefined;
    const listed: JsonValue[] = [];
    let count = 0;
    const saved = ctx.frame[slot] ?? null;
    for (const element of list) {
      ctx.frame[slot] = element;
      if (filter && this.run(filter, ctx) !== true) continue;
      if (predicate) {
        const holds = this.run(predicate, ctx) === true;
        // `all` is decided by the elements that fail, `any` by those that hold.
        if (holds === (e.operator === "all")) continue;
      }
      count++;
      if (listed.length < this.limits.elements) listed.push(elementJson(element));
    }
    ctx.frame[slot] = saved;
    if (count > listed.length) listed.push(`… +${count - listed.length}`);
    const key = e.operator === "all" ? aggregateKeys.failing : aggregateKeys.matching;
    return [
      [aggregateKeys.elements, list.length],
      [key, listed],
    ];
  }

  /**
   * The values a leaf condition read: fields, parameters, `asOf`, the period, locals (not the
   * variables of aggregates inside it), and the value of each definition call and aggregate.
   */
  private collect(expr: Expr, lets: LetScope, bound: ReadonlySet<string>, into: Reads): void {
    const e = unwrap(expr);
    switch (e.kind) {
      case "NameExpr": {
        const resolution = this.compiler.resolve(e);
        if (resolution.kind === "param" || resolution.kind === "asOf" || resolution.kind === "period") {
          into.values.set(this.source(e.span), e);
        } else if (resolution.kind === "local" && !bound.has(e.name.name)) {
          into.values.set(this.source(e.span), e);
          const let_ = lets.get(resolution.slot);
          if (let_ && !isPlainRead(let_.value) && !into.children.includes(let_.value))
            into.children.push(let_.value);
        } else if (resolution.kind === "define") {
          into.values.set(this.source(e.span), e);
          into.children.push(e);
        }
        return;
      }
      case "MemberExpr": {
        const resolution = this.compiler.resolve(e);
        if (
          resolution.kind === "field" ||
          resolution.kind === "param" ||
          resolution.kind === "periodMember"
        ) {
          if (!this.readsBound(e, bound)) into.values.set(this.source(e.span), e);
          return;
        }
        this.collect(e.object, lets, bound, into);
        return;
      }
      case "CallExpr": {
        const resolution = this.compiler.resolve(e);
        if (resolution.kind === "define") {
          if (!this.readsBound(e, bound)) {
            into.values.set(this.source(e.span), e);
            into.children.push(e);
          }
          return;
        }
        for (const a of e.args) this.collect(a, lets, bound, into);
        return;
      }
      case "AggregateExpr": {
        if (!this.readsBound(e, bound)) {
          into.values.set(this.source(e.span), e);
          into.children.push(e);
        }
        return;
      }
      default:
        // Anything else is decided by what its operands read.
        for (const child of childExpressions(e)) this.collect(child, lets, bound, into);
        return;
    }
  }

  /** Whether an expression reads a variable bound by an enclosing aggregate (no single value). */
  private readsBound(expr: Expr, bound: ReadonlySet<string>): boolean {
    if (bound.size === 0) return false;
    const e = unwrap(expr);
    switch (e.kind) {
      case "NameExpr":
        return bound.has(e.name.name);
      default:
        return childExpressions(e).some((child) => this.readsBound(child, bound));
    }
  }

  /** The value of `expr` in `ctx`, as JSON. */
  valueOf(expr: Expr, ctx: Context): JsonValue {
    return this.json(expr)(this.run(expr, ctx));
  }

  private run(expr: Expr, ctx: Context): Value {
    let compiled = this.compiled.get(expr);
    if (!compiled) {
      compiled = this.compiler.compile(expr);
      this.compiled.set(expr, compiled);
    }
    return compiled(ctx);
  }

  private json(expr: Expr): (value: Value) => JsonValue {
    let toJson = this.toJson.get(expr);
    if (!toJson) {
      const type: Type = this.compiler.typeOf(expr);
      toJson = jsonOf(type);
      this.toJson.set(expr, toJson);
    }
    return toJson;
  }
}
