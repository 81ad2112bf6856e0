/**
 * What the server needs from a compiled policy, and how it describes one to callers. Typed
 * structurally so that any engine policy with this surface can be served.
 */
import type { EvaluateOutcome, JsonValue, Modality, RuleKind } from "@remit/engine";

export interface PolicyIdentity {
  readonly name: string;
  readonly version: string | null | undefined;
  readonly hash: string;
}

export interface EvaluateOptions {
  /** The evaluation date; when absent, the facts' own `asOf` (the engine refuses a document with neither). */
  readonly asOf?: string;
  readonly params: Readonly<Record<string, JsonValue>>;
}

export interface RuleLike {
  readonly id: string;
  readonly title: string;
  readonly kind: RuleKind;
  readonly modality: Modality;
  readonly cites: readonly string[];
}

export interface ClauseLike {
  readonly id: string;
  readonly title: string;
  readonly text?: string | undefined;
}

/**
 * A parameter as an engine lists it. `defaultValue` is the default as JSON; without it the
 * server reads `default`, either JSON or the checker's constant expression (`15 days`).
 */
export interface ParamLike {
  readonly key: string;
  readonly default?: unknown;
  readonly defaultValue?: JsonValue;
  readonly description?: string | undefined;
  readonly type?: unknown;
}

type Listing<T> = readonly T[] | ReadonlyMap<string, T>;

/** The surface of a compiled policy that the server calls. */
export interface EnginePolicy {
  readonly info: PolicyIdentity;
  readonly rules: Listing<RuleLike>;
  readonly params: Listing<ParamLike>;
  /** Clauses listed by the policy itself, or else found in its checked model. */
  readonly clauses?: Listing<ClauseLike>;
  readonly checked?: { readonly clauses: Listing<ClauseLike> };
  evaluate(facts: unknown, options: EvaluateOptions): EvaluateOutcome | Promise<EvaluateOutcome>;
}

/** A policy served under a route name other than its own (`/v1/policies/ziyuan/…`). */
export interface NamedPolicy {
  readonly name: string;
  readonly policy: EnginePolicy;
}

export type PolicyEntry = EnginePolicy | NamedPolicy;

export interface PolicyDescription {
  readonly name: string;
  readonly version: string | null;
  readonly hash: string;
  readonly clauses: readonly { readonly id: string; readonly title: string; readonly text: string | null }[];
  readonly rules: readonly {
    readonly id: string;
    readonly title: string;
    readonly kind: RuleKind;
    readonly modality: Modality;
    readonly cites: readonly string[];
  }[];
  readonly parameters: readonly {
    readonly key: string;
    readonly type: string | null;
    readonly default: JsonValue;
    readonly description: string | null;
  }[];
}

export interface ServedPolicy {
  /** The name in `/v1/policies/{name}/…`. */
  readonly route: string;
  readonly policy: EnginePolicy;
  readonly description: PolicyDescription;
}

function listOf<T>(listing: Listing<T> | undefined): readonly T[] {
  if (listing === undefined) return [];
  return Array.isArray(listing) ? listing : [...(listing as ReadonlyMap<string, T>).values()];
}

/** A type written for people: `integer [days]`, `enum("一般", "重大")`; null when unknown. */
function typeText(type: unknown): string | null {
  if (typeof type === "string") return type;
  if (typeof type !== "object" || type === null || !("kind" in type)) return null;
  const t = type as {
    kind: string;
    integer?: boolean;
    unit?: string;
    values?: readonly string[];
    inner?: unknown;
    element?: unknown;
  };
  switch (t.kind) {
    case "number":
      return `${t.integer ? "integer" : "decimal"}${t.unit ? ` [${t.unit}]` : ""}`;
    case "enum":
      return `enum(${(t.values ?? []).map((v) => JSON.stringify(v)).join(", ")})`;
    case "optional":
      return `optional ${typeText(t.inner) ?? "?"}`;
    case "list":
      return `list ${typeText(t.element) ?? "?"}`;
    default:
      return t.kind;
  }
}

const durationUnits: Readonly<Record<string, [string, string]>> = {
  day: ["day", "days"],
  week: ["week", "weeks"],
  month: ["month", "months"],
  quarter: ["quarter", "quarters"],
  year: ["year", "years"],
};

interface ExprNode {
  readonly kind: string;
  readonly value?: unknown;
  readonly amount?: number;
  readonly unit?: string;
  readonly elements?: readonly unknown[];
  readonly name?: { readonly name?: string };
  readonly inner?: unknown;
  readonly operand?: unknown;
  readonly operator?: string;
}

function isExprNode(value: unknown): value is ExprNode {
  return typeof value === "object" && value !== null && "kind" in value && "span" in value;
}

/**
 * A constant default expression as the JSON a caller would send to override it: numbers, text,
 * booleans, dates as `YYYY-MM-DD`, durations as `"15 days"`; another parameter's name reads that
 * parameter's default. Anything else is `null`.
 */
function constantOf(expr: unknown, lookup: (name: string) => unknown, depth = 0): JsonValue {
  if (!isExprNode(expr) || depth > 32) return null;
  switch (expr.kind) {
    case "NumberLiteral":
    case "StringLiteral":
    case "BoolLiteral":
    case "DateLiteral":
      return isJsonValue(expr.value) ? expr.value : null;
    case "DurationLiteral": {
      const names = durationUnits[expr.unit ?? ""];
      if (names === undefined || expr.amount === undefined) return null;
      return `${expr.amount} ${expr.amount === 1 ? names[0] : names[1]}`;
    }
    case "ListLiteral":
      return (expr.elements ?? []).map((e) => constantOf(e, lookup, depth + 1));
    case "ParenExpr":
      return constantOf(expr.inner, lookup, depth + 1);
    case "UnaryExpr": {
      const inner = constantOf(expr.operand, lookup, depth + 1);
      return expr.operator === "-" && typeof inner === "number" ? -inner : null;
    }
    case "NameExpr":
      return expr.name?.name === undefined ? null : constantOf(lookup(expr.name.name), lookup, depth + 1);
    default:
      return null;
  }
}

function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    return (proto === Object.prototype || proto === null) && Object.values(value).every(isJsonValue);
  }
  return false;
}

/** JSON has no `-0`: it would print as `0`, so the description says `0` from the start. */
function withoutNegativeZero(value: JsonValue): JsonValue {
  if (typeof value === "number") return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  if (value !== null && typeof value === "object") {
    const copy: { [key: string]: JsonValue } = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = withoutNegativeZero(inner);
    return copy;
  }
  return value;
}

export function describePolicy(policy: EnginePolicy): PolicyDescription {
  const params = listOf(policy.params);
  const byKey = new Map(params.map((p) => [p.key, p] as const));
  const lookup = (name: string): unknown => byKey.get(name)?.default;
  const defaultOf = (p: ParamLike): JsonValue => {
    if (p.defaultValue !== undefined) return withoutNegativeZero(p.defaultValue);
    if (isExprNode(p.default)) return withoutNegativeZero(constantOf(p.default, lookup));
    return isJsonValue(p.default) ? withoutNegativeZero(p.default) : null;
  };
  return {
    name: policy.info.name,
    version: policy.info.version ?? null,
    hash: policy.info.hash,
    clauses: listOf(policy.clauses ?? policy.checked?.clauses).map((c) => ({
      id: c.id,
      title: c.title,
      text: c.text ?? null,
    })),
    rules: listOf(policy.rules).map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      modality: r.modality,
      cites: [...r.cites],
    })),
    parameters: params.map((p) => ({
      key: p.key,
      type: typeText(p.type),
      default: defaultOf(p),
      description: p.description ?? null,
    })),
  };
}

export function servePolicies(entries: readonly PolicyEntry[]): readonly ServedPolicy[] {
  const served = entries.map((entry): ServedPolicy => {
    const policy = "evaluate" in entry ? entry : entry.policy;
    const route = "evaluate" in entry ? entry.info.name : entry.name;
    return { route, policy, description: describePolicy(policy) };
  });
  const seen = new Set<string>();
  for (const s of served) {
    if (seen.has(s.route)) throw new Error(`two policies are served as '${s.route}'`);
    seen.add(s.route);
  }
  return served;
}
