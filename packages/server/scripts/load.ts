/**
 * Load test: starts the server on loopback, sends a mix of valid and invalid requests for a
 * bounded time with autocannon, and prints requests/s, p50/p99 latency and the 5xx count, which
 * must be zero (the exit code says whether it was).
 *
 *   pnpm --filter @remit/server load [-- --duration 10 --connections 32]
 *
 * It runs the built server (as `remit serve` does), not the sources.
 */

import { startServer } from "@remit/server";
import autocannon from "autocannon";
import { loadPolicy } from "./load-policy.js";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const duration = option("duration", 10);
const connections = option("connections", 32);

const { policy, facts, asOf, invalidFacts, label } = await loadPolicy();
let logged = 0;
const server = await startServer({
  policies: [policy],
  host: "127.0.0.1",
  port: 0,
  log: () => {
    logged += 1;
  },
});

const json = { "content-type": "application/json" };
const requests: autocannon.Request[] = [
  { method: "POST", path: "/v1/evaluate", headers: json, body: JSON.stringify({ facts, asOf }) },
  { method: "POST", path: "/v1/evaluate", headers: json, body: JSON.stringify({ facts, asOf }) },
  {
    method: "POST",
    path: "/v1/evaluate",
    headers: json,
    body: JSON.stringify({ facts: invalidFacts, asOf }),
  },
  { method: "POST", path: "/v1/evaluate", headers: json, body: '{"facts": {' },
  { method: "POST", path: "/v1/evaluate", headers: { "content-type": "text/plain" }, body: "{}" },
  {
    method: "POST",
    path: "/v1/evaluate",
    headers: json,
    body: JSON.stringify({ facts, asOf: "2026-02-30" }),
  },
  { method: "GET", path: "/v1/policy" },
  { method: "GET", path: "/v1/policies/nope/policy" },
  { method: "GET", path: "/nowhere" },
  { method: "GET", path: "/healthz" },
];

// The clients run in worker threads so that they do not compete with the server for its event loop.
const result = await autocannon({ url: server.url, connections, duration, requests, workers: 2 });
await server.close();

const statusCounts = Object.fromEntries(
  Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, stats.count ?? 0]),
);
const report = {
  policy: label,
  durationS: result.duration,
  connections,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  statusCounts,
  "5xx": result["5xx"],
  connectionErrors: result.errors,
  timeouts: result.timeouts,
  logLines: logged,
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
if (result["5xx"] > 0 || result.errors > 0) {
  process.stderr.write("load: server answered 5xx or dropped connections\n");
  process.exitCode = 1;
}
