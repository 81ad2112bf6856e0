/**
 * An evaluation kept alive over changing facts. The session holds an immer-frozen snapshot;
 * `update(recipe)` records the recipe's patches, maps them to the changed elements, checks those
 * elements (schema, unique ids, references), follows each rule's links back from them to the
 * subjects that can read them, and re-evaluates only those. A patch that touches a top-level
 * record, `asOf` or a whole collection, or that removes elements, falls back to a full evaluation.
 */
import { enablePatches, freeze, type Patch, produceWithPatches } from "immer";
import type { z } from "zod";
import { existsAsAt } from "../compile/expr.js";
import type { FactObject } from "../compile/values.js";
import type { CompiledRule } from "../evaluate/common.js";
import { compareIds, evaluateAll, orderFindings } from "../evaluate/evaluate.js";
import { schemaOfFields, validateElement } from "../facts/index.js";
import type { EvaluateOptions, PolicyInternals, Prepared } from "../policy.js";
import type { EvaluationResult, FactError, Finding } from "../result.js";
import { type RuleDependencies, ruleDependencies } from "./dependencies.js";

enablePatches();

export interface FindingsDiff {
  readonly added: readonly Finding[];
  readonly changed: readonly Finding[];
  readonly removed: readonly Finding[];
}

export type UpdateOutcome = FindingsDiff | { readonly errors: readonly FactError[] };

/** A draft of the facts document, as the recipe sees it. */
export type FactsDraft = { [key: string]: unknown };

function findingKey(f: Finding): string {
  return `${f.rule}\u0000${f.subject.collection}\u0000${f.subject.id}\u0000${f.period ?? ""}`;
}

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

export class Session {
  private snapshot: FactObject;
  private stats: UpdateStats = { mode: "none", evaluated: 0 };
  private perRule: Map<string, Finding[]>[];
  private readonly dependencies: readonly RuleDependencies[];
  private readonly elementSchemas = new Map<string, z.ZodType>();

  private constructor(
    private readonly internals: PolicyInternals,
    private prepared: Prepared,
    snapshot: FactObject,
    private readonly options: EvaluateOptions | undefined,
  ) {
    this.snapshot = snapshot;
    this.perRule = evaluateAll(internals.rules, prepared.ctx);
    this.dependencies = internals.rules.map((rule) =>
      ruleDependencies(internals.checked, rule.info.rule, rule.subjectCollection),
    );
  }

  static open(
    internals: PolicyInternals,
    facts: unknown,
    options: EvaluateOptions | undefined,
  ): Session | { readonly errors: readonly FactError[] } {
    // The session owns its snapshot: the caller's document is copied, then frozen.
    const copy: unknown =
      facts !== null && typeof facts === "object" ? JSON.parse(JSON.stringify(facts)) : facts;
    const prepared = internals.prepare(copy, options);
    if ("errors" in prepared) return { errors: prepared.errors };
    return new Session(internals, prepared, freeze(copy as FactObject, true), options);
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
      [next, patches] = produceWithPatches(this.snapshot as FactsDraft, recipe) as unknown as [
        FactObject,
        Patch[],
      ];
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
    if (touched === undefined) return this.fullUpdate(next);
    return this.incrementalUpdate(next, touched);
  }

  /** The elements the patches replace or append, or undefined when only a full evaluation will do. */
  private touchedElements(next: FactObject, patches: readonly Patch[]): Touched[] | undefined {
    const checked = this.internals.checked;
    const seen = new Map<string, Touched>();
    for (const patch of patches) {
      const [head, position] = patch.path;
      if (typeof head !== "string" || !checked.collections.has(head)) return undefined;
      const before = (this.snapshot[head] as readonly FactObject[] | undefined) ?? [];
      const after = (next[head] as readonly FactObject[] | undefined) ?? [];
      if (patch.path.length === 1 || after.length < before.length) return undefined;
      if (position === "length") continue;
      if (typeof position !== "number") return undefined;
      const element = after[position];
      if (element === undefined) return undefined;
      seen.set(`${head}\u0000${position}`, {
        collection: head,
        index: position,
        before: before[position],
        after: element,
      });
    }
    // Appends past the old end show up as `length` patches only when immer sets the length.
    for (const name of checked.collections.keys()) {
      const before = (this.snapshot[name] as readonly FactObject[] | undefined) ?? [];
      const after = (next[name] as readonly FactObject[] | undefined) ?? [];
      for (let i = before.length; i < after.length; i++) {
        const key = `${name}\u0000${i}`;
        if (!seen.has(key))
          seen.set(key, { collection: name, index: i, before: undefined, after: after[i]! });
      }
    }
    return [...seen.values()].sort((a, b) =>
      a.collection < b.collection ? -1 : a.collection > b.collection ? 1 : a.index - b.index,
    );
  }

  private fullUpdate(next: FactObject): UpdateOutcome {
    const prepared = this.internals.prepare(next, this.options);
    if ("errors" in prepared) return { errors: prepared.errors };
    const perRule = evaluateAll(this.internals.rules, prepared.ctx);
    const diff = diffFindings(this.perRule, perRule);
    this.stats = { mode: "full", evaluated: perRule.reduce((n, m) => n + m.size, 0) };
    this.prepared = prepared;
    this.perRule = perRule;
    this.snapshot = next;
    return diff;
  }

  private elementSchema(collection: string): z.ZodType {
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
    const data = this.prepared.ctx.data;
    for (const t of touched)
      data.replace(t.collection, next[t.collection] as readonly FactObject[], t.index, t.before, t.after);
    data.document = next;
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
          const found = rule.evaluate(ctx, subject);
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
        const found = subject && existsAsAt(ctx, collection, subject) ? rule.evaluate(ctx, subject) : [];
        evaluated++;
        diffEntries(findings.get(id) ?? [], found, added, changed, removed);
        if (found.length > 0) findings.set(id, found);
        else findings.delete(id);
      }
    });
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
