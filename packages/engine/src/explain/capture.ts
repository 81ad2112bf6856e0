/**
 * Explanations are captured only for decided findings and only at the top level of a condition:
 * an `and`/`or` chain splits into its operands, and each operand records its value and the fact
 * values it reads (member chains such as `h.listedOn`, parameters). Aggregate and definition
 * bodies are not entered: their local variables have no single value.
 */
import type { Expr, Span } from "@remit/lang";
import type { Compiled, Context, ExpressionCompiler } from "../compile/expr.js";
import { jsonOf } from "../compile/json.js";
import type { Value } from "../compile/values.js";
import type { Because, JsonValue } from "../result.js";

export type SourceText = (span: Span) => string;

export interface ConditionCapture {
  readonly test: string;
  readonly evaluate: Compiled;
  readonly toJson: (value: Value) => JsonValue;
  readonly reads: readonly {
    readonly path: string;
    readonly read: Compiled;
    readonly toJson: (value: Value) => JsonValue;
  }[];
}

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

function collectReads(
  expr: Expr,
  compiler: ExpressionCompiler,
  out: Map<string, Expr>,
  source: SourceText,
): void {
  switch (expr.kind) {
    case "MemberExpr": {
      const resolution = compiler.resolve(expr);
      if (resolution.kind === "field" || resolution.kind === "param") {
        out.set(source(expr.span), expr);
        return;
      }
      collectReads(expr.object, compiler, out, source);
      return;
    }
    case "NameExpr": {
      const resolution = compiler.resolve(expr);
      if (resolution.kind === "param" || resolution.kind === "asOf") out.set(source(expr.span), expr);
      return;
    }
    case "CallExpr":
      for (const a of expr.args) collectReads(a, compiler, out, source);
      return;
    case "AggregateExpr":
      collectReads(expr.source, compiler, out, source);
      return;
    case "BinaryExpr":
      collectReads(expr.left, compiler, out, source);
      collectReads(expr.right, compiler, out, source);
      return;
    case "UnaryExpr":
      collectReads(expr.operand, compiler, out, source);
      return;
    case "IsSetExpr":
      collectReads(expr.operand, compiler, out, source);
      return;
    case "ParenExpr":
      collectReads(expr.inner, compiler, out, source);
      return;
    case "IfExpr":
      collectReads(expr.condition, compiler, out, source);
      collectReads(expr.then, compiler, out, source);
      collectReads(expr.else, compiler, out, source);
      return;
    case "ListLiteral":
      for (const e of expr.elements) collectReads(e, compiler, out, source);
      return;
    default:
      return;
  }
}

export function captureCondition(
  expr: Expr,
  compiler: ExpressionCompiler,
  source: SourceText,
): ConditionCapture {
  const reads = new Map<string, Expr>();
  collectReads(expr, compiler, reads, source);
  return {
    test: source(expr.span),
    evaluate: compiler.compile(expr),
    toJson: jsonOf(compiler.typeOf(expr)),
    reads: [...reads].map(([path, e]) => ({
      path,
      read: compiler.compile(e),
      toJson: jsonOf(compiler.typeOf(e)),
    })),
  };
}

export function captureOperands(
  expr: Expr,
  compiler: ExpressionCompiler,
  source: SourceText,
): ConditionCapture[] {
  return topLevelOperands(expr).map((e) => captureCondition(e, compiler, source));
}

export function explainCondition(capture: ConditionCapture, ctx: Context): Because {
  const value = capture.toJson(capture.evaluate(ctx));
  if (capture.reads.length === 0) return { test: capture.test, value };
  const entries: [string, JsonValue][] = [];
  for (const r of capture.reads) if (r.path !== capture.test) entries.push([r.path, r.toJson(r.read(ctx))]);
  const values: Record<string, JsonValue> = Object.fromEntries(entries);
  return Object.keys(values).length === 0
    ? { test: capture.test, value }
    : { test: capture.test, value, values };
}
