/**
 * The command line and the server answer through the same application layer: the same policy
 * has one hash wherever it is read from, a broken policy gives the same diagnostic JSON, and the
 * same dates are accepted as evaluation dates.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPolicy } from "@remit/app";
import { compile } from "@remit/engine";
import { createApp } from "@remit/server";
import { beforeAll, describe, expect, it } from "vitest";
import { MemoryStream } from "./io.js";
import { run } from "./run.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

async function remit(argv: string[], cwd: string) {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const code = await run(argv, { stdout, stderr, env: {}, cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const policy = `policy "two files"
  version "1.0.0"

import "../shared/units.remit" as shared

clause 1 "Hazards are listed"

collection hazards {
  foundOn: date
  listedOn: optional date
}

duty listing "Hazards are listed"
  must
  cites 1
  for each h in hazards
  holder "county"
  requires h.listedOn
  within shared.listingWindow of h.foundOn
`;

const units = `param listingWindow: duration = 7 days "time to list a hazard"
`;

const facts = { asOf: "2026-03-20", hazards: [{ id: "H1", foundOn: "2026-03-01" }] };

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "remit-adapters-"));
  mkdirSync(path.join(root, "policies", "p"), { recursive: true });
  mkdirSync(path.join(root, "policies", "shared"), { recursive: true });
  mkdirSync(path.join(root, "elsewhere", "deeper"), { recursive: true });
  writeFileSync(path.join(root, "policies", "p", "policy.remit"), policy);
  writeFileSync(path.join(root, "policies", "shared", "units.remit"), units);
  writeFileSync(path.join(root, "facts.json"), JSON.stringify(facts));
});

async function cliHash(target: string, cwd: string): Promise<string> {
  const out = await remit(
    ["eval", target, "--facts", path.join(root, "facts.json"), "--format", "json"],
    cwd,
  );
  expect(out.stderr).toBe("");
  return (JSON.parse(out.stdout) as { policy: { hash: string } }).policy.hash;
}

async function serverHash(target: string, cwd: string): Promise<string> {
  const loaded = loadPolicy(target, cwd);
  if ("problem" in loaded || loaded.policy === undefined) throw new Error(`cannot load ${target}`);
  const app = createApp({ policies: [loaded.policy], log: () => {} });
  const description = (await (await app.request("/v1/policy")).json()) as { hash: string };
  return description.hash;
}

describe("the policy hash", () => {
  it("is one value from the library, the command line and the server, from any folder and path", async () => {
    const library = compile({
      files: { "p/policy.remit": policy, "shared/units.remit": units },
      entry: "p/policy.remit",
    });
    if (!("policy" in library)) throw new Error("the policy does not compile");
    const expected = library.policy.info.hash;
    const absolute = path.join(root, "policies", "p");
    const readings: [string, string][] = [
      ["policies/p", root],
      ["p", path.join(root, "policies")],
      [".", absolute],
      ["policy.remit", absolute],
      [absolute, root],
      [absolute, path.join(root, "elsewhere", "deeper")],
      ["../../policies/p/policy.remit", path.join(root, "elsewhere", "deeper")],
    ];
    for (const [target, cwd] of readings) {
      expect(await cliHash(target, cwd), `remit eval ${target} from ${cwd}`).toBe(expected);
      expect(await serverHash(target, cwd), `server for ${target} from ${cwd}`).toBe(expected);
    }
  });

  it("changes with a file's content, and with a file's name relative to the entry", () => {
    const hash = (files: Record<string, string>, entry: string): string => {
      const outcome = compile({ files, entry });
      if (!("policy" in outcome)) throw new Error("the policy does not compile");
      return outcome.policy.info.hash;
    };
    const base = hash({ "a/p/policy.remit": policy, "a/shared/units.remit": units }, "a/p/policy.remit");
    expect(hash({ "/x/p/policy.remit": policy, "/x/shared/units.remit": units }, "/x/p/policy.remit")).toBe(
      base,
    );
    expect(
      hash({ "a/p/policy.remit": policy, "a/shared/units.remit": `${units}\n` }, "a/p/policy.remit"),
    ).not.toBe(base);
    const moved = policy.replace("../shared/units.remit", "../common/units.remit");
    expect(hash({ "a/p/policy.remit": moved, "a/common/units.remit": units }, "a/p/policy.remit")).not.toBe(
      hash(
        { "a/p/policy.remit": moved.replace("common", "shared"), "a/shared/units.remit": units },
        "a/p/policy.remit",
      ),
    );
  });

  it("of the Ziyuan plan is the same read from the repository root or from its own folder", async () => {
    const fromRoot = await serverHash("policies/ziyuan-2026", repoRoot);
    const fromFolder = await serverHash(".", path.join(repoRoot, "policies", "ziyuan-2026"));
    expect(fromFolder).toBe(fromRoot);
  });
});

describe("diagnostic JSON", () => {
  it("is the same from `remit check --format json` and from the server's /v1/check", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "remit-broken-"));
    // One diagnostic with a hint (a misspelt name) and one without, so both forms of `hint` show.
    const broken = policy
      .replace('import "../shared/units.remit" as shared\n', `${units}\n`)
      .replace("shared.listingWindow", "listingWindow")
      .replace("requires h.listedOn", "requires h.listedOnn")
      .replace('holder "county"', "holder 1");
    writeFileSync(path.join(folder, "policy.remit"), broken);
    const cli = await remit(["check", "policy.remit", "--format", "json"], folder);
    expect(cli.code).toBe(1);
    const fromCli = JSON.parse(cli.stdout) as { diagnostics: { hint: unknown }[] };

    const served = loadPolicy(path.join(repoRoot, "policies", "ziyuan-2026"), repoRoot);
    if ("problem" in served || served.policy === undefined)
      throw new Error("the Ziyuan policy does not compile");
    const app = createApp({ policies: [served.policy], log: () => {} });
    const response = await app.request("/v1/check", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ source: broken, file: "policy.remit" }),
    });
    expect(response.status).toBe(200);
    const fromServer = (await response.json()) as unknown;

    expect(fromServer).toEqual(fromCli);
    expect(fromCli.diagnostics.length).toBeGreaterThan(1);
    expect(fromCli.diagnostics.some((d) => d.hint === null)).toBe(true);
    expect(fromCli.diagnostics.some((d) => d.hint !== null)).toBe(true);
    for (const d of fromCli.diagnostics) expect(Object.keys(d)).toContain("hint");
  });
});

describe("evaluation dates", () => {
  const folder = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "remit-dates-"));
    cpSync(path.join(root, "policies"), path.join(dir, "policies"), { recursive: true });
    return dir;
  };

  it("accept years 0001 to 0099 the same way from --as-of, the facts and the request", async () => {
    const dir = folder();
    const early = { hazards: [{ id: "H1", foundOn: "0049-12-30" }] };
    writeFileSync(path.join(dir, "early.json"), JSON.stringify(early));
    writeFileSync(path.join(dir, "early-dated.json"), JSON.stringify({ ...early, asOf: "0050-01-01" }));
    const byOption = await remit(
      [
        "eval",
        "policies/p",
        "--facts",
        "early.json",
        "--as-of",
        "0050-01-01",
        "--format",
        "json",
        "--explain",
        "all",
      ],
      dir,
    );
    expect(byOption.code).toBe(0);
    const byFacts = await remit(
      ["eval", "policies/p", "--facts", "early-dated.json", "--format", "json", "--explain", "all"],
      dir,
    );
    expect(byFacts.stdout).toBe(byOption.stdout);
    expect((JSON.parse(byOption.stdout) as { asOf: string }).asOf).toBe("0050-01-01");

    const loaded = loadPolicy("policies/p", dir);
    if ("problem" in loaded || loaded.policy === undefined) throw new Error("the policy does not compile");
    const app = createApp({ policies: [loaded.policy], log: () => {} });
    const response = await app.request("/v1/evaluate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ facts: early, asOf: "0050-01-01" }),
    });
    expect(response.status).toBe(200);
    // The same result; the command line's document also carries its schema version.
    expect({ schemaVersion: 1, ...((await response.json()) as object) }).toEqual(JSON.parse(byOption.stdout));
  });

  it("refuse the same non-dates from --as-of and the request", async () => {
    const dir = folder();
    writeFileSync(path.join(dir, "f.json"), JSON.stringify({ hazards: [] }));
    const loaded = loadPolicy("policies/p", dir);
    if ("problem" in loaded || loaded.policy === undefined) throw new Error("the policy does not compile");
    const app = createApp({ policies: [loaded.policy], log: () => {} });
    for (const date of ["0000-01-01", "2026-02-29", "1900-02-29", "2026-13-01", "26-01-01", "+02026-01-01"]) {
      const cli = await remit(["eval", "policies/p", "--facts", "f.json", "--as-of", date], dir);
      expect(cli.code, `--as-of ${date}`).toBe(2);
      const response = await app.request("/v1/evaluate", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ facts: { hazards: [] }, asOf: date }),
      });
      expect(response.status, `asOf ${date}`).toBe(422);
    }
  });
});
