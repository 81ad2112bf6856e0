import { assertNever } from "../never.js";
import type { Expr } from "./ast.js";

/**
 * Whether `expr` is a literal: a number, text, yes/no, date, duration or `none`, or a list of
 * literals, possibly in parentheses. Its value is known without facts or parameters.
 * @example
 * ```ts
 * import { isLiteral, parse } from "@remit/lang";
 * const { module } = parse('policy "P"\nparam a: integer = (3)\nparam b: integer = a\n', "p.remit");
 * const defaults = module.declarations.map((d) => (d.kind === "ParamDecl" ? isLiteral(d.default) : undefined));
 * console.log(defaults.join(" ")); // true false
 * ```
 */
export function isLiteral(expr: Expr): boolean {
  switch (expr.kind) {
    case "NumberLiteral":
    case "StringLiteral":
    case "BoolLiteral":
    case "DateLiteral":
    case "DurationLiteral":
    case "NoneLiteral":
      return true;
    case "ParenExpr":
      return isLiteral(expr.inner);
    case "ListLiteral":
      return expr.elements.every(isLiteral);
    case "NameExpr":
    case "MemberExpr":
    case "CallExpr":
    case "UnaryExpr":
    case "BinaryExpr":
    case "IsSetExpr":
    case "IfExpr":
    case "AggregateExpr":
      return false;
    default:
      return assertNever(expr, "expression");
  }
}
