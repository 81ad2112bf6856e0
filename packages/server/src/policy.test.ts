/**
 * The server with real compiled policies: a small one written here, and the Ziyuan plan with the
 * example county's facts.
 */
import { readFileSync } from "node:fs";
import { buildPolicySources, loadPolicy } from "@remit/app";
import type { Policy } from "@remit/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./server.js";

const repoRoot = new URL("../../../", import.meta.url);

const source = `policy "hazard listing"
  version "1.0.0"
  warning 30 days

clause 2.1.3 "挂牌督办"

param listingDays: duration = 15 days "days to list a major hazard"

collection hazards {
  level: enum("一般", "重大")
  foundOn: date
  listedOn: optional date
}

duty major-hazard-listing "重大火灾隐患挂牌督办"
  must
  cites 2.1.3
  for each h in hazards where h.level = "重大"
  holder "资源县人民政府"
  requires h.listedOn
  within listingDays of h.foundOn
`;

const facts = {
  hazards: [
    { id: "H1", level: "重大", foundOn: "2026-03-01", listedOn: "2026-03-10" },
    { id: "H2", level: "重大", foundOn: "2026-03-01", listedOn: null },
    { id: "H3", level: "一般", foundOn: "2026-03-01", listedOn: null },
  ],
};

function compiled(files: Record<string, string>, entry: string): Policy {
  const outcome = buildPolicySources(files, entry);
  if (outcome.policy === undefined) {
    throw new Error(
      outcome.diagnostics
        .map((d) => `${d.span.file}:${d.span.start.line} ${d.code} ${d.message.en}`)
        .join("\n"),
    );
  }
  return outcome.policy;
}

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("a small compiled policy", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      policies: [compiled({ "policy.remit": source }, "policy.remit")],
      port: 0,
      log: () => {},
    });
  });
  afterAll(() => server.close());

  it("evaluates the duty per hazard as at the date", async () => {
    const response = await post(`${server.url}/v1/evaluate`, { facts, asOf: "2026-03-20" });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      findings: { subject: { id: string }; status: string; due: string }[];
    };
    expect(result.findings.map((f) => [f.subject.id, f.status, f.due])).toEqual([
      ["H1", "met", "2026-03-16"],
      ["H2", "overdue", "2026-03-16"],
    ]);
  });

  it("takes parameter overrides", async () => {
    const response = await post(`${server.url}/v1/evaluate`, {
      facts,
      asOf: "2026-03-20",
      params: { listingDays: "30 days" },
    });
    const result = (await response.json()) as { findings: { subject: { id: string }; status: string }[] };
    expect(result.findings.find((f) => f.subject.id === "H2")?.status).toBe("due-soon");
  });

  it("answers 422 with the path of a bad fact", async () => {
    const response = await post(`${server.url}/v1/evaluate`, {
      facts: { hazards: [{ id: "H1", level: "重大", foundOn: "2026-02-30" }] },
      asOf: "2026-03-20",
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      error: { code: string; details: { errors: { path: string }[] } };
    };
    expect(body.error.code).toBe("invalid-facts");
    expect(body.error.details.errors.map((e) => e.path)).toContain("hazards[0].foundOn");
  });

  it("describes the policy with the parameter's default", async () => {
    const description = (await (await fetch(`${server.url}/v1/policy`)).json()) as {
      name: string;
      hash: string;
      clauses: { id: string }[];
      rules: { id: string; kind: string }[];
      parameters: { key: string; type: string; default: unknown }[];
    };
    expect(description.name).toBe("hazard listing");
    expect(description.hash.length).toBeGreaterThan(0);
    expect(description.clauses.map((c) => c.id)).toEqual(["2.1.3"]);
    expect(description.rules.map((r) => [r.id, r.kind])).toEqual([["major-hazard-listing", "duty"]]);
    expect(description.parameters).toEqual([
      expect.objectContaining({
        key: "listingDays",
        type: "duration (days)",
        default: "15 days",
        description: "days to list a major hazard",
      }),
    ]);
  });

  it("checks sources with the analyzer", async () => {
    const clean = (await (await post(`${server.url}/v1/check`, { source })).json()) as {
      diagnostics: unknown[];
    };
    expect(clean.diagnostics).toEqual([]);
    const broken = source.replace("requires h.listedOn", "requires h.listedOnn");
    const response = await post(`${server.url}/v1/check`, { source: broken, file: "broken.remit" });
    expect(response.status).toBe(200);
    const { diagnostics } = (await response.json()) as {
      diagnostics: { severity: string; span: { file: string }; suggestions: string[] }[];
    };
    expect(diagnostics.some((d) => d.severity === "error" && d.span.file === "broken.remit")).toBe(true);
  });

  it("returns related locations, e.g. where a repeated rule id was first used", async () => {
    const duty = source.slice(source.indexOf("duty "));
    const response = await post(`${server.url}/v1/check`, { source: `${source}\n${duty}` });
    const { diagnostics } = (await response.json()) as {
      diagnostics: {
        code: string;
        span: { start: { line: number } };
        related: { message: { en: string }; span: { start: { line: number } } }[];
      }[];
    };
    const duplicate = diagnostics.find((d) => d.code === "R5001");
    expect(duplicate?.related.map((r) => [r.message.en, r.span.start.line])).toEqual([
      ["first defined here", source.slice(0, source.indexOf("duty ")).split("\n").length],
    ]);
  });
});

describe("the Ziyuan plan", () => {
  let server: RunningServer;
  let ziyuanHash = "";
  beforeAll(async () => {
    const outcome = loadPolicy("policies/ziyuan-2026", new URL(".", repoRoot).pathname);
    if ("problem" in outcome || outcome.policy === undefined)
      throw new Error("the Ziyuan policy does not compile");
    ziyuanHash = outcome.policy.info.hash;
    server = await startServer({
      policies: [{ name: "ziyuan-2026", policy: outcome.policy }],
      port: 0,
      log: () => {},
    });
  });
  afterAll(() => server?.close());

  it("evaluates the example county under its route name", async () => {
    const example = JSON.parse(
      readFileSync(new URL("examples/ziyuan-county/facts.json", repoRoot), "utf8"),
    ) as {
      asOf?: string;
    } & Record<string, unknown>;
    const { asOf, ...facts } = example;
    const response = await post(`${server.url}/v1/policies/ziyuan-2026/evaluate`, { facts, asOf });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      asOf: string;
      findings: { rule: string }[];
      summary: { total: number };
    };
    expect(result.asOf).toBe(asOf);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.summary.total).toBe(result.findings.length);
    const description = (await (await fetch(`${server.url}/v1/policies/ziyuan-2026/policy`)).json()) as {
      rules: { id: string }[];
      clauses: unknown[];
    };
    expect(new Set(result.findings.map((f) => f.rule)).size).toBeLessThanOrEqual(description.rules.length);
    expect(description.clauses.length).toBeGreaterThan(0);
  });

  it("refuses an evaluation date in the far future promptly, as over a limit, in both languages", async () => {
    const { asOf: _asOf, ...facts } = JSON.parse(
      readFileSync(new URL("examples/ziyuan-county/facts.json", repoRoot), "utf8"),
    ) as Record<string, unknown>;
    const response = await post(`${server.url}/v1/policies/ziyuan-2026/evaluate`, {
      facts,
      asOf: "9999-12-31",
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      error: {
        code: string;
        message: { en: string; zh: string };
        details: { errors: { path: string; code: string; message: { en: string; zh: string } }[] };
      };
    };
    expect(body.error.code).toBe("evaluation-too-large");
    expect(body.error.message.zh).toBe("评估超出上限：详见 details");
    const [error] = body.error.details.errors;
    expect(error).toMatchObject({ path: "asOf", code: "too-many-periods" });
    // The rule by its title in the readers' words; no English but its id.
    expect(error!.message.zh).toMatch(
      /^评估日过远：规则“[^”]*[\u4e00-\u9fff][^”]*”（[a-z-]+）将评估 \d+ 个周期/,
    );
  }, 10_000); // refused before any period is counted: a hang would be work the limit failed to bound

  it("describes its parameters with their declared types and the library's hash", async () => {
    const description = (await (await fetch(`${server.url}/v1/policies/ziyuan-2026/policy`)).json()) as {
      hash: string;
      parameters: { key: string; type: string | null; default: unknown }[];
    };
    expect(description.hash).toBe(ziyuanHash);
    const byKey = new Map(description.parameters.map((p) => [p.key, p] as const));
    expect(byKey.get("targetDate")).toMatchObject({ type: "date", default: "2026-12-31" });
    expect(byKey.get("specialInspectionsPerQuarter")).toMatchObject({ type: "integer", default: 1 });
    expect(byKey.get("gridDays")).toMatchObject({ type: "duration (days)", default: "15 days" });
    for (const parameter of description.parameters) expect(typeof parameter.type).toBe("string");
  });
});
