import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { RequestLogLine } from "./log.js";
import { type RunningServer, type StartServerOptions, startServer } from "./server.js";
import { hazardsPolicy, heldPolicy } from "./testing/hazards-policy.js";

const running: RunningServer[] = [];
const logs: RequestLogLine[] = [];
const internalErrors: unknown[] = [];

async function start(options: Partial<StartServerOptions> = {}): Promise<RunningServer> {
  const server = await startServer({
    policies: [hazardsPolicy()],
    host: "127.0.0.1",
    port: 0,
    log: (line) => logs.push(line),
    logError: (error) => internalErrors.push(error),
    ...options,
  });
  running.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  logs.length = 0;
  internalErrors.length = 0;
});

function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

interface ErrorJson {
  error: { code: string; message: { en: string; zh: string }; details?: unknown };
}

async function expectError(response: Response, status: number, code: string): Promise<ErrorJson> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as ErrorJson;
  expect(body.error.code).toBe(code);
  expect(body.error.message.en).toMatch(/^[^A-Z].*[^.]$/);
  expect(body.error.message.zh.length).toBeGreaterThan(0);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  return body;
}

const facts = {
  hazards: [
    { id: "H1", foundOn: "2026-03-01", listedOn: "2026-03-10" },
    { id: "H2", foundOn: "2026-03-01" },
  ],
};

describe("routes", () => {
  it("answers /healthz", async () => {
    const server = await start();
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", policies: 1 });
  });

  it("evaluates facts as at the given date with parameter overrides", async () => {
    const server = await start();
    const response = await postJson(`${server.url}/v1/evaluate`, {
      facts,
      asOf: "2026-03-20",
      params: { listingDays: "30 days" },
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      asOf: string;
      params: { listingDays: string };
      findings: { subject: { id: string }; status: string; due: string }[];
    };
    expect(result.asOf).toBe("2026-03-20");
    expect(result.params.listingDays).toBe("30 days");
    expect(result.findings.map((f) => [f.subject.id, f.status, f.due])).toEqual([
      ["H1", "met", "2026-03-31"],
      ["H2", "due-soon", "2026-03-31"],
    ]);
  });

  it("refuses a request with no evaluation date rather than reading the clock", async () => {
    const server = await start();
    const response = await postJson(`${server.url}/v1/evaluate`, { facts });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { details: { errors: { path: string }[] } } };
    expect(body.error.details.errors.map((e) => e.path)).toContain("asOf");
  });

  it("evaluates as at the facts' own date when the request gives none", async () => {
    const server = await start();
    const response = await postJson(`${server.url}/v1/evaluate`, { facts: { ...facts, asOf: "2026-03-05" } });
    const result = (await response.json()) as { asOf: string; findings: { status: string }[] };
    expect(result.asOf).toBe("2026-03-05");
    expect(result.findings.map((f) => f.status)).toEqual(["due-soon", "due-soon"]);
  });

  it("describes the policy with clauses, rules and parameter defaults", async () => {
    const server = await start();
    const response = await fetch(`${server.url}/v1/policy`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      name: "hazards",
      version: "1.0.0",
      hash: hazardsPolicy().info.hash,
      clauses: [{ id: "2.1.3", title: "挂牌督办", text: "重大火灾隐患挂牌督办" }],
      rules: [{ id: "hazard-listing", title: "隐患挂牌", kind: "duty", modality: "must", cites: ["2.1.3"] }],
      parameters: [
        {
          key: "listingDays",
          type: "duration (days)",
          default: "15 days",
          description: "days to list a hazard",
        },
      ],
    });
  });

  it("checks sources with the given checker, one file or several", async () => {
    const seen: [Record<string, string>, string][] = [];
    const server = await start({
      check: (files, entry) => {
        seen.push([{ ...files }, entry]);
        return [];
      },
    });
    const one = await postJson(`${server.url}/v1/check`, { source: 'policy "p"' });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({ diagnostics: [] });
    const many = await postJson(`${server.url}/v1/check`, {
      files: { "a.remit": "x", "b.remit": "y" },
      entry: "b.remit",
    });
    expect(many.status).toBe(200);
    expect(seen).toEqual([
      [{ "policy.remit": 'policy "p"' }, "policy.remit"],
      [{ "a.remit": "x", "b.remit": "y" }, "b.remit"],
    ]);
  });

  it("rejects a check whose entry is not among the files", async () => {
    const server = await start({ check: () => [] });
    const body = await expectError(
      await postJson(`${server.url}/v1/check`, { files: { "a.remit": "" }, entry: "b.remit" }),
      422,
      "invalid-request",
    );
    expect(body.error.details).toEqual({
      issues: [{ path: "entry", message: "entry 'b.remit' is not among the files" }],
    });
  });
});

describe("bad input", () => {
  it("answers 400 for malformed json", async () => {
    const server = await start();
    await expectError(await postJson(`${server.url}/v1/evaluate`, '{"facts": {'), 400, "malformed-json");
    await expectError(await postJson(`${server.url}/v1/evaluate`, ""), 400, "malformed-json");
  });

  it("answers 415 for a body that is not json", async () => {
    const server = await start();
    const response = await fetch(`${server.url}/v1/evaluate`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    const body = await expectError(response, 415, "unsupported-media-type");
    expect(body.error.message.en).toContain("'text/plain'");
    const missing = await fetch(`${server.url}/v1/evaluate`, {
      method: "POST",
      body: new Uint8Array([123, 125]),
    });
    await expectError(missing, 415, "unsupported-media-type");
  });

  it("accepts json with a charset", async () => {
    const server = await start();
    const response = await postJson(
      `${server.url}/v1/evaluate`,
      { facts, asOf: "2026-03-20" },
      { "content-type": "application/json; charset=utf-8" },
    );
    expect(response.status).toBe(200);
  });

  it("answers 422 with the paths of invalid facts", async () => {
    const server = await start();
    const response = await postJson(`${server.url}/v1/evaluate`, {
      facts: {
        hazards: [
          { id: "H1", foundOn: "2026-03-01" },
          { id: 7, foundOn: "2026-03-01" },
        ],
      },
      asOf: "2026-03-20",
    });
    const body = await expectError(response, 422, "invalid-facts");
    const errors = (body.error.details as { errors: { path: string }[] }).errors;
    expect(errors.map((e) => e.path)).toEqual(["hazards[1].id"]);
  });

  it("answers 422 with the paths of an invalid request body", async () => {
    const server = await start();
    const response = await postJson(`${server.url}/v1/evaluate`, { facts: [], asOf: "2026-02-30", extra: 1 });
    const body = await expectError(response, 422, "invalid-request");
    const paths = (body.error.details as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
    expect(paths).toEqual(["", "asOf", "facts"]);
  });

  it("answers 422 for json nested too deeply, naming where", async () => {
    const server = await start();
    const deep = `{"facts": {"hazards": ${"[".repeat(5000)}${"]".repeat(5000)}}}`;
    const body = await expectError(await postJson(`${server.url}/v1/evaluate`, deep), 422, "invalid-request");
    const [issue] = (body.error.details as { issues: { path: string }[] }).issues;
    expect(issue?.path).toBe(`facts.hazards${"[0]".repeat(62)}`);
  });

  it("answers 422 for parameter overrides of the wrong type", async () => {
    const server = await start();
    const body = await expectError(
      await postJson(`${server.url}/v1/evaluate`, {
        facts,
        asOf: "2026-03-20",
        params: { listingDays: "ten" },
      }),
      422,
      "invalid-facts",
    );
    expect((body.error.details as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      "params.listingDays",
    ]);
  });

  it("refuses a top-level __proto__ key in facts or params as the command line does, never dropping it", async () => {
    const server = await start();
    const inFacts = await expectError(
      await postJson(
        `${server.url}/v1/evaluate`,
        `{"facts":{"__proto__":{"x":1},"hazards":[]},"asOf":"2026-03-20"}`,
      ),
      422,
      "invalid-facts",
    );
    expect((inFacts.error.details as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      "__proto__",
    ]);
    const inParams = await expectError(
      await postJson(
        `${server.url}/v1/evaluate`,
        `{"facts":{"hazards":[]},"asOf":"2026-03-20","params":{"__proto__":1}}`,
      ),
      422,
      "invalid-facts",
    );
    expect((inParams.error.details as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      "params.__proto__",
    ]);
  });

  it("answers 415 for a compressed body rather than parsing it", async () => {
    const server = await start();
    const response = await postJson(`${server.url}/v1/evaluate`, JSON.stringify({ facts }), {
      "content-encoding": "gzip",
    });
    await expectError(response, 415, "unsupported-media-type");
  });

  it("caps the diagnostics of one answer, and refuses an answer over the size limit", async () => {
    const server = await start({ limits: { errorsPerAnswer: 10 } });
    const response = await postJson(`${server.url}/v1/check`, { source: "（".repeat(200_000) });
    expect(response.status).toBe(200);
    const document = (await response.json()) as { diagnostics: unknown[] };
    expect(document.diagnostics.length).toBe(10);
    const small = await start({ limits: { answerBytes: 1024 } });
    await expectError(
      await postJson(`${small.url}/v1/evaluate`, { facts, asOf: "2026-03-20" }),
      422,
      "answer-too-large",
    );
  }, 30_000);

  it("refuses a policy of more tokens than the limit before parsing it (a million-element list took 4.2 GB)", async () => {
    const server = await start();
    const list = `define k: list integer = [${Array.from({ length: 1_000_000 }, () => "1").join(",")}]`;
    const body = await expectError(
      await postJson(`${server.url}/v1/check`, { source: list }),
      422,
      "invalid-request",
    );
    expect(JSON.stringify(body.error.details)).toContain("more than the limit of 200000");
  }, 30_000);

  it("answers 503 busy past the concurrent request limit, and still answers /healthz", async () => {
    const server = await start({ limits: { concurrentRequests: 1 } });
    // A body that never ends holds the one slot.
    const controller = new AbortController();
    const stream = new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode("{")) });
    const slow = fetch(`${server.url}/v1/evaluate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      signal: controller.signal,
      duplex: "half",
    } as RequestInit).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expectError(
      await postJson(`${server.url}/v1/evaluate`, { facts, asOf: "2026-03-20" }),
      503,
      "busy",
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    controller.abort();
    await slow;
    // The abandoned request is logged as the client's doing, never as an internal error.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(internalErrors).toEqual([]);
    expect(logs.find((line) => line.status !== 200 && line.error !== "busy")?.error).toBe("client-closed");
  });

  it("answers 413 for a body over the limit, declared or streamed", async () => {
    const server = await start({ bodyLimitBytes: 1024 });
    const big = JSON.stringify({ facts: { hazards: [], padding: "x".repeat(4096) } });
    const body = await expectError(
      await postJson(`${server.url}/v1/evaluate`, big),
      413,
      "payload-too-large",
    );
    expect(body.error.details).toEqual({ limitBytes: 1024 });
    const chunks = [big.slice(0, 2000), big.slice(2000)];
    const streamed = await fetch(`${server.url}/v1/evaluate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    await expectError(streamed, 413, "payload-too-large");
    const fits = await postJson(`${server.url}/v1/evaluate`, { facts, asOf: "2026-03-20" });
    expect(fits.status).toBe(200);
  });

  it("answers 404 for an unknown route and 405 for a wrong method", async () => {
    const server = await start();
    await expectError(await fetch(`${server.url}/v2/evaluate`), 404, "not-found");
    const wrong = await fetch(`${server.url}/v1/evaluate`);
    await expectError(wrong, 405, "method-not-allowed");
    expect(wrong.headers.get("allow")).toBe("POST");
    const put = await fetch(`${server.url}/v1/policy`, { method: "PUT" });
    await expectError(put, 405, "method-not-allowed");
    expect(put.headers.get("allow")).toBe("GET, HEAD");
  });

  it("answers 504 when a request outlives the timeout, without a partial result", async () => {
    const held = heldPolicy();
    const server = await start({ policies: [held.policy], requestTimeoutMs: 50 });
    const body = await expectError(
      await postJson(`${server.url}/v1/evaluate`, { facts, asOf: "2026-03-20" }),
      504,
      "timeout",
    );
    expect(body.error.details).toEqual({ timeoutMs: 50 });
    held.release();
  });

  it("answers 500 with a generic body when the engine fails, and logs the failure", async () => {
    const broken = {
      ...hazardsPolicy(),
      evaluate: () => {
        throw new Error("engine exploded at line 3");
      },
    };
    const server = await start({ policies: [broken] });
    const body = await expectError(await postJson(`${server.url}/v1/evaluate`, { facts }), 500, "internal");
    expect(JSON.stringify(body)).not.toContain("exploded");
    expect(internalErrors).toHaveLength(1);
    expect(String(internalErrors[0])).toContain("exploded");
  });

  it("never answers 5xx for arbitrary request bodies", async () => {
    const server = await start();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc
            .record(
              { facts: fc.jsonValue(), asOf: fc.string(), params: fc.jsonValue() },
              { requiredKeys: [] },
            )
            .map((v) => JSON.stringify(v)),
        ),
        fc.constantFrom("/v1/evaluate", "/v1/check", "/v1/policies/hazards/evaluate"),
        async (body, path) => {
          const response = await postJson(`${server.url}${path}`, body);
          expect(response.status).toBeLessThan(500);
          await response.arrayBuffer();
        },
      ),
      { numRuns: 60 },
    );
    expect(internalErrors).toEqual([]);
  });
});

describe("several policies", () => {
  it("routes by name, serves the first unprefixed and lists them", async () => {
    const server = await start({
      policies: [
        hazardsPolicy("first"),
        { name: "ziyuan", policy: hazardsPolicy("资源县方案") },
        hazardsPolicy("资源县"),
      ],
    });
    const describe = async (path: string) =>
      ((await (await fetch(`${server.url}${path}`)).json()) as { name: string }).name;
    expect(await describe("/v1/policy")).toBe("first");
    expect(await describe("/v1/policies/first/policy")).toBe("first");
    expect(await describe("/v1/policies/ziyuan/policy")).toBe("资源县方案");
    expect(await describe(`/v1/policies/${encodeURIComponent("资源县")}/policy`)).toBe("资源县");
    const result = (await (
      await postJson(`${server.url}/v1/policies/ziyuan/evaluate`, { facts, asOf: "2026-03-20" })
    ).json()) as { policy: { name: string; hash: string } };
    expect(result.policy.name).toBe("资源县方案");
    expect(result.policy.hash).toBe(hazardsPolicy("资源县方案").info.hash);
    const list = (await (await fetch(`${server.url}/v1/policies`)).json()) as {
      policies: { route: string }[];
    };
    expect(list.policies.map((p) => p.route)).toEqual(["first", "ziyuan", "资源县"]);
  });

  it("answers 404 for an unknown policy on every prefixed route", async () => {
    const server = await start();
    const body = await expectError(
      await fetch(`${server.url}/v1/policies/nope/policy`),
      404,
      "unknown-policy",
    );
    expect(body.error.details).toEqual({ policy: "nope", known: ["hazards"] });
    await expectError(
      await postJson(`${server.url}/v1/policies/nope/evaluate`, { facts }),
      404,
      "unknown-policy",
    );
    await expectError(
      await postJson(`${server.url}/v1/policies/nope/check`, { source: "" }),
      404,
      "unknown-policy",
    );
  });

  it("refuses two policies served under one name", async () => {
    await expect(
      startServer({ policies: [hazardsPolicy("a"), hazardsPolicy("a")], port: 0, log: () => {} }),
    ).rejects.toThrow("two policies are served as 'a'");
  });
});

describe("openapi", () => {
  it("serves a valid OpenAPI 3 document naming every route", async () => {
    const server = await start();
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths).sort()).toEqual([
      "/healthz",
      "/v1/check",
      "/v1/evaluate",
      "/v1/policies",
      "/v1/policies/hazards/evaluate",
      "/v1/policies/{name}/check",
      "/v1/policies/{name}/evaluate",
      "/v1/policies/{name}/policy",
      "/v1/policy",
    ]);
    expect(Object.keys(document.paths["/v1/evaluate"] ?? {})).toEqual(["post"]);
    expect(Object.keys(document.paths["/v1/policy"] ?? {})).toEqual(["get"]);
    expect(document.components.schemas).toHaveProperty("EvaluateRequest");
    expect(document.components.schemas).toHaveProperty("EvaluationResult");
    expect(document.components.schemas).toHaveProperty("Error");
  });
});

describe("logging and shutdown", () => {
  it("logs one json line per request with method, path, status, duration and policy hash", async () => {
    const server = await start();
    await (await postJson(`${server.url}/v1/evaluate`, { facts, asOf: "2026-03-20" })).arrayBuffer();
    await (await fetch(`${server.url}/nowhere`)).arrayBuffer();
    expect(logs).toHaveLength(2);
    const [ok, missing] = logs;
    expect(ok).toMatchObject({
      method: "POST",
      path: "/v1/evaluate",
      status: 200,
      policyHash: hazardsPolicy().info.hash,
    });
    expect(ok?.error).toBeUndefined();
    expect(missing).toMatchObject({
      method: "GET",
      path: "/nowhere",
      status: 404,
      policyHash: null,
      error: "not-found",
    });
    for (const line of logs) {
      expect(typeof line.durationMs).toBe("number");
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
      expect(JSON.parse(JSON.stringify(line))).toEqual(line);
    }
  });

  it("finishes a request in flight on close and then stops accepting", async () => {
    const held = heldPolicy();
    const server = await start({ policies: [held.policy] });
    const inFlight = postJson(`${server.url}/v1/evaluate`, { facts, asOf: "2026-03-20" });
    await held.started;
    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    held.release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { findings: unknown[] }).findings).toHaveLength(2);
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
