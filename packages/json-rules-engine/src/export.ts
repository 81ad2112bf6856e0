/**
 * Export: a checked policy as json-rules-engine rules. Each Remit rule becomes one
 * json-rules-engine rule per status it can report (`<ruleId>:<status>`), judged over one subject
 * at a time: the facts of a run are the subject's fields plus `asOf` (see `subjectFacts`).
 *
 * Remit's conditions are three-valued (`none` holds neither way) while json-rules-engine's are
 * two-valued, so every condition is translated twice over: "it is true" and "it is false"
 * (`not x` is true exactly when `x` is false). Comparisons hold only when both sides have a value;
 * parameters are inlined as constants; `let`s and definitions are inlined where they are used.
 */
import {
  type Duration,
  formatIsoDate,
  paramFromJson,
  parseDuration,
  parseIsoDate,
  resolveParams,
  type Value,
} from "@remit/engine";
import {
  type AccountabilityInfo,
  assertNever,
  type BinaryExpr,
  type CheckedPolicy,
  type Diagnostic,
  type DutyInfo,
  type EscalationInfo,
  type Expr,
  forEachChild,
  isExpression,
  type MemberExpr,
  type Node,
  negatedComparison,
  type RuleInfo,
  ruleParts,
  type Span,
  type Type,
} from "@remit/lang";
import { translateCall } from "./calls.js";
import { exportCodes, makeDiagnostic } from "./diagnostics.js";
import type {
  JreCondition,
  JreFactReference,
  JreJson,
  JreLeafCondition,
  JreRuleProperties,
  JreTopLevelCondition,
} from "./jre.js";
import {
  type Comparison,
  comparisonHolds,
  dateOperator,
  isSetOperator,
  type OperatorSpec,
  type Shift,
  shiftDay,
  textOperator,
} from "./operators.js";

export interface ExportOptions {
  /** Parameter values by key (`gridDays`, `gbt.minMembersFirstClass`); defaults otherwise. */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** The rules to run over each subject of one collection or record (or once, for the policy). */
export interface ExportedSubject {
  readonly kind: "collection" | "record" | "policy";
  readonly name: string;
  /** Names of the exported rules judged over this subject. */
  readonly rules: readonly string[];
}

export interface ExportResult {
  readonly rules: readonly JreRuleProperties[];
  /** The custom operators the rules use: install them with `registerRemitOperators`. */
  readonly operators: readonly OperatorSpec[];
  readonly subjects: readonly ExportedSubject[];
  /** One R70xx error per Remit rule that could not be exported (the others still are). */
  readonly diagnostics: readonly Diagnostic[];
}

// ---------------------------------------------------------------------------------------------
// Values and terms

export type Const =
  | { readonly k: "none" }
  | { readonly k: "bool"; readonly v: boolean }
  | { readonly k: "number"; readonly v: number }
  | { readonly k: "text"; readonly v: string }
  | { readonly k: "date"; readonly v: number }
  | { readonly k: "duration"; readonly v: Duration }
  | { readonly k: "list"; readonly v: readonly Const[] };

const none: Const = { k: "none" };

/** What a fact read stands for: a fact of the run, and a JSONPath into it for nested records. */
interface FactRef {
  readonly fact: string;
  readonly path: readonly string[];
}

type ValueKind = "bool" | "number" | "text" | "date" | "duration" | "list" | "other";

type Term =
  | { readonly t: "const"; readonly c: Const }
  | {
      readonly t: "fact";
      readonly ref: FactRef;
      readonly kind: ValueKind;
      /** An event date: hidden (none) when it lies after the as-at date. */
      readonly masked: boolean;
      /** May read as none (optional, masked or nested): comparisons then test for a value first. */
      readonly nullable: boolean;
      /** Dates only: shifts applied after reading, in order. */
      readonly shifts: readonly Shift[];
    }
  /** `if c then a else b`: comparisons and presence tests distribute over the branches. */
  | { readonly t: "if"; readonly condition: Formula; readonly whenTrue: Term; readonly whenFalse: Term };

type FactTerm = Term & { readonly t: "fact" };

type Binding = { readonly b: "subject" } | { readonly b: "expr"; readonly expr: Expr; readonly scope: Scope };

interface Scope {
  readonly bindings: Map<number, Binding>;
  /** The record a `for record` rule is about: its fields are the run's facts. */
  readonly record: string | undefined;
  /** The as-at date: the `asOf` fact, or an accountability rule's event date. */
  readonly asAt: Term;
}

/** A condition under construction: constants fold away before reaching json-rules-engine. */
type Formula = boolean | JreCondition;

class Refusal extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message.en);
  }
}

const asOfTerm: Term = {
  t: "fact",
  ref: { fact: "asOf", path: [] },
  kind: "date",
  masked: false,
  nullable: false,
  shifts: [],
};

function kindOf(type: Type): ValueKind {
  switch (type.kind) {
    case "optional":
      return kindOf(type.inner);
    case "bool":
    case "number":
    case "text":
    case "date":
    case "duration":
    case "list":
      return type.kind;
    case "enum":
      return "text";
    case "period":
    case "record":
    case "entity":
    case "none":
    case "error":
      return "other";
    default:
      return assertNever(type, "type");
  }
}

function isOptional(type: Type): boolean {
  return type.kind === "optional" || type.kind === "none";
}

function and(...parts: Formula[]): Formula {
  const out: JreCondition[] = [];
  for (const p of parts) {
    if (p === false) return false;
    if (p === true) continue;
    if ("all" in p) out.push(...p.all);
    else out.push(p);
  }
  if (out.length === 0) return true;
  return out.length === 1 ? out[0]! : { all: out };
}

function or(...parts: Formula[]): Formula {
  const out: JreCondition[] = [];
  for (const p of parts) {
    if (p === true) return true;
    if (p === false) continue;
    if ("any" in p) out.push(...p.any);
    else out.push(p);
  }
  if (out.length === 0) return false;
  return out.length === 1 ? out[0]! : { any: out };
}

function not(f: Formula): Formula {
  if (typeof f === "boolean") return !f;
  if ("not" in f) return f.not;
  return { not: f };
}

function topLevel(f: JreCondition | true): JreTopLevelCondition {
  if (f === true) return { all: [] };
  return "all" in f || "any" in f || "not" in f ? f : { all: [f] };
}

const mirrored: Readonly<Record<Comparison, Comparison>> = {
  "=": "=",
  "!=": "!=",
  "<": ">",
  "<=": ">=",
  ">": "<",
  ">=": "<=",
};
const numberOperators: Readonly<Record<Comparison, string>> = {
  "=": "equal",
  "!=": "notEqual",
  "<": "lessThan",
  "<=": "lessThanInclusive",
  ">": "greaterThan",
  ">=": "greaterThanInclusive",
};

/** Remit's comparison of two constants: null when it is none (a side is none, or no order). */
function compareConst(a: Const, op: Comparison, b: Const): boolean | null {
  if (a.k === "none" || b.k === "none") return null;
  if (op === "=" || op === "!=") {
    const equal = constEqual(a, b);
    return op === "=" ? equal : !equal;
  }
  if ((a.k === "number" && b.k === "number") || (a.k === "date" && b.k === "date"))
    return comparisonHolds(op, a.v - b.v);
  if (a.k === "text" && b.k === "text") return comparisonHolds(op, a.v < b.v ? -1 : a.v > b.v ? 1 : 0);
  if (a.k === "duration" && b.k === "duration" && a.v.unit === b.v.unit)
    return comparisonHolds(op, a.v.amount - b.v.amount);
  return null;
}

function constEqual(a: Const, b: Const): boolean {
  if (a.k === "duration" && b.k === "duration") return a.v.unit === b.v.unit && a.v.amount === b.v.amount;
  if (a.k === "list" || b.k === "list" || a.k === "none" || b.k === "none") return false;
  return a.k === b.k && a.v === b.v;
}

function constJson(c: Const): JreJson {
  switch (c.k) {
    case "none":
      return null;
    case "date":
      return formatIsoDate(c.v);
    case "duration":
      return `${c.v.amount} ${c.v.unit}s`;
    case "list":
      return c.v.map(constJson);
    case "bool":
    case "number":
    case "text":
      return c.v;
    default:
      return assertNever(c, "constant");
  }
}

function jsonPath(path: readonly string[]): string {
  return `$${path.map((p) => `[${JSON.stringify(p)}]`).join("")}`;
}

function refJson(ref: FactRef): JreFactReference {
  return ref.path.length === 0 ? { fact: ref.fact } : { fact: ref.fact, path: jsonPath(ref.path) };
}

function leaf(ref: FactRef, operator: string, value: JreJson | JreFactReference): JreLeafCondition {
  return ref.path.length === 0
    ? { fact: ref.fact, operator, value }
    : { fact: ref.fact, operator, value, path: jsonPath(ref.path) };
}

// ---------------------------------------------------------------------------------------------
// The exporter

class Exporter {
  readonly operators = new Map<string, OperatorSpec>();
  private readonly params = new Map<string, Const>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly policy: CheckedPolicy,
    given: Readonly<Record<string, unknown>>,
  ) {
    // The engine's resolution, so both read the same values: the overrides that fit their
    // parameter's type (a misfit is reported and its default kept), the defaults for the rest.
    const overrides = new Map<string, Value>();
    for (const info of policy.params.values()) {
      if (!Object.hasOwn(given, info.key)) continue;
      const value = paramFromJson(info.type, given[info.key]);
      if (value === undefined)
        this.diagnostics.push(makeDiagnostic(exportCodes.param, info.decl.name.span, info.key));
      else overrides.set(info.key, value);
    }
    for (const [key, value] of resolveParams(policy, overrides)) {
      const type = policy.params.get(key)?.type;
      if (type !== undefined) this.params.set(key, constOfValue(value, type));
    }
  }

  private text(span: Span): string {
    const source = this.policy.sources.get(span.file) ?? "";
    return source.slice(span.start.offset, span.end.offset).replace(/\s+/g, " ");
  }

  private refuse(definition: Parameters<typeof makeDiagnostic>[0], span: Span, arg: string): never {
    throw new Refusal(makeDiagnostic(definition, span, arg));
  }

  private use(spec: OperatorSpec): string {
    this.operators.set(spec.name, spec);
    return spec.name;
  }

  constOf(expr: Expr, scope: Scope): Const {
    const t = this.term(expr, scope);
    if (t.t !== "const") this.refuse(exportCodes.construct, expr.span, this.text(expr.span));
    return t.c;
  }

  // -------------------------------------------------------------------------------------------
  // Terms: the values a comparison reads

  term(expr: Expr, scope: Scope): Term {
    switch (expr.kind) {
      case "NumberLiteral":
        return { t: "const", c: { k: "number", v: expr.value } };
      case "StringLiteral":
        return { t: "const", c: { k: "text", v: expr.value } };
      case "BoolLiteral":
        return { t: "const", c: { k: "bool", v: expr.value } };
      case "DateLiteral": {
        const day = parseIsoDate(expr.value);
        return { t: "const", c: day === undefined ? none : { k: "date", v: day } };
      }
      case "DurationLiteral": {
        const d = parseDuration(`${expr.amount} ${expr.unit}`);
        return { t: "const", c: d === undefined ? none : { k: "duration", v: d } };
      }
      case "NoneLiteral":
        return { t: "const", c: none };
      case "ParenExpr":
        return this.term(expr.inner, scope);
      case "ListLiteral":
        return { t: "const", c: { k: "list", v: expr.elements.map((e) => this.constOf(e, scope)) } };
      case "NameExpr":
      case "MemberExpr":
      case "CallExpr":
        return this.resolvedTerm(expr, scope);
      case "UnaryExpr": {
        if (expr.operator === "not") return this.boolTerm(expr, scope);
        const operand = this.term(expr.operand, scope);
        if (operand.t !== "const") this.refuse(exportCodes.arithmetic, expr.span, this.text(expr.span));
        const c = operand.c;
        if (c.k === "number") return { t: "const", c: { k: "number", v: -c.v } };
        if (c.k === "duration")
          return { t: "const", c: { k: "duration", v: { amount: -c.v.amount, unit: c.v.unit } } };
        return { t: "const", c: none };
      }
      case "BinaryExpr":
        return this.binaryTerm(expr, scope);
      case "IsSetExpr":
        return this.boolTerm(expr, scope);
      case "IfExpr": {
        if (kindOf(this.policy.typeOf(expr)) === "bool") return this.boolTerm(expr, scope);
        const condition = this.condition(expr.condition, scope, true);
        const then = this.term(expr.then, scope);
        const otherwise = this.term(expr.else, scope);
        if (condition === true) return then;
        if (condition === false) return otherwise;
        return { t: "if", condition, whenTrue: then, whenFalse: otherwise };
      }
      case "AggregateExpr":
        return this.refuse(exportCodes.aggregate, expr.span, expr.operator);
    }
  }

  /** A boolean expression used as a value: only when it folds to a constant. */
  private boolTerm(expr: Expr, scope: Scope): Term {
    const t = this.condition(expr, scope, true);
    const f = this.condition(expr, scope, false);
    if (typeof t === "boolean" && typeof f === "boolean")
      return { t: "const", c: t ? { k: "bool", v: true } : f ? { k: "bool", v: false } : none };
    return this.refuse(exportCodes.construct, expr.span, this.text(expr.span));
  }

  private binaryTerm(expr: BinaryExpr, scope: Scope): Term {
    const op = expr.operator;
    if (op !== "+" && op !== "-" && op !== "*" && op !== "/") return this.boolTerm(expr, scope);
    const left = this.term(expr.left, scope);
    const right = this.term(expr.right, scope);
    if (left.t === "const" && right.t === "const") return { t: "const", c: arithmetic(op, left.c, right.c) };
    // A date read moved by a constant duration stays a read, with a shift.
    if ((op === "+" || op === "-") && isDateTerm(left) && right.t === "const" && right.c.k === "duration") {
      return shifted(left, shiftOf(right.c.v, op === "+" ? 1 : -1));
    }
    if (op === "+" && isDateTerm(right) && left.t === "const" && left.c.k === "duration")
      return shifted(right, shiftOf(left.c.v, 1));
    if ((left.t === "const" && left.c.k === "none") || (right.t === "const" && right.c.k === "none"))
      return { t: "const", c: none };
    return this.refuse(exportCodes.arithmetic, expr.span, this.text(expr.span));
  }

  private resolvedTerm(expr: Expr & { kind: "NameExpr" | "MemberExpr" | "CallExpr" }, scope: Scope): Term {
    const resolution = this.policy.resolve(expr);
    switch (resolution.kind) {
      case "local": {
        const binding = scope.bindings.get(resolution.slot);
        if (binding === undefined) return this.refuse(exportCodes.construct, expr.span, this.text(expr.span));
        if (binding.b === "subject")
          return this.refuse(exportCodes.construct, expr.span, this.text(expr.span));
        return this.term(binding.expr, binding.scope);
      }
      case "param":
        return { t: "const", c: this.params.get(resolution.key) ?? none };
      case "define":
        return this.inline(expr, resolution.key, scope, (body, inner) => this.term(body, inner));
      case "asOf":
        return scope.asAt;
      case "builtin":
      case "host": {
        if (resolution.kind === "host")
          return this.refuse(exportCodes.hostFunction, expr.span, resolution.function.name);
        const args = expr.kind === "CallExpr" ? expr.args : [];
        const terms = args.map((a) => this.term(a, scope));
        const translated = translateCall(
          resolution,
          terms.map((t) => (t.t === "const" ? t.c : undefined)),
          args.map((a) => this.policy.typeOf(a)),
          this.policy.typeOf(expr),
        );
        if (!translated.ok)
          return this.refuse(exportCodes[translated.refusal], expr.span, this.text(expr.span));
        return { t: "const", c: translated.value };
      }
      case "field":
        return this.fieldTerm(expr as MemberExpr, scope);
      case "reference":
      case "inverse":
      case "collection":
        return this.refuse(exportCodes.reference, expr.span, this.text(expr.span));
      case "record":
        return this.refuse(exportCodes.reference, expr.span, this.text(expr.span));
      case "period":
      case "periodMember":
        return this.refuse(exportCodes.construct, expr.span, this.text(expr.span));
    }
  }

  /** Inlines a definition's body, its parameters bound to the call's arguments. */
  private inline<T>(expr: Expr, key: string, scope: Scope, body: (body: Expr, inner: Scope) => T): T {
    const info = this.policy.defines.get(key);
    if (!info) return this.refuse(exportCodes.call, expr.span, key);
    const args = expr.kind === "CallExpr" ? expr.args : [];
    const bindings = new Map<number, Binding>();
    info.params.forEach((p, i) => {
      const arg = args[i];
      if (arg !== undefined) bindings.set(p.slot, { b: "expr", expr: arg, scope });
    });
    return body(info.body, { bindings, record: undefined, asAt: scope.asAt });
  }

  /** `h.venue.address.city` → the fact `venue`… only along the subject's own (record) fields. */
  private fieldTerm(expr: MemberExpr, scope: Scope): Term {
    const names: string[] = [];
    let masked = false;
    let nullable = false;
    let current: Expr = expr;
    let first = true;
    for (;;) {
      while (current.kind === "ParenExpr") current = current.inner;
      if (current.kind !== "MemberExpr" && current.kind !== "NameExpr")
        return this.refuse(exportCodes.reference, expr.span, this.text(expr.span));
      const resolution = this.policy.resolve(current);
      if (resolution.kind === "field" && current.kind === "MemberExpr") {
        if (resolution.overList) return this.refuse(exportCodes.reference, expr.span, this.text(expr.span));
        names.unshift(resolution.name);
        if (first) masked = resolution.masked;
        if (isOptional(this.policy.typeOf(current))) nullable = true;
        first = false;
        current = current.object;
        continue;
      }
      if (resolution.kind === "local") {
        const binding = scope.bindings.get(resolution.slot);
        if (binding?.b === "subject") break;
        if (binding?.b === "expr") {
          // A let or a parameter standing for the subject (or a nested record of it).
          if (this.rootOf(binding.expr, binding.scope)) break;
          const inner = this.term(binding.expr, binding.scope);
          if (inner.t === "fact" && inner.shifts.length === 0) {
            names.unshift(inner.ref.fact, ...inner.ref.path);
            nullable ||= inner.nullable;
            break;
          }
        }
        return this.refuse(exportCodes.reference, expr.span, this.text(expr.span));
      }
      if (resolution.kind === "record" && scope.record === resolution.name) break;
      return this.refuse(exportCodes.reference, expr.span, this.text(expr.span));
    }
    const [fact, ...path] = names as [string, ...string[]];
    return {
      t: "fact",
      ref: { fact, path },
      kind: kindOf(this.policy.typeOf(expr)),
      masked,
      nullable: nullable || masked || path.length > 0,
      shifts: [],
    };
  }

  /** Whether an expression (a let or argument) stands for the subject itself. */
  private rootOf(expr: Expr, scope: Scope): boolean {
    let e = expr;
    while (e.kind === "ParenExpr") e = e.inner;
    if (e.kind !== "NameExpr") return false;
    const resolution = this.policy.resolve(e);
    if (resolution.kind === "record") return scope.record === resolution.name;
    if (resolution.kind !== "local") return false;
    const binding = scope.bindings.get(resolution.slot);
    if (binding?.b === "subject") return true;
    return binding?.b === "expr" ? this.rootOf(binding.expr, binding.scope) : false;
  }

  // -------------------------------------------------------------------------------------------
  // Conditions

  /** When `polarity` is true: the formula that holds when `expr` is true; else when it is false. */
  condition(expr: Expr, scope: Scope, polarity: boolean): Formula {
    switch (expr.kind) {
      case "ParenExpr":
        return this.condition(expr.inner, scope, polarity);
      case "BoolLiteral":
        return expr.value === polarity;
      case "NoneLiteral":
        return false;
      case "UnaryExpr":
        if (expr.operator === "not") return this.condition(expr.operand, scope, !polarity);
        return this.valueCondition(expr, scope, polarity);
      case "IsSetExpr": {
        const present = this.present(this.term(expr.operand, scope), scope);
        return expr.negated === polarity ? not(present) : present;
      }
      case "IfExpr": {
        const c = this.condition(expr.condition, scope, true);
        return or(
          and(c, this.condition(expr.then, scope, polarity)),
          and(not(c), this.condition(expr.else, scope, polarity)),
        );
      }
      case "BinaryExpr": {
        const op = expr.operator;
        if (op === "and" || op === "or") {
          const l = this.condition(expr.left, scope, polarity);
          const r = this.condition(expr.right, scope, polarity);
          return (op === "and") === polarity ? and(l, r) : or(l, r);
        }
        if (op === "in") return this.membership(expr, scope, polarity);
        if (op === "=" || op === "!=" || op === "<" || op === "<=" || op === ">" || op === ">=") {
          return this.comparison(
            this.term(expr.left, scope),
            polarity ? op : negatedComparison[op],
            this.term(expr.right, scope),
            scope,
            expr.span,
          );
        }
        return this.valueCondition(expr, scope, polarity);
      }
      case "NameExpr":
      case "MemberExpr":
      case "CallExpr": {
        const resolution = this.policy.resolve(expr);
        if (resolution.kind === "local") {
          const binding = scope.bindings.get(resolution.slot);
          if (binding?.b === "expr") return this.condition(binding.expr, binding.scope, polarity);
        }
        if (resolution.kind === "define")
          return this.inline(expr, resolution.key, scope, (body, inner) =>
            this.condition(body, inner, polarity),
          );
        return this.valueCondition(expr, scope, polarity);
      }
      case "AggregateExpr":
        return this.refuse(exportCodes.aggregate, expr.span, expr.operator);
      case "NumberLiteral":
      case "StringLiteral":
      case "DateLiteral":
      case "DurationLiteral":
      case "ListLiteral":
        return this.valueCondition(expr, scope, polarity);
      default:
        return assertNever(expr, "expression");
    }
  }

  /** A bool-valued read: a bool field or a constant. */
  private valueCondition(expr: Expr, scope: Scope, polarity: boolean): Formula {
    const t = this.term(expr, scope);
    if (t.t === "const") return t.c.k === "bool" ? t.c.v === polarity : false;
    if (t.t !== "fact" || t.kind !== "bool")
      return this.refuse(exportCodes.construct, expr.span, this.text(expr.span));
    return leaf(t.ref, "equal", polarity);
  }

  /** The term has a value (as at the scope's date, for an event date). */
  present(t: Term, scope: Scope): Formula {
    if (t.t === "const") return t.c.k !== "none";
    if (t.t === "if")
      return or(
        and(t.condition, this.present(t.whenTrue, scope)),
        and(not(t.condition), this.present(t.whenFalse, scope)),
      );
    if (t.masked) return this.dateLeaf({ ...t, shifts: [] }, "<=", scope.asAt);
    return leaf(t.ref, this.use({ name: isSetOperator, kind: "presence" }), true);
  }

  private guard(t: Term, scope: Scope): Formula {
    return t.t === "fact" && t.nullable ? this.present(t, scope) : true;
  }

  comparison(left: Term, op: Comparison, right: Term, scope: Scope, span: Span): Formula {
    if (left.t === "const" && right.t === "const") return compareConst(left.c, op, right.c) === true;
    if (left.t === "if") {
      return or(
        and(left.condition, this.comparison(left.whenTrue, op, right, scope, span)),
        and(not(left.condition), this.comparison(left.whenFalse, op, right, scope, span)),
      );
    }
    if (right.t === "if") {
      return or(
        and(right.condition, this.comparison(left, op, right.whenTrue, scope, span)),
        and(not(right.condition), this.comparison(left, op, right.whenFalse, scope, span)),
      );
    }
    if (left.t === "const") return this.comparison(right, mirrored[op], left, scope, span);
    if (right.t === "const" && right.c.k === "none") return false;
    const guards = and(this.guard(left, scope), this.guard(right, scope));
    if (guards === false) return false;
    switch (left.kind) {
      case "date":
        return and(guards, this.dateLeaf(left, op, right));
      case "number":
      case "text":
      case "bool": {
        if (right.t === "const" && right.c.k === "list") return false;
        const value = right.t === "const" ? constJson(right.c) : refJson(right.ref);
        if (left.kind === "bool" && op !== "=" && op !== "!=") return false;
        const operator =
          left.kind === "text" && op !== "=" && op !== "!="
            ? this.use(textOperator(op))
            : numberOperators[op];
        return and(guards, leaf(left.ref, operator, value));
      }
      case "duration":
      case "list":
      case "other":
        return this.refuse(exportCodes.construct, span, this.text(span));
      default:
        return assertNever(left.kind, "value kind");
    }
  }

  private dateLeaf(left: FactTerm, op: Comparison, right: Term): Formula {
    if (right.t === "if") return false;
    if (right.t === "const") {
      if (right.c.k !== "date") return false;
      const operator = this.use(dateOperator(op, left.shifts));
      return leaf(left.ref, operator, formatIsoDate(right.c.v));
    }
    return leaf(left.ref, this.use(dateOperator(op, left.shifts, right.shifts)), refJson(right.ref));
  }

  private membership(expr: BinaryExpr, scope: Scope, polarity: boolean): Formula {
    const left = this.term(expr.left, scope);
    const right = this.term(expr.right, scope);
    if (left.t === "if" || right.t === "if")
      return this.refuse(exportCodes.construct, expr.span, this.text(expr.span));
    if (right.t === "const") {
      if (right.c.k !== "list") return false;
      const elements = right.c.v;
      if (left.t === "const") {
        if (left.c.k === "none") return false;
        const found = elements.some((e) => constEqual(left.c, e));
        return found === polarity;
      }
      if (
        left.shifts.length > 0 ||
        left.kind === "duration" ||
        left.kind === "other" ||
        left.kind === "list"
      ) {
        return this.refuse(exportCodes.construct, expr.span, this.text(expr.span));
      }
      const values = elements.filter((e) => e.k !== "none").map(constJson);
      return and(this.guard(left, scope), leaf(left.ref, polarity ? "in" : "notIn", values));
    }
    // `x in h.tags`: a top-level list field, which `subjectFacts` always gives (empty when unset).
    const elementType = this.policy.typeOf(expr.right);
    const element = elementType.kind === "list" ? kindOf(elementType.element) : "other";
    if (
      right.masked ||
      right.ref.path.length > 0 ||
      right.kind !== "list" ||
      (element !== "text" && element !== "number" && element !== "bool")
    ) {
      return this.refuse(exportCodes.construct, expr.span, this.text(expr.span));
    }
    const operator = polarity ? "contains" : "doesNotContain";
    if (left.t === "const") return left.c.k === "none" ? false : leaf(right.ref, operator, constJson(left.c));
    if (left.shifts.length > 0) return this.refuse(exportCodes.construct, expr.span, this.text(expr.span));
    return and(this.guard(left, scope), leaf(right.ref, operator, refJson(left.ref)));
  }

  // -------------------------------------------------------------------------------------------
  // Rules

  warning(): Duration {
    const expr = this.policy.info.warning;
    if (!expr) return { amount: 30, unit: "day" };
    const c = this.constOf(expr, { bindings: new Map(), record: undefined, asAt: asOfTerm });
    return c.k === "duration" ? c.v : { amount: 30, unit: "day" };
  }

  /** The scope a rule's conditions are read in, and what the rule is judged over. */
  subjectOf(info: RuleInfo, asAt: Term): { scope: Scope; subject: ExportedSubject; exists: Formula } {
    const rule = info.rule;
    const bindings = new Map<number, Binding>();
    const scope: Scope = {
      bindings,
      record: info.subject?.kind === "record" ? info.subject.name : undefined,
      asAt,
    };
    let subject: ExportedSubject;
    let exists: Formula = true;
    if (info.subject === undefined) {
      subject = { kind: "policy", name: this.policy.info.name, rules: [] };
    } else {
      const fields =
        info.subject.kind === "collection"
          ? this.policy.collections.get(info.subject.name)?.fields
          : this.policy.records.get(info.subject.name)?.fields;
      const clash = fields?.find((f) => f.name === "asOf");
      if (clash) this.refuse(exportCodes.factName, clash.decl.span, clash.name);
      if (info.subject.kind === "collection") {
        const source = rule.subject?.source;
        const resolution =
          source && (source.kind === "NameExpr" || source.kind === "MemberExpr" || source.kind === "CallExpr")
            ? this.policy.resolve(source)
            : undefined;
        if (!source || resolution?.kind !== "collection")
          this.refuse(
            exportCodes.subject,
            source?.span ?? rule.span,
            source ? this.text(source.span) : info.id,
          );
        const since = this.policy.collections.get(info.subject.name)?.since;
        if (since !== undefined) {
          // An element exists from its `since` date on (always, when that date is not given).
          const ref: FactRef = { fact: since, path: [] };
          exists = or(
            not(leaf(ref, this.use({ name: isSetOperator, kind: "presence" }), true)),
            leaf(ref, this.use(dateOperator("<=")), { fact: "asOf" }),
          );
        }
      }
      subject = { kind: info.subject.kind, name: info.subject.name, rules: [] };
    }
    if (rule.subject?.variable) bindings.set(this.policy.slotOf(rule.subject.variable), { b: "subject" });
    for (const l of rule.lets) bindings.set(this.policy.slotOf(l.name), { b: "expr", expr: l.value, scope });
    return { scope, subject, exists };
  }

  filterOf(info: RuleInfo, scope: Scope): Formula {
    const filter = info.rule.subject?.filter;
    return filter ? this.condition(filter, scope, true) : true;
  }

  rule(
    info: RuleInfo,
    status: string,
    condition: Formula,
    extra: Readonly<Record<string, JreJson>> = {},
  ): JreRuleProperties | undefined {
    if (condition === false) return undefined;
    const type = `${info.id}:${status}`;
    return {
      name: type,
      conditions: topLevel(condition),
      event: { type, params: { rule: info.id, cites: [...info.cites], modality: info.modality, ...extra } },
    };
  }

  ruleOf(info: RuleInfo): { rules: (JreRuleProperties | undefined)[]; subject: ExportedSubject } {
    switch (info.kind) {
      case "duty":
        return this.duty(info);
      case "escalation":
        return this.escalation(info);
      case "accountability":
        return this.accountability(info);
      default:
        return assertNever(info, "rule");
    }
  }

  /**
   * Refuses a rule with a part the export cannot translate. Every part of every rule kind is
   * named here, so a part added to the language must be decided on before this compiles.
   */
  private refuseUntranslatable(info: RuleInfo): void {
    this.refuseWorkingDays(info);
    for (const part of ruleParts(info.rule)) {
      switch (part.name) {
        case "deadline":
          if (part.value.kind === "RecurringDeadline")
            this.refuse(exportCodes.recurring, part.value.span, info.id);
          break;
        // Carried in each event's params, or (holders and targets: who answers, not whether the
        // rule holds) left to the engine.
        case "id":
        case "title":
        case "modality":
        case "cites":
        case "holder":
        case "targets":
          break;
        // Translated by duty(), escalation() and accountability().
        case "subject":
        case "lets":
        case "requirement":
        case "forbidden":
        case "start":
        case "levels":
        case "closes":
        case "overdueAfter":
        case "asAt":
        case "causes":
          break;
        default:
          assertNever(part, "rule part");
      }
    }
  }

  /**
   * Working days, paused intervals and the rollover switch need the policy's calendar, which
   * json-rules-engine does not have: such a rule is refused, once, at the first place it needs it
   * (its own expressions and the definitions they call; the warning window of a duty).
   */
  private refuseWorkingDays(info: RuleInfo): void {
    const rule = info.rule;
    const warning = this.policy.info.warning;
    const refuse = (span: Span) => this.refuse(exportCodes.workingDays, span, this.text(span));
    if (rule.kind === "DutyRule") {
      const deadline = rule.deadline;
      if (deadline?.kind === "WithinDeadline") {
        const pause = deadline.pauses[0];
        if (pause !== undefined) refuse(pause.span);
        if (this.policy.info.rollOver) refuse(deadline.span);
      }
      if (deadline !== undefined && warning !== undefined && this.countsWorkingDays(warning, new Set()))
        refuse(warning.span);
    }
    const find = (node: Node): Expr | undefined =>
      isExpression(node)
        ? this.countsWorkingDays(node, new Set())
          ? node
          : undefined
        : forEachChild(node, find);
    const found = forEachChild(rule, find);
    if (found !== undefined) refuse(found.span);
  }

  /** Whether an expression (or a parameter or definition it reads) holds a duration in working days. */
  private countsWorkingDays(expr: Expr, visited: Set<string>): boolean {
    if (expr.kind === "DurationLiteral") return expr.unit === "workingDay";
    if (expr.kind === "NameExpr" || expr.kind === "MemberExpr" || expr.kind === "CallExpr") {
      const resolution = this.policy.resolve(expr);
      if (resolution?.kind === "define" || resolution?.kind === "param") {
        if (!visited.has(resolution.key)) {
          visited.add(resolution.key);
          const body =
            resolution.kind === "define"
              ? this.policy.defines.get(resolution.key)?.decl.body
              : this.policy.params.get(resolution.key)?.decl.default;
          if (body !== undefined && this.countsWorkingDays(body, visited)) return true;
        }
        // A qualified name (`gbt.x`) has no parts of its own to read; a call's arguments do.
        if (expr.kind !== "CallExpr") return false;
      }
    }
    return (
      forEachChild(expr, (child) => isExpression(child) && this.countsWorkingDays(child, visited)) === true
    );
  }

  duty(info: DutyInfo): { rules: (JreRuleProperties | undefined)[]; subject: ExportedSubject } {
    const rule = info.rule;
    const { scope, subject, exists } = this.subjectOf(info, asOfTerm);
    this.refuseUntranslatable(info);
    const base = and(exists, this.filterOf(info, scope));
    if (rule.forbidden) {
      // A prohibition: violated once the forbidden date is on or before asOf, or while the condition holds.
      const forbidden = rule.forbidden;
      let happened: Formula;
      if (info.requirementKind === "date") {
        const on = this.term(forbidden, scope);
        happened = and(this.present(on, scope), this.comparison(on, "<=", asOfTerm, scope, forbidden.span));
      } else happened = this.condition(forbidden, scope, true);
      return {
        rules: [
          this.rule(info, "met", and(base, not(happened))),
          this.rule(info, "violated", and(base, happened)),
        ],
        subject,
      };
    }
    const requirement = rule.requirement;
    let met: Formula = true;
    if (requirement)
      met =
        info.requirementKind === "date"
          ? this.present(this.term(requirement, scope), scope)
          : this.condition(requirement, scope, true);
    const unmet = and(base, not(met));
    const rules = [this.rule(info, "met", and(base, met))];
    if (info.modality === "may") return { rules: [...rules, this.rule(info, "advisory", unmet)], subject };
    const deadline = rule.deadline;
    if (deadline === undefined) return { rules: [...rules, this.rule(info, "overdue", unmet)], subject };
    let due: Term;
    switch (deadline.kind) {
      case "ByDeadline":
        due = this.term(deadline.date, scope);
        break;
      case "WithinDeadline": {
        const from = this.term(deadline.from, scope);
        const duration = this.constOf(deadline.duration, scope);
        due = duration.k === "duration" ? shifted(from, shiftOf(duration.v, 1)) : { t: "const", c: none };
        break;
      }
      case "RecurringDeadline":
        // Refused before any condition is translated, by refuseUntranslatable.
        return this.refuse(exportCodes.recurring, deadline.span, info.id);
      default:
        return assertNever(deadline, "deadline");
    }
    const warning = this.warning();
    const dueSet = this.present(due, scope);
    const overdue = this.comparison(asOfTerm, ">", due, scope, deadline.span);
    const soonFrom = shifted(due, shiftOf(warning, -1));
    const soon = this.comparison(asOfTerm, ">=", soonFrom, scope, deadline.span);
    return {
      rules: [
        ...rules,
        this.rule(info, "overdue", and(unmet, dueSet, overdue)),
        this.rule(info, "due-soon", and(unmet, dueSet, not(overdue), soon)),
        this.rule(info, "pending", and(unmet, or(not(dueSet), and(not(overdue), not(soon))))),
      ],
      subject,
    };
  }

  escalation(info: EscalationInfo): { rules: (JreRuleProperties | undefined)[]; subject: ExportedSubject } {
    const rule = info.rule;
    const { scope, subject, exists } = this.subjectOf(info, asOfTerm);
    this.refuseUntranslatable(info);
    const base = and(exists, this.filterOf(info, scope));
    const start = rule.start ? this.term(rule.start, scope) : ({ t: "const", c: none } as Term);
    const started = and(this.present(start, scope), this.comparison(start, "<=", asOfTerm, scope, rule.span));
    let closed: Formula = false;
    if (rule.closes)
      closed =
        info.closesKind === "date"
          ? this.present(this.term(rule.closes, scope), scope)
          : this.condition(rule.closes, scope, true);
    const reached: Formula[] = rule.levels.map((level, i) => {
      if (i === 0) return true;
      if (level.after) {
        const after = this.constOf(level.after, scope);
        if (after.k !== "duration") return false;
        return this.comparison(asOfTerm, ">", shifted(start, shiftOf(after.v, 1)), scope, level.after.span);
      }
      if (level.when) return this.condition(level.when, scope, true);
      return false;
    });
    // The level the age alone gives: the highest level reached.
    const age = reached.map((r, i) => and(r, ...reached.slice(i + 1).map(not)));
    let overdue: Formula = false;
    if (rule.overdueAfter) {
      const limit = this.term(rule.overdueAfter, scope);
      overdue = and(
        this.present(limit, scope),
        this.comparison(asOfTerm, ">", limit, scope, rule.overdueAfter.span),
      );
    }
    const top = rule.levels.length - 1;
    const open = and(base, started, not(closed));
    const rules = [this.rule(info, "closed", and(base, started, closed))];
    rule.levels.forEach((level, i) => {
      const byAge = and(not(overdue), age[i]!);
      const oneUp = i > 0 ? and(overdue, age[i - 1]!) : false;
      const atTop = i === top ? and(overdue, age[i]!) : false;
      rules.push(this.rule(info, level.name.name, and(open, or(byAge, oneUp, atTop))));
    });
    return { rules, subject };
  }

  accountability(info: AccountabilityInfo): {
    rules: (JreRuleProperties | undefined)[];
    subject: ExportedSubject;
  } {
    const rule = info.rule;
    const outer = this.subjectOf(info, asOfTerm);
    this.refuseUntranslatable(info);
    // Who answers (the rule's targets and each cause's) is read from the facts by the engine; like
    // holders, targets are left out of the export, whose events say only which rule triggered.
    const causes = rule.causes.map((c) => c.label.value);
    const triggered = (asAt: Term): Formula => {
      const { scope } = this.subjectOf(info, asAt);
      return and(
        this.filterOf(info, scope),
        or(...rule.causes.map((c) => this.condition(c.condition, scope, true))),
      );
    };
    let when: Formula;
    if (!rule.asAt) when = triggered(asOfTerm);
    else {
      const event = this.term(rule.asAt, outer.scope);
      if (event.t === "const") {
        if (event.c.k !== "date") when = false;
        else {
          // Judged as at the earlier of the event's date and the evaluation date.
          const later = this.comparison(asOfTerm, ">=", event, outer.scope, rule.asAt.span);
          when = or(and(later, triggered(event)), and(not(later), triggered(asOfTerm)));
        }
      } else {
        if (event.t === "if" || event.shifts.length > 0 || event.ref.path.length > 0 || event.kind !== "date")
          this.refuse(exportCodes.asAt, rule.asAt.span, this.text(rule.asAt.span));
        const eventAt: Term = { ...event, masked: false, nullable: false };
        const visible = this.present(event, outer.scope);
        const before = this.comparison(eventAt, "<=", asOfTerm, outer.scope, rule.asAt.span);
        when = and(visible, or(and(before, triggered(eventAt)), and(not(before), triggered(asOfTerm))));
      }
    }
    return {
      rules: [this.rule(info, "triggered", and(outer.exists, when), { causes })],
      subject: outer.subject,
    };
  }
}

function isDateTerm(t: Term): boolean {
  if (t.t === "const") return t.c.k === "date" || t.c.k === "none";
  if (t.t === "if") return isDateTerm(t.whenTrue) && isDateTerm(t.whenFalse);
  return t.kind === "date";
}

/** A date term moved by a shift (none stays none; non-dates read as none). */
function shifted(t: Term, shift: Shift): Term {
  if (t.t === "const")
    return { t: "const", c: t.c.k === "date" ? { k: "date", v: shiftDay(t.c.v, [shift]) } : none };
  if (t.t === "if")
    return { ...t, whenTrue: shifted(t.whenTrue, shift), whenFalse: shifted(t.whenFalse, shift) };
  return t.kind === "date" ? { ...t, shifts: [...t.shifts, shift] } : { t: "const", c: none };
}

function shiftOf(duration: Duration, sign: 1 | -1): Shift {
  // Rules that count working days are refused before any term is built (refuseWorkingDays).
  if (duration.unit === "working day") throw new Error("a working-day duration reached the export");
  return { amount: sign * duration.amount, unit: duration.unit };
}

function arithmetic(op: "+" | "-" | "*" | "/", a: Const, b: Const): Const {
  if (a.k === "none" || b.k === "none") return none;
  const sign = op === "-" ? -1 : 1;
  if ((op === "+" || op === "-") && a.k === "date" && b.k === "duration")
    return { k: "date", v: shiftDay(a.v, [shiftOf(b.v, sign)]) };
  if (op === "+" && a.k === "duration" && b.k === "date")
    return { k: "date", v: shiftDay(b.v, [shiftOf(a.v, 1)]) };
  if ((op === "+" || op === "-") && a.k === "duration" && b.k === "duration")
    return { k: "duration", v: { amount: a.v.amount + sign * b.v.amount, unit: a.v.unit } };
  if (op === "+" && (a.k === "text" || b.k === "text"))
    return { k: "text", v: `${String(constJson(a))}${String(constJson(b))}` };
  if ((op === "*" || op === "/") && (a.k === "duration" || b.k === "duration")) {
    const d = a.k === "duration" ? a.v : b.k === "duration" ? b.v : undefined;
    const n = a.k === "number" ? a.v : b.k === "number" ? b.v : undefined;
    if (d === undefined || n === undefined) return none;
    if (op === "/" && n === 0) return none;
    return { k: "duration", v: { amount: op === "*" ? d.amount * n : d.amount / n, unit: d.unit } };
  }
  if (a.k === "number" && b.k === "number") {
    if (op === "/") return b.v === 0 ? none : { k: "number", v: a.v / b.v };
    return { k: "number", v: op === "*" ? a.v * b.v : a.v + sign * b.v };
  }
  return none;
}

/** A parameter's value, as the engine resolved it, as a constant of its type. */
function constOfValue(value: Value, type: Type): Const {
  if (value === null) return none;
  switch (type.kind) {
    case "optional":
      return constOfValue(value, type.inner);
    case "bool":
      return typeof value === "boolean" ? { k: "bool", v: value } : none;
    case "number":
      return typeof value === "number" ? { k: "number", v: value } : none;
    case "text":
    case "enum":
      return typeof value === "string" ? { k: "text", v: value } : none;
    case "date":
      return typeof value === "number" ? { k: "date", v: value } : none;
    case "duration":
      // The engine's only non-list object value of a duration parameter is a duration.
      return typeof value === "object" && !Array.isArray(value)
        ? { k: "duration", v: value as Duration }
        : none;
    case "list":
      return Array.isArray(value)
        ? { k: "list", v: value.map((e: Value) => constOfValue(e, type.element)) }
        : none;
    case "period":
    case "record":
    case "entity":
    case "none":
    case "error":
      return none;
    default:
      return assertNever(type, "parameter type");
  }
}

/**
 * Exports a checked policy's rules; a rule that cannot be exported gets a diagnostic instead.
 * @example
 * ```ts
 * import { exportPolicy } from "@remit/json-rules-engine";
 * import { analyze, memoryHost } from "@remit/lang";
 * const source = `policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards since foundOn { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `;
 * const { policy } = analyze("policy.remit", memoryHost({ "policy.remit": source }));
 * if (policy === undefined) throw new Error("the policy does not check");
 * const exported = exportPolicy(policy);
 * console.log(exported.diagnostics.length, exported.subjects[0]?.rules.join(", ")); // 0 listing:met, listing:overdue, listing:due-soon, listing:pending
 * console.log(exported.rules[1]?.event.type); // listing:overdue
 * ```
 */
export function exportPolicy(checked: CheckedPolicy, options: ExportOptions = {}): ExportResult {
  const exporter = new Exporter(checked, options.params ?? {});
  const rules: JreRuleProperties[] = [];
  const subjects = new Map<string, { kind: ExportedSubject["kind"]; name: string; rules: string[] }>();
  // A construct inside a definition is refused once, not once per rule that calls it.
  const refused = new Set<string>();
  for (const info of checked.rules) {
    try {
      const out = exporter.ruleOf(info);
      const key = `${out.subject.kind}\u0000${out.subject.name}`;
      let group = subjects.get(key);
      if (!group) {
        group = { kind: out.subject.kind, name: out.subject.name, rules: [] };
        subjects.set(key, group);
      }
      for (const r of out.rules) {
        if (r === undefined) continue;
        rules.push(r);
        group.rules.push(r.name);
      }
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const { code, span } = error.diagnostic;
      const key = `${code}\u0000${span.file}\u0000${span.start.offset}\u0000${span.end.offset}`;
      if (!refused.has(key)) exporter.diagnostics.push(error.diagnostic);
      refused.add(key);
    }
  }
  const operators = [...exporter.operators.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  return { rules, operators, subjects: [...subjects.values()], diagnostics: exporter.diagnostics };
}

/**
 * The export as JSON text: `{ rules, operators, subjects }` (diagnostics are returned apart).
 * @example
 * ```ts
 * import { exportPolicyJson } from "@remit/json-rules-engine";
 * import { analyze, memoryHost } from "@remit/lang";
 * const source = `policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards since foundOn { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `;
 * const { policy } = analyze("policy.remit", memoryHost({ "policy.remit": source }));
 * if (policy === undefined) throw new Error("the policy does not check");
 * const { json, diagnostics } = exportPolicyJson(policy);
 * const written = JSON.parse(json) as { rules: { name: string }[]; subjects: { name: string }[] };
 * console.log(diagnostics.length, written.rules.length, written.subjects[0]?.name); // 0 4 hazards
 * ```
 */
export function exportPolicyJson(
  checked: CheckedPolicy,
  options: ExportOptions = {},
): { readonly json: string; readonly diagnostics: readonly Diagnostic[] } {
  const { rules, operators, subjects, diagnostics } = exportPolicy(checked, options);
  return { json: `${JSON.stringify({ rules, operators, subjects }, null, 2)}\n`, diagnostics };
}
