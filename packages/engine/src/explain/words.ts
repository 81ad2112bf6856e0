/**
 * Expressions in words, for people: a condition as a clause (`挂牌日期不晚于发现日期起 7 天`), a value
 * as a noun phrase (`检查记录中类型为“专项检查”且日期在本周期内的数量`), with the policy's own labels for
 * fields, collections, parameters and definitions, in English or Chinese. Where the facts are at
 * hand (`ctx`), a read is followed by its value. Nothing here prints the policy's source text, so
 * no operator, keyword or dotted path reaches the reader.
 */
import {
  assertNever,
  builtinFunctionsByName,
  type CheckedPolicy,
  type ComparisonOperator,
  type Expr,
  type FieldInfo,
  type Language,
  type Localized,
  negatedComparison,
  type Type,
} from "@remit/lang";
import type { Context } from "../compile/expr.js";
import type { JsonValue } from "../result.js";
import type { ConditionExplainer } from "./tree.js";

type Lang = Language;

/**
 * A value as people read it: dates and text as they are, durations and periods in words.
 * @example
 * ```ts
 * import { valueWords } from "@remit/engine";
 * console.log(valueWords(true, "en"), valueWords(null, "zh")); // yes 空
 * ```
 */
export function valueWords(value: JsonValue | undefined, lang: Lang): string {
  if (value === null || value === undefined) return lang === "en" ? "none" : "空";
  if (value === true) return lang === "en" ? "yes" : "是";
  if (value === false) return lang === "en" ? "no" : "否";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return durationWords(value, lang) ?? periodWords(value, lang);
  if (Array.isArray(value))
    return value.length === 0
      ? lang === "en"
        ? "none"
        : "无"
      : value.map((v: JsonValue) => valueWords(v, lang)).join(lang === "en" ? ", " : "、");
  return Object.entries(value)
    .map(([k, v]) => `${k}${lang === "en" ? ": " : "："}${valueWords(v, lang)}`)
    .join(lang === "en" ? ", " : "，");
}

const durationPattern = /^(\d+(?:\.\d+)?) (day|days|month|months)$/;

/** `7 days` → `7 天`; undefined when `text` is not a duration as the engine writes one. */
function durationWords(text: string, lang: Lang): string | undefined {
  const match = durationPattern.exec(text);
  if (match === null) return undefined;
  if (lang === "en") return text;
  return `${match[1]} ${match[2]!.startsWith("day") ? "天" : "个月"}`;
}

const quarterNames = ["一", "二", "三", "四"] as const;
const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/**
 * A recurring duty's period label in words: `2026-Q1` → `2026年第一季度` / `Q1 2026`, `2026-07` →
 * `2026年7月` / `July 2026`, `2026-W27` → `2026年第27周` / `week 27 of 2026`, `2026` → `2026年`.
 * Any other text is returned as it is.
 * @example
 * ```ts
 * import { periodWords } from "@remit/engine";
 * console.log(periodWords("2026-Q1", "zh"), periodWords("2026-Q1", "en")); // 2026年第一季度 Q1 2026
 * ```
 */
export function periodWords(label: string, lang: Lang): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) {
    const n = Number(quarter[2]);
    return lang === "en" ? `Q${n} ${quarter[1]}` : `${quarter[1]}年第${quarterNames[n - 1]}季度`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) {
    const n = Number(month[2]);
    return lang === "en" ? `${monthNames[n - 1]} ${month[1]}` : `${month[1]}年${n}月`;
  }
  const week = /^(\d{4})-W(\d{2})$/.exec(label);
  if (week)
    return lang === "en" ? `week ${Number(week[2])} of ${week[1]}` : `${week[1]}年第${Number(week[2])}周`;
  if (/^\d{4}$/.test(label)) return lang === "en" ? label : `${label}年`;
  return label;
}

/** A comparison as a verb phrase, for dates and for other values. */
const comparisons: Readonly<
  Record<ComparisonOperator, { readonly date: Localized; readonly other: Localized }>
> = {
  "=": { date: { en: "is", zh: "为" }, other: { en: "is", zh: "为" } },
  "!=": { date: { en: "is not", zh: "不为" }, other: { en: "is not", zh: "不为" } },
  "<": { date: { en: "is before", zh: "早于" }, other: { en: "is less than", zh: "少于" } },
  "<=": { date: { en: "is on or before", zh: "不晚于" }, other: { en: "is at most", zh: "不超过" } },
  ">": { date: { en: "is after", zh: "晚于" }, other: { en: "is more than", zh: "多于" } },
  ">=": { date: { en: "is on or after", zh: "不早于" }, other: { en: "is at least", zh: "不少于" } },
};
type Comparison = ComparisonOperator;

const aggregateWords = {
  sum: { en: "the total", zh: "之和" },
  min: { en: "the smallest", zh: "最小值" },
  max: { en: "the largest", zh: "最大值" },
  latest: { en: "the latest", zh: "最晚" },
  earliest: { en: "the earliest", zh: "最早" },
} as const;

/**
 * Where a phrase is said. `ctx`: the finding's context, so reads can show their values (absent
 * inside an aggregate or a definition body, whose variables have no single value).
 */
interface Scope {
  readonly lang: Lang;
  readonly ctx: Context | undefined;
}

export class ExpressionWords {
  constructor(
    readonly policy: CheckedPolicy,
    private readonly explainer: ConditionExplainer,
  ) {}

  /** Whether a condition holds in `ctx`. */
  valueOfCondition(expr: Expr, ctx: Context): boolean {
    return this.explainer.valueOf(expr, ctx) === true;
  }

  /** The value of `expr` in `ctx`, in words. */
  value(expr: Expr, ctx: Context, lang: Lang): string {
    return valueWords(this.explainer.valueOf(expr, ctx), lang);
  }

  /** What `expr` stands for, as a noun phrase; with `ctx`, reads are followed by their values. */
  noun(expr: Expr, lang: Lang, ctx?: Context): string {
    return this.nounIn(expr, { lang, ctx });
  }

  /** A condition as a clause; `negated` says its opposite (`尚无整改期限` for `rectifyBy is set`). */
  clause(expr: Expr, lang: Lang, negated = false, ctx?: Context): string {
    return this.clauseIn(expr, { lang, ctx }, negated);
  }

  /** Both languages at once. */
  both(say: (lang: Lang) => string): Localized {
    return { en: say("en"), zh: say("zh") };
  }

  /** A parameter's label: its description up to the first colon, or its name. */
  paramLabel(key: string, lang: Lang): string {
    const description = this.policy.params.get(key)?.description;
    if (description === undefined) return lang === "en" ? `the parameter ${key}` : `参数 ${key}`;
    return description.split(/[：:]/)[0]!;
  }

  private nounIn(expr: Expr, scope: Scope): string {
    const { lang } = scope;
    const en = lang === "en";
    switch (expr.kind) {
      case "ParenExpr":
        return this.nounIn(expr.inner, scope);
      case "NumberLiteral":
        return expr.raw;
      case "StringLiteral":
        return en ? `"${expr.value}"` : `“${expr.value}”`;
      case "BoolLiteral":
        return valueWords(expr.value, lang);
      case "DateLiteral":
        return expr.value;
      case "DurationLiteral":
      case "NoneLiteral":
        return this.withValue(expr, scope, "", true);
      case "ListLiteral":
        return expr.elements.map((e) => this.nounIn(e, scope)).join(en ? ", " : "、");
      case "NameExpr":
      case "MemberExpr":
        return this.withValue(expr, scope, this.readWords(expr, scope));
      case "CallExpr":
        return this.withValue(expr, scope, this.callWords(expr, scope));
      case "UnaryExpr":
        if (expr.operator === "-") return `${en ? "minus " : "负"}${this.nounIn(expr.operand, scope)}`;
        return this.clauseIn(expr, scope, false);
      case "BinaryExpr":
        return this.binaryNoun(expr, scope);
      case "IsSetExpr":
        return this.clauseIn(expr, scope, false);
      case "IfExpr": {
        const inner = { ...scope, ctx: undefined };
        const condition = this.clauseIn(expr.condition, inner, false);
        const then = this.nounIn(expr.then, inner);
        const otherwise = this.nounIn(expr.else, inner);
        const words = en
          ? `${then} if ${condition}, otherwise ${otherwise}`
          : `若${condition}，为${then}，否则为${otherwise}`;
        return this.withValue(expr, scope, words);
      }
      case "AggregateExpr":
        return this.withValue(expr, scope, this.aggregateWords(expr, scope));
      default:
        return assertNever(expr);
    }
  }

  /** `phrase` followed by the value read in the finding's context, if there is one. */
  private withValue(expr: Expr, scope: Scope, phrase: string, valueOnly = false): string {
    const { ctx, lang } = scope;
    if (ctx === undefined) return valueOnly ? this.literalWords(expr, lang) : phrase;
    const value = this.value(expr, ctx, lang);
    if (valueOnly || phrase === "") return value;
    return lang === "en" ? `${phrase} (${value})` : `${phrase}（${value}）`;
  }

  private literalWords(expr: Expr, lang: Lang): string {
    if (expr.kind === "DurationLiteral") {
      const unit = expr.unit;
      return valueWords(`${expr.amount} ${unit === "day" || unit === "week" ? "days" : "months"}`, lang)
        .replace(/^(\d+) days$/, (_, n: string) => `${n} ${unit === "week" ? "weeks" : "days"}`)
        .replace(/^(\d+) 天$/, (_, n: string) => `${n} ${unit === "week" ? "周" : "天"}`);
    }
    return valueWords(null, lang);
  }

  /** A name or member read: a label, with its owner when the owner is not a variable. */
  private readWords(expr: Expr & { kind: "NameExpr" | "MemberExpr" }, scope: Scope): string {
    const { lang } = scope;
    const en = lang === "en";
    const resolution = this.policy.resolve(expr);
    switch (resolution.kind) {
      case "local": {
        const type = this.policy.typeOf(expr);
        // An element with no collection to name it (a date in a list, a definition's number).
        return this.typeWords(type, lang) ?? (lang === "en" ? "it" : "该项");
      }
      case "param":
        return this.paramLabel(resolution.key, lang);
      case "define": {
        const info = this.policy.defines.get(resolution.key);
        return (
          info?.decl.label?.value ??
          (info ? this.nounIn(info.body, { lang, ctx: undefined }) : resolution.key)
        );
      }
      case "collection":
        return this.policy.collections.get(resolution.name)?.label ?? resolution.name;
      case "record":
        return this.policy.records.get(resolution.name)?.label ?? resolution.name;
      case "asOf":
        return en ? "the evaluation date" : "评估日";
      case "period":
        return en ? "the period" : "本周期";
      case "periodMember":
        return resolution.member === "start"
          ? en
            ? "the start of the period"
            : "本周期开始日"
          : en
            ? "the end of the period"
            : "本周期截止日";
      case "field":
      case "reference":
      case "inverse": {
        if (expr.kind !== "MemberExpr") return expr.name.name;
        const label = this.memberLabel(expr, resolution);
        const owner = this.ownerWords(expr.object, scope);
        if (owner === undefined) return label;
        return en ? `${label} of ${owner}` : `${owner}的${label}`;
      }
      case "builtin":
      case "host":
        return expr.kind === "NameExpr" ? expr.name.name : expr.property.name;
      default:
        return assertNever(resolution);
    }
  }

  /** The owner of a member read, or undefined when it is a variable (the subject, an element). */
  private ownerWords(object: Expr, scope: Scope): string | undefined {
    let inner = object;
    while (inner.kind === "ParenExpr") inner = inner.inner;
    if (inner.kind === "NameExpr" && this.policy.resolve(inner).kind === "local") return undefined;
    return this.nounIn(inner, { ...scope, ctx: undefined });
  }

  private memberLabel(
    expr: Expr & { kind: "MemberExpr" },
    resolution: { readonly kind: "field" | "reference" | "inverse" },
  ): string {
    const name = expr.property.name;
    if (resolution.kind === "inverse") {
      const source = (this.policy.resolve(expr) as { source: string }).source;
      return this.policy.collections.get(source)?.label ?? name;
    }
    const fields = this.fieldsOf(this.policy.typeOf(expr.object));
    const field =
      resolution.kind === "reference"
        ? fields.find((f) => f.reference?.as === name)
        : fields.find((f) => f.name === name);
    if (field?.decl.label !== undefined) return field.decl.label.value;
    if (resolution.kind === "reference" && field?.reference)
      return this.policy.collections.get(field.reference.target)?.label ?? name;
    return name;
  }

  private fieldsOf(type: Type): readonly FieldInfo[] {
    switch (type.kind) {
      case "optional":
        return this.fieldsOf(type.inner);
      case "list":
        return this.fieldsOf(type.element);
      case "record":
        return type.fields;
      case "entity":
        return this.policy.collections.get(type.collection)?.fields ?? [];
      default:
        return [];
    }
  }

  /** A variable by its type: an element of a collection by the collection's label. */
  private typeWords(type: Type, lang: Lang): string | undefined {
    if (type.kind === "optional") return this.typeWords(type.inner, lang);
    if (type.kind !== "entity") return undefined;
    const label = this.policy.collections.get(type.collection)?.label;
    if (label === undefined) return undefined;
    return lang === "en" ? `the ${label}` : `该${label}`;
  }

  private callWords(expr: Expr & { kind: "CallExpr" }, scope: Scope): string {
    const { lang } = scope;
    const inner = { ...scope, ctx: undefined };
    const resolution = this.policy.resolve(expr);
    // Arguments that are plain variables (the subject) go without saying.
    const args = expr.args
      .filter((a) => !(a.kind === "NameExpr" && this.policy.resolve(a).kind === "local"))
      .map((a) => this.nounIn(a, inner));
    const withArgs = (name: string) =>
      args.length === 0
        ? name
        : lang === "en"
          ? `${name} (${args.join(", ")})`
          : `${name}（${args.join("，")}）`;
    switch (resolution.kind) {
      case "define": {
        const info = this.policy.defines.get(resolution.key);
        if (info?.decl.label !== undefined) return withArgs(info.decl.label.value);
        return info ? this.nounIn(info.body, inner) : resolution.key;
      }
      case "builtin": {
        const spellings = builtinFunctionsByName.get(resolution.name)?.spellings;
        return withArgs(spellings ? spellings[lang] : resolution.name);
      }
      case "host":
        return withArgs(resolution.function.spellings[lang]);
      default:
        return withArgs(expr.callee.parts.map((p) => p.name).join(" "));
    }
  }

  private binaryNoun(expr: Expr & { kind: "BinaryExpr" }, scope: Scope): string {
    const { lang } = scope;
    const en = lang === "en";
    switch (expr.operator) {
      case "+":
      case "-": {
        const leftType = this.policy.typeOf(expr.left);
        const left = this.nounIn(expr.left, scope);
        const right = this.nounIn(expr.right, scope);
        const dated =
          leftType.kind === "date" || (leftType.kind === "optional" && leftType.inner.kind === "date");
        const words = dated
          ? expr.operator === "+"
            ? en
              ? `${right} after ${left}`
              : `${left}起${right}`
            : en
              ? `${right} before ${left}`
              : `${left}前${right}`
          : expr.operator === "+"
            ? en
              ? `${left} plus ${right}`
              : `${left}加${right}`
            : en
              ? `${left} minus ${right}`
              : `${left}减${right}`;
        return words;
      }
      case "*":
        return `${this.nounIn(expr.left, scope)}${en ? " times " : "乘以"}${this.nounIn(expr.right, scope)}`;
      case "/":
        return `${this.nounIn(expr.left, scope)}${en ? " divided by " : "除以"}${this.nounIn(expr.right, scope)}`;
      default:
        return this.clauseIn(expr, scope, false);
    }
  }

  private aggregateWords(expr: Expr & { kind: "AggregateExpr" }, scope: Scope): string {
    const { lang } = scope;
    const en = lang === "en";
    const inner = { ...scope, ctx: undefined };
    const source = this.nounIn(expr.source, inner);
    const filter = expr.filter ? this.clauseIn(expr.filter, inner, false) : undefined;
    const value = expr.value ? this.nounIn(expr.value, inner) : undefined;
    switch (expr.operator) {
      case "count":
        return en
          ? `the number of ${source}${filter ? ` where ${filter}` : ""}`
          : `${source}中${filter ? `${filter}的` : ""}数量`;
      case "any":
      case "all": {
        // The test is the value after the colon; without one, the filter is the test.
        const test = value ?? filter ?? "";
        const where = value !== undefined ? filter : undefined;
        if (en)
          return `${expr.operator === "any" ? "at least one of" : "every one of"} ${source}${where ? ` where ${where}` : ""}, ${expr.operator === "any" ? "any" : "each"} satisfying: ${test}`;
        return expr.operator === "any"
          ? `${source}中${where ? `${where}的` : ""}至少有一项${test}`
          : `${source}中${where ? `${where}的` : ""}每一项均${test}`;
      }
      case "sum":
      case "min":
      case "max":
      case "latest":
      case "earliest": {
        const word = aggregateWords[expr.operator];
        if (en)
          return `${word.en}${value ? ` ${value}` : ""} of ${source}${filter ? ` where ${filter}` : ""}`;
        return expr.operator === "sum"
          ? `${source}中${filter ? `${filter}的` : ""}${value ?? ""}${word.zh}`
          : `${source}中${filter ? `${filter}的` : ""}${word.zh}${value ?? "一项"}`;
      }
      default:
        return assertNever(expr.operator);
    }
  }

  /** The operands of a chain of one operator (`a and b and c`), parentheses looked through. */
  private chain(expr: Expr, op: "and" | "or"): Expr[] {
    let e = expr;
    while (e.kind === "ParenExpr") e = e.inner;
    if (e.kind === "BinaryExpr" && e.operator === op)
      return [...this.chain(e.left, op), ...this.chain(e.right, op)];
    return [e];
  }

  private clauseIn(expr: Expr, scope: Scope, negated: boolean): string {
    const { lang } = scope;
    const en = lang === "en";
    switch (expr.kind) {
      case "ParenExpr":
        return this.clauseIn(expr.inner, scope, negated);
      case "UnaryExpr":
        if (expr.operator === "not") return this.clauseIn(expr.operand, scope, !negated);
        break;
      case "IsSetExpr": {
        const present = expr.negated === negated;
        const noun = this.nounIn(expr.operand, { ...scope, ctx: undefined });
        const shown =
          scope.ctx && present ? `${en ? " " : ""}${this.value(expr.operand, scope.ctx, lang)}` : "";
        if (en) return present ? `${noun} is recorded${shown ? ` (${shown.trim()})` : ""}` : `no ${noun} yet`;
        return present ? `已有${noun}${shown ? `（${shown}）` : ""}` : `尚无${noun}`;
      }
      case "BinaryExpr": {
        const op = expr.operator;
        if (op === "and" || op === "or") {
          // De Morgan: the opposite of "a and b" is "not a, or not b".
          const joinsAll = (op === "and") !== negated;
          let parts = this.chain(expr, op);
          // With the facts at hand, the alternatives that hold are shown alone: the others did not decide.
          const { ctx } = scope;
          if (!joinsAll && ctx !== undefined) {
            const holding = parts.filter((part) => this.valueOfCondition(part, ctx) !== negated);
            if (holding.length > 0) parts = holding;
          }
          const said = parts.map((part) => this.clauseIn(part, scope, negated));
          return said.join(en ? ` ${joinsAll ? "and" : "or"} ` : `，${joinsAll ? "且" : "或"}`);
        }
        if (op === "in") {
          const left = this.nounIn(expr.left, scope);
          const rightType = this.policy.typeOf(expr.right);
          const right = this.nounIn(expr.right, {
            ...scope,
            ctx: rightType.kind === "period" ? undefined : scope.ctx,
          });
          if (rightType.kind === "period")
            return en
              ? `${left} ${negated ? "is not" : "is"} in ${right}`
              : `${left}${negated ? "不在" : "在"}${right}内`;
          return en
            ? `${left} ${negated ? "is not" : "is"} one of ${right}`
            : `${left}${negated ? "不属于" : "属于"}${right}`;
        }
        if (op in comparisons) {
          const comparison = negated ? negatedComparison[op as Comparison] : (op as Comparison);
          const type = this.policy.typeOf(expr.left);
          const dated = type.kind === "date" || (type.kind === "optional" && type.inner.kind === "date");
          const verb = comparisons[comparison][dated ? "date" : "other"][lang];
          const right = this.nounIn(expr.right, scope);
          // A number after Chinese words is set off by a space, as dates are (`多于 0`).
          const joined = en ? ` ${verb} ` : /^[0-9-]/.test(right) ? `${verb} ` : verb;
          return `${this.nounIn(expr.left, scope)}${joined}${right}`;
        }
        break;
      }
      case "AggregateExpr":
        if (expr.operator === "any" || expr.operator === "all") {
          const words = this.aggregateWords(expr, scope);
          return negated ? (en ? `not ${words}` : `并非${words}`) : words;
        }
        break;
      case "IfExpr": {
        const inner = { ...scope, ctx: undefined };
        const condition = this.clauseIn(expr.condition, inner, false);
        const then = this.clauseIn(expr.then, inner, negated);
        const otherwise = this.clauseIn(expr.else, inner, negated);
        return en
          ? `if ${condition}, ${then}; otherwise ${otherwise}`
          : `若${condition}，则${then}；否则${otherwise}`;
      }
      case "BoolLiteral":
        return valueWords(expr.value !== negated, lang);
      default:
        break;
    }
    // A bool read or a definition: its words, said as it is or as its opposite.
    const words = this.nounIn(expr, { ...scope, ctx: undefined });
    if (!negated) return words;
    return en ? `not ${words}` : `并非${words}`;
  }
}
