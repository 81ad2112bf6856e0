/**
 * The facts document's zod schema, generated from the checked model: one array per collection,
 * one object per record, strict everywhere (an unknown key is an error), optional fields nullable.
 */
import type { CheckedPolicy, FieldInfo, Type } from "@remit/lang";
// zod/mini, imported as a namespace: bundlers keep only the schema kinds used here. The classic
// `import { z } from "zod"` drags every one of zod's 60-odd message locales into a browser bundle,
// and the engine writes its own messages from the issues' codes.
import * as z from "zod/mini";
import { isIsoDate } from "../calendar/index.js";
import { parseDuration } from "../compile/values.js";

export type FactsSchema = z.ZodMiniType<Record<string, unknown>>;

/** The top-level key of the days a facts document adds to the policy's calendar. */
export const factsCalendarDaysKey = "calendarDays";

const dateSchema = z.string().check(z.refine(isIsoDate, { abort: true }));
const durationSchema = z
  .union([z.number(), z.string()])
  .check(z.refine((v) => parseDuration(v) !== undefined, { abort: true }));

export function schemaOfType(type: Type): z.ZodMiniType {
  switch (type.kind) {
    case "text":
      return z.string();
    case "number":
      return type.integer ? z.int() : z.number();
    case "bool":
      return z.boolean();
    case "date":
      return dateSchema;
    case "duration":
      return durationSchema;
    case "enum":
      return z.enum(type.values as [string, ...string[]]);
    case "list":
      return z.array(schemaOfType(type.element));
    case "optional":
      return z.optional(z.nullable(schemaOfType(type.inner)));
    case "record":
      return schemaOfFields(type.fields);
    case "entity":
      return z.string();
    case "period":
    case "none":
    case "error":
      return z.unknown();
  }
}

export function schemaOfFields(fields: readonly FieldInfo[]): z.ZodMiniType<Record<string, unknown>> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of fields) shape[field.name] = schemaOfType(field.type);
  return z.strictObject(shape) as unknown as z.ZodMiniType<Record<string, unknown>>;
}

/**
 * Collections and records are required: a collection left out would silently read as empty. A
 * collection the policy declares `optional` may be absent (then empty). The top-level `asOf` is
 * the evaluation date the caller may send with its facts; `calendarDays` the days the facts add to
 * the policy's calendar, validated with the calendar (`withCalendarDays`, when preparing).
 * @example
 * ```ts
 * import { factsSchema } from "@remit/engine";
 * import { analyze, memoryHost } from "@remit/lang";
 * const source = 'policy "P"\ncollection hazards { foundOn: date  listedOn: optional date }\n';
 * const analyzed = analyze("p.remit", memoryHost({ "p.remit": source }));
 * if (analyzed.policy === undefined) throw new Error("the policy does not check");
 * const schema = factsSchema(analyzed.policy);
 * console.log(schema.safeParse({ hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] }).success); // true
 * console.log(schema.safeParse({ hazards: [{ id: "H1", foundOn: "October" }] }).success); // false
 * ```
 */
export function factsSchema(policy: CheckedPolicy): FactsSchema {
  const shape: Record<string, z.ZodMiniType> = {
    asOf: z.optional(dateSchema),
    [factsCalendarDaysKey]: z.optional(z.unknown()),
  };
  for (const collection of policy.collections.values()) {
    const elements = z.array(schemaOfFields(collection.fields));
    shape[collection.name] = collection.decl.optional ? z.optional(elements) : elements;
  }
  for (const record of policy.records.values()) shape[record.name] = schemaOfFields(record.fields);
  return z.strictObject(shape) as unknown as FactsSchema;
}
