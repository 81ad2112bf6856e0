/**
 * The policy and facts the load test sends: the Ziyuan plan on the example county, or with
 * `--stand-in` the test suite's stand-in policy (for when the compiler is not at hand).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPolicy as compileFromDisk, type EnginePolicy } from "../src/index.js";
import { fakePolicy } from "../src/testing/fake-policy.js";

export interface LoadSubject {
  readonly label: string;
  readonly policy: EnginePolicy;
  readonly facts: unknown;
  readonly invalidFacts: unknown;
  readonly asOf: string;
}

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

function standIn(): LoadSubject {
  const hazards = Array.from({ length: 200 }, (_, i) => ({
    id: `H${i}`,
    foundOn: `2026-0${1 + (i % 9)}-1${i % 10}`,
    ...(i % 3 === 0 ? { listedOn: `2026-0${1 + (i % 9)}-2${i % 10}` } : {}),
  }));
  return {
    label: "stand-in hazards policy",
    policy: fakePolicy(),
    facts: { hazards },
    invalidFacts: { hazards: [{ id: 1 }] },
    asOf: "2026-10-31",
  };
}

export async function loadPolicy(useStandIn: boolean): Promise<LoadSubject> {
  if (useStandIn) return standIn();
  const outcome = await compileFromDisk("policies/ziyuan-2026", repoRoot);
  if (!("policy" in outcome)) {
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
