/**
 * `remit serve` as an operator runs it: a separate process with its records in a folder. Killed
 * with SIGKILL in the middle of a stream of evaluations, it must have kept every evaluation it
 * answered 200 — the answer is sent only after the record's transaction has committed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hazardsSource } from "@remit/server/testing";
import { openStore } from "@remit/store";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";

const entry = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
const folders: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const policy = hazardsSource();

/** Starts `remit serve` on a free port and resolves with its origin once it listens. */
function serve(cwd: string, args: readonly string[]): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, [entry, "serve", "hazards", "--port", "0", ...args], {
    cwd,
    env: { PATH: process.env["PATH"] ?? "", REMIT_WATCH: "off" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  let stderr = "";
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      const found = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (found?.[1] !== undefined) resolve({ child, origin: found[1] });
    });
    child.on("exit", () => reject(new Error(`remit serve exited before listening: ${stderr}`)));
  });
}

describe("remit serve with records", () => {
  it("keeps every evaluation it answered 200 when killed with SIGKILL mid-stream", {
    timeout: 180_000,
  }, async () => {
    const root = mkdtempSync(join(tmpdir(), "remit-serve-kill-"));
    folders.push(root);
    mkdirSync(join(root, "hazards"));
    writeFileSync(join(root, "hazards", "policy.remit"), policy);
    const { child, origin } = await serve(root, ["--data", "records", "--workers", "1"]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_c, s) => resolve(s)));

    const acknowledged: string[] = [];
    let failedAfterKill = 0;
    let killed = false;
    // Four callers at once, each sending evaluations until the server is gone.
    const caller = async (n: number) => {
      for (let i = 0; ; i += 1) {
        const requestId = `caller${n}-${i}`;
        try {
          const response = await fetch(`${origin}/v1/evaluate`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-request-id": requestId },
            body: JSON.stringify({
              facts: { hazards: [{ id: `H${i}`, foundOn: "2026-03-01" }] },
              asOf: "2026-03-20",
            }),
          });
          if (response.status === 200) acknowledged.push(requestId);
          else throw new Error(`answered ${response.status}: ${await response.text()}`);
        } catch (error) {
          if (!killed) throw error;
          failedAfterKill += 1;
          return;
        }
        if (acknowledged.length >= 150 && !killed) {
          killed = true;
          child.kill("SIGKILL");
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(caller));
    expect(await exited).toBe("SIGKILL");

    const opened = await openStore({ dataDir: join(root, "records") });
    if ("error" in opened) throw new Error(opened.error.message.en);
    const store = opened.value;
    try {
      const stored = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await store.list({ limit: 500, ...(cursor === undefined ? {} : { cursor }) });
        if ("error" in page) throw new Error(page.error.message.en);
        for (const record of page.value.records) stored.add(record.requestId);
        cursor = page.value.next;
      } while (cursor !== undefined);
      const lost = acknowledged.filter((id) => !stored.has(id));
      process.stderr.write(
        `crash test: ${acknowledged.length} answered 200, ${stored.size} stored, ${lost.length} lost, ` +
          `${failedAfterKill} requests cut off by the kill\n`,
      );
      expect(acknowledged.length).toBeGreaterThanOrEqual(150);
      expect(lost).toEqual([]);
      // Beyond the acknowledged, at most the evaluations in flight at the kill (one per caller).
      expect(stored.size - acknowledged.length).toBeLessThanOrEqual(4);
    } finally {
      await store.close();
    }
  });
});

describe("remit serve reloading", () => {
  it("serves an edited policy once it checks, and keeps the old one on a broken edit", {
    timeout: 120_000,
  }, async () => {
    const root = mkdtempSync(join(tmpdir(), "remit-serve-reload-"));
    folders.push(root);
    mkdirSync(join(root, "hazards"));
    const file = join(root, "hazards", "policy.remit");
    writeFileSync(file, policy);
    const stop = new AbortController();
    const stderr = new MemoryStream();
    const running = run(["serve", "hazards", "--port", "0", "--records", "off"], {
      stdout: new MemoryStream(),
      stderr,
      env: {},
      cwd: root,
      stop: stop.signal,
    });
    let origin: string | undefined;
    while (origin === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      origin = /serving hazards at (http:\/\/[^/]+)\//.exec(stderr.text)?.[1];
    }
    const served = async () =>
      ((await (await fetch(`${origin}/v1/policies`)).json()) as { policies: { version: string }[] })
        .policies[0]?.version;
    const until = async (condition: () => Promise<boolean> | boolean) => {
      for (let i = 0; i < 200 && !(await condition()); i += 1) await new Promise((r) => setTimeout(r, 50));
    };
    expect(await served()).toBe("1.0.0");

    writeFileSync(file, policy.replace('version "1.0.0"', 'version "1.1.0"'));
    await until(async () => (await served()) === "1.1.0");
    expect(await served()).toBe("1.1.0");
    expect(stderr.text).toContain("policy reloaded");

    writeFileSync(
      file,
      policy.replace('version "1.0.0"', 'version "2.0.0"').replace("cites 2.1.3", "cites 9.9"),
    );
    await until(() => stderr.text.includes("policy edit refused"));
    expect(stderr.text).toContain("policy edit refused");
    expect(await served()).toBe("1.1.0");
    const evaluated = await fetch(`${origin}/v1/evaluate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ facts: { hazards: [] }, asOf: "2026-03-20" }),
    });
    expect(evaluated.headers.get("remit-policy-version")).toBe("1.1.0");
    stop.abort();
    expect(await running).toBe(0);
  });
});
