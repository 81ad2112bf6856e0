import { compile } from "@remit/engine";
import { createApp } from "@remit/server";

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

// A Hono app: serve it with @hono/node-server (`serve({ fetch: app.fetch, port: 8080 })`), or ask it directly.
const app = createApp({ policies: [compiled.policy], log: () => {} });
const response = await app.request("/v1/evaluate", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ asOf: "2026-10-20", facts: { hazards: [{ id: "H1", foundOn: "2026-10-01" }] } }),
});
const body = (await response.json()) as { findings: { subject: { id: string }; status: string }[] };
console.log(response.status, body.findings.map((f) => `${f.subject.id} ${f.status}`).join(", "));
