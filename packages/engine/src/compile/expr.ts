/**
 * Compiles expressions once into closures: names, slots and resolutions are looked up here, never
 * while evaluating. `none` is `null`: arithmetic and comparisons with it give `null`, and a
 * condition that is `null` does not hold.
 */

import {
  type AggregateExpr,
  assertNever,
  type BinaryExpr,
  builtinFunctionsByName,
  type CallExpr,
  type CheckedPolicy,
  type Expr,
  type FunctionSignature,
  isLiteral,
  type MemberExpr,
  type NameExpr,
  type Resolution,
  type Type,
} from "@remit/lang";
import { type EpochDay, formatIsoDate, type Period, parseIsoDate } from "../calendar/index.js";
import type { EvaluationLimits } from "../limits.js";
import { builtinImplementations, type Implementation } from "./builtins.js";
import type { Data } from "./data.js";
import { addDuration, type CalendarState } from "./durations.js";
import {
  type Duration,
  durationOf,
  type FactObject,
  formatDuration,
  parseDuration,
  type Value,
} from "./values.js";

/** The evaluation state a compiled expression reads. `frame` is swapped by definition calls. */
export interface Context {
  frame: Value[];
  /** The as-at date: the evaluation date, or an accountability event's date. */
  asAt: EpochDay;
  period: Period | null;
  readonly data: Data;
  readonly params: ReadonlyMap<string, Value>;
  /** The policy's calendar for this evaluation: working days are counted on it. */
  readonly calendar: CalendarState;
  /** The evaluation's bounds; the defaults when absent (explanations, parameter defaults). */
  readonly limits?: EvaluationLimits;
}

export type Compiled = (ctx: Context) => Value;

export function stripType(type: Type): Type {
  let t = type;
  while (t.kind === "optional" || t.kind === "list") t = t.kind === "optional" ? t.inner : t.element;
  return t;
}

/** Orders two values of the same type (numbers, dates, durations, text); NaN when they cannot be. */
function order(a: Value, b: Value): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (
    typeof a === "object" &&
    typeof b === "object" &&
    a !== null &&
    b !== null &&
    "amount" in a &&
    "amount" in b
  ) {
    const da = a as Duration;
    const db = b as Duration;
    return da.unit === db.unit ? da.amount - db.amount : Number.NaN;
  }
  return Number.NaN;
}

export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if ("amount" in a && "amount" in b) return order(a, b) === 0;
  return false;
}

/** Converts a value read from the facts to its runtime form (dates become epoch days). */
function factReader(type: Type): ((raw: unknown) => Value) | undefined {
  const base = stripType(type);
  if (base.kind === "date") return (raw) => (typeof raw === "string" ? (parseIsoDate(raw) ?? null) : null);
  if (base.kind === "duration") return (raw) => parseDuration(raw) ?? null;
  return undefined;
}

export class ExpressionCompiler {
  private readonly defineBodies = new Map<string, Compiled>();

  constructor(private readonly policy: CheckedPolicy) {}

  typeOf(expr: Expr): Type {
    return this.policy.typeOf(expr);
  }

  resolve(node: NameExpr | MemberExpr | CallExpr): Resolution {
    return this.policy.resolve(node);
  }

  compile(expr: Expr): Compiled {
    switch (expr.kind) {
      case "NumberLiteral": {
        const value = expr.value;
        return () => value;
      }
      case "StringLiteral": {
        const value = expr.value;
        return () => value;
      }
      case "BoolLiteral": {
        const value = expr.value;
        return () => value;
      }
      case "DateLiteral": {
        const value = parseIsoDate(expr.value) ?? null;
        return () => value;
      }
      case "DurationLiteral": {
        const value = durationOf(expr.amount, expr.unit);
        return () => value;
      }
      case "NoneLiteral":
        return () => null;
      case "ListLiteral": {
        const elements = expr.elements.map((e) => this.compile(e));
        // A list of literals (`h.kind in ["通道", "电气"]`) is made once, not on every test.
        if (expr.elements.every(isLiteral)) {
          const value = Object.freeze(elements.map((e) => e(undefined as never)));
          return () => value;
        }
        return (ctx) => elements.map((e) => e(ctx));
      }
      case "ParenExpr":
        return this.compile(expr.inner);
      case "NameExpr":
      case "MemberExpr":
      case "CallExpr":
        return this.compileResolved(expr, this.policy.resolve(expr));
      case "UnaryExpr": {
        const operand = this.compile(expr.operand);
        if (expr.operator === "not") {
          return (ctx) => {
            const v = operand(ctx);
            return v === null ? null : !v;
          };
        }
        return (ctx) => {
          const v = operand(ctx);
          if (v === null) return null;
          if (typeof v === "number") return -v;
          const d = v as Duration;
          return { amount: -d.amount, unit: d.unit };
        };
      }
      case "BinaryExpr":
        return this.compileBinary(expr);
      case "IsSetExpr": {
        const operand = this.compile(expr.operand);
        return expr.negated ? (ctx) => operand(ctx) === null : (ctx) => operand(ctx) !== null;
      }
      case "IfExpr": {
        const condition = this.compile(expr.condition);
        const then = this.compile(expr.then);
        const otherwise = this.compile(expr.else);
        return (ctx) => (condition(ctx) === true ? then(ctx) : otherwise(ctx));
      }
      case "AggregateExpr":
        return this.compileAggregate(expr);
    }
  }

  /** A condition: holds only when the value is `true` (`none` does not hold). */
  compileCondition(expr: Expr): (ctx: Context) => boolean {
    const compiled = this.compile(expr);
    return (ctx) => compiled(ctx) === true;
  }

  private compileBinary(expr: BinaryExpr): Compiled {
    const left = this.compile(expr.left);
    const right = this.compile(expr.right);
    switch (expr.operator) {
      case "and":
        return (ctx) => {
          const l = left(ctx);
          if (l === false) return false;
          const r = right(ctx);
          if (r === false) return false;
          return l === null || r === null ? null : true;
        };
      case "or":
        return (ctx) => {
          const l = left(ctx);
          if (l === true) return true;
          const r = right(ctx);
          if (r === true) return true;
          return l === null || r === null ? null : false;
        };
      case "=":
      case "!=": {
        const negate = expr.operator === "!=";
        return (ctx) => {
          const l = left(ctx);
          const r = right(ctx);
          if (l === null || r === null) return null;
          return valuesEqual(l, r) !== negate;
        };
      }
      case "<":
        return (ctx) => compare(left(ctx), right(ctx), below);
      case "<=":
        return (ctx) => compare(left(ctx), right(ctx), belowOrEqual);
      case ">":
        return (ctx) => compare(left(ctx), right(ctx), above);
      case ">=":
        return (ctx) => compare(left(ctx), right(ctx), aboveOrEqual);
      case "in": {
        if (
          stripType(this.typeOf(expr.right)).kind === "period" &&
          this.typeOf(expr.right).kind === "period"
        ) {
          return (ctx) => {
            const d = left(ctx);
            const p = right(ctx) as Period | null;
            if (d === null || p === null) return null;
            return (d as number) >= p.start && (d as number) <= p.end;
          };
        }
        return (ctx) => {
          const v = left(ctx);
          const list = right(ctx);
          if (v === null || list === null) return null;
          for (const element of list as readonly Value[]) if (valuesEqual(v, element)) return true;
          return false;
        };
      }
      case "+":
      case "-": {
        const sign = expr.operator === "+" ? 1 : -1;
        const leftType = stripType(this.typeOf(expr.left));
        const rightType = stripType(this.typeOf(expr.right));
        if (leftType.kind === "date" && rightType.kind === "duration") {
          return (ctx) => {
            const d = left(ctx);
            const n = right(ctx);
            return d === null || n === null
              ? null
              : addDuration(d as number, n as Duration, sign, ctx.calendar);
          };
        }
        if (leftType.kind === "duration" && rightType.kind === "date" && sign === 1) {
          return (ctx) => {
            const n = left(ctx);
            const d = right(ctx);
            return d === null || n === null ? null : addDuration(d as number, n as Duration, 1, ctx.calendar);
          };
        }
        if (sign === 1 && (leftType.kind === "text" || rightType.kind === "text")) {
          return (ctx) => {
            const a = left(ctx);
            const b = right(ctx);
            return a === null || b === null ? null : `${a as string}${b as string}`;
          };
        }
        if (leftType.kind === "duration") {
          return (ctx) => {
            const a = left(ctx) as Duration | null;
            const b = right(ctx) as Duration | null;
            return a === null || b === null ? null : { amount: a.amount + sign * b.amount, unit: a.unit };
          };
        }
        return (ctx) => {
          const a = left(ctx);
          const b = right(ctx);
          return a === null || b === null ? null : (a as number) + sign * (b as number);
        };
      }
      case "*":
      case "/": {
        const multiply = expr.operator === "*";
        const leftType = stripType(this.typeOf(expr.left));
        const rightType = stripType(this.typeOf(expr.right));
        if (leftType.kind === "duration" || rightType.kind === "duration") {
          const durationLeft = leftType.kind === "duration";
          return (ctx) => {
            const a = left(ctx);
            const b = right(ctx);
            if (a === null || b === null) return null;
            const d = (durationLeft ? a : b) as Duration;
            const n = (durationLeft ? b : a) as number;
            if (!multiply && n === 0) return null;
            return { amount: multiply ? d.amount * n : d.amount / n, unit: d.unit };
          };
        }
        return (ctx) => {
          const a = left(ctx);
          const b = right(ctx);
          if (a === null || b === null) return null;
          if (multiply) return (a as number) * (b as number);
          return b === 0 ? null : (a as number) / (b as number);
        };
      }
    }
  }

  private compileAggregate(expr: AggregateExpr): Compiled {
    const source = this.compile(expr.source);
    const slot = this.policy.slotOf(expr.variable);
    const filter = expr.filter ? this.compile(expr.filter) : undefined;
    const value = expr.value ? this.compile(expr.value) : undefined;
    const each = (ctx: Context, visit: (element: Value) => boolean): void => {
      const list = source(ctx) as readonly Value[] | null;
      if (list === null) return;
      const frame = ctx.frame;
      for (let i = 0; i < list.length; i++) {
        const element = list[i]!;
        frame[slot] = element;
        if (filter && filter(ctx) !== true) continue;
        if (!visit(element)) return;
      }
    };
    const valueFor = (ctx: Context, element: Value): Value => (value ? value(ctx) : element);
    switch (expr.operator) {
      case "count":
        return (ctx) => {
          let n = 0;
          each(ctx, () => {
            n++;
            return true;
          });
          return n;
        };
      case "any":
        return (ctx) => {
          let found = false;
          each(ctx, (element) => {
            found = valueFor(ctx, value ? element : true) === true;
            return !found;
          });
          return found;
        };
      case "all":
        return (ctx) => {
          let holds = true;
          each(ctx, (element) => {
            holds = valueFor(ctx, element) === true;
            return holds;
          });
          return holds;
        };
      case "sum": {
        const durations = stripType(this.typeOf(expr)).kind === "duration";
        return (ctx) => {
          let total = 0;
          let unit: Duration["unit"] = "day";
          each(ctx, (element) => {
            const v = valueFor(ctx, element);
            if (v === null) return true;
            if (durations) {
              total += (v as Duration).amount;
              unit = (v as Duration).unit;
            } else total += v as number;
            return true;
          });
          return durations ? { amount: total, unit } : total;
        };
      }
      case "min":
      case "max":
      case "latest":
      case "earliest": {
        const wantsGreater = expr.operator === "max" || expr.operator === "latest";
        return (ctx) => {
          let best: Value = null;
          let bestKey: Value = null;
          each(ctx, (element) => {
            const v = valueFor(ctx, element);
            if (v === null) return true;
            // Without a value the element itself is compared; entities cannot be ordered, so the
            // element is kept as is and only scalars take part.
            const c = bestKey === null ? Number.NaN : order(v, bestKey);
            if (bestKey === null || (wantsGreater ? c > 0 : c < 0)) {
              best = value ? v : element;
              bestKey = v;
            }
            return true;
          });
          return best;
        };
      }
    }
  }

  private compileResolved(node: NameExpr | MemberExpr | CallExpr, resolution: Resolution): Compiled {
    switch (resolution.kind) {
      case "local": {
        const slot = resolution.slot;
        return (ctx) => ctx.frame[slot] ?? null;
      }
      case "param": {
        const key = resolution.key;
        return (ctx) => ctx.params.get(key) ?? null;
      }
      case "asOf":
        return (ctx) => ctx.asAt;
      case "period":
        return (ctx) => ctx.period;
      case "periodMember": {
        const member = resolution.member;
        return (ctx) => (ctx.period === null ? null : ctx.period[member]);
      }
      case "collection": {
        const name = resolution.name;
        const hasSince = this.policy.collections.get(name)?.since !== undefined;
        if (!hasSince) return (ctx) => ctx.data.collections.get(name) ?? [];
        return (ctx) => ctx.data.existingAsAt(name, ctx.asAt);
      }
      case "record": {
        const name = resolution.name;
        return (ctx) => (ctx.data.document[name] as FactObject | undefined) ?? null;
      }
      case "define":
        return this.compileDefineCall(resolution.key, node.kind === "CallExpr" ? node.args : []);
      case "builtin": {
        const args = (node as CallExpr).args;
        const implementation = builtinImplementations[resolution.name](args.map((a) => this.typeOf(a)));
        const declaration = builtinFunctionsByName.get(resolution.name);
        if (declaration === undefined) throw new Error(`unknown built-in "${resolution.name}"`);
        return this.compileFunctionCall(implementation, declaration.signature, args);
      }
      case "host": {
        const host = resolution.function;
        // The host's values are the engine's (RuntimeValue is Value's published shape).
        const implementation = host.implementation as Implementation;
        return this.compileFunctionCall(implementation, host.signature, (node as CallExpr).args);
      }
      case "field":
        return this.compileField(node as MemberExpr, resolution.name, resolution.overList, resolution.masked);
      case "reference":
        return this.compileReference(
          node as MemberExpr,
          resolution.field,
          resolution.target,
          resolution.overList,
        );
      case "inverse":
        return this.compileInverse(
          node as MemberExpr,
          resolution.source,
          resolution.field,
          resolution.overList,
        );
    }
  }

  private compileField(node: MemberExpr, name: string, overList: boolean, masked: boolean): Compiled {
    const object = this.compile(node.object);
    const read = factReader(this.typeOf(node));
    const fieldIsList = !overList && stripOptional(this.typeOf(node)).kind === "list";
    const convertOne = (ctx: Context, raw: unknown): Value => {
      if (raw === undefined || raw === null) return null;
      if (!read) return raw as Value;
      const v = read(raw);
      return masked && v !== null && (v as number) > ctx.asAt ? null : v;
    };
    const convertList = (ctx: Context, raw: unknown, out: Value[]): void => {
      if (!Array.isArray(raw)) {
        const v = convertOne(ctx, raw);
        if (v !== null) out.push(v);
        return;
      }
      for (const element of raw) {
        const v = convertOne(ctx, element);
        if (v !== null) out.push(v);
      }
    };
    if (overList) {
      return (ctx) => {
        const list = object(ctx) as readonly FactObject[] | null;
        const out: Value[] = [];
        if (list === null) return out;
        for (const element of list) if (element !== null) convertList(ctx, element[name], out);
        return out;
      };
    }
    if (fieldIsList) {
      return (ctx) => {
        const o = object(ctx) as FactObject | null;
        const out: Value[] = [];
        if (o !== null) convertList(ctx, o[name], out);
        return out;
      };
    }
    if (!read) {
      return (ctx) => {
        const o = object(ctx) as FactObject | null;
        if (o === null) return null;
        const v = o[name];
        return v === undefined ? null : (v as Value);
      };
    }
    return (ctx) => {
      const o = object(ctx) as FactObject | null;
      return o === null ? null : convertOne(ctx, o[name]);
    };
  }

  private compileReference(node: MemberExpr, field: string, target: string, overList: boolean): Compiled {
    const object = this.compile(node.object);
    const hasSince = this.policy.collections.get(target)?.since !== undefined;
    const follow = (ctx: Context, o: FactObject | null): FactObject | null => {
      if (o === null) return null;
      const id = o[field];
      if (typeof id !== "string") return null;
      const found = ctx.data.byId.get(target)?.get(id) ?? null;
      if (found !== null && hasSince && !existsAsAt(ctx, target, found)) return null;
      return found;
    };
    if (overList) {
      return (ctx) => {
        const list = object(ctx) as readonly FactObject[] | null;
        const out: Value[] = [];
        if (list === null) return out;
        for (const element of list) {
          const found = follow(ctx, element);
          if (found !== null) out.push(found);
        }
        return out;
      };
    }
    return (ctx) => follow(ctx, object(ctx) as FactObject | null);
  }

  private compileInverse(node: MemberExpr, source: string, field: string, overList: boolean): Compiled {
    const object = this.compile(node.object);
    const hasSince = this.policy.collections.get(source)?.since !== undefined;
    const sourcesOf = (ctx: Context, o: FactObject | null, out: Value[]): void => {
      if (o === null) return;
      const found = ctx.data.inverse(source, field).get(o.id as string);
      if (!found) return;
      const elements = ctx.data.collections.get(source) ?? [];
      for (const position of found) {
        const element = elements[position]!;
        if (!hasSince || existsAsAt(ctx, source, element)) out.push(element);
      }
    };
    if (overList) {
      return (ctx) => {
        const list = object(ctx) as readonly FactObject[] | null;
        const out: Value[] = [];
        if (list !== null) for (const element of list) sourcesOf(ctx, element, out);
        return out;
      };
    }
    return (ctx) => {
      const out: Value[] = [];
      sourcesOf(ctx, object(ctx) as FactObject | null, out);
      return out;
    };
  }

  private compileDefineCall(key: string, args: readonly Expr[]): Compiled {
    const info = this.policy.defines.get(key);
    if (!info) throw new Error(`unknown definition "${key}"`);
    const compiledArgs = args.map((a) => this.compile(a));
    const slots = info.params.map((p) => p.slot);
    const frameSize = info.frameSize;
    // Bodies are compiled on first call: definitions may be declared after their callers.
    let body: Compiled | undefined;
    const getBody = (): Compiled => {
      if (body) return body;
      let cached = this.defineBodies.get(key);
      if (!cached) {
        cached = this.compile(info.body);
        this.defineBodies.set(key, cached);
      }
      body = cached;
      return body;
    };
    // There is no recursion, so a definition is never active twice at once: its frame is reused.
    // Arguments are evaluated before any is stored, as one may call the same definition.
    const frame: Value[] = new Array<Value>(frameSize).fill(null);
    const argc = compiledArgs.length;
    if (argc === 1) {
      const a0 = compiledArgs[0]!;
      const s0 = slots[0]!;
      return (ctx) => {
        const v0 = a0(ctx);
        frame[s0] = v0;
        const saved = ctx.frame;
        ctx.frame = frame;
        try {
          return getBody()(ctx);
        } finally {
          ctx.frame = saved;
        }
      };
    }
    return (ctx) => {
      const values = compiledArgs.map((a) => a(ctx));
      for (let i = 0; i < argc; i++) frame[slots[i]!] = values[i]!;
      const saved = ctx.frame;
      ctx.frame = frame;
      try {
        return getBody()(ctx);
      } finally {
        ctx.frame = saved;
      }
    };
  }

  /** A call of a built-in or host function: its implementation, `none` handled by its signature. */
  private compileFunctionCall(
    implementation: Implementation,
    signature: FunctionSignature,
    args: readonly Expr[],
  ): Compiled {
    const compiled = args.map((a) => this.compile(a));
    const strict = signature.propagatesNone;
    const [a0, a1] = compiled;
    // One and two arguments are what the built-ins take: no array of closures walked for those.
    if (compiled.length === 1 && a0 !== undefined) {
      return (ctx) => {
        const v0 = a0(ctx);
        return strict && v0 === null ? null : implementation([v0], ctx.calendar);
      };
    }
    if (compiled.length === 2 && a0 !== undefined && a1 !== undefined) {
      return (ctx) => {
        const v0 = a0(ctx);
        const v1 = a1(ctx);
        return strict && (v0 === null || v1 === null) ? null : implementation([v0, v1], ctx.calendar);
      };
    }
    return (ctx) => {
      const values = compiled.map((a) => a(ctx));
      return strict && values.includes(null) ? null : implementation(values, ctx.calendar);
    };
  }
}

function stripOptional(type: Type): Type {
  return type.kind === "optional" ? stripOptional(type.inner) : type;
}

// Tests of an ordering's sign, made once: an arrow written inside a compiled closure would be a
// new function object on every comparison.
const below = (c: number): boolean => c < 0;
const belowOrEqual = (c: number): boolean => c <= 0;
const above = (c: number): boolean => c > 0;
const aboveOrEqual = (c: number): boolean => c >= 0;

function compare(l: Value, r: Value, test: (c: number) => boolean): Value {
  if (l === null || r === null) return null;
  const c = order(l, r);
  return Number.isNaN(c) ? null : test(c);
}

export function existsAsAt(ctx: Context, collection: string, element: FactObject): boolean {
  const from = ctx.data.existsFrom(collection, element);
  return from === undefined || from <= ctx.asAt;
}

/** A value as text, for `text(x)`, holders and targets. */
export function textOf(type: Type): (value: Value) => string {
  const base = stripOptional(type);
  switch (base.kind) {
    case "date":
      return (v) => formatIsoDate(v as number);
    case "duration":
      return (v) => formatDuration(v as Duration);
    case "period":
      return (v) => (v as Period).label;
    case "entity":
      return (v) => {
        const o = v as FactObject;
        return typeof o.name === "string" ? o.name : String(o.id);
      };
    case "list": {
      const element = textOf(base.element);
      return (v) => (v as readonly Value[]).map(element).join(", ");
    }
    case "text":
    case "number":
    case "bool":
    case "enum":
    case "record":
    case "none":
    case "error":
      return (v) => String(v);
    case "optional":
      // Stripped above.
      return textOf(base.inner);
    default:
      return assertNever(base, "type");
  }
}
