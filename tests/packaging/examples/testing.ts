import { compile } from "@remit/engine";
import { factsFor } from "@remit/testing";
import fc from "fast-check";

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
const { policy } = compiled;

// A property: every valid facts document evaluates, and each finding is about one of its hazards.
fc.assert(
  fc.property(factsFor(policy), (facts) => {
    const outcome = policy.evaluate(facts);
    const hazards = Array.isArray(facts.hazards) ? facts.hazards : [];
    const ids = new Set(hazards.map((hazard) => (hazard as { id: string }).id));
    return "result" in outcome && outcome.result.findings.every((f) => ids.has(f.subject?.id ?? ""));
  }),
  { seed: 1, numRuns: 50 },
);
console.log("50 generated facts documents evaluated, every finding about one of their hazards");
