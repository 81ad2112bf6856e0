import { policyLabels } from "@remit/engine";
import { openStore, type Store } from "@remit/store";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./server.js";
import { hazardsPolicy } from "./testing/hazards-policy.js";

const running: RunningServer[] = [];
let shared: Store | undefined;

// Opening PGlite takes seconds: one in-memory store serves every test, each asking about its own.
beforeAll(async () => {
  const opened = await openStore({ dataDir: "memory://" });
  if ("error" in opened) throw new Error(opened.error.message.en);
  shared = opened.value;
}, 120_000);
afterAll(() => shared?.close());

function memoryStore(): Store {
  if (shared === undefined) throw new Error("the store did not open");
  return shared;
}

async function start(store: Store | undefined): Promise<RunningServer> {
  const server = await startServer({
    policies: [hazardsPolicy()],
    ...(store === undefined ? {} : { store }),
    host: "127.0.0.1",
    port: 0,
    log: () => {},
    logError: () => {},
  });
  running.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

function evaluate(url: string, body: unknown, requestId?: string): Promise<Response> {
  return fetch(`${url}/v1/evaluate`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(requestId ? { "x-request-id": requestId } : {}) },
    body: JSON.stringify(body),
  });
}

const before = {
  hazards: [
    { id: "H1", foundOn: "2026-03-01" },
    { id: "H2", foundOn: "2026-03-01" },
  ],
};
const after = {
  hazards: [
    { id: "H1", foundOn: "2026-03-01", listedOn: "2026-03-20" },
    { id: "H2", foundOn: "2026-03-01" },
  ],
};

interface Summary {
  id: string;
  requestId: string;
  asOf: string;
  policy: { name: string; version: string; hash: string };
  counts: Record<string, number>;
}

describe("evaluation records", { timeout: 30_000 }, () => {
  it("records each answered evaluation before answering, with its request id and policy version", async () => {
    const store = memoryStore();
    const server = await start(store);
    const hash = hazardsPolicy().info.hash;

    const first = await evaluate(server.url, { facts: before, asOf: "2026-03-20" }, "first-run");
    expect(first.status).toBe(200);
    expect(first.headers.get("x-request-id")).toBe("first-run");
    expect(first.headers.get("remit-policy-version")).toBe("1.0.0");
    expect(first.headers.get("remit-policy-hash")).toBe(hash);
    const firstId = first.headers.get("remit-record-id");
    // Acknowledged means already in the store: read it without going through the server.
    const stored = await store.get(firstId ?? "");
    expect("value" in stored && stored.value.requestId).toBe("first-run");

    const second = await evaluate(server.url, { facts: after, asOf: "2026-03-21" });
    const madeId = second.headers.get("x-request-id");
    expect(madeId).toMatch(/^[0-9a-f-]{36}$/);

    const listed = (await (await fetch(`${server.url}/v1/records`)).json()) as { records: Summary[] };
    expect(listed.records.map((r) => r.requestId)).toEqual([madeId, "first-run"]);
    expect(listed.records[1]).toMatchObject({
      asOf: "2026-03-20",
      policy: { name: "hazards", version: "1.0.0", hash },
      counts: { overdue: 2 },
    });
    const byDate = (await (await fetch(`${server.url}/v1/records?asOfTo=2026-03-20`)).json()) as {
      records: Summary[];
    };
    expect(byDate.records.map((r) => r.requestId)).toEqual(["first-run"]);
    const bySubject = (await (
      await fetch(`${server.url}/v1/records?collection=hazards&subject=H9`)
    ).json()) as { records: Summary[] };
    expect(bySubject.records).toEqual([]);

    const history = (await (
      await fetch(`${server.url}/v1/history?rule=hazard-listing&collection=hazards&subject=H1`)
    ).json()) as { judgements: { finding: { status: string }; record: Summary }[] };
    expect(history.judgements.map((j) => [j.record.requestId, j.finding.status])).toEqual([
      ["first-run", "overdue"],
      [madeId, "met"],
    ]);

    const status = (await (
      await fetch(`${server.url}/v1/status?rule=hazard-listing&collection=hazards&subject=H1&on=2026-03-20`)
    ).json()) as { judged: boolean; overdue: boolean; record: Summary };
    expect(status).toMatchObject({
      judged: true,
      overdue: true,
      record: { policy: { version: "1.0.0", hash } },
    });

    // Each record keeps the policy's labels, which word its findings when read back; ids stay.
    const labels = policyLabels(hazardsPolicy().checked);
    const whole = (await (await fetch(`${server.url}/v1/records/${firstId}`)).json()) as {
      policy: { labels?: unknown };
      findings: { rule: string }[];
    };
    expect(whole.policy.labels).toEqual(labels);
    expect(whole.findings.map((f) => f.rule)).toEqual(["hazard-listing", "hazard-listing"]);
    const changes = (await (
      await fetch(`${server.url}/v1/changes?before=${firstId}&after=${second.headers.get("remit-record-id")}`)
    ).json()) as { changes: { kind: string; subject: { id: string } }[]; labels?: unknown };
    expect(changes.changes.map((c) => [c.kind, c.subject.id])).toEqual([["resolved", "H1"]]);
    expect(changes.labels).toEqual(labels);
    const since = (await (await fetch(`${server.url}/v1/changes?since=2000-01-01T00:00:00Z`)).json()) as {
      before?: Summary;
      changes: { kind: string }[];
    };
    expect(since.before).toBeUndefined();
    expect(since.changes.map((c) => c.kind)).toEqual(["newly-overdue"]);
  });

  it("records nothing for a refused evaluation", async () => {
    const store = memoryStore();
    const server = await start(store);
    const refused = await evaluate(
      server.url,
      { facts: { hazards: [{ id: "H1" }] }, asOf: "2026-03-20" },
      "refused-run",
    );
    expect(refused.status).toBe(422);
    const page = await store.list({ limit: 500 });
    expect("value" in page && page.value.records.map((r) => r.requestId)).not.toContain("refused-run");
  });

  it("refuses bad queries by path, and answers 501 when the server keeps no records", async () => {
    const server = await start(memoryStore());
    const bad = await fetch(
      `${server.url}/v1/status?rule=hazard-listing&collection=hazards&subject=H1&on=soon`,
    );
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { details: { issues: { path: string }[] } } };
    expect(body.error.details.issues.map((i) => i.path)).toEqual(["on"]);
    expect((await fetch(`${server.url}/v1/records/999`)).status).toBe(404);

    const without = await start(undefined);
    const answer = await fetch(`${without.url}/v1/records`);
    expect(answer.status).toBe(501);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("no-store");
    expect(
      (await evaluate(without.url, { facts: before, asOf: "2026-03-20" })).headers.has("remit-record-id"),
    ).toBe(false);
  });
});
