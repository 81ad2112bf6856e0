/**
 * The Ziyuan scenario corpus: each file under `scenarios/` is one small county, an evaluation
 * date, and the findings (or facts errors) the policy must give on it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ExpectedFinding, matchesPattern as matches, mergeFacts } from "@remit/app";

// One scenario format: the finding patterns, their matching and the facts merge are the ones
// `remit test` uses.
export { type ExpectedFinding, matches, mergeFacts };

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

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

export function scenarioFacts(scenario: Scenario): JsonObject {
  const baseName = scenario.base === undefined ? "base" : scenario.base;
  const base: JsonObject =
    baseName === null
      ? {}
      : (JSON.parse(readFileSync(new URL(`fixtures/${baseName}.json`, ziyuanRoot), "utf8")) as JsonObject);
  const merged = mergeFacts(base, scenario.facts) as Json;
  if (!isObject(merged)) throw new Error(`scenario "${scenario.id}" facts must be an object`);
  return { ...merged, asOf: scenario.asOf };
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
