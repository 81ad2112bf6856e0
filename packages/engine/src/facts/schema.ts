/**
 * The facts document's zod schema, generated from the checked model: one array per collection,
 * one object per record, strict everywhere (an unknown key is an error), optional fields nullable.
 */
import type { CheckedPolicy, FieldInfo, Type } from "@remit/lang";
import { z } from "zod";
import { isIsoDate } from "../calendar/index.js";
import { parseDuration } from "../compile/values.js";

export type FactsSchema = z.ZodType<Record<string, unknown>>;

const dateSchema = z.string().refine(isIsoDate, { abort: true });
const durationSchema = z
  .union([z.number(), z.string()])
  .refine((v) => parseDuration(v) !== undefined, { abort: true });

export function schemaOfType(type: Type): z.ZodType {
  switch (type.kind) {
    case "text":
      return z.string();
    case "number":
      return type.integer ? z.number().int() : z.number();
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
      return schemaOfType(type.inner).nullable().optional();
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

export function schemaOfFields(fields: readonly FieldInfo[]): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) shape[field.name] = schemaOfType(field.type);
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

/**
 * Collections and records are required: a collection left out would silently read as empty. A
 * collection the policy declares `optional` may be absent (then empty). The top-level `asOf` is
 * the evaluation date the caller may send with its facts.
 */
export function factsSchema(policy: CheckedPolicy): FactsSchema {
  const shape: Record<string, z.ZodType> = { asOf: dateSchema.optional() };
  for (const collection of policy.collections.values()) {
    const elements = z.array(schemaOfFields(collection.fields));
    shape[collection.name] = collection.decl.optional ? elements.optional() : elements;
  }
  for (const record of policy.records.values()) shape[record.name] = schemaOfFields(record.fields);
  return z.strictObject(shape) as unknown as FactsSchema;
}
