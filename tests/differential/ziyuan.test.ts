import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileChecked } from "@remit/engine";
import { exportPolicy, prepareEngines, runExported } from "@remit/json-rules-engine";
import { analyze } from "@remit/lang";
import { describe, expect, test } from "vitest";
import { policiesHost, repositoryRoot } from "./src/repository.js";

const analyzed = analyze("ziyuan-2026/policy.remit.md", policiesHost);
const checked = analyzed.policy!;
const exported = exportPolicy(checked);
const facts = JSON.parse(
  readFileSync(join(repositoryRoot, "examples/ziyuan-county/facts.json"), "utf8"),
) as Record<string, unknown>;

describe("the Ziyuan plan through json-rules-engine", () => {
  test("checks, and exports all but the rules that need more than one subject", () => {
    expect(analyzed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const refused = exported.diagnostics.map((d) => d.code);
    // Aggregates over villages, recurring deadlines and references out of the subject.
    expect(new Set(refused)).toEqual(new Set(["R7001", "R7002", "R7003"]));
    expect(exported.rules.length).toBeGreaterThan(40);
    for (const d of exported.diagnostics) expect(d.span.file).toBe("ziyuan-2026/policy.remit.md");
  });

  const policy = compileChecked(checked);
  const exportedIds = new Set(exported.rules.map((r) => r.event.params.rule));
  test.each([
    "2026-02-13",
    "2026-03-31",
    "2026-06-30",
    "2026-11-28",
    "2026-12-31",
    "2027-01-01",
    "2027-06-30",
  ])("decides like Remit as at %s", async (asOf) => {
    const outcome = policy.evaluate(facts, { asOf });
    if (!("result" in outcome)) throw new Error(JSON.stringify(outcome.errors));
    const remit = outcome.result.findings
      .filter((f) => exportedIds.has(f.rule))
      .map((f) => `${f.rule} ${f.subject.collection}/${f.subject.id} ${f.status}`)
      .sort();
    const decisions = await runExported(checked, prepareEngines(exported), facts, asOf);
    const jre = decisions.map((d) => `${d.rule} ${d.subject.collection}/${d.subject.id} ${d.status}`).sort();
    expect(remit.length).toBeGreaterThan(0);
    expect(jre).toEqual(remit);
  });
});
