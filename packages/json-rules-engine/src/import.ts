/**
 * Import: a json-rules-engine rule set as Remit source. The facts the rules read become the
 * fields of one collection (`subjects` unless named otherwise), their types inferred from the
 * operators and values they meet; each json-rules-engine rule becomes an accountability rule that
 * is triggered, for a subject, exactly when the rule's conditions hold (its event would fire).
 */
import type { Diagnostic, Span } from "@remit/lang";
import { importCodes, makeDiagnostic } from "./diagnostics.js";

export interface ImportOptions {
  /** The policy's name in its header; default `"imported json-rules-engine rules"`. */
  readonly policyName?: string;
  /** The collection holding one element per subject (a set of facts); default `subjects`. */
  readonly collection?: string;
  /** The file name diagnostics point at; default `rules.json`. */
  readonly file?: string;
}

export interface ImportResult {
  /** Remit source text (a whole policy module); partial when there are diagnostics. */
  readonly source: string;
  readonly diagnostics: readonly Diagnostic[];
}

type FieldType = "decimal" | "text" | "bool";

interface FieldState {
  scalar: FieldType | undefined;
  list: boolean;
  optional: boolean;
  conflict: boolean;
}

const identifier = /^[\p{L}_][\p{L}\p{N}_]*$/u;

const comparisonOperators: Readonly<Record<string, string>> = {
  equal: "=",
  notEqual: "!=",
  lessThan: "<",
  lessThanInclusive: "<=",
  greaterThan: ">",
  greaterThanInclusive: ">=",
};

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

function literal(value: string | number | boolean): string {
  if (typeof value === "string") return quote(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  // Remit numbers are written plainly: no exponent, a leading minus is the unary operator.
  const text = Number.isInteger(value) ? value.toFixed(0) : String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/0+$/, "") : text;
}

function typeOfValue(value: unknown): FieldType | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return "decimal";
  if (typeof value === "string") return "text";
  if (typeof value === "boolean") return "bool";
  return undefined;
}

/** A rule id from an event type or rule name: identifiers joined by `-`. */
function ruleIdOf(text: string, index: number, taken: Set<string>): string {
  const parts = text.split(/[^\p{L}\p{N}_]+/u).filter((p) => p.length > 0);
  let base = parts.map((p) => (/^\p{N}/u.test(p) ? `_${p}` : p)).join("-") || `rule-${index + 1}`;
  if (!/^[\p{L}_]/u.test(base)) base = `rule-${base}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

class Importer {
  readonly diagnostics: Diagnostic[] = [];
  readonly fields = new Map<string, FieldState>();
  /** Facts compared for equality with each other: they share a type, settled once all are read. */
  private readonly sameType: [string, string][] = [];
  private readonly span: Span;

  constructor(
    file: string,
    private readonly variable: string,
  ) {
    const start = { offset: 0, line: 1, column: 1 };
    this.span = { file, start, end: start };
  }

  error(definition: Parameters<typeof makeDiagnostic>[0], arg: string): undefined {
    this.diagnostics.push(makeDiagnostic(definition, this.span, arg));
    return undefined;
  }

  private field(name: string): FieldState | undefined {
    if (!identifier.test(name) || name === "id" || name === "asOf")
      return this.error(importCodes.factName, name);
    let state = this.fields.get(name);
    if (!state) {
      state = { scalar: undefined, list: false, optional: false, conflict: false };
      this.fields.set(name, state);
    }
    return state;
  }

  private note(name: string, state: FieldState, scalar: FieldType | undefined, list: boolean): void {
    if (state.conflict) return;
    const clashes =
      (scalar !== undefined && state.scalar !== undefined && scalar !== state.scalar) ||
      (state.scalar !== undefined && list !== state.list);
    if (clashes) {
      state.conflict = true;
      this.error(importCodes.type, name);
      return;
    }
    if (scalar !== undefined) {
      state.scalar = scalar;
      state.list = list;
    }
  }

  /** Gives facts compared with each other the type one of them is known to have. */
  settle(): void {
    for (let changed = true; changed; ) {
      changed = false;
      for (const [a, b] of this.sameType) {
        const sa = this.fields.get(a)!;
        const sb = this.fields.get(b)!;
        const known = sa.scalar ?? sb.scalar;
        if (known === undefined) continue;
        for (const [name, state] of [
          [a, sa],
          [b, sb],
        ] as const) {
          const before = state.scalar;
          this.note(name, state, known, false);
          if (state.scalar !== before) changed = true;
        }
      }
    }
  }

  /** The Remit expression for a condition, or undefined after a diagnostic. */
  condition(condition: unknown, where: string): string | undefined {
    if (!isRecord(condition)) return this.error(importCodes.condition, where);
    if (Object.hasOwn(condition, "all") || Object.hasOwn(condition, "any")) {
      const key = Object.hasOwn(condition, "all") ? "all" : "any";
      const parts = condition[key];
      if (!Array.isArray(parts)) return this.error(importCodes.condition, `${where}.${key}`);
      // json-rules-engine holds an empty `all` and an empty `any` alike.
      if (parts.length === 0) return "true";
      const translated = parts.map((p, i) => this.condition(p, `${where}.${key}[${i}]`));
      if (translated.some((t) => t === undefined)) return undefined;
      return translated.length === 1
        ? translated[0]
        : `(${translated.join(key === "all" ? " and " : " or ")})`;
    }
    if (Object.hasOwn(condition, "not")) {
      const inner = this.condition(condition.not, `${where}.not`);
      if (inner === undefined) return undefined;
      return inner.startsWith("(") && inner.endsWith(")") ? `not ${inner}` : `not (${inner})`;
    }
    if (Object.hasOwn(condition, "condition")) return this.error(importCodes.condition, where);
    return this.leaf(condition, where);
  }

  private leaf(condition: Readonly<Record<string, unknown>>, where: string): string | undefined {
    const { fact, operator, value, path, params } = condition;
    if (typeof fact !== "string" || typeof operator !== "string" || !Object.hasOwn(condition, "value"))
      return this.error(importCodes.condition, where);
    if (path !== undefined || params !== undefined) return this.error(importCodes.condition, where);
    const state = this.field(fact);
    if (!state) return undefined;
    const subject = `${this.variable}.${fact}`;

    // A value read from another fact: both sides are fields of the same type.
    if (isRecord(value)) {
      if (typeof value.fact !== "string" || value.path !== undefined || value.params !== undefined)
        return this.error(importCodes.condition, where);
      const op = comparisonOperators[operator];
      if (op === undefined) return this.error(importCodes.operator, operator);
      const other = this.field(value.fact);
      if (!other) return undefined;
      if (op !== "=" && op !== "!=") {
        this.note(fact, state, "decimal", false);
        this.note(value.fact, other, "decimal", false);
      } else this.sameType.push([fact, value.fact]);
      return `${subject} ${op} ${this.variable}.${value.fact}`;
    }

    switch (operator) {
      case "equal":
      case "notEqual": {
        if (value === null) {
          state.optional = true;
          return operator === "equal" ? `${subject} is missing` : `${subject} is set`;
        }
        const type = typeOfValue(value);
        if (type === undefined) return this.error(importCodes.condition, where);
        this.note(fact, state, type, false);
        return `${subject} ${operator === "equal" ? "=" : "!="} ${literal(value as string | number | boolean)}`;
      }
      case "lessThan":
      case "lessThanInclusive":
      case "greaterThan":
      case "greaterThanInclusive": {
        if (typeof value !== "number" || !Number.isFinite(value))
          return this.error(importCodes.condition, where);
        this.note(fact, state, "decimal", false);
        return `${subject} ${comparisonOperators[operator]} ${literal(value)}`;
      }
      case "in":
      case "notIn": {
        if (!Array.isArray(value)) return this.error(importCodes.condition, where);
        const types = new Set(value.map(typeOfValue));
        if (types.has(undefined) || types.size > 1) return this.error(importCodes.condition, where);
        const [type] = [...types] as [FieldType | undefined];
        if (type !== undefined) this.note(fact, state, type, false);
        const list = `[${value.map((v) => literal(v as string | number | boolean)).join(", ")}]`;
        return operator === "in" ? `${subject} in ${list}` : `not (${subject} in ${list})`;
      }
      case "contains":
      case "doesNotContain": {
        const type = typeOfValue(value);
        if (type === undefined) return this.error(importCodes.condition, where);
        this.note(fact, state, type, true);
        state.list = true;
        const test = `${literal(value as string | number | boolean)} in ${subject}`;
        return operator === "contains" ? test : `not (${test})`;
      }
      default:
        return this.error(importCodes.operator, operator);
    }
  }
}

/**
 * Converts a json-rules-engine rule set (an array of rules, `{ rules: [...] }`, or one rule) into
 * Remit source. What cannot be converted gets an R71xx diagnostic and is left out.
 * @example
 * ```ts
 * import { importRules } from "@remit/json-rules-engine";
 * const rules = [
 *   {
 *     name: "large-loss",
 *     conditions: { all: [{ fact: "loss", operator: "greaterThan", value: 10000 }] },
 *     event: { type: "escalate" },
 *   },
 * ];
 * const { source, diagnostics } = importRules(rules, { policyName: "losses", collection: "incidents" });
 * console.log(diagnostics.length, source.split("\n")[0]); // 0 policy "losses"
 * console.log(source.includes('cause "escalate" when s.loss > 10000')); // true
 * const refused = importRules([{ conditions: { all: [{ fact: "x", operator: "regex", value: "a" }] }, event: { type: "e" } }]);
 * console.log(refused.diagnostics.map((d) => d.code)); // [ 'R7102' ]
 * ```
 */
export function importRules(jreRules: unknown, options: ImportOptions = {}): ImportResult {
  const collection = options.collection ?? "subjects";
  const importer = new Importer(options.file ?? "rules.json", "s");
  const rules: unknown[] | undefined = Array.isArray(jreRules)
    ? jreRules
    : isRecord(jreRules) && Array.isArray(jreRules.rules)
      ? jreRules.rules
      : isRecord(jreRules) && Object.hasOwn(jreRules, "conditions")
        ? [jreRules]
        : undefined;
  if (rules === undefined) {
    importer.error(importCodes.shape, "the top level");
    return { source: "", diagnostics: importer.diagnostics };
  }

  const taken = new Set<string>();
  const clauses: string[] = [];
  const bodies: string[] = [];
  rules.forEach((rule, index) => {
    const where = `rules[${index}]`;
    if (
      !isRecord(rule) ||
      !isRecord(rule.conditions) ||
      !isRecord(rule.event) ||
      typeof rule.event.type !== "string"
    ) {
      importer.error(importCodes.shape, where);
      return;
    }
    const condition = importer.condition(rule.conditions, `${where}.conditions`);
    if (condition === undefined) return;
    const type = rule.event.type;
    const title = typeof rule.name === "string" ? rule.name : type;
    const id = ruleIdOf(typeof rule.name === "string" ? rule.name : type, index, taken);
    const clause = String(index + 1);
    clauses.push(`clause ${clause} ${quote(title)}`);
    bodies.push(
      [
        `accountability ${id} ${quote(title)}`,
        "  must",
        `  cites ${clause}`,
        `  for each s in ${collection}`,
        "  as at asOf",
        `  cause ${quote(type)} when ${condition}`,
      ].join("\n"),
    );
  });

  importer.settle();
  const fields = [...importer.fields.entries()].map(([name, state]) => {
    let type: string = state.scalar ?? "text";
    if (state.list) type = `list ${type}`;
    if (state.optional) type = `optional ${type}`;
    return `  ${name}: ${type}`;
  });
  const source = [
    `policy ${quote(options.policyName ?? "imported json-rules-engine rules")}`,
    "",
    ...clauses,
    "",
    `collection ${collection} {`,
    ...fields,
    "}",
    "",
    bodies.join("\n\n"),
    "",
  ].join("\n");
  return { source, diagnostics: importer.diagnostics };
}
