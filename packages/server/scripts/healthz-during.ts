/**
 * `/healthz` latency while the largest evaluation the body limit admits runs: the server (worker
 * pool, records in an embedded store in a temporary folder) in this process, and the client — the
 * 13.5 MB request and a probe every 20 ms — in a child process, so that the client's own work
 * (encoding the request, decoding the answer) is not counted against the server's event loop.
 * Loopback only; prints the probes' p50/p99/max as JSON and exits 1 when p99 is 50 ms or more.
 *
 *   pnpm --filter @remit/server load:healthz [-- --workers 2 --scale 10.5 --timeout-ms 30000]
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCounty } from "@remit/bench";
import { createEvaluationPool, startServer } from "@remit/server";
import { openStoreThread } from "@remit/store";
import { loadPolicy } from "./load-policy.js";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

interface Figures {
  readonly requestMB: number;
  readonly status: number;
  readonly answerMB: number;
  readonly evaluationMs: number;
  readonly probes: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The child: warm the workers, send the large evaluation, probe until it is answered. */
async function client(url: string, scale: number, workers: number): Promise<Figures> {
  const post = (body: string | Uint8Array) =>
    fetch(`${url}/v1/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body });
  // Built before the warm-up: generating it takes seconds, long enough for the server to close
  // the warm-up's idle keep-alive connections under the client.
  const body = new TextEncoder().encode(
    JSON.stringify({ facts: generateCounty(2026, scale), asOf: "2026-11-28" }),
  );
  const small = JSON.stringify({ facts: generateCounty(2026, 0.01), asOf: "2026-11-28" });
  await Promise.all(Array.from({ length: workers * 2 }, () => post(small).then((r) => r.arrayBuffer())));
  let done = false;
  const started = performance.now();
  const evaluation = post(body).then(async (response) => {
    const bytes = (await response.arrayBuffer()).byteLength;
    done = true;
    return { status: response.status, bytes, ms: performance.now() - started };
  });
  const latencies: number[] = [];
  while (!done) {
    const sent = performance.now();
    await (await fetch(`${url}/healthz`)).arrayBuffer();
    if (!done) latencies.push(performance.now() - sent);
    await sleep(20);
  }
  const answer = await evaluation;
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0) * 10) / 10;
  return {
    requestMB: Math.round(body.byteLength / 1e5) / 10,
    status: answer.status,
    answerMB: Math.round(answer.bytes / 1e5) / 10,
    evaluationMs: Math.round(answer.ms),
    probes: latencies.length,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
  };
}

const scale = option("scale", 10.5);
const workers = option("workers", 2);
if (process.argv[2] === "--client") {
  const figures = await client(process.argv[3] ?? "", scale, workers);
  process.send?.(figures);
  process.exit(0);
}

const { policy } = await loadPolicy();
const folder = mkdtempSync(join(tmpdir(), "remit-healthz-"));
const opened = await openStoreThread({ dataDir: folder });
if ("error" in opened) throw new Error(opened.error.message.en);
const store = opened.value;
const pool = createEvaluationPool({ threads: workers });
const requestTimeoutMs = option("timeout-ms", 30_000);
const server = await startServer({
  policies: [policy],
  store,
  pool,
  host: "127.0.0.1",
  port: 0,
  limits: { requestTimeoutMs },
  log: () => {},
});
try {
  const child = fork(fileURLToPath(import.meta.url), [
    "--client",
    server.url,
    "--scale",
    String(scale),
    "--workers",
    String(workers),
  ]);
  const figures = await new Promise<Figures>((resolve, reject) => {
    child.once("message", (message) => resolve(message as Figures));
    child.once("exit", (code) => reject(new Error(`the client ended with ${code} before reporting`)));
  });
  process.stdout.write(`${JSON.stringify({ workers, records: "on", requestTimeoutMs, ...figures })}\n`);
  process.exitCode = figures.status === 200 && figures.p99 < 50 ? 0 : 1;
} finally {
  await server.close();
  await pool.close();
  await store.close();
  rmSync(folder, { recursive: true, force: true });
}
