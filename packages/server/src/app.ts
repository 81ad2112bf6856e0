/**
 * The HTTP application: routes, validation, errors, timeouts and request logs, independent of
 * the socket it is served on (see server.ts).
 */
import { randomUUID } from "node:crypto";
import { OpenAPIHono } from "@hono/zod-openapi";
import { defaultServiceLimits, type ServiceLimits } from "@remit/app";
import { assertNever } from "@remit/lang";
import type { Store, StoreOutcome } from "@remit/store";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { readJsonBytes } from "./body.js";
import { type Checker, defaultChecker } from "./check.js";
import { compressed } from "./compress.js";
import { ApiError, apiErrors } from "./errors.js";
import {
  type CheckAnswer,
  checkRequest,
  type EvaluationAnswer,
  evaluateRequest,
  parseWith,
  refusal,
} from "./evaluation.js";
import { withFactsSchemas } from "./facts-schema.js";
import { type ErrorLogSink, type RequestLogSink, stderrErrorSink, stdoutLogSink } from "./log.js";
import { createMetrics } from "./metrics.js";
import { type PolicyEntry, PolicySet, type ServedPolicy } from "./policies.js";
import type { EvaluationPool } from "./pool.js";
import * as schemas from "./schemas.js";

/**
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { createApp, defaultBodyLimitBytes } from "@remit/server";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * console.log(defaultBodyLimitBytes / 1024 / 1024); // 20
 * // A smaller limit for a public endpoint: a larger body is refused before it is read.
 * const app = createApp({ policies: [compiled.policy], bodyLimitBytes: 1024, log: () => {} });
 * const body = JSON.stringify({ asOf: "2026-10-20", facts: { hazards: [], note: "x".repeat(2000) } });
 * const response = await app.request("/v1/evaluate", { method: "POST", body, headers: { "content-type": "application/json" } });
 * console.log(response.status); // 413
 * ```
 */
export const defaultBodyLimitBytes = 20 * 1024 * 1024;
/**
 * @example
 * ```ts
 * import { defaultRequestTimeoutMs } from "@remit/server";
 * // What `createApp` and `startServer` allow a request unless `requestTimeoutMs` says otherwise.
 * console.log(`${defaultRequestTimeoutMs / 1000} s`); // 30 s
 * ```
 */
export const defaultRequestTimeoutMs = 30_000;

export interface AppOptions {
  /** The policies served; the first also answers the unprefixed routes. At least one. */
  readonly policies: readonly PolicyEntry[] | PolicySet;
  /**
   * Where every answered evaluation is recorded before its answer is sent; without one nothing
   * is recorded and the record routes answer 501.
   */
  readonly store?: Store;
  /**
   * Worker threads that evaluate and check, where overrunning work can be stopped; without a
   * pool, both run on the request's thread.
   */
  readonly pool?: EvaluationPool;
  /** Largest request body accepted; 20 MiB by default. */
  readonly bodyLimitBytes?: number;
  /** Time a request may take once received; 30 s by default. */
  readonly requestTimeoutMs?: number;
  /** Where the per-request JSON lines go; standard output by default. */
  readonly log?: RequestLogSink;
  /** Where internal failures go; standard error by default. */
  readonly logError?: ErrorLogSink;
  /** How `/v1/check` checks sources; the language's analyzer by default. */
  readonly check?: Checker;
  /**
   * Bounds on each request's work (`@remit/app`'s defaults for any left out); `bodyLimitBytes`
   * and `requestTimeoutMs` above take precedence over their counterparts here.
   */
  readonly limits?: Partial<ServiceLimits>;
}

interface Variables {
  requestId: string;
  /** Aborts when the request's time is up or its client has gone: work in a worker then stops. */
  cancel: AbortSignal;
  policyHash: string | null;
  errorCode: string | undefined;
}

type AppContext = Context<{ Variables: Variables }>;

/** Every route with its methods: answers 405 rather than 404 for a known path. */
const routeTable: readonly { readonly pattern: RegExp; readonly methods: readonly string[] }[] = [
  { pattern: /^\/(?:healthz|readyz|metrics)$/, methods: ["GET", "HEAD"] },
  { pattern: /^\/openapi\.json$/, methods: ["GET", "HEAD"] },
  { pattern: /^\/v1\/policies$/, methods: ["GET", "HEAD"] },
  { pattern: /^\/v1\/(?:policies\/[^/]+\/)?policy$/, methods: ["GET", "HEAD"] },
  { pattern: /^\/v1\/(?:policies\/[^/]+\/)?evaluate$/, methods: ["POST"] },
  { pattern: /^\/v1\/(?:policies\/[^/]+\/)?check$/, methods: ["POST"] },
  { pattern: /^\/v1\/(?:records(?:\/[^/]+)?|history|status|changes)$/, methods: ["GET", "HEAD"] },
];

/** A caller's `X-Request-Id` is kept when it is a plain token; otherwise one is made. */
const requestIdPattern = /^[\w.:@-]{1,128}$/;

function errorResponse(c: AppContext, error: ApiError): Response {
  c.set("errorCode", error.code);
  const response = c.json(error.toBody(), error.status as ContentfulStatusCode);
  if (error.code === "method-not-allowed") {
    const details = error.details as { allowed: readonly string[] };
    response.headers.set("Allow", details.allowed.join(", "));
  }
  if (error.code === "busy") {
    const details = error.details as { retryAfterSeconds: number };
    response.headers.set("Retry-After", String(details.retryAfterSeconds));
  }
  return response;
}

function policyRef(served: ServedPolicy) {
  const { name, version, hash } = served.description;
  return { name, version, hash };
}

/** A store's value, or the error to answer with. */
function storeValue<T>(outcome: StoreOutcome<T>): T {
  if ("value" in outcome) return outcome.value;
  const { error } = outcome;
  switch (error.code) {
    case "invalid-input":
      throw apiErrors.invalidRequest([{ path: "", message: error.message.en }]);
    case "not-found":
      throw new ApiError(404, "not-found", error.message);
    case "newer-schema":
    case "unavailable":
    case "database":
      throw apiErrors.storeUnavailable(error.detail ?? error.message.en);
    default:
      return assertNever(error.code);
  }
}

function range(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

function judgedQuery(q: {
  rule: string;
  collection: string;
  subject: string;
  period?: string | undefined;
  policy?: string | undefined;
}) {
  return {
    rule: q.rule,
    subject: { collection: q.collection, id: q.subject },
    ...(q.period === undefined ? {} : { period: q.period }),
    ...(q.policy === undefined ? {} : { policy: q.policy }),
  };
}

/**
 * `work`, or the timeout error once `timeoutMs` has passed; `cancel` then aborts with that error
 * as its reason, which stops the work if it runs in a worker (a synchronous loop on this thread
 * cannot be interrupted, which is why the server evaluates and checks in workers).
 */
function withTimeout<T>(work: Promise<T>, timeoutMs: number, cancel: AbortController): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = apiErrors.timeout(timeoutMs);
      cancel.abort(error);
      reject(error);
    }, timeoutMs);
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

/** Probes and scrapes are answered whatever the load, outside the concurrent request limit. */
const operatorPaths: ReadonlySet<string> = new Set(["/healthz", "/readyz", "/metrics"]);

/** How long a refused caller should wait: a second, or a tenth of the request time limit. */
function retryAfterSeconds(requestTimeoutMs: number): number {
  return Math.max(1, Math.ceil(requestTimeoutMs / 10_000));
}

const errorResponses = {
  400: { description: "malformed JSON", content: { "application/json": { schema: schemas.ErrorBody } } },
  404: { description: "unknown policy", content: { "application/json": { schema: schemas.ErrorBody } } },
  413: {
    description: "body over the size limit",
    content: { "application/json": { schema: schemas.ErrorBody } },
  },
  415: { description: "not JSON", content: { "application/json": { schema: schemas.ErrorBody } } },
  422: {
    description: "invalid request or facts, with paths; an evaluation over a limit (evaluation-too-large)",
    content: { "application/json": { schema: schemas.ErrorBody } },
  },
  503: {
    description:
      "too many requests at once (busy, with Retry-After), a worker out of memory (memory-exceeded), or the record store unreachable",
    content: { "application/json": { schema: schemas.ErrorBody } },
  },
  504: {
    description: "the request outlived its time limit; its work was stopped (timeout)",
    content: { "application/json": { schema: schemas.ErrorBody } },
  },
} as const;

function documentRoutes(app: OpenAPIHono<{ Variables: Variables }>): void {
  const registry = app.openAPIRegistry;
  const nameParam = {
    name: "name",
    in: "path" as const,
    required: true,
    description: "the policy's route name (its name, URL-encoded, unless the server was given another)",
    schema: { type: "string" as const },
  };
  for (const prefixed of [false, true]) {
    const base = prefixed ? "/v1/policies/{name}" : "/v1";
    const parameters = prefixed ? [nameParam] : [];
    const tag = prefixed ? "by policy" : "first policy";
    registry.registerPath({
      method: "post",
      path: `${base}/evaluate`,
      tags: [tag],
      summary: "evaluate the policy on facts as at a date",
      parameters,
      request: {
        body: { required: true, content: { "application/json": { schema: schemas.EvaluateRequest } } },
      },
      responses: {
        200: {
          description: "the evaluation result",
          content: { "application/json": { schema: schemas.EvaluationResult } },
        },
        ...errorResponses,
      },
    });
    registry.registerPath({
      method: "post",
      path: `${base}/check`,
      tags: [tag],
      summary: "check policy source and return its diagnostics",
      parameters,
      request: {
        body: { required: true, content: { "application/json": { schema: schemas.CheckRequest } } },
      },
      responses: {
        200: {
          description: "the diagnostics, empty when the source is clean",
          content: { "application/json": { schema: schemas.CheckResponse } },
        },
        ...errorResponses,
      },
    });
    registry.registerPath({
      method: "get",
      path: `${base}/policy`,
      tags: [tag],
      summary: "the policy's name, version, hash, clauses, rules and parameters with defaults",
      parameters,
      responses: {
        200: {
          description: "the policy description",
          content: { "application/json": { schema: schemas.PolicyDescription } },
        },
        404: errorResponses[404],
      },
    });
  }
  registry.registerPath({
    method: "get",
    path: "/v1/policies",
    summary: "the policies served",
    responses: {
      200: { description: "the policies", content: { "application/json": { schema: schemas.PolicyList } } },
    },
  });
  registry.registerPath({
    method: "get",
    path: "/healthz",
    summary: "liveness",
    responses: {
      200: { description: "the server is up", content: { "application/json": { schema: schemas.Health } } },
    },
  });
}

/**
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { createApp } from "@remit/server";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const app = createApp({ policies: [compiled.policy], log: () => {} });
 * const response = await app.request("/v1/policy");
 * const described = (await response.json()) as { name: string; rules: { id: string }[] };
 * console.log(response.status, described.name, described.rules.map((r) => r.id)); // 200 listing [ 'listing' ]
 * const wrong = await app.request("/v1/evaluate", { method: "POST", body: "{", headers: { "content-type": "application/json" } });
 * console.log(wrong.status, ((await wrong.json()) as { error: { code: string } }).error.code); // 400 malformed-json
 * ```
 */
export function createApp(options: AppOptions): OpenAPIHono<{ Variables: Variables }> {
  const policies = options.policies instanceof PolicySet ? options.policies : new PolicySet(options.policies);
  const { store, pool } = options;
  const limits: ServiceLimits = { ...defaultServiceLimits, ...options.limits };
  const bodyLimitBytes = options.bodyLimitBytes ?? options.limits?.bodyBytes ?? defaultBodyLimitBytes;
  const requestTimeoutMs =
    options.requestTimeoutMs ?? options.limits?.requestTimeoutMs ?? defaultRequestTimeoutMs;
  // The one bound on concurrent work: requests past it are refused before their body is read,
  // so the worker pool's queue never holds more than this either.
  let inFlight = 0;
  const log = options.log ?? stdoutLogSink;
  const logError = options.logError ?? stderrErrorSink;
  const check = options.check ?? defaultChecker;

  const metrics = createMetrics(pool);
  const app = new OpenAPIHono<{ Variables: Variables }>();

  app.use("*", async (c, next) => {
    const started = performance.now();
    const time = new Date().toISOString();
    const given = c.req.header("x-request-id");
    const requestId = given !== undefined && requestIdPattern.test(given) ? given : randomUUID();
    c.set("requestId", requestId);
    c.set("policyHash", null);
    c.set("errorCode", undefined);
    // Past the limit a request is refused at once: its body is never read, so a crowd of slow or
    // huge requests cannot pile up memory.
    const counted = !operatorPaths.has(c.req.path);
    if (counted && inFlight >= limits.concurrentRequests) {
      c.res = toErrorResponse(
        c,
        apiErrors.busy(limits.concurrentRequests, retryAfterSeconds(requestTimeoutMs)),
      );
    } else {
      if (counted) inFlight++;
      const deadline = new AbortController();
      c.set("cancel", AbortSignal.any([deadline.signal, c.req.raw.signal]));
      try {
        await withTimeout(next(), requestTimeoutMs, deadline);
      } catch (error) {
        c.res = toErrorResponse(c, error);
      } finally {
        if (counted) inFlight--;
      }
    }
    c.res.headers.set("X-Request-Id", requestId);
    c.res = await compressed(c.req.raw, c.res);
    const status = c.res.status;
    const code = c.get("errorCode");
    // The route's pattern, not its path, so that names and ids do not make new series.
    const route = c.get("errorCode") === "not-found" ? "unmatched" : c.req.routePath;
    metrics.request({ route, method: c.req.method, status }, (performance.now() - started) / 1000);
    log({
      time,
      requestId,
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      policyHash: c.get("policyHash"),
      ...(code === undefined ? {} : { error: code }),
      ...(c.req.raw.signal.aborted ? { aborted: true } : {}),
    });
  });

  function toErrorResponse(c: AppContext, error: unknown): Response {
    if (error instanceof ApiError) return errorResponse(c, error);
    // A client that hangs up mid-body is not a fault of the server: no error log, and the request
    // log names it. Nobody reads the answer.
    if (c.req.raw.signal.aborted) {
      const response = errorResponse(c, apiErrors.malformedJson("the client closed the connection"));
      c.set("errorCode", "client-closed");
      return response;
    }
    logError(error, { method: c.req.method, path: c.req.path, requestId: c.get("requestId") });
    return errorResponse(c, apiErrors.internal());
  }

  function policyFor(c: AppContext): ServedPolicy {
    const name = c.req.param("name");
    const found = name === undefined ? policies.first : policies.get(name);
    if (found === undefined) throw apiErrors.unknownPolicy(name ?? "", policies.routes);
    c.set("policyHash", found.policy.info.hash);
    return found;
  }

  /** Every answer about a policy names the version and hash that gave it. */
  function withPolicyHeaders(response: Response, served: ServedPolicy): Response {
    response.headers.set("Remit-Policy-Version", served.description.version ?? "");
    response.headers.set("Remit-Policy-Hash", served.description.hash);
    return response;
  }

  async function evaluate(c: AppContext): Promise<Response> {
    const served = policyFor(c);
    const bytes = await readJsonBytes(c.req.raw, bodyLimitBytes);
    const input = {
      requestId: c.get("requestId"),
      bytes,
      sources: served.sources,
      labels: served.labels,
      limits,
    };
    const answer: EvaluationAnswer =
      pool === undefined
        ? await evaluateRequest(served.policy, input)
        : await pool.evaluate(served.text, input, c.get("cancel"));
    if (answer.kind === "refused") {
      if (answer.body.error.code === "invalid-facts") metrics.factsRejected(served.route);
      throw refusal(answer);
    }
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (store !== undefined) {
      // Acknowledged only once recorded: the 200 is sent after the record's transaction commits.
      const appended = storeValue(await store.appendEncoded(answer.record));
      headers["Remit-Record-Id"] = appended.id;
    }
    metrics.evaluated(served.route, answer.counts);
    return withPolicyHeaders(new Response(answer.body, { status: 200, headers }), served);
  }

  async function checkSource(c: AppContext): Promise<Response> {
    if (c.req.param("name") !== undefined) policyFor(c);
    const input = { bytes: await readJsonBytes(c.req.raw, bodyLimitBytes), limits };
    // A check given its own checker (tests) runs here; otherwise in a worker when there is a pool.
    const answer: CheckAnswer =
      pool === undefined || options.check !== undefined
        ? await checkRequest(check, input)
        : await pool.check(input, c.get("cancel"));
    if (answer.kind === "refused") throw refusal(answer);
    return new Response(answer.body, { status: 200, headers: { "content-type": "application/json" } });
  }

  function describe(c: AppContext): Response {
    const served = policyFor(c);
    return withPolicyHeaders(c.json(served.description, 200), served);
  }

  function recordStore(): Store {
    if (store === undefined) throw apiErrors.noStore();
    return store;
  }

  app.get("/healthz", (c) => c.json({ status: "ok" as const, policies: policies.routes.length }, 200));
  // Ready when the policies are loaded and the record store answers; a load balancer sends no
  // traffic to a replica whose database is unreachable, since its evaluations could not be kept.
  app.get("/readyz", async (c) => {
    const database =
      store === undefined ? "off" : "value" in (await store.list({ limit: 1 })) ? "ok" : "unreachable";
    const ready = policies.routes.length > 0 && database !== "unreachable";
    return c.json(
      { ready, policies: policies.all().map((s) => ({ route: s.route, ...policyRef(s) })), database },
      ready ? 200 : 503,
    );
  });
  app.get("/metrics", async (c) => {
    const text = await metrics.registry.metrics();
    return c.text(text, 200, { "content-type": metrics.registry.contentType });
  });
  app.get("/v1/policies", (c) =>
    c.json(
      {
        policies: policies.all().map((s) => ({ route: s.route, ...policyRef(s) })),
      },
      200,
    ),
  );
  app.get("/v1/policy", describe);
  app.post("/v1/evaluate", evaluate);
  app.post("/v1/check", checkSource);
  app.get("/v1/policies/:name/policy", describe);
  app.post("/v1/policies/:name/evaluate", evaluate);
  app.post("/v1/policies/:name/check", checkSource);

  app.get("/v1/records", async (c) => {
    const q = parseWith(schemas.RecordsQuery, c.req.query());
    const page = await recordStore().list({
      ...(q.policy === undefined ? {} : { policy: q.policy }),
      ...(q.collection === undefined || q.subject === undefined
        ? {}
        : { subject: { collection: q.collection, id: q.subject } }),
      asOf: range(q.asOfFrom, q.asOfTo),
      recorded: range(q.recordedFrom, q.recordedTo),
      ...(q.limit === undefined ? {} : { limit: q.limit }),
      ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
    });
    return c.json(storeValue(page), 200);
  });
  app.get("/v1/records/:id", async (c) => {
    const id = c.req.param("id");
    if (!/^\d+$/.test(id)) throw apiErrors.notFound(c.req.path);
    return c.json(storeValue(await recordStore().get(id)), 200);
  });
  app.get("/v1/history", async (c) => {
    const q = parseWith(schemas.HistoryQuery, c.req.query());
    const judgements = storeValue(await recordStore().history(judgedQuery(q)));
    return c.json({ judgements }, 200);
  });
  app.get("/v1/status", async (c) => {
    const q = parseWith(schemas.StatusQuery, c.req.query());
    const said = storeValue(
      await recordStore().statusOn({
        ...judgedQuery(q),
        on: q.on,
        ...(q.knownAt === undefined ? {} : { knownAt: q.knownAt }),
      }),
    );
    return c.json({ on: q.on, judged: said !== undefined, ...(said ?? {}) }, 200);
  });
  app.get("/v1/changes", async (c) => {
    const q = parseWith(schemas.ChangesQuery, c.req.query());
    const changes =
      "before" in q
        ? storeValue(await recordStore().changesBetween(q.before, q.after))
        : storeValue(
            await recordStore().changesSince({
              policy: q.policy ?? policies.first.description.name,
              since: q.since,
              ...(q.until === undefined ? {} : { until: q.until }),
            }),
          );
    return c.json(changes === undefined ? { changes: [] } : changes, 200);
  });

  documentRoutes(app);
  const generic = app.getOpenAPIDocument({
    openapi: "3.0.3",
    info: {
      title: "Remit evaluator",
      version: "1.0.0",
      description: "Evaluates Remit policies on facts: duties, deadlines, escalations and accountability.",
    },
  });
  // Rebuilt when a reload changes a policy, so each evaluate route names the facts it accepts now.
  let document: { key: string; body: object } | undefined;
  app.get("/openapi.json", (c) => {
    const served = policies.all();
    const key = served.map((s) => s.description.hash).join(",");
    if (document?.key !== key) document = { key, body: withFactsSchemas(generic, served) };
    return c.json(document.body, 200);
  });

  app.notFound((c) => {
    const path = c.req.path;
    const route = routeTable.find((r) => r.pattern.test(path));
    if (route !== undefined && !route.methods.includes(c.req.method)) {
      return errorResponse(c, apiErrors.methodNotAllowed(c.req.method, route.methods));
    }
    return errorResponse(c, apiErrors.notFound(path));
  });
  app.onError((error, c) => toErrorResponse(c, error));

  return app;
}
