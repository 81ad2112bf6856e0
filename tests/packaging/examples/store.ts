import { createHash } from "node:crypto";
import { compile } from "@remit/engine";
import { openStore } from "@remit/store";

const text = `policy "listing"
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
const compiled = compile(text);
if (!("policy" in compiled)) throw new Error(compiled.diagnostics.map((d) => d.message.en).join("\n"));

// PGlite in memory here; a folder ({ dataDir: ".remit" }) or a PostgreSQL server ({ databaseUrl }) alike.
const opened = await openStore({ dataDir: "memory://" });
if ("error" in opened) throw new Error(opened.error.message.en);
const store = opened.value;

const facts = { hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
for (const [asOf, recordedAt] of [
  ["2026-10-05", "2026-10-05T18:00:00+08:00"],
  ["2026-10-20", "2026-10-20T18:00:00+08:00"],
] as const) {
  const outcome = compiled.policy.evaluate(facts, { asOf });
  if ("errors" in outcome) throw new Error(outcome.errors.map((e) => e.message.en).join("\n"));
  const sources = [{ path: "policy.remit", hash: createHash("sha256").update(text).digest("hex") }];
  const { policy, findings, params } = outcome.result;
  const appended = await store.append({
    requestId: `run-${asOf}`,
    recordedAt,
    policy: { ...policy, sources },
    factsHash: "facts-v1",
    asOf,
    params,
    findings,
  });
  if ("error" in appended) throw new Error(appended.error.message.en);
  console.log(appended.value.id, appended.value.asOf, JSON.stringify(appended.value.counts));
}

const said = await store.statusOn({
  rule: "listing",
  subject: { collection: "hazards", id: "H1" },
  on: "2026-10-10",
});
if ("error" in said) throw new Error(said.error.message.en);
console.log("on 2026-10-10:", said.value === undefined ? "not judged" : `overdue ${said.value.overdue}`);
const changes = await store.changesBetween("1", "2");
if ("error" in changes) throw new Error(changes.error.message.en);
console.log(
  changes.value.changes
    .map((c) => `${c.kind} ${c.rule} ${c.subject.id} (${c.before} → ${c.after})`)
    .join(", "),
);
await store.close();
