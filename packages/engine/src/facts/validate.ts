/**
 * Validates a facts document: the zod schema first (types, enums, dates, unknown keys), then what
 * a schema cannot say: unique ids within a collection and references that resolve, wherever the
 * shape lets them be read, so one pass names every kind of error. Every error names its JSON path. The caller's objects are kept as they are (the schema's strict objects
 * guarantee no key outside the declared fields, so `__proto__` and the like never get through).
 */

import type { CheckedPolicy, FieldInfo, Localized, Type } from "@remit/lang";
import type * as z from "zod/mini";
import type { FactObject } from "../compile/values.js";
import { maxErrorsPerAnswer } from "../limits.js";
import type { FactError } from "../result.js";
import { quickCheckOfDocument } from "./check.js";
import { describeType, formatPath } from "./describe.js";
import type { FactsSchema } from "./schema.js";

export interface ValidFacts {
  readonly document: FactObject;
  /** Each collection's elements (empty when absent); made fresh by each validation, the caller's to keep. */
  readonly collections: Map<string, readonly FactObject[]>;
  /** Each collection's elements by id; made fresh by each validation, the caller's to keep. */
  readonly byId: Map<string, Map<string, FactObject>>;
}

export type ValidationOutcome = { readonly facts: ValidFacts } | { readonly errors: readonly FactError[] };

/** At most this many errors are reported: enough to fix a document, bounded for huge ones. */
const maxErrors = maxErrorsPerAnswer;

function rootFields(policy: CheckedPolicy): FieldInfo[] {
  const field = (name: string, type: Type): FieldInfo => ({
    name,
    type,
    reference: undefined,
    decl: undefined as never,
  });
  const fields: FieldInfo[] = [field("asOf", { kind: "optional", inner: { kind: "date", planned: true } })];
  for (const c of policy.collections.values()) {
    fields.push(field(c.name, { kind: "list", element: { kind: "record", fields: c.fields } }));
  }
  for (const r of policy.records.values()) fields.push(field(r.name, { kind: "record", fields: r.fields }));
  return fields;
}

function typeAt(root: Type, path: readonly PropertyKey[]): Type | undefined {
  let type: Type | undefined = root;
  for (const part of path) {
    while (type?.kind === "optional") type = type.inner;
    if (type === undefined) return undefined;
    if (type.kind === "list" && typeof part === "number") type = type.element;
    else if (type.kind === "record" && typeof part === "string")
      type = type.fields.find((f) => f.name === part)?.type;
    else return undefined;
  }
  return type;
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let value = document;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    if (!Object.hasOwn(value, part)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function expectedError(
  path: readonly PropertyKey[],
  code: string,
  expected: Localized,
  got: unknown,
): FactError {
  const missing = got === undefined;
  return {
    path: formatPath(path),
    code,
    message: missing
      ? { en: `missing: expected ${expected.en}`, zh: `缺少此项：应为${expected.zh}` }
      : { en: `expected ${expected.en}, got ${shown(got)}`, zh: `应为${expected.zh}，实际为 ${shown(got)}` },
  };
}

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly keys?: readonly string[];
}

/** Maps schema issues to fact errors; `prefix` is the path of `input` inside the document. */
function issuesToErrors(
  root: Type,
  input: unknown,
  issues: readonly Issue[],
  prefix: readonly PropertyKey[],
): FactError[] {
  const errors: FactError[] = [];
  for (const issue of issues) {
    if (errors.length >= maxErrors) break;
    const fullPath = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      const topLevel = fullPath.length === 0;
      for (const key of issue.keys ?? []) {
        errors.push({
          path: formatPath([...fullPath, key]),
          code: topLevel ? "unknown-collection" : "unknown-field",
          message: topLevel
            ? { en: `unknown collection or record "${key}"`, zh: `未声明的集合或记录“${key}”` }
            : { en: `unknown field "${key}"`, zh: `未声明的字段“${key}”` },
        });
      }
      continue;
    }
    const type = typeAt(root, issue.path);
    const got = valueAt(input, issue.path);
    if (type === undefined) {
      errors.push(expectedError(fullPath, "invalid-value", { en: "an object", zh: "对象" }, got));
      continue;
    }
    const code =
      type.kind === "enum"
        ? "invalid-enum"
        : type.kind === "date"
          ? "invalid-date"
          : got === undefined
            ? "missing"
            : "invalid-type";
    errors.push(expectedError(fullPath, code, describeType(type), got));
  }
  return errors;
}

/** Validates one element of a collection against its schema (for incremental updates). */
export function validateElement(
  fields: readonly FieldInfo[],
  schema: z.ZodMiniType,
  collection: string,
  index: number,
  element: unknown,
): FactError[] {
  const parsed = schema.safeParse(element);
  if (parsed.success) return [];
  return issuesToErrors({ kind: "record", fields }, element, parsed.error.issues as readonly Issue[], [
    collection,
    index,
  ]);
}

export function validateFacts(policy: CheckedPolicy, schema: FactsSchema, input: unknown): ValidationOutcome {
  // The quick check passes only documents the schema accepts; zod runs on the rest for its errors.
  const quick = quickCheckOfDocument(policy);
  const parsed = quick?.(input) ? { success: true as const } : schema.safeParse(input);
  const errors: FactError[] = [];
  if (!parsed.success) {
    const root: Type = { kind: "record", fields: rootFields(policy) };
    for (const error of issuesToErrors(root, input, parsed.error.issues, [])) errors.push(error);
    // Ids and references are still checked where the shape allows, so one pass names them all.
    if (input === null || typeof input !== "object" || Array.isArray(input)) return { errors };
  }

  const document = input as FactObject;
  const collections = new Map<string, readonly FactObject[]>();
  const byId = new Map<string, Map<string, FactObject>>();
  // Collections whose ids cannot all be read (shape errors): references to them are not judged.
  const unreadable = new Set<string>();
  for (const collection of policy.collections.values()) {
    const value = document[collection.name];
    const elements = Array.isArray(value) ? (value as FactObject[]) : [];
    if (value !== undefined && !Array.isArray(value)) unreadable.add(collection.name);
    collections.set(collection.name, elements);
    const ids = new Map<string, FactObject>();
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i]!;
      const id = element !== null && typeof element === "object" ? element.id : undefined;
      if (typeof id !== "string") {
        unreadable.add(collection.name);
        continue;
      }
      const twin = ids.get(id);
      if (twin !== undefined) {
        if (errors.length < maxErrors) {
          // Found only for errors: the first element with this id is the one kept in `ids`.
          const first = `${collection.name}[${elements.indexOf(twin)}]`;
          errors.push({
            path: `${collection.name}[${i}].id`,
            code: "duplicate-id",
            message: {
              en: `duplicate id "${id}", first used at ${first}`,
              zh: `id“${id}”重复，首次出现于 ${first}`,
            },
          });
        }
      } else ids.set(id, element);
    }
    byId.set(collection.name, ids);
  }

  // Paths are built only for errors: a large document has millions of fields and few errors.
  const checkReferences = (value: unknown, fields: readonly FieldInfo[], path: () => string): void => {
    if (value === null || typeof value !== "object") return;
    const object = value as FactObject;
    for (const field of fields) {
      const fieldValue = object[field.name];
      if (fieldValue === undefined || fieldValue === null) continue;
      if (field.reference) {
        const target = field.reference.target;
        if (typeof fieldValue !== "string" || unreadable.has(target)) continue;
        if (!byId.get(target)?.has(fieldValue) && errors.length < maxErrors) {
          errors.push({
            path: `${path()}.${field.name}`,
            code: "dangling-reference",
            message: {
              en: `"${String(fieldValue)}" names no element of "${target}"`,
              zh: `“${String(fieldValue)}”不是“${target}”中任何元素的 id`,
            },
          });
        }
        continue;
      }
      if (typeHoldsReferences(field.type))
        checkNested(fieldValue, field.type, () => `${path()}.${field.name}`);
    }
  };
  const checkNested = (value: unknown, type: Type, path: () => string): void => {
    if (value === null || value === undefined) return;
    if (type.kind === "optional") checkNested(value, type.inner, path);
    else if (type.kind === "record") checkReferences(value, type.fields, path);
    else if (type.kind === "list" && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) checkNested(value[i], type.element, () => `${path()}[${i}]`);
    }
  };
  const holdsReferences = (fields: readonly FieldInfo[]): boolean =>
    fields.some((f) => f.reference !== undefined || typeHoldsReferences(f.type));
  const typeHoldsReferences = (type: Type): boolean =>
    type.kind === "optional"
      ? typeHoldsReferences(type.inner)
      : type.kind === "list"
        ? typeHoldsReferences(type.element)
        : type.kind === "record"
          ? holdsReferences(type.fields)
          : false;

  for (const collection of policy.collections.values()) {
    if (!holdsReferences(collection.fields)) continue;
    const elements = collections.get(collection.name) ?? [];
    // Only the fields that are references or hold some: the rest cannot dangle.
    const fields = collection.fields.filter((f) => f.reference !== undefined || typeHoldsReferences(f.type));
    let current = 0;
    const pathOfCurrent = (): string => `${collection.name}[${current}]`;
    for (let i = 0; i < elements.length; i++) {
      current = i;
      checkReferences(elements[i], fields, pathOfCurrent);
    }
  }
  for (const record of policy.records.values()) {
    if (holdsReferences(record.fields))
      checkReferences(document[record.name], record.fields, () => record.name);
  }
  if (errors.length > 0) return { errors: errors.slice(0, maxErrors) };
  return { facts: { document, collections, byId } };
}
