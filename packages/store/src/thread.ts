/**
 * The store in a thread of its own. PGlite runs PostgreSQL as WebAssembly on the thread that
 * calls it, synchronously inside each query: on a server's event loop, recording a large
 * evaluation would hold every other request (and `/healthz`) for as long as the insert takes.
 * Here the database lives in a worker thread and this side forwards each call as a message;
 * `appendEncoded`'s bytes are moved, not copied.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { StoreError, StoreOutcome } from "./records.js";
import type { Store, StoreOptions } from "./store.js";

/** What the thread is told: a call of one store method, by number. */
export interface ThreadCall {
  readonly id: number;
  readonly method: ThreadMethod | "open";
  readonly args: readonly unknown[];
}

export type ThreadMethod = Exclude<keyof Store, "backend" | "close"> | "close";

export interface ThreadReply {
  readonly id: number;
  readonly outcome: StoreOutcome<unknown>;
}

/**
 * The compiled thread: under the test runner this module is TypeScript source, and the thread
 * runs the built file beside it in `dist` (built by `tsc -b`).
 */
function threadFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith(".ts")
    ? fileURLToPath(new URL("../dist/thread-worker.js", import.meta.url))
    : fileURLToPath(new URL("./thread-worker.js", import.meta.url));
}

function unavailable(detail: string): { readonly error: StoreError } {
  return {
    error: {
      code: "unavailable",
      message: {
        en: "the database of evaluation records cannot be reached",
        zh: "无法访问评估记录数据库",
      },
      detail,
    },
  };
}

/**
 * Opens the store described by `options` in a worker thread; `now` stays the system clock.
 * @example
 * ```ts
 * import { mkdtempSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { compile } from "@remit/engine";
 * import { openStoreThread } from "@remit/store";
 * const compiled = compile(`policy "listing" version "1.0"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const opened = await openStoreThread({ dataDir: join(mkdtempSync(join(tmpdir(), "remit-")), "records") });
 * if ("error" in opened) throw new Error(opened.error.message.en);
 * const store = opened.value;
 * const outcome = compiled.policy.evaluate({ hazards: [{ id: "H1", foundOn: "2026-10-01" }] }, { asOf: "2026-10-20" });
 * if ("errors" in outcome) throw new Error("the facts are rejected");
 * const { policy, asOf, params, findings } = outcome.result;
 * const json = JSON.stringify({ requestId: "r1", policy: { ...policy, sources: [] }, factsHash: "h", asOf, params, findings });
 * const appended = await store.appendEncoded(new TextEncoder().encode(json));
 * console.log("value" in appended ? appended.value.counts : appended.error.code); // { overdue: 1 }
 * await store.close();
 * ```
 */
export async function openStoreThread(options: Omit<StoreOptions, "now">): Promise<StoreOutcome<Store>> {
  // The thread runs built JavaScript: none of the host's own flags (a test runner's
  // `--conditions=source`, `--input-type`) applies to it.
  const worker = new Worker(threadFile(), { workerData: options, execArgv: [] });
  const waiting = new Map<number, (outcome: StoreOutcome<unknown>) => void>();
  let nextId = 0;
  let ended: string | undefined;
  const endAll = (detail: string) => {
    ended ??= detail;
    for (const resolve of waiting.values()) resolve(unavailable(detail));
    waiting.clear();
  };
  worker.on("message", ({ id, outcome }: ThreadReply) => {
    waiting.get(id)?.(outcome);
    waiting.delete(id);
    // Idle, the thread does not keep the process alive; a call waiting for it does.
    if (waiting.size === 0) worker.unref();
  });
  worker.on("error", (error) => endAll(error.message));
  worker.on("exit", (code) => endAll(`the store's thread ended with code ${code}`));

  function call<T>(
    method: ThreadCall["method"],
    args: readonly unknown[],
    transfer: ArrayBuffer[] = [],
  ): Promise<StoreOutcome<T>> {
    if (ended !== undefined) return Promise.resolve(unavailable(ended));
    return new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve as (outcome: StoreOutcome<unknown>) => void);
      worker.ref();
      const message: ThreadCall = { id, method, args };
      worker.postMessage(message, transfer);
    });
  }

  const opened = await call<Pick<Store, "backend">>("open", []);
  if ("error" in opened) {
    await worker.terminate();
    return opened;
  }
  let closing: Promise<void> | undefined;
  return {
    value: {
      backend: opened.value.backend,
      append: (evaluation) => call("append", [evaluation]),
      appendEncoded: (json) => call("appendEncoded", [json], [json.buffer as ArrayBuffer]),
      list: (filter) => call("list", [filter]),
      get: (id) => call("get", [id]),
      history: (query) => call("history", [query]),
      statusOn: (query) => call("statusOn", [query]),
      changesBetween: (before, after) => call("changesBetween", [before, after]),
      changesSince: (query) => call("changesSince", [query]),
      close: () => {
        closing ??= call("close", []).then(async () => {
          await worker.terminate();
        });
        return closing;
      },
    },
  };
}
