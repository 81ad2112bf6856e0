/**
 * The HTTP application: routes, validation, errors, timeouts and request logs, independent of
 * the socket it is served on (see server.ts).
 */
import { OpenAPIHono, type z } from "@hono/zod-openapi";
import {
  capped,
  defaultServiceLimits,
  diagnosticsDocument,
  evaluateFacts,
  policyTokenCount,
  type ServiceLimits,
} from "@remit/app";
import { isLimitError, type JsonValue } from "@remit/engine";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { readJsonBody } from "./body.js";
import { type Checker, defaultChecker } from "./check.js";
import { ApiError, apiErrors, type RequestIssue } from "./errors.js";
import { type ErrorLogSink, type RequestLogSink, stderrErrorSink, stdoutLogSink } from "./log.js";
import { type PolicyEntry, type ServedPolicy, servePolicies } from "./policies.js";
import * as schemas from "./schemas.js";

export const defaultBodyLimitBytes = 20 * 1024 * 1024;
export const defaultRequestTimeoutMs = 30_000;

export interface AppOptions {
  /** The policies served; the first also answers the unprefixed routes. At least one. */
  readonly policies: readonly PolicyEntry[];
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
  policyHash: string | null;
  errorCode: string | undefined;
}

type AppContext = Context<{ Variables: Variables }>;

/** Every route with its methods: answers 405 rather than 404 for a known path. */
const routeTable: readonly { readonly pattern: RegExp; readonly methods: readonly string[] }[] = [
  { pattern: /^\/healthz$/, methods: ["GET", "HEAD"] },
  { pattern: /^\/openapi\.json$/, methods: ["GET", "HEAD"] },
  { pattern: /^\/v1\/policies$/, methods: ["GET", "HEAD"] },
  { pattern: /^\/v1\/(?:policies\/[^/]+\/)?policy$/, methods: ["GET", "HEAD"] },
  { pattern: /^\/v1\/(?:policies\/[^/]+\/)?evaluate$/, methods: ["POST"] },
  { pattern: /^\/v1\/(?:policies\/[^/]+\/)?check$/, methods: ["POST"] },
];

function issuesOf(error: z.ZodError): RequestIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path
      .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join(""),
    message: issue.message,
  }));
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw apiErrors.invalidRequest(issuesOf(parsed.error));
  return parsed.data;
}

function errorResponse(c: AppContext, error: ApiError): Response {
  c.set("errorCode", error.code);
  const response = c.json(error.toBody(), error.status as ContentfulStatusCode);
  if (error.code === "method-not-allowed") {
    const details = error.details as { allowed: readonly string[] };
    response.headers.set("Allow", details.allowed.join(", "));
  }
  return response;
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(apiErrors.timeout(timeoutMs)), timeoutMs);
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
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
    description: "request timed out, or too many requests at once (busy)",
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

export function createApp(options: AppOptions): OpenAPIHono<{ Variables: Variables }> {
  const served = servePolicies(options.policies);
  const first = served[0];
  if (first === undefined) throw new Error("a server needs at least one policy");
  const byRoute = new Map(served.map((s) => [s.route, s] as const));
  const limits: ServiceLimits = { ...defaultServiceLimits, ...options.limits };
  const bodyLimitBytes = options.bodyLimitBytes ?? options.limits?.bodyBytes ?? defaultBodyLimitBytes;
  const requestTimeoutMs =
    options.requestTimeoutMs ?? options.limits?.requestTimeoutMs ?? defaultRequestTimeoutMs;
  let inFlight = 0;
  const log = options.log ?? stdoutLogSink;
  const logError = options.logError ?? stderrErrorSink;
  const check = options.check ?? defaultChecker;

  const app = new OpenAPIHono<{ Variables: Variables }>();

  app.use("*", async (c, next) => {
    const started = performance.now();
    const time = new Date().toISOString();
    c.set("policyHash", null);
    c.set("errorCode", undefined);
    // Past the limit a request is refused at once: its body is never read, so a crowd of slow or
    // huge requests cannot pile up memory. /healthz is always answered.
    const counted = c.req.path !== "/healthz";
    if (counted && inFlight >= limits.concurrentRequests) {
      c.res = toErrorResponse(c, apiErrors.busy(limits.concurrentRequests));
    } else {
      if (counted) inFlight++;
      try {
        await withTimeout(next(), requestTimeoutMs);
      } catch (error) {
        c.res = toErrorResponse(c, error);
      } finally {
        if (counted) inFlight--;
      }
    }
    const status = c.res.status;
    const code = c.get("errorCode");
    log({
      time,
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      policyHash: c.get("policyHash"),
      ...(code === undefined ? {} : { error: code }),
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
    logError(error, { method: c.req.method, path: c.req.path });
    return errorResponse(c, apiErrors.internal());
  }

  function policyFor(c: AppContext): ServedPolicy {
    const name = c.req.param("name");
    const found = name === undefined ? first : byRoute.get(name);
    if (found === undefined) throw apiErrors.unknownPolicy(name ?? "", [...byRoute.keys()]);
    c.set("policyHash", found.policy.info.hash);
    return found;
  }

  async function evaluate(c: AppContext): Promise<Response> {
    const served = policyFor(c);
    const request = parseWith(schemas.EvaluateRequest, await readJsonBody(c.req.raw, bodyLimitBytes));
    // Nothing reads the clock: with no date in the request or the facts, the engine answers 422.
    const outcome = await evaluateFacts(served.policy, request.facts, {
      asOf: request.asOf,
      params: (request.params ?? {}) as Record<string, JsonValue>,
      limits: { periods: limits.periods, findings: limits.findings },
    });
    if ("errors" in outcome) {
      const errors = capped(outcome.errors, limits.errorsPerAnswer).items;
      // A far-off `asOf` or too many findings is refused for its size: the facts are fine.
      if (errors.length > 0 && errors.every(isLimitError)) throw apiErrors.evaluationTooLarge(errors);
      throw apiErrors.invalidFacts(errors);
    }
    return boundedJson(c, outcome.result);
  }

  async function checkSource(c: AppContext): Promise<Response> {
    if (c.req.param("name") !== undefined) policyFor(c);
    const request = parseWith(schemas.CheckRequest, await readJsonBody(c.req.raw, bodyLimitBytes));
    const [files, entry] =
      "source" in request
        ? [{ [request.file ?? "policy.remit"]: request.source }, request.file ?? "policy.remit"]
        : [request.files, request.entry];
    if (!(entry in files)) {
      const message = {
        en: `entry '${entry}' is not among the files`,
        zh: `入口文件“${entry}”不在所给文件中`,
      };
      throw apiErrors.invalidRequest([{ path: "entry", message: message.en }], message);
    }
    const tokens = policyTokenCount(files);
    if (tokens > limits.policyTokens) {
      const message = {
        en: `the policy has ${tokens} tokens, more than the limit of ${limits.policyTokens}`,
        zh: `政策有 ${tokens} 个词法单元，超过上限 ${limits.policyTokens}`,
      };
      throw apiErrors.invalidRequest(
        [{ path: "source" in request ? "source" : "files", message: message.en }],
        message,
      );
    }
    const diagnostics = await check(files, entry);
    return boundedJson(c, diagnosticsDocument(capped(diagnostics, limits.errorsPerAnswer).items));
  }

  /** The answer as JSON, or 422 `answer-too-large` past the answer limit (never a partial body). */
  function boundedJson(c: AppContext, value: unknown): Response {
    const text = JSON.stringify(value);
    if (Buffer.byteLength(text) > limits.answerBytes) throw apiErrors.answerTooLarge(limits.answerBytes);
    return c.body(text, 200, { "content-type": "application/json" });
  }

  function describe(c: AppContext): Response {
    return c.json(policyFor(c).description, 200);
  }

  app.get("/healthz", (c) => c.json({ status: "ok" as const, policies: served.length }, 200));
  app.get("/v1/policies", (c) =>
    c.json(
      {
        policies: served.map((s) => ({
          route: s.route,
          name: s.description.name,
          version: s.description.version,
          hash: s.description.hash,
        })),
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

  documentRoutes(app);
  const document = app.getOpenAPIDocument({
    openapi: "3.0.3",
    info: {
      title: "Remit evaluator",
      version: "1.0.0",
      description: "Evaluates Remit policies on facts: duties, deadlines, escalations and accountability.",
    },
  });
  app.get("/openapi.json", (c) => c.json(document, 200));

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
