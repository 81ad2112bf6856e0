import { compile, renderExplanation } from "@remit/engine";

const compiled = compile(`policy "listing"
  version "1.0.0"

clause 1 "hazards are listed within a week"

collection hazards since foundOn {
  foundOn: date
  listedOn: optional date
}

duty listing "hazards are listed"
  must
  cites 1
  for each h in hazards
  holder "township"
  requires h.listedOn
  within 7 days of h.foundOn
`);
if (!("policy" in compiled)) throw new Error(compiled.diagnostics.map((d) => d.message.en).join("\n"));

const facts = {
  hazards: [
    { id: "H1", foundOn: "2026-10-01", listedOn: "2026-10-03" },
    { id: "H2", foundOn: "2026-10-01", listedOn: null },
  ],
};
const outcome = compiled.policy.evaluate(facts, { asOf: "2026-10-20" });
if ("errors" in outcome) throw new Error(outcome.errors.map((e) => `${e.path}: ${e.message.en}`).join("\n"));
for (const finding of outcome.result.findings) {
  console.log(finding.subject?.id, finding.status, finding.due);
}
const overdue = outcome.result.findings.find((f) => f.status === "overdue");
if (overdue) console.log(renderExplanation(overdue, "en"));
