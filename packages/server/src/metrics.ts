/**
 * Prometheus metrics (`prom-client`), in a registry of the server's own so that two servers in
 * one process (tests) never share counters: requests by route and status, their latency,
 * evaluations and findings by policy and status, facts rejected, and the pool's queue.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { EvaluationPool } from "./pool.js";

export interface ServerMetrics {
  readonly registry: Registry;
  request(labels: { route: string; method: string; status: number }, seconds: number): void;
  evaluated(policy: string, counts: Readonly<Record<string, number>>): void;
  factsRejected(policy: string): void;
}

export function createMetrics(pool: EvaluationPool | undefined): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "remit_process_" });
  const requests = new Counter({
    name: "remit_http_requests_total",
    help: "HTTP requests answered, by route, method and status",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "remit_http_request_duration_seconds",
    help: "Time from a request's arrival to its answer, by route and method",
    labelNames: ["route", "method"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const evaluations = new Counter({
    name: "remit_evaluations_total",
    help: "Evaluations answered, by policy",
    labelNames: ["policy"] as const,
    registers: [registry],
  });
  const findings = new Counter({
    name: "remit_findings_total",
    help: "Findings reported, by policy and status",
    labelNames: ["policy", "status"] as const,
    registers: [registry],
  });
  const rejected = new Counter({
    name: "remit_facts_rejected_total",
    help: "Evaluations refused because the facts were invalid, by policy",
    labelNames: ["policy"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "remit_evaluation_queue_depth",
    help: "Evaluations waiting for a worker thread",
    registers: [registry],
    collect() {
      this.set(pool?.queueSize ?? 0);
    },
  });
  new Gauge({
    name: "remit_evaluations_running",
    help: "Evaluations running in worker threads",
    registers: [registry],
    collect() {
      this.set(pool?.running ?? 0);
    },
  });
  return {
    registry,
    request({ route, method, status }, seconds) {
      requests.inc({ route, method, status: String(status) });
      latency.observe({ route, method }, seconds);
    },
    evaluated(policy, counts) {
      evaluations.inc({ policy });
      for (const [status, count] of Object.entries(counts)) findings.inc({ policy, status }, count);
    },
    factsRejected(policy) {
      rejected.inc({ policy });
    },
  };
}
