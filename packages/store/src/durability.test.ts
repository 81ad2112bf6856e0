import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { mustOpen, succeeded } from "./testing/stores.js";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const child = fileURLToPath(new URL("./testing/append-until-killed.ts", import.meta.url));
const packageRoot = fileURLToPath(new URL("..", import.meta.url));

/**
 * Runs the appending child until it has acknowledged `acknowledgements` records (and then some,
 * as it keeps going while the kill is sent), kills it with SIGKILL, and returns the numbers of the
 * records it acknowledged.
 */
function appendThenKill(dataDir: string, run: string, acknowledgements: number): Promise<Set<number>> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(
      process.execPath,
      ["--conditions=source", "--import", "tsx", child, dataDir, run],
      {
        cwd: packageRoot,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const acknowledged = new Set<number>();
    let stderr = "";
    let buffered = "";
    process_.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    process_.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const match = /^ack (\d+)$/.exec(line);
        if (match) acknowledged.add(Number(match[1]));
      }
      if (acknowledged.size >= acknowledgements) process_.kill("SIGKILL");
    });
    process_.on("exit", (_code, signal) => {
      if (signal === "SIGKILL") resolve(acknowledged);
      else reject(new Error(`the appending process ended on its own: ${stderr}`));
    });
  });
}

describe("durability (PGlite)", () => {
  it("keeps every acknowledged record when the process is killed mid-stream", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "remit-store-kill-"));
    folders.push(dataDir);
    const first = await appendThenKill(dataDir, "first", 30);
    // Killed again, on the recovered folder: recovery itself must not lose what it found.
    const second = await appendThenKill(dataDir, "second", 10);

    const store = await mustOpen({ dataDir });
    try {
      const stored = new Map<string, number>();
      let cursor: string | undefined;
      do {
        const page = succeeded(
          await store.list({ policy: "durability", limit: 500, ...(cursor ? { cursor } : {}) }),
        );
        for (const record of page.records)
          stored.set(record.requestId, (stored.get(record.requestId) ?? 0) + 1);
        cursor = page.next;
      } while (cursor);
      const acknowledged = [...[...first].map((n) => `first-${n}`), ...[...second].map((n) => `second-${n}`)];
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      // Stored at most once each, and at most the one record in flight at each kill beyond those.
      expect([...stored.values()].every((count) => count === 1)).toBe(true);
      expect(stored.size - acknowledged.length).toBeLessThanOrEqual(2);
      expect(first.size).toBeGreaterThanOrEqual(30);
      // Each record whole: all its findings, counted as appended.
      const some = succeeded(await store.list({ policy: "durability", limit: 1 })).records[0]!;
      expect(succeeded(await store.get(some.id)).findings).toHaveLength(20);
      expect(some.counts).toEqual({ overdue: 7, met: 13 });
    } finally {
      await store.close();
    }
  });
});
