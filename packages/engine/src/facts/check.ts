/**
 * A quick yes to "does the zod schema accept this document?", compiled from the same checked
 * model as the schema. It answers true only for values the schema accepts, so a document it passes
 * needs no zod run; anything it doubts goes to zod, which then names each error. Plain loops over
 * the fields cost a fraction of zod's generic walk, which matters for documents of 100 MB.
 */
import type { CheckedPolicy, FieldInfo, Type } from "@remit/lang";
import { isIsoDate } from "../calendar/index.js";
import { parseDuration } from "../compile/values.js";
import { factsCalendarDaysKey } from "./schema.js";

export type QuickCheck = (value: unknown) => boolean;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** undefined when the type holds something this check does not model (zod decides then). */
function checkOfType(type: Type): QuickCheck | undefined {
  switch (type.kind) {
    case "text":
    case "entity":
      return (v) => typeof v === "string";
    case "number":
      return type.integer ? (v) => Number.isSafeInteger(v) : (v) => Number.isFinite(v);
    case "bool":
      return (v) => typeof v === "boolean";
    case "date":
      return (v) => typeof v === "string" && isIsoDate(v);
    case "duration":
      return (v) =>
        (typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) &&
        parseDuration(v) !== undefined;
    case "enum": {
      const values = new Set(type.values);
      return (v) => typeof v === "string" && values.has(v);
    }
    case "list": {
      const element = checkOfType(type.element);
      if (!element) return undefined;
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case "optional": {
      const inner = checkOfType(type.inner);
      if (!inner) return undefined;
      return (v) => v === null || v === undefined || inner(v);
    }
    case "record":
      return checkOfFields(type.fields);
    case "period":
    case "none":
    case "error":
      return undefined;
  }
}

/** A strict object: every field passes its check and no other own key is present. */
function checkOfFields(fields: readonly FieldInfo[]): QuickCheck | undefined {
  const checks: { name: string; check: QuickCheck }[] = [];
  for (const field of fields) {
    const check = checkOfType(field.type);
    if (!check) return undefined;
    checks.push({ name: field.name, check });
  }
  return strictObject(checks);
}

function strictObject(fields: readonly { name: string; check: QuickCheck }[]): QuickCheck {
  const names = fields.map((f) => f.name);
  const checks = fields.map((f) => f.check);
  const known = new Set(names);
  const count = names.length;
  return (v) => {
    if (!isObject(v)) return false;
    for (let i = 0; i < count; i++) if (!checks[i]!(v[names[i]!])) return false;
    // Inherited enumerable keys count as unknown here: a doubt, which zod then settles.
    for (const key in v) if (!known.has(key)) return false;
    return true;
  };
}

const cache = new WeakMap<CheckedPolicy, QuickCheck | null>();

/**
 * The quick check of a whole facts document, mirroring `factsSchema`: `asOf` and `optional`
 * collections may be absent but not null, other collections and records are required. Undefined when the policy has no quick check.
 */
export function quickCheckOfDocument(policy: CheckedPolicy): QuickCheck | undefined {
  const cached = cache.get(policy);
  if (cached !== undefined) return cached ?? undefined;
  const date = checkOfType({ kind: "date", planned: false })!;
  const fields: { name: string; check: QuickCheck }[] = [
    { name: "asOf", check: (v) => v === undefined || date(v) },
  ];
  // Checked against the calendar when preparing the evaluation, with their JSON paths.
  if (!policy.collections.has(factsCalendarDaysKey) && !policy.records.has(factsCalendarDaysKey))
    fields.push({ name: factsCalendarDaysKey, check: () => true });
  let complete = true;
  for (const c of policy.collections.values()) {
    const elements = checkOfFields(c.fields);
    const mayBeAbsent = c.decl.optional;
    if (!elements) complete = false;
    else
      fields.push({
        name: c.name,
        check: (v) => {
          if (v === undefined) return mayBeAbsent;
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!elements(v[i])) return false;
          return true;
        },
      });
  }
  for (const r of policy.records.values()) {
    const check = checkOfFields(r.fields);
    if (!check) complete = false;
    else fields.push({ name: r.name, check });
  }
  const check = complete ? strictObject(fields) : undefined;
  cache.set(policy, check ?? null);
  return check;
}
