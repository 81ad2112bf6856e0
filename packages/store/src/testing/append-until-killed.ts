/**
 * Appends evaluation records (request ids `RUN-N`) to the PGlite store in a folder, one after the
 * other, and prints `ack N` once record N is acknowledged, until it is killed.
 */
import { openStore } from "../store.js";
import { finding } from "./findings.js";

const [dataDir, run] = process.argv.slice(2);
if (!dataDir || !run) throw new Error("usage: append-until-killed DATA_DIR RUN");
const opened = await openStore({ dataDir });
if ("error" in opened) throw new Error(opened.error.message.en);
process.stdout.write("ready\n");
for (let n = 0; ; n++) {
  const outcome = await opened.value.append({
    requestId: `${run}-${n}`,
    recordedAt: new Date(Date.UTC(2026, 11, 1, 0, 0, n)).toISOString(),
    policy: { name: "durability", version: "1", hash: "h", sources: [] },
    factsHash: "f",
    asOf: "2026-12-01",
    params: {},
    findings: Array.from({ length: 20 }, (_, i) =>
      finding({ rule: "listing", kind: "duty", status: i % 3 === 0 ? "overdue" : "met", id: `H${n}-${i}` }),
    ),
  });
  if ("error" in outcome) throw new Error(outcome.error.message.en);
  process.stdout.write(`ack ${n}\n`);
}
