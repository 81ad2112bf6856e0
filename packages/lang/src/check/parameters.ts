/**
 * Parameters: each declared type (a duration takes its default's measure), each default checked
 * to be a constant of that type, and the order in which defaults can be computed, each after the
 * parameters it names; a cycle among defaults is an error. Also the constant folding of duration
 * thresholds through parameters.
 */
import * as codes from "../diagnostics/check-codes.js";
import type { Expr, Identifier, ParamDecl, QualifiedName } from "../syntax/ast.js";
import { isLiteral } from "../syntax/literals.js";
import { DeclarationChecker } from "./declarations.js";
import { type Dependency, dependencyOrder, spellCycle } from "./graph.js";
import type { Type } from "./model.js";
import type { ModuleScope } from "./scope.js";
import { typeArgs, unwrapParens } from "./state.js";
import { assignable, type DurationMeasure, durationType, unitMeasure } from "./types.js";

/** The checker's second layer: parameters, on top of the declarations they are typed with. */
export abstract class ParameterChecker extends DeclarationChecker {
  readonly usedParams = new Set<string>();
  readonly paramTypes = new Map<string, Type>();
  /** The parameters each parameter's default names. */
  readonly paramDependencies = new Map<string, Dependency[]>();
  paramOrder: readonly string[] = [];

  /** Checks a literal against an enum (expression typing completes the checker). */
  abstract checkEnumValues(expected: Type, expr: Expr): void;

  declareParams(scope: ModuleScope): void {
    for (const entry of scope.declared.values()) {
      if (entry.kind !== "param") continue;
      const { decl, key } = entry;
      const declared = this.paramType(key, decl, scope);
      const defaultType = this.expr(decl.default, this.moduleContext(scope));
      const uses: Dependency[] = [];
      this.paramDependencies.set(key, uses);
      if (!this.constantUses(decl.default, uses)) {
        this.report(codes.nonConstantDefault, decl.default.span, { name: key });
      } else if (!assignable(declared, defaultType)) {
        this.report(codes.defaultTypeMismatch, decl.default.span, {
          name: key,
          ...typeArgs("expected", declared),
          ...typeArgs("found", defaultType),
        });
      } else {
        this.checkEnumValues(declared, decl.default);
      }
      this.params.set(key, {
        key,
        type: declared,
        default: decl.default,
        description: decl.description?.value,
        decl,
      });
    }
  }

  /** A parameter's declared type; a duration takes its default's measure (days or months). */
  paramType(key: string, decl: ParamDecl, scope: ModuleScope): Type {
    const known = this.paramTypes.get(key);
    if (known !== undefined) return known;
    let type = this.typeExpr(decl.type, scope);
    if (type.kind === "duration")
      type = durationType(this.constantMeasure(decl.default, scope, new Set([key])));
    this.paramTypes.set(key, type);
    return type;
  }

  constantMeasure(expr: Expr, scope: ModuleScope, visiting: Set<string>): DurationMeasure | undefined {
    const inner = unwrapParens(expr);
    if (inner.kind === "DurationLiteral") return unitMeasure(inner.unit).measure;
    if (inner.kind === "UnaryExpr") return this.constantMeasure(inner.operand, scope, visiting);
    if (inner.kind === "BinaryExpr") {
      return (
        this.constantMeasure(inner.left, scope, visiting) ??
        this.constantMeasure(inner.right, scope, visiting)
      );
    }
    const param = this.constantParam(inner, scope);
    if (param === undefined || visiting.has(param.key)) return undefined;
    visiting.add(param.key);
    return this.constantMeasure(param.decl.default, param.scope, visiting);
  }

  /** The parameter a name or `alias.name` refers to, for constant folding. */
  constantParam(
    expr: Expr,
    scope: ModuleScope,
  ): { key: string; decl: ParamDecl; scope: ModuleScope } | undefined {
    const path: Identifier[] = [];
    let current: Expr = expr;
    while (current.kind === "MemberExpr") {
      path.unshift(current.property);
      current = current.object;
    }
    if (current.kind !== "NameExpr") return undefined;
    path.unshift(current.name);
    const name: QualifiedName = { kind: "QualifiedName", parts: path, span: expr.span };
    const found = this.lookupQualified(name, scope);
    if (found === undefined || found === "broken" || found.kind !== "param") return undefined;
    return { key: found.key, decl: found.decl, scope: this.ownerScope(name, scope) };
  }

  /**
   * Whether an expression is constant (literals, lists of them, arithmetic on them and other
   * parameters); the parameters it names are added to `uses`.
   */
  constantUses(expr: Expr, uses: Dependency[]): boolean {
    if (isLiteral(expr)) return true;
    switch (expr.kind) {
      case "ListLiteral":
        return expr.elements.every((e) => this.constantUses(e, uses));
      case "ParenExpr":
        return this.constantUses(expr.inner, uses);
      case "UnaryExpr":
        return this.constantUses(expr.operand, uses);
      case "BinaryExpr":
        return this.constantUses(expr.left, uses) && this.constantUses(expr.right, uses);
      case "NameExpr":
      case "MemberExpr": {
        const resolution = this.resolutions.get(expr);
        if (resolution?.kind !== "param") return false;
        uses.push({ to: resolution.key, span: expr.span });
        return true;
      }
      default:
        return false;
    }
  }

  /**
   * Parameters in the order their defaults can be computed: each after those its default names.
   * A cycle has no such order; it is reported where it closes.
   */
  orderParams(): void {
    this.paramOrder = dependencyOrder(
      this.params.keys(),
      (key) => this.paramDependencies.get(key) ?? [],
      (cycle, closing) => this.report(codes.parameterCycle, closing.span, { cycle: spellCycle(cycle) }),
    );
  }

  /** An escalation threshold's value when it is a constant (a literal or a parameter's default). */
  constantDuration(expr: Expr, scope: ModuleScope): { amount: number; measure: DurationMeasure } | undefined {
    const seen = new Set<string>();
    let current = unwrapParens(expr);
    let owner = scope;
    for (;;) {
      if (current.kind === "DurationLiteral") {
        const { measure, factor } = unitMeasure(current.unit);
        return { amount: current.amount * factor, measure };
      }
      const param = this.constantParam(current, owner);
      if (param === undefined || seen.has(param.key)) return undefined;
      seen.add(param.key);
      current = unwrapParens(param.decl.default);
      owner = param.scope;
    }
  }
}
