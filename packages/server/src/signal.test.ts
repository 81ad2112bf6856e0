import { describe, expect, it } from "vitest";
import { type RunningServer, serveUntilSignal } from "./server.js";
import { heldPolicy } from "./testing/hazards-policy.js";

describe("serveUntilSignal", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "closes gracefully on %s, finishing the request in flight",
    async (signal) => {
      const held = heldPolicy();
      let server: RunningServer | undefined;
      let listening = () => {};
      const ready = new Promise<void>((resolve) => {
        listening = resolve;
      });
      const listenersBefore = process.listenerCount(signal);
      const done = serveUntilSignal(
        { policies: [held.policy], host: "127.0.0.1", port: 0, log: () => {} },
        (s) => {
          server = s;
          listening();
        },
      );
      await ready;
      const url = server?.url ?? "";
      const inFlight = fetch(`${url}/v1/evaluate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ facts: { hazards: [] }, asOf: "2026-01-01" }),
      });
      await held.started;
      process.emit(signal);
      held.release();
      expect((await inFlight).status).toBe(200);
      await done;
      expect(process.listenerCount(signal)).toBe(listenersBefore);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    },
  );
});
