/**
 * The record store's cost under load: the example county evaluated at 1, 32 and 128 connections,
 * with records on (an embedded store in a temporary folder) and off, on loopback for a bounded
 * time each, evaluations in the worker pool. Prints req/s, p50/p99 and the on/off ratio, and
 * checks that no answer was a 5xx and that every 200 has its record (exit code 1 otherwise).
 *
 *   pnpm --filter @remit/server load:records [-- --duration 8 --workers 2]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEvaluationPool, startServer } from "@remit/server";
import { openStoreThread, type Store } from "@remit/store";
import autocannon from "autocannon";
import { loadPolicy } from "./load-policy.js";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const duration = option("duration", 8);
const workers = option("workers", 2);
const { policy, facts, asOf, label } = await loadPolicy();
const body = JSON.stringify({ facts, asOf });

interface Run {
  readonly records: "on" | "off";
  readonly connections: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly answered200: number;
  readonly fivexx: number;
  readonly errors: number;
  /** Records added during the run: every 200, and any evaluation whose caller hung up at the end. */
  readonly stored: number | null;
}

async function countRecords(store: Store): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await store.list({ limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    if ("error" in page) throw new Error(page.error.message.en);
    count += page.value.records.length;
    cursor = page.value.next;
  } while (cursor !== undefined);
  return count;
}

async function measure(records: "on" | "off", connections: number): Promise<Run> {
  const folder = mkdtempSync(join(tmpdir(), "remit-load-"));
  let store: Store | undefined;
  if (records === "on") {
    const opened = await openStoreThread({ dataDir: folder });
    if ("error" in opened) throw new Error(opened.error.message.en);
    store = opened.value;
  }
  const pool = createEvaluationPool({ threads: workers });
  const server = await startServer({
    policies: [policy],
    ...(store === undefined ? {} : { store }),
    pool,
    // Admits all 128 connections, so that they wait for a thread rather than being refused
    // (the default admits 16 and answers the rest 503 busy): this run measures the store.
    limits: { concurrentRequests: 256 },
    host: "127.0.0.1",
    port: 0,
    log: () => {},
  });
  try {
    // Warm the worker threads (each compiles the policy once) before timing.
    await autocannon({ url: server.url, connections: workers, amount: workers * 4, requests: [request()] });
    const before = store === undefined ? 0 : await countRecords(store);
    const result = await autocannon({ url: server.url, connections, duration, requests: [request()] });
    const answered200 = result.statusCodeStats?.["200"]?.count ?? 0;
    // Evaluations cut off when the run ended may still be finishing: let them land first.
    await server.close();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const stored = store === undefined ? null : (await countRecords(store)) - before;
    return {
      records,
      connections,
      // Answers completed per second of the run (autocannon's own average counts per-second samples).
      requestsPerSecond: Math.round((answered200 / result.duration) * 10) / 10,
      p50: result.latency.p50,
      p99: result.latency.p99,
      answered200,
      fivexx: result["5xx"],
      errors: result.errors + result.timeouts,
      stored,
    };
  } finally {
    await server.close();
    await pool.close();
    await store?.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

function request(): autocannon.Request {
  return { method: "POST", path: "/v1/evaluate", headers: { "content-type": "application/json" }, body };
}

const runs: Run[] = [];
for (const connections of [1, 32, 128]) {
  for (const records of ["off", "on"] as const) {
    const run = await measure(records, connections);
    runs.push(run);
    process.stderr.write(`${JSON.stringify(run)}\n`);
  }
}

const lines = [
  `${label}: ${duration} s per run, ${workers} worker threads, loopback`,
  "connections  records  req/s   p50 ms  p99 ms  200s   stored  5xx  errors",
  ...runs.map(
    (r) =>
      `${String(r.connections).padStart(11)}  ${r.records.padEnd(7)}  ${String(r.requestsPerSecond).padStart(6)}  ${String(r.p50).padStart(6)}  ${String(r.p99).padStart(6)}  ${String(r.answered200).padStart(5)}  ${String(r.stored ?? "-").padStart(6)}  ${String(r.fivexx).padStart(3)}  ${String(r.errors).padStart(6)}`,
  ),
  ...[1, 32, 128].map((c) => {
    const on = runs.find((r) => r.connections === c && r.records === "on");
    const off = runs.find((r) => r.connections === c && r.records === "off");
    const ratio = on && off && off.requestsPerSecond > 0 ? on.requestsPerSecond / off.requestsPerSecond : 0;
    return `records on/off throughput at ${c} connections: ${ratio.toFixed(2)}`;
  }),
];
process.stdout.write(`${lines.join("\n")}\n`);
const failed = runs.some((r) => r.fivexx > 0 || (r.stored !== null && r.stored < r.answered200));
process.exit(failed ? 1 : 0);
