#!/usr/bin/env node
/**
 * Soak test of `remit serve`: for a bounded time (60 s by default, `SOAK_SECONDS`) it mixes valid,
 * invalid, huge and slow clients against a server it starts on the loopback interface, then stops
 * the server and prints its figures as JSON. Loopback only; every loop ends with the time box.
 *
 *   pnpm tsc -b && node scripts/soak.mjs
 *
 * Fails (exit 1) on a crash, on a 5xx other than the documented 503/504, or on a /healthz p99
 * of 100 ms or more.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const deadline = Date.now() + seconds * 1000;
const facts = JSON.parse(readFileSync(path.join(root, "examples/ziyuan-county/facts.json"), "utf8"));

// The server records every answer (its default) in an embedded store of its own, and evaluates
// and checks in its worker pool (one thread per core but one, its default).
const dataDir = mkdtempSync(path.join(tmpdir(), "remit-soak-"));
const server = spawn(
  process.execPath,
  [
    path.join(root, "packages/cli/dist/main.js"),
    "serve",
    path.join(root, "policies/ziyuan-2026"),
    "--port",
    "0",
    "--data",
    dataDir,
    "--watch",
    "off",
  ],
  { stdio: ["ignore", "ignore", "pipe"] },
);
let crashed = false;
server.on("exit", (code, signal) => {
  if (Date.now() < deadline) crashed = { code, signal };
});
const base = await new Promise((resolve, reject) => {
  let seen = "";
  server.stderr.on("data", (chunk) => {
    seen += chunk;
    const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
    if (match) resolve(match[1]);
  });
  setTimeout(() => reject(new Error(`server did not start: ${seen}`)), 60_000);
});

const rssKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))[1]);
const statuses = new Map();
const unexpected = [];
const count = (kind, status) => {
  const key = `${kind} ${status}`;
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
  if (status >= 500 && status !== 503 && status !== 504) unexpected.push(key);
};

async function post(kind, route, body, headers = {}) {
  try {
    const response = await fetch(`${base}${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      signal: AbortSignal.timeout(45_000),
    });
    await response.arrayBuffer();
    count(kind, response.status);
  } catch (error) {
    count(kind, `error:${error.cause?.code ?? error.name}`);
  }
}

const valid = JSON.stringify({ facts, asOf: "2026-11-28" });
const invalidBodies = [
  "{",
  JSON.stringify({ facts, asOf: "2026-02-30" }),
  JSON.stringify({ facts, asOf: "9999-12-31" }),
  JSON.stringify({ facts, params: { gridDays: "1.5 days", townshipDays: "-5 days" } }),
  JSON.stringify({
    facts,
    params: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 1])),
  }),
  `{"facts":{"__proto__":{"x":1}},"asOf":"2026-11-28"}`,
];
const hugeBodies = [
  ["/v1/evaluate", JSON.stringify({ facts: { padding: "x".repeat(24 << 20) } })],
  [
    "/v1/check",
    JSON.stringify({ source: `define x = ${Array.from({ length: 5_000 }, () => "1").join("+")}` }),
  ],
  ["/v1/check", JSON.stringify({ source: "（".repeat(200_000) })],
  [
    "/v1/check",
    JSON.stringify({
      source: `define k: list integer = [${Array.from({ length: 20_000 }, () => "1").join(",")}]`,
    }),
  ],
  ["/v1/check", JSON.stringify({ source: "@".repeat(100_000) })],
];

async function loop(body) {
  while (Date.now() < deadline && !crashed) await body();
}

/** A client that sends headers and a body one byte at a time, then gives up. */
function slowClient() {
  return new Promise((resolve) => {
    const url = new URL(`${base}/v1/evaluate`);
    const req = request({
      host: url.hostname,
      port: url.port,
      method: "POST",
      path: url.pathname,
      headers: { "content-type": "application/json", "content-length": "1000000" },
    });
    req.on("response", (res) => {
      count("slow", res.statusCode);
      res.resume();
    });
    req.on("error", () => {});
    let sent = 0;
    const timer = setInterval(() => {
      if (sent++ > 20 || Date.now() > deadline) {
        clearInterval(timer);
        req.destroy();
        count("slow", "aborted");
        resolve();
      } else req.write("{");
    }, 100);
  });
}

const health = [];
async function probe() {
  const started = performance.now();
  try {
    const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    count("healthz", response.status);
  } catch (error) {
    count("healthz", `error:${error.name}`);
  }
  health.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const baselineKb = rssKb();
let peakKb = baselineKb;
const sampler = setInterval(() => {
  try {
    peakKb = Math.max(peakKb, rssKb());
  } catch {}
}, 250);

let invalidIndex = 0;
let hugeIndex = 0;
await Promise.all([
  loop(() => post("valid", "/v1/evaluate", valid)),
  loop(() => post("valid", "/v1/evaluate", valid)),
  loop(() => post("invalid", "/v1/evaluate", invalidBodies[invalidIndex++ % invalidBodies.length])),
  loop(() => {
    const [route, body] = hugeBodies[hugeIndex++ % hugeBodies.length];
    return post("huge", route, body);
  }),
  loop(() => post("gzip", "/v1/evaluate", valid, { "content-encoding": "gzip" })),
  loop(slowClient),
  loop(slowClient),
  loop(probe),
]);
clearInterval(sampler);
const loadedKb = rssKb();
// The server's own event-loop delay over the run (prom-client resets it at each scrape), apart
// from this client's: the probes above also wait for this process's event loop.
const eventLoop = {};
if (!crashed) {
  const text = await (await fetch(`${base}/metrics`)).text();
  for (const quantile of ["p50", "p99", "max"]) {
    const match = new RegExp(`^remit_process_nodejs_eventloop_lag_${quantile}_seconds (\\S+)`, "m").exec(
      text,
    );
    if (match) eventLoop[`${quantile}ms`] = Math.round(Number(match[1]) * 10000) / 10;
  }
}
// Idle for a while, then read the memory the server keeps.
await new Promise((resolve) => setTimeout(resolve, 10_000));
const settledKb = crashed ? 0 : rssKb();
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
rmSync(dataDir, { recursive: true, force: true });

health.sort((a, b) => a - b);
const pct = (p) =>
  Math.round(health[Math.min(health.length - 1, Math.floor((p / 100) * health.length))] * 10) / 10;
const figures = {
  seconds,
  crashed,
  unexpected5xx: unexpected.length,
  statuses: Object.fromEntries([...statuses].sort()),
  healthz: { probes: health.length, p50ms: pct(50), p99ms: pct(99), maxms: pct(100) },
  serverEventLoopDelay: eventLoop,
  rssMB: {
    baseline: Math.round(baselineKb / 1024),
    peak: Math.round(peakKb / 1024),
    atEnd: Math.round(loadedKb / 1024),
    after10sIdle: Math.round(settledKb / 1024),
  },
};
console.log(JSON.stringify(figures, null, 2));
process.exitCode = crashed || unexpected.length > 0 || figures.healthz.p99ms >= 100 ? 1 : 0;
