import { compileChecked } from "@remit/engine";
import { analyze, type CheckedPolicy, memoryHost } from "@remit/lang";
import { describe, expect, test } from "vitest";
import { exportPolicy } from "./export.js";
import { prepareEngines, runExported } from "./runtime.js";

const items = `collection items {
  opened: date
  done: optional date
}
duty d "d"
  must
  cites 1
  for each x in items
  holder "h"
  requires x.done
  within a of x.opened
`;

const facts = {
  asOf: "2026-01-10",
  items: [
    { id: "done-in-time", opened: "2026-01-01", done: "2026-01-04" },
    { id: "open-past-due", opened: "2026-01-01", done: null },
    { id: "open-not-due", opened: "2026-01-08", done: null },
  ],
};

function checked(files: Record<string, string>): CheckedPolicy {
  const analyzed = analyze("policy.remit", memoryHost(files));
  const errors = analyzed.diagnostics.filter((d) => d.severity === "error");
  if (!analyzed.policy || errors.length > 0) throw new Error(errors.map((d) => d.message.en).join("; "));
  return analyzed.policy;
}

/** Both engines' statuses per subject, sorted, the export's diagnostics apart. */
async function decide(policy: CheckedPolicy, params: Record<string, unknown> = {}) {
  const exported = exportPolicy(policy, { params });
  const evaluated = compileChecked(policy).evaluate(facts, { params });
  if (!("result" in evaluated)) throw new Error(JSON.stringify(evaluated.errors));
  const remit = evaluated.result.findings.map((f) => `${f.subject.id} ${f.status}`).sort();
  const decisions = await runExported(policy, prepareEngines(exported), facts, facts.asOf);
  const jre = decisions.map((d) => `${d.subject.id} ${d.status}`).sort();
  return { remit, jre, diagnostics: exported.diagnostics };
}

const expected = ["done-in-time met", "open-not-due due-soon", "open-past-due overdue"];

describe("exported parameters", () => {
  test("a chain of three declared before its end folds to the engine's value, and both decide alike", async () => {
    const policy = checked({
      "policy.remit": `policy "p"\nclause 1 "c"\nparam a: duration = b\nparam b: duration = c\nparam c: duration = 5 days\n${items}`,
    });
    const { remit, jre, diagnostics } = await decide(policy);
    expect(diagnostics).toEqual([]);
    expect(remit).toEqual(expected);
    expect(jre).toEqual(expected);
    // An override of the chain's end moves every link: due on the 3rd, the first item is late but met.
    const shorter = await decide(policy, { c: "2 days" });
    expect(shorter.jre).toEqual(shorter.remit);
    expect(JSON.stringify(exportPolicy(policy, { params: { c: "2 days" } }).rules)).toContain("+2d");
  });

  test("a chain through an imported module folds the same way", async () => {
    const policy = checked({
      "policy.remit": `policy "p"\nimport "./gbt.remit" as gbt\nclause 1 "c"\nparam a: duration = gbt.x\n${items}`,
      "gbt.remit": "param x: duration = y\nparam y: duration = 5 days\n",
    });
    const { remit, jre, diagnostics } = await decide(policy);
    expect(diagnostics).toEqual([]);
    expect(remit).toEqual(expected);
    expect(jre).toEqual(expected);
  });

  test("an override that does not fit its type is reported and the default kept", async () => {
    const policy = checked({
      "policy.remit": `policy "p"\nclause 1 "c"\nparam a: duration = b\nparam b: duration = 5 days\n${items}`,
    });
    const exported = exportPolicy(policy, { params: { b: "soon" } });
    expect(exported.diagnostics.map((d) => d.code)).toEqual(["R7010"]);
    expect(JSON.stringify(exported.rules)).toEqual(JSON.stringify(exportPolicy(policy).rules));
  });
});
