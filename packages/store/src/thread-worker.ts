/**
 * The store's worker thread (see thread.ts): opens the store once, then answers each call with
 * the store's own outcome, in the order the calls arrive.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { StoreOutcome } from "./records.js";
import { openStore, type Store, type StoreOptions } from "./store.js";
import type { ThreadCall, ThreadReply } from "./thread.js";

const port = parentPort;
if (port === null) throw new Error("the store's thread was started outside a worker");
const opening = openStore(workerData as StoreOptions);

async function answer(call: ThreadCall): Promise<StoreOutcome<unknown>> {
  const opened = await opening;
  if ("error" in opened) return opened;
  const store: Store = opened.value;
  switch (call.method) {
    case "open":
      return { value: { backend: store.backend } };
    case "close":
      await store.close();
      return { value: undefined };
    default: {
      const method = store[call.method] as (...args: readonly unknown[]) => Promise<StoreOutcome<unknown>>;
      return await method(...call.args);
    }
  }
}

port.on("message", (call: ThreadCall) => {
  void answer(call).then((outcome) => {
    const reply: ThreadReply = { id: call.id, outcome };
    port.postMessage(reply);
  });
});
