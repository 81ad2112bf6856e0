/** The policy and facts the load test sends: the Ziyuan plan on the example county. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPolicy as loadFromDisk } from "@remit/app";
import type { EnginePolicy } from "@remit/server";

export interface LoadSubject {
  readonly label: string;
  readonly policy: EnginePolicy;
  readonly facts: unknown;
  readonly invalidFacts: unknown;
  readonly asOf: string;
}

// Compiled to scripts/dist: the repository is four levels up.
const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

export async function loadPolicy(): Promise<LoadSubject> {
  const outcome = loadFromDisk("policies/ziyuan-2026", repoRoot);
  if ("problem" in outcome) throw new Error(`no Ziyuan policy under ${repoRoot}`);
  if (outcome.policy === undefined) {
    const shown = outcome.diagnostics.map(
      (d) => `${d.span.file}:${d.span.start.line} ${d.code} ${d.message.en}`,
    );
    throw new Error(`the Ziyuan policy does not compile:\n${shown.join("\n")}`);
  }
  const example = JSON.parse(readFileSync(`${repoRoot}examples/ziyuan-county/facts.json`, "utf8")) as Record<
    string,
    unknown
  >;
  const { asOf, ...facts } = example;
  const townships = Array.isArray(facts.townships) ? facts.townships : [];
  const invalidFacts = {
    ...facts,
    townships: townships.map((t, i) => (i === 0 ? { ...(t as object), builtUpAreaKm2: "large" } : t)),
  };
  return {
    label: `${outcome.policy.info.name} on examples/ziyuan-county`,
    policy: outcome.policy,
    facts,
    invalidFacts,
    asOf: typeof asOf === "string" ? asOf : "2026-11-28",
  };
}
