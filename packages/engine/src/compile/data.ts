/**
 * The facts as the compiled rules read them: each collection's elements, id → element maps, and
 * inverse indexes (target id → positions of the source elements that reference it), built on
 * first use so a traversal or an aggregate never scans a whole collection. Positions rather than
 * elements keep an index valid when an element is replaced in place (incremental updates).
 */
import type { CheckedPolicy } from "@remit/lang";
import { parseIsoDate } from "../calendar/index.js";
import type { FactObject } from "./values.js";

/** The days from which a `since` collection's elements exist, read once per evaluation. */
interface Existence {
  /** By position; NaN where the element always exists. */
  readonly from: number[];
  /** No element starts later than this (an upper bound once elements are replaced). */
  latest: number;
  /** The last answer of `existingAsAt`, for the as-at date it was asked for. */
  cached: { readonly asAt: number; readonly elements: readonly FactObject[] } | undefined;
}

export class Data {
  private readonly inverses = new Map<string, Map<string, number[]>>();
  private readonly sinceField = new Map<string, string>();
  private readonly existence = new Map<string, Existence>();

  constructor(
    policy: CheckedPolicy,
    public document: FactObject,
    readonly collections: Map<string, readonly FactObject[]>,
    readonly byId: Map<string, Map<string, FactObject>>,
  ) {
    for (const c of policy.collections.values()) if (c.since) this.sinceField.set(c.name, c.since);
  }

  /** Positions in `source` of the elements whose `field` holds each target id. */
  inverse(source: string, field: string): ReadonlyMap<string, readonly number[]> {
    const key = `${source}\u0000${field}`;
    let index = this.inverses.get(key);
    if (!index) {
      index = new Map();
      const elements = this.collections.get(source) ?? [];
      for (let i = 0; i < elements.length; i++) {
        const target = elements[i]![field];
        if (typeof target !== "string") continue;
        const list = index.get(target);
        if (list) list.push(i);
        else index.set(target, [i]);
      }
      this.inverses.set(key, index);
    }
    return index;
  }

  /**
   * The elements of `collection` that exist as at `asAt`, in order. Every rule over a `since`
   * collection asks this: the start dates are read once, and when all have passed (the usual case)
   * the collection itself is the answer, with nothing copied.
   */
  existingAsAt(collection: string, asAt: number): readonly FactObject[] {
    const elements = this.collections.get(collection) ?? [];
    const field = this.sinceField.get(collection);
    if (field === undefined) return elements;
    let existence = this.existence.get(collection);
    if (!existence) {
      const from: number[] = new Array<number>(elements.length);
      let latest = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < elements.length; i++) {
        const day = this.startOf(field, elements[i]!);
        from[i] = day;
        if (day > latest) latest = day;
      }
      existence = { from, latest, cached: undefined };
      this.existence.set(collection, existence);
    }
    if (existence.latest <= asAt) return elements;
    if (existence.cached?.asAt === asAt) return existence.cached.elements;
    const from = existence.from;
    const out: FactObject[] = [];
    for (let i = 0; i < elements.length; i++) if (!(from[i]! > asAt)) out.push(elements[i]!);
    existence.cached = { asAt, elements: out };
    return out;
  }

  private startOf(field: string, element: FactObject): number {
    const value = element[field];
    return (typeof value === "string" ? parseIsoDate(value) : undefined) ?? Number.NaN;
  }

  /** The date from which an element of `collection` exists, or undefined when always. */
  existsFrom(collection: string, element: FactObject): number | undefined {
    const field = this.sinceField.get(collection);
    if (field === undefined) return undefined;
    const value = element[field];
    return typeof value === "string" ? parseIsoDate(value) : undefined;
  }

  /**
   * Replaces the element at `position` of `collection` (or appends it when `position` is the
   * length) in `elements`, the collection's new array, keeping every index in step.
   */
  replace(
    collection: string,
    elements: readonly FactObject[],
    position: number,
    before: FactObject | undefined,
    after: FactObject,
  ): void {
    this.collections.set(collection, elements);
    const existence = this.existence.get(collection);
    if (existence) {
      const day = this.startOf(this.sinceField.get(collection)!, after);
      existence.from[position] = day;
      if (day > existence.latest) existence.latest = day;
      existence.cached = undefined;
    }
    const ids = this.byId.get(collection);
    if (ids) {
      if (before && ids.get(before.id as string) === before) ids.delete(before.id as string);
      ids.set(after.id as string, after);
    }
    const prefix = `${collection}\u0000`;
    for (const [key, index] of this.inverses) {
      if (!key.startsWith(prefix)) continue;
      const field = key.slice(prefix.length);
      const oldTarget = before?.[field];
      const newTarget = after[field];
      if (before && oldTarget === newTarget) continue;
      if (before && typeof oldTarget === "string") {
        const list = index.get(oldTarget);
        if (list) {
          const at = list.indexOf(position);
          if (at >= 0) list.splice(at, 1);
          if (list.length === 0) index.delete(oldTarget);
        }
      }
      if (typeof newTarget === "string") {
        const list = index.get(newTarget);
        if (!list) index.set(newTarget, [position]);
        else insertSorted(list, position);
      }
    }
  }
}

function insertSorted(list: number[], value: number): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < value) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, value);
}
