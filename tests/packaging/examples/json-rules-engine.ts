import { exportPolicyJson, importRules } from "@remit/json-rules-engine";
import { analyze, memoryHost } from "@remit/lang";

const source = `policy "listing"
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
`;
const { policy } = analyze("policy.remit", memoryHost({ "policy.remit": source }));
if (policy === undefined) throw new Error("the policy does not check");

// Remit → json-rules-engine rules (as JSON text), and back to Remit source.
const { json, diagnostics } = exportPolicyJson(policy);
const exported = JSON.parse(json) as { rules: { name: string; event: { type: string } }[] };
console.log(diagnostics.length, exported.rules.map((rule) => rule.event.type).join(", "));
const imported = importRules(exported.rules, { policyName: "imported" });
console.log(imported.source.split("\n")[0]);
