/**
 * An evaluation kept alive over changing facts. The session holds an immer-frozen snapshot whose
 * collections are stored in chunks (see `chunked.ts`), next to flat arrays of the same elements
 * that the rules read; `update(recipe)` records the recipe's patches, maps them to the changed elements, checks those
 * elements (schema, unique ids, references), follows each rule's links back from them to the
 * subjects that can read them, and re-evaluates only those. A patch that touches a top-level
 * record, `asOf` or a whole collection, or that removes elements, falls back to a full evaluation.
 */
import { enablePatches, freeze, type Patch, produceWithPatches } from "immer";
import type * as z from "zod/mini";
import { existsAsAt } from "../compile/expr.js";
import type { FactObject } from "../compile/values.js";
import type { CompiledRule } from "../evaluate/common.js";
import { compareIds, countFindings, evaluateAll, findingsOf, orderFindings } from "../evaluate/evaluate.js";
import { settleExplanation } from "../explain/lazy.js";
import { schemaOfFields, validateElement } from "../facts/index.js";
import { DEFAULT_EVALUATION_LIMITS, EvaluationLimitExceeded, tooManyFindings } from "../limits.js";
import type { EvaluateOptions, PolicyInternals, Prepared } from "../policy.js";
import { type EvaluationResult, type FactError, type Finding, findingKey } from "../result.js";
import { chunkedDocument, chunkedLength, fromChunks, toChunks } from "./chunked.js";
import { type RuleDependencies, ruleDependencies } from "./dependencies.js";

enablePatches();

/** Chunks of 1,024 elements: a one-element change copies about 1,024 + n / 1,024 slots. */
const defaultChunkBits = 10;

type Chunks = readonly (readonly FactObject[])[];

/** The stored snapshot with flat arrays in place of chunk lists: the document rules read. */
function flatten(stored: FactObject, collections: Iterable<string>): FactObject {
  const out: Record<string, unknown> = { ...stored };
  for (const name of collections) {
    const value = stored[name];
    if (Array.isArray(value)) out[name] = fromChunks(value as Chunks);
  }
  return out;
}

export interface FindingsDiff {
  readonly added: readonly Finding[];
  readonly changed: readonly Finding[];
  readonly removed: readonly Finding[];
}

export type UpdateOutcome = FindingsDiff | { readonly errors: readonly FactError[] };

/** A draft of the facts document, as the recipe sees it. */
export type FactsDraft = { [key: string]: unknown };

interface Touched {
  readonly collection: string;
  readonly index: number;
  readonly before: FactObject | undefined;
  readonly after: FactObject;
}

/** How the last update was done: for diagnostics and benchmarks. */
export interface UpdateStats {
  readonly mode: "none" | "incremental" | "full";
  /** Rule–subject pairs evaluated again. */
  readonly evaluated: number;
}

/**
 * An open evaluation that updates as its facts change, re-evaluating only the findings a change can reach (`policy.open`).
 * @example
 * ```ts
 * import { compile, Session } from "@remit/engine";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const facts = { hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
 * const session = compiled.policy.open(facts, { asOf: "2026-10-20" });
 * if (!(session instanceof Session)) throw new Error("the facts are rejected");
 * const diff = session.update((draft) => {
 *   const [hazard] = draft["hazards"] as { listedOn: string | null }[];
 *   if (hazard) hazard.listedOn = "2026-10-05";
 * });
 * if ("errors" in diff) throw new Error("the update is rejected");
 * console.log(diff.changed.map((f) => f.status)); // [ 'met' ]
 * ```
 */
export class Session {
  /** The facts as immer sees them: collections as frozen chunk lists. */
  private snapshot: FactObject;
  /** Each collection's elements in order: the arrays the rules read, updated in place. */
  private flat: Map<string, FactObject[]>;
  private stats: UpdateStats = { mode: "none", evaluated: 0 };
  private perRule: Map<string, Finding[]>[];
  /** The findings `perRule` holds, kept up to date by each update: the findings limit is on it. */
  private findingCount: number;
  private readonly dependencies: readonly RuleDependencies[];
  private readonly elementSchemas = new Map<string, z.ZodMiniType>();

  private constructor(
    private readonly internals: PolicyInternals,
    private prepared: Prepared,
    snapshot: FactObject,
    private readonly options: EvaluateOptions | undefined,
    private readonly chunkBits: number,
  ) {
    this.snapshot = snapshot;
    this.flat = this.flatArrays(prepared);
    // May throw EvaluationLimitExceeded: `open` turns it into errors, as `evaluate` does.
    this.perRule = evaluateAll(internals.rules, prepared.ctx);
    this.findingCount = countFindings(this.perRule);
    this.dependencies = internals.rules.map((rule) =>
      ruleDependencies(internals.checked, rule.info.rule, rule.subjectCollection),
    );
  }

  /**
   * Opens a session on a compiled policy's internals: hosts call `policy.open`.
   * @internal
   */
  static open(
    internals: PolicyInternals,
    facts: unknown,
    options: EvaluateOptions | undefined,
    /** Collections are stored in chunks of `2 ** chunkBits` elements (small in tests). */
    chunkBits = defaultChunkBits,
  ): Session | { readonly errors: readonly FactError[] } {
    // The session owns its snapshot: the caller's document is copied, then frozen.
    const copy: unknown =
      facts !== null && typeof facts === "object" ? JSON.parse(JSON.stringify(facts)) : facts;
    const prepared = internals.prepare(copy, options);
    if ("errors" in prepared) return { errors: prepared.errors };
    const stored: Record<string, unknown> = { ...(copy as FactObject) };
    for (const name of internals.checked.collections.keys()) {
      const elements = stored[name];
      if (Array.isArray(elements)) stored[name] = toChunks(elements, chunkBits);
    }
    try {
      return new Session(internals, prepared, freeze(stored as FactObject, true), options, chunkBits);
    } catch (error) {
      if (error instanceof EvaluationLimitExceeded) return { errors: [error.error] };
      throw error;
    }
  }

  /** The arrays prepared evaluation reads, owned by this session from now on. */
  private flatArrays(prepared: Prepared): Map<string, FactObject[]> {
    const flat = new Map<string, FactObject[]>();
    for (const name of this.internals.checked.collections.keys()) {
      const elements = (prepared.ctx.data.collections.get(name) ?? []) as FactObject[];
      // Absent collections get an array of their own, so that appends have somewhere to go.
      const owned = Object.isFrozen(elements) ? [...elements] : elements;
      flat.set(name, owned);
      prepared.ctx.data.collections.set(name, owned);
    }
    return flat;
  }

  /** How the last successful update was done. */
  lastUpdate(): UpdateStats {
    return this.stats;
  }

  /** The current findings as a full result. */
  result(): EvaluationResult {
    return this.internals.result(this.prepared, orderFindings(this.perRule));
  }

  update(recipe: (draft: FactsDraft) => void): UpdateOutcome {
    let next: FactObject;
    let patches: Patch[];
    try {
      const collections = new Set(this.internals.checked.collections.keys());
      [next, patches] = produceWithPatches(this.snapshot as FactsDraft, (root: FactsDraft) => {
        const view = chunkedDocument(root, collections, this.chunkBits);
        // A recipe may return a whole new document, as immer allows: it is stored chunked too.
        const returned: unknown = (recipe as (draft: FactsDraft) => unknown)(view);
        if (returned === undefined || returned === view || returned === null || typeof returned !== "object")
          return undefined;
        const stored: Record<string, unknown> = { ...(returned as FactObject) };
        for (const name of collections)
          if (Array.isArray(stored[name])) stored[name] = toChunks(stored[name] as unknown[], this.chunkBits);
        return stored;
      }) as unknown as [FactObject, Patch[]];
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        errors: [
          {
            path: "$",
            code: "update-failed",
            message: { en: `the update failed: ${message}`, zh: `更新失败：${message}` },
          },
        ],
      };
    }
    if (patches.length === 0) {
      this.stats = { mode: "none", evaluated: 0 };
      return { added: [], changed: [], removed: [] };
    }
    const touched = this.touchedElements(next, patches);
    try {
      return touched === undefined ? this.fullUpdate(next) : this.incrementalUpdate(next, touched);
    } catch (error) {
      // Past a limit the update is refused, as `evaluate` refuses, and the session keeps the
      // facts and findings it had: an incremental update has already replaced elements in place,
      // so the state is rebuilt from the snapshot, which the update had not yet replaced.
      if (!(error instanceof EvaluationLimitExceeded)) throw error;
      this.rebuild();
      return { errors: [error.error] };
    }
  }

  /** The state evaluated afresh from the current snapshot (which was within the limits). */
  private rebuild(): void {
    const prepared = this.internals.prepare(
      flatten(this.snapshot, this.internals.checked.collections.keys()),
      this.options,
    );
    if ("errors" in prepared) throw new Error("a session's own snapshot was rejected");
    this.flat = this.flatArrays(prepared);
    this.perRule = evaluateAll(this.internals.rules, prepared.ctx);
    this.findingCount = countFindings(this.perRule);
    this.prepared = prepared;
    this.stats = { mode: "full", evaluated: this.perRule.reduce((n, m) => n + m.size, 0) };
  }

  /**
   * The elements the patches replace or append, or undefined when only a full evaluation will do.
   * Patch paths are in chunk coordinates: `[collection, chunk, offset, ...]`.
   */
  private touchedElements(next: FactObject, patches: readonly Patch[]): Touched[] | undefined {
    const checked = this.internals.checked;
    const chunkBits = this.chunkBits;
    const seen = new Map<string, Touched>();
    const touch = (collection: string, index: number): boolean => {
      const chunks = next[collection] as Chunks;
      const element = chunks[index >> chunkBits]?.[index & ((1 << chunkBits) - 1)];
      if (element === undefined) return false;
      seen.set(`${collection}\u0000${index}`, {
        collection,
        index,
        before: this.flat.get(collection)![index],
        after: element,
      });
      return true;
    };
    const lengths = (name: string): { before: number; after: number } | undefined => {
      const before = this.snapshot[name];
      const after = next[name];
      if (!Array.isArray(after) || (before !== undefined && !Array.isArray(before))) return undefined;
      return {
        before: before === undefined ? 0 : chunkedLength(before as Chunks, chunkBits),
        after: chunkedLength(after as Chunks, chunkBits),
      };
    };
    for (const patch of patches) {
      const [head, chunk, offset] = patch.path;
      if (typeof head !== "string" || !checked.collections.has(head)) return undefined;
      if (patch.path.length === 1) return undefined;
      const size = lengths(head);
      if (size === undefined || size.after < size.before) return undefined;
      if (chunk === "length" || offset === "length") continue;
      if (typeof chunk !== "number") return undefined;
      if (patch.path.length === 2) {
        // A whole chunk added or replaced: each of its elements.
        const start = chunk << chunkBits;
        const end = Math.min(start + (1 << chunkBits), size.after);
        for (let i = start; i < end; i++) if (!touch(head, i)) return undefined;
        continue;
      }
      if (typeof offset !== "number" || !touch(head, (chunk << chunkBits) + offset)) return undefined;
    }
    // Appends past the old end show up as `length` patches only when immer sets the length.
    for (const name of checked.collections.keys()) {
      if (next[name] === this.snapshot[name]) continue;
      const size = lengths(name);
      if (size === undefined) return undefined;
      for (let i = size.before; i < size.after; i++)
        if (!seen.has(`${name}\u0000${i}`) && !touch(name, i)) return undefined;
    }
    return [...seen.values()].sort((a, b) =>
      a.collection < b.collection ? -1 : a.collection > b.collection ? 1 : a.index - b.index,
    );
  }

  private fullUpdate(next: FactObject): UpdateOutcome {
    const prepared = this.internals.prepare(
      flatten(next, this.internals.checked.collections.keys()),
      this.options,
    );
    if ("errors" in prepared) return { errors: prepared.errors };
    const flat = this.flatArrays(prepared);
    const perRule = evaluateAll(this.internals.rules, prepared.ctx);
    const diff = diffFindings(this.perRule, perRule);
    this.stats = { mode: "full", evaluated: perRule.reduce((n, m) => n + m.size, 0) };
    this.flat = flat;
    this.prepared = prepared;
    this.perRule = perRule;
    this.findingCount = countFindings(perRule);
    this.snapshot = next;
    return diff;
  }

  private elementSchema(collection: string): z.ZodMiniType {
    let schema = this.elementSchemas.get(collection);
    if (!schema) {
      schema = schemaOfFields(this.internals.checked.collections.get(collection)!.fields);
      this.elementSchemas.set(collection, schema);
    }
    return schema;
  }

  private checkTouched(touched: readonly Touched[]): FactError[] {
    const checked = this.internals.checked;
    const data = this.prepared.ctx.data;
    const errors: FactError[] = [];
    for (const t of touched) {
      const fields = checked.collections.get(t.collection)!.fields;
      errors.push(
        ...validateElement(fields, this.elementSchema(t.collection), t.collection, t.index, t.after),
      );
    }
    if (errors.length > 0) return errors;

    // Ids each collection gains and loses in this update.
    const added = new Map<string, Map<string, Touched>>();
    const removed = new Map<string, Set<string>>();
    const replacedElements = new Set<FactObject>();
    for (const t of touched) {
      if (t.before) replacedElements.add(t.before);
      const ids = added.get(t.collection) ?? new Map<string, Touched>();
      added.set(t.collection, ids);
      const id = t.after.id as string;
      const existing = data.byId.get(t.collection)?.get(id);
      const twin = ids.get(id);
      if (
        twin ||
        (existing &&
          !replacedElements.has(existing) &&
          !touched.some((o) => o.collection === t.collection && o.before === existing))
      ) {
        errors.push({
          path: `${t.collection}[${t.index}].id`,
          code: "duplicate-id",
          message: { en: `duplicate id "${id}"`, zh: `id“${id}”重复` },
        });
      }
      ids.set(id, t);
      if (t.before && t.before.id !== id) {
        const gone = removed.get(t.collection) ?? new Set<string>();
        gone.add(t.before.id as string);
        removed.set(t.collection, gone);
      }
    }
    const exists = (collection: string, id: string): boolean =>
      added.get(collection)?.has(id) === true ||
      (data.byId.get(collection)?.has(id) === true && removed.get(collection)?.has(id) !== true);
    for (const t of touched) {
      for (const field of checked.collections.get(t.collection)!.fields) {
        if (!field.reference) continue;
        const value = t.after[field.name];
        if (typeof value === "string" && !exists(field.reference.target, value)) {
          errors.push({
            path: `${t.collection}[${t.index}].${field.name}`,
            code: "dangling-reference",
            message: {
              en: `"${value}" names no element of "${field.reference.target}"`,
              zh: `“${value}”不是“${field.reference.target}”中任何元素的 id`,
            },
          });
        }
      }
    }
    // An id that disappears must not be referenced any more.
    const touchedAt = new Map(touched.map((t) => [`${t.collection}\u0000${t.index}`, t.after]));
    for (const [collection, ids] of removed) {
      for (const source of checked.collections.values()) {
        for (const field of source.fields) {
          if (field.reference?.target !== collection) continue;
          const index = data.inverse(source.name, field.name);
          const elements = data.collections.get(source.name) ?? [];
          for (const id of ids) {
            if (added.get(collection)?.has(id)) continue;
            for (const position of index.get(id) ?? []) {
              const current = touchedAt.get(`${source.name}\u0000${position}`) ?? elements[position];
              if (current?.[field.name] === id) {
                errors.push({
                  path: `${source.name}[${position}].${field.name}`,
                  code: "dangling-reference",
                  message: {
                    en: `"${id}" names no element of "${collection}"`,
                    zh: `“${id}”不是“${collection}”中任何元素的 id`,
                  },
                });
              }
            }
          }
        }
      }
    }
    return errors;
  }

  /** Ids of `rule`'s subjects that can read `element` through the rule's links. */
  private readers(
    rule: CompiledRule,
    deps: RuleDependencies,
    collection: string,
    element: FactObject,
    out: Set<string>,
  ): void {
    const data = this.prepared.ctx.data;
    const subjectCollection = rule.subjectCollection!;
    const visited = new Set<string>();
    const queue: { collection: string; element: FactObject }[] = [{ collection, element }];
    while (queue.length > 0) {
      const { collection: c, element: e } = queue.pop()!;
      const key = `${c}\u0000${String(e.id)}`;
      if (visited.has(key)) continue;
      visited.add(key);
      if (c === subjectCollection) out.add(String(e.id));
      for (const link of deps.forward) {
        if (link.target !== c) continue;
        const elements = data.collections.get(link.source) ?? [];
        for (const position of data.inverse(link.source, link.field).get(String(e.id)) ?? []) {
          const reader = elements[position];
          if (reader) queue.push({ collection: link.source, element: reader });
        }
      }
      for (const link of deps.backward) {
        if (link.source !== c) continue;
        const targetId = e[link.field];
        if (typeof targetId !== "string") continue;
        const reader = data.byId.get(link.target)?.get(targetId);
        if (reader) queue.push({ collection: link.target, element: reader });
      }
    }
  }

  /**
   * Findings build their explanations from the facts on first read: the ones this update may
   * replace are built now, before the facts change, so the diff compares them as they were.
   */
  private settleExplanations(
    wholeRule: readonly boolean[],
    affected: readonly Set<string>[],
    touched: readonly Touched[],
  ): void {
    const rules = this.internals.rules;
    rules.forEach((rule, i) => {
      const findings = this.perRule[i]!;
      let ids: Iterable<string> = findings.keys();
      if (!wholeRule[i]) {
        // Subjects that will read the new elements, found through the links as they stand.
        const readers = new Set(affected[i]);
        for (const t of touched) this.readers(rule, this.dependencies[i]!, t.collection, t.after, readers);
        ids = readers;
      }
      for (const id of ids) for (const finding of findings.get(id) ?? []) settleExplanation(finding);
    });
  }

  private incrementalUpdate(next: FactObject, touched: readonly Touched[]): UpdateOutcome {
    const errors = this.checkTouched(touched);
    if (errors.length > 0) return { errors };
    const rules = this.internals.rules;
    const touchedCollections = new Set(touched.map((t) => t.collection));
    const wholeRule = rules.map((_rule, i) => {
      const deps = this.dependencies[i]!;
      if (!deps.plainSubject) return true;
      for (const c of deps.wholeCollections) if (touchedCollections.has(c)) return true;
      return false;
    });
    const affected: Set<string>[] = rules.map(() => new Set<string>());
    const walk = (side: "before" | "after"): void => {
      for (const t of touched) {
        const element = t[side];
        if (!element) continue;
        rules.forEach((rule, i) => {
          if (!wholeRule[i]) this.readers(rule, this.dependencies[i]!, t.collection, element, affected[i]!);
        });
      }
    };
    walk("before");
    this.settleExplanations(wholeRule, affected, touched);
    const data = this.prepared.ctx.data;
    for (const t of touched) {
      const elements = this.flat.get(t.collection)!;
      elements[t.index] = t.after;
      data.replace(t.collection, elements, t.index, t.before, t.after);
    }
    // Records and `asOf` are read from the document; collections from the flat arrays.
    const document: Record<string, unknown> = { ...next };
    for (const [name, elements] of this.flat) if (Array.isArray(next[name])) document[name] = elements;
    data.document = document;
    walk("after");

    const ctx = this.prepared.ctx;
    const added: Finding[] = [];
    const changed: Finding[] = [];
    const removed: Finding[] = [];
    let evaluated = 0;
    rules.forEach((rule, i) => {
      const findings = this.perRule[i]!;
      if (wholeRule[i]) {
        const fresh = new Map<string, Finding[]>();
        for (const subject of rule.subjects(ctx)) {
          const found = findingsOf(rule, ctx, subject);
          evaluated++;
          if (found.length > 0) fresh.set(rule.subjectId(subject), found);
        }
        for (const id of [...new Set([...findings.keys(), ...fresh.keys()])].sort(compareIds)) {
          diffEntries(findings.get(id) ?? [], fresh.get(id) ?? [], added, changed, removed);
        }
        this.perRule[i] = fresh;
        return;
      }
      const collection = rule.subjectCollection!;
      for (const id of [...affected[i]!].sort(compareIds)) {
        const subject = data.byId.get(collection)?.get(id);
        const found = subject && existsAsAt(ctx, collection, subject) ? findingsOf(rule, ctx, subject) : [];
        evaluated++;
        diffEntries(findings.get(id) ?? [], found, added, changed, removed);
        if (found.length > 0) findings.set(id, found);
        else findings.delete(id);
      }
    });
    const count = this.findingCount + added.length - removed.length;
    const maxFindings = (ctx.limits ?? DEFAULT_EVALUATION_LIMITS).findings;
    if (count > maxFindings) throw tooManyFindings(maxFindings);
    this.findingCount = count;
    this.snapshot = next;
    this.stats = { mode: "incremental", evaluated };
    return { added, changed, removed };
  }
}

/** Adds to the diff what changed between one subject's old and new findings. */
function diffEntries(
  a: readonly Finding[],
  b: readonly Finding[],
  added: Finding[],
  changed: Finding[],
  removed: Finding[],
): void {
  if (a.length === 0 && b.length === 0) return;
  const oldByKey = new Map(a.map((f) => [findingKey(f), f]));
  const newKeys = new Set<string>();
  for (const f of b) {
    const key = findingKey(f);
    newKeys.add(key);
    const previous = oldByKey.get(key);
    if (!previous) added.push(f);
    else if (JSON.stringify(previous) !== JSON.stringify(f)) changed.push(f);
  }
  for (const f of a) if (!newKeys.has(findingKey(f))) removed.push(f);
}

function diffFindings(
  before: readonly ReadonlyMap<string, readonly Finding[]>[],
  after: readonly ReadonlyMap<string, readonly Finding[]>[],
): FindingsDiff {
  const added: Finding[] = [];
  const changed: Finding[] = [];
  const removed: Finding[] = [];
  for (let i = 0; i < after.length; i++) {
    const old = before[i]!;
    const now = after[i]!;
    for (const id of [...new Set([...old.keys(), ...now.keys()])].sort(compareIds)) {
      diffEntries(old.get(id) ?? [], now.get(id) ?? [], added, changed, removed);
    }
  }
  return { added, changed, removed };
}
