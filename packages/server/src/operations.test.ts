import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { chooseEncoding } from "./compress.js";
import { type RequestLogLine, requestLogLevel } from "./log.js";
import { type RunningServer, startServer } from "./server.js";
import { hazardsPolicy } from "./testing/hazards-policy.js";

const running: RunningServer[] = [];
const logs: RequestLogLine[] = [];

async function start(): Promise<RunningServer> {
  const server = await startServer({
    policies: [hazardsPolicy()],
    host: "127.0.0.1",
    port: 0,
    log: (line) => logs.push(line),
    logError: () => {},
  });
  running.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  logs.length = 0;
});

const facts = { hazards: [{ id: "H1", foundOn: "2026-03-01" }] };

function evaluate(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/v1/policies/hazards/evaluate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("operations", () => {
  it("counts requests by route pattern and status, evaluations, findings and rejected facts", async () => {
    const server = await start();
    expect((await evaluate(server.url, { facts, asOf: "2026-03-20" })).status).toBe(200);
    expect(
      (await evaluate(server.url, { facts: { hazards: [{ id: "H1" }] }, asOf: "2026-03-20" })).status,
    ).toBe(422);
    await fetch(`${server.url}/nowhere`);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain(
      'remit_http_requests_total{route="/v1/policies/:name/evaluate",method="POST",status="200"} 1',
    );
    expect(text).toContain(
      'remit_http_requests_total{route="/v1/policies/:name/evaluate",method="POST",status="422"} 1',
    );
    expect(text).toContain('remit_http_requests_total{route="unmatched",method="GET",status="404"} 1');
    expect(text).toContain('remit_evaluations_total{policy="hazards"} 1');
    expect(text).toContain('remit_findings_total{policy="hazards",status="overdue"} 1');
    expect(text).toContain('remit_facts_rejected_total{policy="hazards"} 1');
    expect(text).toContain("remit_evaluation_queue_depth 0");
    expect(text).toMatch(
      /remit_http_request_duration_seconds_bucket\{le="0.5",route="\/v1\/policies\/:name\/evaluate"/,
    );
  });

  it("gives each policy's evaluate route the JSON Schema of its facts in the OpenAPI document", async () => {
    const server = await start();
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<string, { post: { requestBody: { content: Record<string, { schema: unknown }> } } }>;
      components: {
        schemas: Record<string, { properties: Record<string, { items: { required: string[] } }> }>;
      };
    };
    const facts = document.components.schemas["Facts.hazards"];
    const required = facts?.properties["hazards"]?.items.required ?? [];
    expect(required).toContain("foundOn");
    expect(required).not.toContain("listedOn");
    const body =
      document.paths["/v1/policies/hazards/evaluate"]?.post.requestBody.content["application/json"];
    expect(JSON.stringify(body)).toContain('"$ref":"#/components/schemas/Facts.hazards"');
  });

  it("is ready once its policies are loaded; with no store the database is 'off'", async () => {
    const server = await start();
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ready: true,
      database: "off",
      policies: [{ route: "hazards" }],
    });
  });

  it("echoes a caller's request id, makes one otherwise, and logs it", async () => {
    const server = await start();
    const given = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "probe-7" } });
    expect(given.headers.get("x-request-id")).toBe("probe-7");
    const unsafe = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "a b\tc" } });
    expect(unsafe.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs.map((l) => l.requestId)).toEqual(["probe-7", unsafe.headers.get("x-request-id")]);
  });

  it("compresses answers with brotli or gzip as the caller accepts", async () => {
    const server = await start();
    const plain = await (
      await fetch(`${server.url}/openapi.json`, { headers: { "accept-encoding": "identity" } })
    ).text();
    for (const encoding of ["br", "gzip"] as const) {
      // node's fetch decodes by itself: ask with a raw request to see the encoded bytes.
      const { request } = await import("node:http");
      const bytes = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        request(`${server.url}/openapi.json`, { headers: { "accept-encoding": encoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }),
          );
        })
          .on("error", reject)
          .end();
      });
      expect(bytes.encoding).toBe(encoding);
      const decoded = encoding === "br" ? brotliDecompressSync(bytes.body) : gunzipSync(bytes.body);
      expect(decoded.toString("utf8")).toBe(plain);
      expect(bytes.body.byteLength).toBeLessThan(plain.length);
    }
    expect(chooseEncoding("gzip;q=1, br;q=0")).toBe("gzip");
    expect(chooseEncoding("identity")).toBeUndefined();
  });

  it("logs a failure of the server as an error, a refusal as a warning and a caller's abort as ordinary", () => {
    const line = {
      time: "",
      requestId: "r",
      method: "POST",
      path: "/v1/evaluate",
      durationMs: 1,
      policyHash: null,
    };
    expect(requestLogLevel({ ...line, status: 500 })).toBe("error");
    expect(requestLogLevel({ ...line, status: 422 })).toBe("warn");
    expect(requestLogLevel({ ...line, status: 500, aborted: true })).toBe("info");
    expect(requestLogLevel({ ...line, status: 200 })).toBe("info");
  });
});
