/**
 * The store in its own thread answers as the store itself does, records the bytes it is handed,
 * and answers `unavailable` once closed. The thread runs the built file: `pnpm tsc -b` first.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { evaluateZiyuan, toRecord } from "./testing/findings.js";
import { succeeded } from "./testing/stores.js";
import { openStoreThread } from "./thread.js";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe("the store in a thread", { timeout: 60_000 }, () => {
  it("records encoded and plain evaluations, reads them back whole, and refuses calls once closed", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "remit-thread-"));
    folders.push(dataDir);
    const store = succeeded(await openStoreThread({ dataDir }));
    expect(store.backend).toBe("pglite");
    const evaluation = toRecord(evaluateZiyuan("2026-12-01"), "req-thread", "2026-12-01T09:30:00Z");
    const bytes = new TextEncoder().encode(JSON.stringify(evaluation));
    const encoded = succeeded(await store.appendEncoded(bytes));
    // Moved to the thread, not copied: the caller's buffer is detached.
    expect(bytes.byteLength).toBe(0);
    const plain = succeeded(await store.append({ ...evaluation, requestId: "req-plain" }));
    expect(Number(plain.id)).toBeGreaterThan(Number(encoded.id));
    const record = succeeded(await store.get(encoded.id));
    expect(record.requestId).toBe("req-thread");
    expect(record.findings).toEqual(evaluation.findings);
    // A call in flight keeps the process alive, though the idle thread does not.
    const page = succeeded(await store.list({ limit: 10 }));
    expect(page.records.map((r) => r.requestId)).toEqual(["req-plain", "req-thread"]);
    const garbage = await store.appendEncoded(new TextEncoder().encode("{not json"));
    expect("error" in garbage && garbage.error.code).toBe("invalid-input");
    await store.close();
    const after = await store.list({ limit: 1 });
    expect("error" in after && after.error.code).toBe("unavailable");
  });
});
