import type { DurationUnit } from "../syntax/ast.js";
import { durationUnitKeywords, type UnitMeasure } from "../syntax/keywords.js";
import type { FieldInfo, Type } from "./model.js";

/**
 * Exact durations (days, weeks) and calendar ones (months, quarters, years) cannot be mixed. The
 * model's duration type carries no measure, so the checker keeps it on its own duration values
 * (a subtype of the model's): undefined when unknown (a duration field of the facts).
 */
export type DurationMeasure = "exact" | "calendar" | "working";

export interface DurationType {
  readonly kind: "duration";
  readonly measure?: DurationMeasure;
}

/**
 * @example
 * ```ts
 * import { displayType, textType } from "@remit/lang";
 * console.log(displayType(textType, "en"), displayType(textType, "zh")); // text 文本
 * ```
 */
export const textType: Type = { kind: "text" };
/**
 * @example
 * ```ts
 * import { boolType, displayType } from "@remit/lang";
 * console.log(displayType(boolType, "en"), displayType(boolType, "zh")); // bool 布尔
 * ```
 */
export const boolType: Type = { kind: "bool" };
export const errorType: Type = { kind: "error" };
export const noneType: Type = { kind: "none" };
export const periodType: Type = { kind: "period" };

/**
 * @example
 * ```ts
 * import { displayType, numberType } from "@remit/lang";
 * console.log(displayType(numberType(true, undefined), "en")); // integer
 * console.log(displayType(numberType(false, "m²"), "zh")); // 小数 [m²]
 * ```
 */
export function numberType(integer: boolean, unit: string | undefined): Type {
  return { kind: "number", integer, unit };
}

/**
 * @example
 * ```ts
 * import { dateType, displayType } from "@remit/lang";
 * console.log(displayType(dateType(), "en"), "/", displayType(dateType(true), "en")); // date / planned date
 * ```
 */
export function dateType(planned = false): Type {
  return { kind: "date", planned };
}

/**
 * @example
 * ```ts
 * import { displayType, durationType } from "@remit/lang";
 * console.log(displayType(durationType("exact"), "en")); // duration (days)
 * console.log(displayType(durationType("calendar"), "zh")); // 时长（月/季度/年）
 * console.log(displayType(durationType(undefined), "en")); // duration
 * ```
 */
export function durationType(measure: DurationMeasure | undefined): Type {
  const type: DurationType = measure === undefined ? { kind: "duration" } : { kind: "duration", measure };
  return type;
}

/**
 * @example
 * ```ts
 * import { dateType, displayType, listType } from "@remit/lang";
 * console.log(displayType(listType(dateType()), "en"), "/", displayType(listType(dateType()), "zh")); // list date / 列表 日期
 * ```
 */
export function listType(element: Type): Type {
  return { kind: "list", element };
}

/**
 * @example
 * ```ts
 * import { dateType, displayType, optionalType } from "@remit/lang";
 * const optionalDate = optionalType(dateType());
 * console.log(displayType(optionalDate, "en")); // optional date
 * // Optional twice is optional once.
 * console.log(optionalType(optionalDate) === optionalDate); // true
 * ```
 */
export function optionalType(inner: Type): Type {
  if (inner.kind === "optional" || inner.kind === "none" || inner.kind === "error") return inner;
  return { kind: "optional", inner };
}

export function entityType(collection: string): Type {
  return { kind: "entity", collection };
}

export function measureOf(type: Type): DurationMeasure | undefined {
  return type.kind === "duration" ? (type as DurationType).measure : undefined;
}

export function stripOptional(type: Type): Type {
  return type.kind === "optional" ? type.inner : type;
}

export function isOptional(type: Type): boolean {
  return type.kind === "optional" || type.kind === "none";
}

/** Wraps `type` in optional when any of `sources` may be none. */
export function optionalIfAny(type: Type, ...sources: Type[]): Type {
  return sources.some(isOptional) ? optionalType(type) : type;
}

/** The element type of a list (looking through optional), or undefined for a non-list. */
export function elementOf(type: Type): Type | undefined {
  const base = stripOptional(type);
  return base.kind === "list" ? base.element : undefined;
}

/** Text-like: text or an enum (enum values are text). */
export function isTextLike(type: Type): boolean {
  const base = stripOptional(type);
  return base.kind === "text" || base.kind === "enum";
}

/** Whether a value of type `from` may stand where `to` is expected (none and errors always may). */
export function assignable(to: Type, from: Type): boolean {
  const target = stripOptional(to);
  const source = stripOptional(from);
  if (target.kind === "error" || source.kind === "error" || source.kind === "none") return true;
  switch (target.kind) {
    case "text":
      return source.kind === "text" || source.kind === "enum";
    case "enum":
      return (
        source.kind === "text" ||
        (source.kind === "enum" && source.values.every((value) => target.values.includes(value)))
      );
    case "number":
      return (
        source.kind === "number" &&
        (target.integer ? source.integer : true) &&
        unitsCompatible(target.unit, source.unit)
      );
    case "duration":
      return source.kind === "duration" && measuresCompatible(measureOf(target), measureOf(source));
    case "list":
      return source.kind === "list" && assignable(target.element, source.element);
    case "entity":
      return source.kind === "entity" && source.collection === target.collection;
    case "record":
      return source.kind === "record";
    default:
      return source.kind === target.kind;
  }
}

export function unitsCompatible(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export function measuresCompatible(a: DurationMeasure | undefined, b: DurationMeasure | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** The type of both branches of an `if` or all elements of a list; undefined when they differ. */
export function unify(a: Type, b: Type): Type | undefined {
  if (a.kind === "error") return b;
  if (b.kind === "error") return a;
  if (a.kind === "none") return optionalType(b);
  if (b.kind === "none") return optionalType(a);
  if (a.kind === "optional" || b.kind === "optional") {
    const inner = unify(stripOptional(a), stripOptional(b));
    return inner === undefined ? undefined : optionalType(inner);
  }
  switch (a.kind) {
    case "text":
      return b.kind === "text" || b.kind === "enum" ? textType : undefined;
    case "enum":
      if (b.kind === "text") return textType;
      if (b.kind !== "enum") return undefined;
      return { kind: "enum", values: [...new Set([...a.values, ...b.values])] };
    case "number":
      if (b.kind !== "number" || !unitsCompatible(a.unit, b.unit)) return undefined;
      return numberType(a.integer && b.integer, a.unit ?? b.unit);
    case "date":
      return b.kind === "date" ? dateType(a.planned && b.planned) : undefined;
    case "duration": {
      if (b.kind !== "duration") return undefined;
      const [ma, mb] = [measureOf(a), measureOf(b)];
      return measuresCompatible(ma, mb) ? durationType(ma ?? mb) : undefined;
    }
    case "list": {
      if (b.kind !== "list") return undefined;
      const element = unify(a.element, b.element);
      return element === undefined ? undefined : listType(element);
    }
    case "entity":
      return b.kind === "entity" && a.collection === b.collection ? a : undefined;
    default:
      return a.kind === b.kind ? a : undefined;
  }
}

/** Whether a date read of this type is an event date (masked after the as-at date). */
export function isEventDate(type: Type): boolean {
  const base = stripOptional(type);
  if (base.kind === "date") return !base.planned;
  if (base.kind === "list") {
    const element = stripOptional(base.element);
    return element.kind === "date" && !element.planned;
  }
  return false;
}

/**
 * A type as the user wrote it, in English keywords and in Chinese ones.
 * @example
 * ```ts
 * import { analyze, displayType, memoryHost } from "@remit/lang";
 * const { policy } = analyze(
 *   "p.remit",
 *   memoryHost({ "p.remit": 'policy "P"\ncollection hazards { foundOn: date  listedOn: optional date }\n' }),
 * );
 * const field = policy?.collections.get("hazards")?.fields.find((f) => f.name === "listedOn");
 * if (field === undefined) throw new Error("no such field");
 * console.log(displayType(field.type, "en"), "/", displayType(field.type, "zh")); // optional date / 可选 日期
 * ```
 */
export function displayType(type: Type, language: "en" | "zh"): string {
  const zh = language === "zh";
  switch (type.kind) {
    case "text":
      return zh ? "文本" : "text";
    case "bool":
      return zh ? "布尔" : "bool";
    case "number": {
      const base = type.integer ? (zh ? "整数" : "integer") : zh ? "小数" : "decimal";
      return type.unit === undefined ? base : `${base} [${type.unit}]`;
    }
    case "date":
      return type.planned ? (zh ? "计划日期" : "planned date") : zh ? "日期" : "date";
    case "duration": {
      const measure = measureOf(type);
      if (measure === undefined) return zh ? "时长" : "duration";
      if (measure === "exact") return zh ? "时长（天/周）" : "duration (days)";
      if (measure === "working") return zh ? "时长（工作日）" : "duration (working days)";
      return zh ? "时长（月/季度/年）" : "duration (months)";
    }
    case "period":
      return zh ? "周期" : "period";
    case "enum":
      return `${zh ? "枚举" : "enum"}(${type.values.map((v) => `"${v}"`).join(", ")})`;
    case "list":
      return `${zh ? "列表" : "list"} ${displayType(type.element, language)}`;
    case "optional":
      return `${zh ? "可选" : "optional"} ${displayType(type.inner, language)}`;
    case "record":
      return `${zh ? "记录" : "record"} { ${type.fields.map((f: FieldInfo) => f.name).join(", ")} }`;
    case "entity":
      return zh ? `${type.collection} 的元素` : `an element of ${type.collection}`;
    case "none":
      return zh ? "空" : "none";
    case "error":
      return "?";
  }
}

const measureOfUnit: { readonly [Unit in UnitMeasure["unit"]]: DurationMeasure } = {
  day: "exact",
  month: "calendar",
  "working day": "working",
};

/** What a unit measures and how many days, months or working days one of it is, from the keyword table. */
export function unitMeasure(unit: DurationUnit): {
  readonly measure: DurationMeasure;
  readonly factor: number;
} {
  const { measure } = durationUnitKeywords[unit];
  return { measure: measureOfUnit[measure.unit], factor: measure.factor };
}
