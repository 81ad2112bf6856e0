/**
 * `factsFor(policy)`: random facts documents the policy must accept. Every collection and record
 * of the policy is filled, fields by their declared type; ids are unique within a collection and
 * references name existing elements (ids are drawn before any element, so a reference always
 * has something to point at). Values lean towards the policy's own boundaries.
 */
import { type EpochDay, formatIsoDate, type JsonValue } from "@remit/engine";
import type { CheckedPolicy, FieldInfo, ReferenceInfo, Type } from "@remit/lang";
import fc from "fast-check";
import { type Boundaries, boundariesOf } from "./boundaries.js";
import { dateNear, epochOf, policyAnchors } from "./dates.js";
import { compiledPolicy, type PolicyLike } from "./policy.js";

/** A facts document: the evaluation date and one entry per collection and record. */
export type FactsDocument = { readonly asOf: string; readonly [name: string]: JsonValue };

export interface CollectionSize {
  readonly min?: number;
  readonly max?: number;
}

export interface FactsOptions {
  /** The evaluation date put in the document; by default one near the policy's dates. */
  readonly asOf?: string;
  /** Elements per collection, by collection name: an exact count or a range. */
  readonly sizes?: Readonly<Record<string, number | CollectionSize>>;
  /** The largest collection when `sizes` does not say (default 3). */
  readonly maxElements?: number;
  /** The longest list field (default 3). */
  readonly maxListLength?: number;
}

interface Context {
  /**
   * The dates field values cluster around: the evaluation date, a few event dates drawn near it
   * for this document (so two dates of one element often lie a deadline apart), the policy's dates.
   */
  readonly anchors: readonly EpochDay[];
  readonly boundaries: Boundaries;
  readonly ids: ReadonlyMap<string, readonly string[]>;
  readonly maxListLength: number;
}

function integers(boundaries: Boundaries): fc.Arbitrary<number> {
  const near = new Set([0, 1]);
  for (const n of boundaries.numbers) if (Number.isInteger(n)) for (const m of [n - 1, n, n + 1]) near.add(m);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...near), weight: 3 },
    { arbitrary: fc.integer({ min: -5, max: 200 }), weight: 2 },
    { arbitrary: fc.integer(), weight: 1 },
  );
}

function decimals(boundaries: Boundaries): fc.Arbitrary<number> {
  const near = new Set([0]);
  for (const n of boundaries.numbers) for (const d of [-1, -0.5, -0.01, 0, 0.01, 0.5, 1]) near.add(n + d);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...near), weight: 3 },
    { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 2 },
  );
}

function durations(boundaries: Boundaries): fc.Arbitrary<JsonValue> {
  const days = new Set([0, 1]);
  for (const d of boundaries.days) for (const n of [d - 1, d, d + 1]) if (n >= 0) days.add(n);
  const months = new Set([1, ...boundaries.months]);
  return fc.oneof(
    fc.constantFrom(...days).chain((n) => fc.constantFrom<JsonValue>(`${n} days`, n, `${n} 天`)),
    fc.constantFrom(...months).chain((n) => fc.constantFrom<JsonValue>(`${n} months`, `${n} 个月`)),
    fc.nat({ max: 400 }).map((n): JsonValue => `${n} days`),
  );
}

function texts(boundaries: Boundaries): fc.Arbitrary<string> {
  const choices: fc.WeightedArbitrary<string>[] = [
    { arbitrary: fc.string({ maxLength: 8 }), weight: 2 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }), weight: 1 },
  ];
  if (boundaries.texts.length > 0)
    choices.push({ arbitrary: fc.constantFrom(...boundaries.texts), weight: 2 });
  return fc.oneof(...choices);
}

/** An arbitrary of a field's value; `undefined` when no valid value exists (a required reference to an empty collection). */
function arbitraryOfField(
  type: Type,
  reference: ReferenceInfo | undefined,
  ctx: Context,
): fc.Arbitrary<JsonValue> | undefined {
  if (reference !== undefined) {
    const ids = ctx.ids.get(reference.target) ?? [];
    const target = ids.length > 0 ? fc.constantFrom(...ids) : undefined;
    if (!reference.optional) return target;
    return target === undefined
      ? fc.constant(null)
      : fc.oneof({ arbitrary: target, weight: 3 }, { arbitrary: fc.constant(null), weight: 1 });
  }
  switch (type.kind) {
    case "optional": {
      const inner = arbitraryOfField(type.inner, undefined, ctx);
      return inner === undefined
        ? fc.constant(null)
        : fc.oneof({ arbitrary: inner, weight: 3 }, { arbitrary: fc.constant(null), weight: 1 });
    }
    case "list": {
      const element = arbitraryOfField(type.element, undefined, ctx);
      return element === undefined ? fc.constant([]) : fc.array(element, { maxLength: ctx.maxListLength });
    }
    case "record":
      return recordOf(type.fields, ctx);
    case "entity": {
      const ids = ctx.ids.get(type.collection) ?? [];
      return ids.length > 0 ? fc.constantFrom(...ids) : undefined;
    }
    case "text":
      return texts(ctx.boundaries);
    case "number":
      return type.integer ? integers(ctx.boundaries) : decimals(ctx.boundaries);
    case "bool":
      return fc.boolean();
    case "date":
      return dateNear(ctx.anchors, ctx.boundaries).map(formatIsoDate);
    case "duration":
      return durations(ctx.boundaries);
    case "enum":
      return fc.constantFrom(...type.values);
    case "period":
    case "none":
    case "error":
      return fc.constant(null);
  }
}

/** Optional fields are sometimes absent, sometimes `null`; required ones always there. */
function recordOf(fields: readonly FieldInfo[], ctx: Context): fc.Arbitrary<JsonValue> | undefined {
  const model: Record<string, fc.Arbitrary<JsonValue>> = {};
  const required: string[] = [];
  for (const field of fields) {
    const value = arbitraryOfField(field.type, field.reference, ctx);
    const optional = field.type.kind === "optional" || field.reference?.optional === true;
    if (value === undefined) return undefined;
    model[field.name] = value;
    if (!optional) required.push(field.name);
  }
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<JsonValue>;
}

/** Whether a valid value of the type exists when only the collections in `nonEmpty` have elements. */
function possible(type: Type, reference: ReferenceInfo | undefined, nonEmpty: ReadonlySet<string>): boolean {
  if (reference !== undefined) return reference.optional || nonEmpty.has(reference.target);
  if (type.kind === "entity") return nonEmpty.has(type.collection);
  if (type.kind === "record") return type.fields.every((f) => possible(f.type, f.reference, nonEmpty));
  return true;
}

/** The collections a required reference reaches from `fields` without passing a list or an optional. */
function requiredTargets(fields: readonly FieldInfo[]): string[] {
  const out: string[] = [];
  const visit = (type: Type, reference: ReferenceInfo | undefined): void => {
    if (reference !== undefined) {
      if (!reference.optional) out.push(reference.target);
    } else if (type.kind === "entity") out.push(type.collection);
    else if (type.kind === "record") for (const f of type.fields) visit(f.type, f.reference);
  };
  for (const f of fields) visit(f.type, f.reference);
  return out;
}

/** Collections that must have an element for the policy's records to be valid at all. */
function mandatoryCollections(checked: CheckedPolicy): Map<string, string> {
  const why = new Map<string, string>();
  const queue: [string, string][] = [];
  for (const record of checked.records.values())
    for (const t of requiredTargets(record.fields)) queue.push([t, `record "${record.name}"`]);
  while (queue.length > 0) {
    const [name, reason] = queue.shift()!;
    if (why.has(name)) continue;
    why.set(name, reason);
    const collection = checked.collections.get(name);
    if (collection !== undefined)
      for (const t of requiredTargets(collection.fields)) queue.push([t, `collection "${name}"`]);
  }
  return why;
}

function idsOf(collection: string, min: number, max: number): fc.Arbitrary<string[]> {
  const id = fc.oneof(
    { arbitrary: fc.nat({ max: 99 }).map((n) => `${collection}-${n}`), weight: 5 },
    { arbitrary: fc.string({ maxLength: 5 }), weight: 1 },
  );
  return fc.uniqueArray(id, { minLength: min, maxLength: max });
}

function sizeRange(name: string, options: FactsOptions): { min: number; max: number } {
  const size = options.sizes?.[name];
  const fallbackMax = options.maxElements ?? 3;
  if (typeof size === "number") return { min: size, max: size };
  const min = size?.min ?? 0;
  return { min, max: size?.max ?? Math.max(min, fallbackMax) };
}

/** Empties every collection whose elements cannot be valid given which collections are empty. */
function prune(checked: CheckedPolicy, drawn: ReadonlyMap<string, string[]>): Map<string, string[]> {
  const ids = new Map(drawn);
  for (let changed = true; changed; ) {
    changed = false;
    const nonEmpty = new Set([...ids].filter(([, list]) => list.length > 0).map(([name]) => name));
    for (const collection of checked.collections.values()) {
      if ((ids.get(collection.name) ?? []).length === 0) continue;
      if (collection.fields.every((f) => possible(f.type, f.reference, nonEmpty))) continue;
      ids.set(collection.name, []);
      changed = true;
    }
  }
  return ids;
}

/**
 * An arbitrary of valid facts documents for the policy (see the module comment).
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { factsFor } from "@remit/testing";
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
 * const documents = fc.sample(factsFor(policy, { asOf: "2026-10-20", sizes: { hazards: 2 } }), { numRuns: 25, seed: 1 });
 * const accepted = documents.filter((facts) => !("errors" in policy.evaluate(facts)));
 * console.log(accepted.length, documents.every((d) => Array.isArray(d["hazards"]) && d["hazards"].length === 2)); // 25 true
 * ```
 */
export function factsFor(policy: PolicyLike, options: FactsOptions = {}): fc.Arbitrary<FactsDocument> {
  const compiled = compiledPolicy(policy);
  const checked = compiled.checked;
  const boundaries = boundariesOf(compiled);
  const mandatory = mandatoryCollections(checked);
  for (const name of Object.keys(options.sizes ?? {})) {
    if (!checked.collections.has(name)) throw new Error(`sizes names an undeclared collection "${name}"`);
  }

  const collections = [...checked.collections.values()];
  const idArbitraries: Record<string, fc.Arbitrary<string[]>> = {};
  for (const collection of collections) {
    const range = sizeRange(collection.name, options);
    const reason = mandatory.get(collection.name);
    const min = reason !== undefined ? Math.max(range.min, 1) : range.min;
    if (min > range.max) {
      throw new Error(
        `collection "${collection.name}" needs at least one element (${reason} refers to it) but sizes allow none`,
      );
    }
    idArbitraries[collection.name] = idsOf(collection.name, min, range.max);
  }

  const asOfArbitrary =
    options.asOf !== undefined
      ? fc.constant(formatIsoDate(epochOf(options.asOf)))
      : dateNear(policyAnchors(boundaries), boundaries).map(formatIsoDate);

  const drawnBeforeElements = (asOf: EpochDay) =>
    fc.record({
      ids: fc.record(idArbitraries),
      events: fc.array(dateNear([asOf], boundaries), { minLength: 1, maxLength: 3 }),
    });

  return asOfArbitrary.chain((asOfText) =>
    drawnBeforeElements(epochOf(asOfText)).chain(({ ids: drawn, events }) => {
      const ids = prune(checked, new Map(Object.entries(drawn)));
      const ctx: Context = {
        anchors: [epochOf(asOfText), ...events, ...policyAnchors(boundaries)],
        boundaries,
        ids,
        maxListLength: options.maxListLength ?? 3,
      };
      const parts: Record<string, fc.Arbitrary<JsonValue>> = {};
      const required: string[] = [];
      for (const collection of collections) {
        const elementIds = ids.get(collection.name) ?? [];
        const element = recordOf(
          collection.fields.filter((f) => f.name !== "id"),
          ctx,
        );
        if (elementIds.length === 0 || element === undefined) {
          // An empty collection the policy declares optional may be left out of the document.
          parts[collection.name] = fc.constant([]);
          if (!collection.decl.optional) required.push(collection.name);
          continue;
        }
        parts[collection.name] = fc.tuple(
          ...elementIds.map((id) =>
            element.map((fields): JsonValue => ({ id, ...(fields as { [key: string]: JsonValue }) })),
          ),
        );
        required.push(collection.name);
      }
      for (const record of checked.records.values()) {
        const value = recordOf(record.fields, ctx);
        if (value === undefined) throw new Error(`record "${record.name}" has no valid value`);
        parts[record.name] = value;
        required.push(record.name);
      }
      return fc
        .record(parts, { requiredKeys: required })
        .map(
          (document): FactsDocument => ({ asOf: asOfText, ...(document as { [key: string]: JsonValue }) }),
        );
    }),
  );
}
