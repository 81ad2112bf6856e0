/**
 * `invalidFactsFor(policy)`: a valid document from `factsFor` broken in exactly one way, with the
 * JSON path the engine must report it at (`hazards[1].foundOn`, `county.budget[0].year`).
 */
import type { JsonValue } from "@remit/engine";
import type { CheckedPolicy, FieldInfo, ReferenceInfo, Type } from "@remit/lang";
import fc from "fast-check";
import { type FactsDocument, type FactsOptions, factsFor } from "./facts.js";
import { compiledPolicy, type PolicyLike } from "./policy.js";

export type InvalidKind =
  | "wrong-type"
  | "undeclared-enum-value"
  | "malformed-date"
  | "dangling-reference"
  | "duplicate-id"
  | "unknown-field"
  | "missing-field"
  | "unknown-collection";

/**
 * Every way `invalidFactsFor` breaks a document.
 * @example
 * ```ts
 * import { invalidKinds } from "@remit/testing";
 * console.log(invalidKinds.length, invalidKinds.includes("malformed-date")); // 8 true
 * ```
 */
export const invalidKinds: readonly InvalidKind[] = [
  "wrong-type",
  "undeclared-enum-value",
  "malformed-date",
  "dangling-reference",
  "duplicate-id",
  "unknown-field",
  "missing-field",
  "unknown-collection",
];

export interface InvalidFacts {
  /** The broken document. */
  readonly facts: { readonly [name: string]: JsonValue };
  /** The JSON path the engine must report, in its notation: `hazards[0].venueId`. */
  readonly path: string;
  readonly kind: InvalidKind;
  /** What was broken, for a failing property's report: `malformed date "2026-02-30"`. */
  readonly reason: string;
}

export interface InvalidFactsOptions extends FactsOptions {
  /** Only these ways of breaking a document (all by default). */
  readonly kinds?: readonly InvalidKind[];
}

type PathPart = string | number;
type Mutable = { [key: string]: unknown } | unknown[];

/** A value in the document with the type the policy declares for it. */
interface Site {
  readonly path: readonly PathPart[];
  readonly type: Type;
  readonly reference: ReferenceInfo | undefined;
  /** Whether the field may be left out (an optional field, or a list element: never). */
  readonly optional: boolean;
  readonly present: boolean;
  readonly value: unknown;
}

/** An object in the document with its declared fields: where an undeclared field can go. */
interface ObjectSite {
  readonly path: readonly PathPart[];
  readonly fields: readonly FieldInfo[];
}

interface Sites {
  readonly values: Site[];
  readonly objects: ObjectSite[];
}

/** The engine's path notation: `hazards[0].venueId`. */
export function formatPath(path: readonly PathPart[]): string {
  let text = "";
  for (const part of path) text += typeof part === "number" ? `[${part}]` : text === "" ? part : `.${part}`;
  return text === "" ? "$" : text;
}

const isObject = (value: unknown): value is { readonly [key: string]: unknown } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function visitObject(
  value: unknown,
  fields: readonly FieldInfo[],
  path: readonly PathPart[],
  into: Sites,
): void {
  if (!isObject(value)) return;
  into.objects.push({ path, fields });
  for (const field of fields) {
    const present = Object.hasOwn(value, field.name);
    const fieldValue = value[field.name];
    const optional = field.type.kind === "optional" || field.reference?.optional === true;
    const fieldPath = [...path, field.name];
    into.values.push({
      path: fieldPath,
      type: field.type,
      reference: field.reference,
      optional,
      present,
      value: fieldValue,
    });
    if (field.reference === undefined) visitNested(fieldValue, field.type, fieldPath, into);
  }
}

function visitNested(value: unknown, type: Type, path: readonly PathPart[], into: Sites): void {
  if (value === null || value === undefined) return;
  if (type.kind === "optional") visitNested(value, type.inner, path, into);
  else if (type.kind === "record") visitObject(value, type.fields, path, into);
  else if (type.kind === "list" && Array.isArray(value)) {
    value.forEach((element, i) => {
      const optional = type.element.kind === "optional";
      into.values.push({
        path: [...path, i],
        type: type.element,
        reference: undefined,
        optional,
        present: true,
        value: element,
      });
      visitNested(element, type.element, [...path, i], into);
    });
  }
}

function sitesOf(checked: CheckedPolicy, document: FactsDocument): Sites {
  const into: Sites = { values: [], objects: [] };
  for (const collection of checked.collections.values()) {
    const elements = document[collection.name];
    if (!Array.isArray(elements)) continue;
    for (const [i, element] of elements.entries())
      visitObject(element, collection.fields, [collection.name, i], into);
  }
  for (const record of checked.records.values())
    visitObject(document[record.name], record.fields, [record.name], into);
  return into;
}

const unwrap = (type: Type): Type => (type.kind === "optional" ? unwrap(type.inner) : type);

/** Values JSON can carry that the declared type refuses (`null` only where the field is required). */
function wrongValues(site: Site): JsonValue[] {
  const type = unwrap(site.type);
  const nullIfRequired: JsonValue[] = site.optional ? [] : [null];
  if (site.reference !== undefined) return [42, true, [], ...nullIfRequired];
  switch (type.kind) {
    case "text":
    case "entity":
      return [42, true, ["text"], {}, ...nullIfRequired];
    case "number":
      return type.integer ? ["12", true, 1.5, [], ...nullIfRequired] : ["1.5", false, {}, ...nullIfRequired];
    case "bool":
      return ["true", 1, [], ...nullIfRequired];
    case "date":
      return [20260802, true, ["2026-08-02"], ...nullIfRequired];
    case "duration":
      return [true, {}, [], ...nullIfRequired];
    case "enum":
      return [1, false, [...type.values.slice(0, 1)], ...nullIfRequired];
    case "list":
      return ["list", 3, {}, ...nullIfRequired];
    case "record":
      return ["record", 7, [], ...nullIfRequired];
    case "optional":
    case "period":
    case "none":
    case "error":
      return [];
  }
}

const malformedDates = [
  "2026/08/02",
  "2026-02-30",
  "2025-02-29",
  "2026-13-01",
  "2026-00-10",
  "2026-8-2",
  "26-08-02",
  "2026-08-02T00:00:00Z",
  "",
];

/** A replacement at a site, or an edit of the whole document, with what it breaks. */
interface Breakage {
  readonly kind: InvalidKind;
  readonly path: readonly PathPart[];
  readonly reason: string;
  apply(document: Mutable): void;
}

function containerOf(document: Mutable, path: readonly PathPart[]): { container: Mutable; key: PathPart } {
  let container: unknown = document;
  for (const part of path.slice(0, -1)) container = (container as Record<PathPart, unknown>)[part];
  return { container: container as Mutable, key: path[path.length - 1]! };
}

function replaceAt(path: readonly PathPart[], value: JsonValue | undefined): (document: Mutable) => void {
  return (document) => {
    const { container, key } = containerOf(document, path);
    if (value === undefined) delete (container as Record<PathPart, unknown>)[key];
    else (container as Record<PathPart, unknown>)[key] = value;
  };
}

const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);

function breakages(
  checked: CheckedPolicy,
  document: FactsDocument,
  kind: InvalidKind,
): fc.Arbitrary<Breakage> | undefined {
  const sites = sitesOf(checked, document);
  const present = sites.values.filter((s) => s.present && s.value !== null);
  const oneOf = <T>(
    items: readonly T[],
    make: (item: T) => fc.Arbitrary<Breakage>,
  ): fc.Arbitrary<Breakage> | undefined =>
    items.length === 0 ? undefined : fc.constantFrom(...items).chain(make);

  switch (kind) {
    case "wrong-type":
      return oneOf(
        present.filter((s) => wrongValues(s).length > 0),
        (site) =>
          fc.constantFrom(...wrongValues(site)).map((value) => ({
            kind,
            path: site.path,
            reason: `wrong type: ${shown(value)} where the policy declares ${describe(site)}`,
            apply: replaceAt(site.path, value),
          })),
      );
    case "undeclared-enum-value":
      return oneOf(
        present.filter((s) => s.reference === undefined && unwrap(s.type).kind === "enum"),
        (site) => {
          const values = (unwrap(site.type) as { readonly values: readonly string[] }).values;
          return fc
            .oneof(
              fc.constant("undeclared"),
              fc.string({ maxLength: 4 }),
              fc.constantFrom(...values).map((v) => ` ${v}`),
            )
            .filter((v) => !values.includes(v))
            .map((value) => ({
              kind,
              path: site.path,
              reason: `undeclared enum value ${shown(value)}`,
              apply: replaceAt(site.path, value),
            }));
        },
      );
    case "malformed-date":
      return oneOf(
        present.filter((s) => s.reference === undefined && unwrap(s.type).kind === "date"),
        (site) =>
          fc.constantFrom(...malformedDates).map((value) => ({
            kind,
            path: site.path,
            reason: `malformed date ${shown(value)}`,
            apply: replaceAt(site.path, value),
          })),
      );
    case "dangling-reference":
      return oneOf(
        present.filter((s) => s.reference !== undefined && typeof s.value === "string"),
        (site) => {
          const target = site.reference!.target;
          const ids = new Set(
            ((document[target] as JsonValue[] | undefined) ?? []).map((e) => (e as { id: string }).id),
          );
          return fc
            .oneof(fc.constant(`${target}-missing`), fc.string({ maxLength: 6 }))
            .filter((id) => !ids.has(id))
            .map((value) => ({
              kind,
              path: site.path,
              reason: `reference ${shown(value)} to no element of "${target}"`,
              apply: replaceAt(site.path, value),
            }));
        },
      );
    case "duplicate-id": {
      const nonEmpty = [...checked.collections.keys()].filter((name) => {
        const elements = document[name];
        return Array.isArray(elements) && elements.length > 0;
      });
      // A copy appended at the end: nothing else in the document changes, so no reference dangles.
      return oneOf(nonEmpty, (name) => {
        const elements = document[name] as readonly JsonValue[];
        return fc.nat({ max: elements.length - 1 }).map((i) => ({
          kind,
          path: [name, elements.length, "id"],
          reason: `element ${i} of "${name}" repeated at the end`,
          apply: (doc: Mutable) => {
            const list = (doc as Record<string, unknown[]>)[name]!;
            list.push(structuredClone(list[i]));
          },
        }));
      });
    }
    case "unknown-field":
      return oneOf(sites.objects, (object) => {
        const declared = new Set(object.fields.map((f) => f.name));
        return fc
          .tuple(
            fc.constantFrom("undeclared", "unknownField", "未声明字段", "Id"),
            fc.constantFrom<JsonValue>(null, 1, "x", []),
          )
          .filter(([key]) => !declared.has(key))
          .map(([key, value]) => ({
            kind,
            path: [...object.path, key],
            reason: `undeclared field "${key}"`,
            apply: replaceAt([...object.path, key], value),
          }));
      });
    case "missing-field":
      return oneOf(
        sites.values.filter((s) => s.present && !s.optional && typeof s.path[s.path.length - 1] === "string"),
        (site) =>
          fc.constant({
            kind,
            path: site.path,
            reason: `required field left out`,
            apply: replaceAt(site.path, undefined),
          }),
      );
    case "unknown-collection": {
      const declared = new Set(["asOf", ...checked.collections.keys(), ...checked.records.keys()]);
      return fc
        .tuple(
          fc.constantFrom("undeclared", "unknownCollection", "未声明集合", "asof"),
          fc.constantFrom<JsonValue>([], {}, [{ id: "x" }]),
        )
        .filter(([key]) => !declared.has(key))
        .map(([key, value]) => ({
          kind,
          path: [key],
          reason: `undeclared collection "${key}"`,
          apply: replaceAt([key], value),
        }));
    }
  }
}

function describe(site: Site): string {
  if (site.reference !== undefined) return `a reference to "${site.reference.target}"`;
  const type = unwrap(site.type);
  return type.kind === "number" ? (type.integer ? "integer" : "decimal") : type.kind;
}

/**
 * An arbitrary of invalid facts documents, each broken in one way (see the module comment).
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { invalidFactsFor } from "@remit/testing";
 * import fc from "fast-check";
 * const compiled = compile(`policy "listing"
 * param grace: duration = 7 days
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date  level: enum("一般", "重大") }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within grace of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const policy = compiled.policy;
 * const broken = fc.sample(invalidFactsFor(policy, { asOf: "2026-10-20" }), { numRuns: 40, seed: 2 });
 * const reportedWhereBroken = broken.filter((b) => {
 *   const outcome = policy.evaluate(b.facts);
 *   return "errors" in outcome && outcome.errors.some((e) => e.path === b.path);
 * });
 * console.log(reportedWhereBroken.length); // 40
 * const [dated] = fc.sample(invalidFactsFor(policy, { kinds: ["malformed-date"] }), { numRuns: 1, seed: 3 });
 * console.log(dated?.kind, dated?.path.endsWith("foundOn") || dated?.path.endsWith("listedOn") || dated?.path === "asOf"); // malformed-date true
 * ```
 */
export function invalidFactsFor(
  policy: PolicyLike,
  options: InvalidFactsOptions = {},
): fc.Arbitrary<InvalidFacts> {
  const checked = compiledPolicy(policy).checked;
  const kinds = options.kinds ?? invalidKinds;
  if (kinds.length === 0) throw new Error("kinds must name at least one way to break a document");
  return factsFor(policy, options)
    .chain((document) => {
      const applicable = kinds
        .map((kind) => breakages(checked, document, kind))
        .filter((b): b is fc.Arbitrary<Breakage> => b !== undefined);
      if (applicable.length === 0) return fc.constant(undefined);
      return fc.oneof(...applicable).map((breakage): InvalidFacts => {
        const facts = structuredClone(document) as { [name: string]: JsonValue };
        breakage.apply(facts as Mutable);
        return { facts, path: formatPath(breakage.path), kind: breakage.kind, reason: breakage.reason };
      });
    })
    .filter((invalid): invalid is InvalidFacts => invalid !== undefined);
}
