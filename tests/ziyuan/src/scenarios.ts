/**
 * The Ziyuan scenario corpus: each file under `scenarios/` is one small county, an evaluation
 * date, and the findings (or facts errors) the policy must give on it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A finding pattern: only the fields given are compared. */
export interface ExpectedFinding {
  readonly rule: string;
  readonly subject?: { readonly collection: string; readonly id: string };
  readonly [field: string]: Json | undefined;
}

export interface Scenario {
  /** File name without extension. */
  readonly id: string;
  readonly name: string;
  /** The clause ids the scenario exercises. */
  readonly clauses: readonly string[];
  readonly asOf: string;
  readonly params?: JsonObject;
  /** `"base"` (the default) merges `facts` onto fixtures/base.json; `null` takes `facts` as is. */
  readonly base?: string | null;
  readonly facts: JsonObject;
  readonly expect?: readonly ExpectedFinding[];
  readonly expectNoFinding?: readonly ExpectedFinding[];
  /** An invalid document: the JSON paths that must be reported. */
  readonly expectErrors?: readonly { readonly path: string; readonly code?: string }[];
}

export const ziyuanRoot = new URL("../", import.meta.url);
export const repoRoot = new URL("../../../", import.meta.url);

export function loadScenarios(dir: URL = new URL("scenarios/", ziyuanRoot)): Scenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(new URL(file, dir), "utf8")) as Omit<Scenario, "id">;
      return { ...raw, id: file.replace(/\.json$/, "") };
    });
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Deep merge for small scenario documents: objects merge key by key, arrays replace the base
 * array, and an array element `{ "$from": "T01", … }` starts from the base element with that id.
 */
export function mergeFacts(base: Json | undefined, patch: Json): Json {
  if (Array.isArray(patch)) {
    const baseList = Array.isArray(base) ? base : [];
    return patch.map((element) => {
      if (isObject(element) && typeof element.$from === "string") {
        const from = baseList.find((b) => isObject(b) && b.id === element.$from);
        if (from === undefined) throw new Error(`no base element with id "${element.$from}"`);
        const { $from: _from, ...rest } = element;
        return mergeFacts(from, { id: element.$from, ...rest });
      }
      return element;
    });
  }
  if (isObject(patch) && isObject(base)) {
    const out: JsonObject = { ...base };
    for (const [key, value] of Object.entries(patch)) out[key] = mergeFacts(base[key], value);
    return out;
  }
  return patch;
}

export function scenarioFacts(scenario: Scenario): JsonObject {
  const baseName = scenario.base === undefined ? "base" : scenario.base;
  const base: JsonObject =
    baseName === null
      ? {}
      : (JSON.parse(readFileSync(new URL(`fixtures/${baseName}.json`, ziyuanRoot), "utf8")) as JsonObject);
  const merged = mergeFacts(base, scenario.facts);
  if (!isObject(merged)) throw new Error(`scenario "${scenario.id}" facts must be an object`);
  return { ...merged, asOf: scenario.asOf };
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return (
    ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual((a as never)[k], (b as never)[k]))
  );
}

/**
 * Whether a finding matches a pattern. `late: false` and `overdue: false` also match an absent
 * field, and `null` means the field must be absent.
 */
export function matches(finding: object, pattern: ExpectedFinding): boolean {
  const fields = finding as Readonly<Record<string, unknown>>;
  for (const [key, expected] of Object.entries(pattern)) {
    const actual = fields[key];
    if (expected === undefined) continue;
    if (expected === null) {
      if (actual !== undefined && actual !== null) return false;
    } else if (expected === false && (key === "late" || key === "overdue")) {
      if (actual !== undefined && actual !== false) return false;
    } else if (!deepEqual(actual, expected)) {
      return false;
    }
  }
  return true;
}

/** The policy's files by repository-relative path, as `compile({ files, entry })` takes them. */
export function policyFiles(): { files: Record<string, string>; entry: string } {
  const files: Record<string, string> = {};
  for (const folder of ["policies/ziyuan-2026", "policies/standards"]) {
    for (const file of readdirSync(new URL(`${folder}/`, repoRoot)).sort()) {
      if (!file.endsWith(".remit") && !file.endsWith(".remit.md")) continue;
      files[join(folder, file)] = readFileSync(new URL(`${folder}/${file}`, repoRoot), "utf8");
    }
  }
  return { files, entry: "policies/ziyuan-2026/policy.remit.md" };
}
