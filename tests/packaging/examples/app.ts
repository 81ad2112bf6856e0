import { buildPolicySources, describePolicy, diagnosticsDocument, evaluateFacts } from "@remit/app";

// Policy texts by path (a host reading from disk calls loadPolicy("policies/listing", cwd) instead).
const built = buildPolicySources(
  {
    "listing/policy.remit": `policy "listing"
  version "1.0.0"

clause 1 "hazards are listed within a week"

param window: duration = 7 days "time to list a hazard"

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
  within window of h.foundOn
`,
  },
  "listing/policy.remit",
);
if (built.policy === undefined) throw new Error(JSON.stringify(diagnosticsDocument(built.diagnostics)));

for (const parameter of describePolicy(built.policy).parameters) {
  console.log(parameter.key, parameter.type, parameter.default);
}
// Without an asOf the facts' own is taken; nothing reads the clock.
const facts = { asOf: "2026-10-20", hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
// The declared default, then an override sent as JSON.
const overrides: Record<string, string>[] = [{}, { window: "30 days" }];
for (const params of overrides) {
  const outcome = await evaluateFacts(built.policy, facts, { params });
  if ("errors" in outcome) throw new Error(outcome.errors.map((e) => e.message.en).join("\n"));
  console.log(outcome.result.findings.map((f) => `${f.subject?.id} ${f.status} ${f.due}`).join(", "));
}
