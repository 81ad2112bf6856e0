/**
 * Serving the application on a socket: listening, request timeouts at the socket level, and a
 * graceful close that finishes the requests in flight.
 */
import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { type AppOptions, createApp, defaultRequestTimeoutMs } from "./app.js";

export interface StartServerOptions extends AppOptions {
  /** Interface to listen on; loopback by default. */
  readonly host?: string;
  /** Port to listen on; 8080 by default, 0 for any free port. */
  readonly port?: number;
  /** How long `close()` waits for requests in flight before cutting them off; 10 s by default. */
  readonly shutdownGraceMs?: number;
}

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops accepting connections and resolves once the requests in flight have been answered. */
  close(): Promise<void>;
}

/**
 * @example
 * ```ts
 * import { defaultPort, parsePort } from "@remit/server";
 * // A port given as text (a flag, a variable) or, failing that, the default.
 * const fromFlag: string = "not a port";
 * console.log(defaultPort, parsePort(fromFlag) ?? defaultPort); // 8080 8080
 * ```
 */
export const defaultPort = 8080;
/**
 * @example
 * ```ts
 * import { defaultShutdownGraceMs } from "@remit/server";
 * // How long `close()` lets the requests in flight finish unless `shutdownGraceMs` says otherwise.
 * console.log(`${defaultShutdownGraceMs / 1000} s`); // 10 s
 * ```
 */
export const defaultShutdownGraceMs = 10_000;

/**
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { startServer } from "@remit/server";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const server = await startServer({ policies: [compiled.policy], host: "127.0.0.1", port: 0, log: () => {} });
 * try {
 *   const response = await fetch(`${server.url}/v1/evaluate`, {
 *     method: "POST",
 *     headers: { "content-type": "application/json" },
 *     body: JSON.stringify({ asOf: "2026-10-20", facts: { hazards: [{ id: "H1", foundOn: "2026-10-01" }] } }),
 *   });
 *   const body = (await response.json()) as { findings: { status: string; due: string }[] };
 *   console.log(server.port > 0, response.status, body.findings[0]?.status, body.findings[0]?.due); // true 200 overdue 2026-10-08
 * } finally {
 *   await server.close();
 * }
 * ```
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const app = createApp(options);
  const host = options.host ?? "127.0.0.1";
  const requestTimeoutMs = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  const server = createAdaptorServer({
    fetch: app.fetch,
    hostname: host,
    serverOptions: {
      // Receiving a request (headers and body) is bounded too; the socket layer answers 408.
      requestTimeout: requestTimeoutMs,
      headersTimeout: Math.min(requestTimeoutMs, 60_000),
    },
  }) as Server;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? defaultPort, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  // A keep-alive connection whose last request finished during shutdown is idle: close it then,
  // rather than when its keep-alive timer runs out.
  server.on("request", (_request, response: ServerResponse) => {
    response.once("finish", () => {
      if (closing !== undefined) setImmediate(() => server.closeIdleConnections());
    });
  });
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      const grace = setTimeout(
        () => server.closeAllConnections(),
        options.shutdownGraceMs ?? defaultShutdownGraceMs,
      );
      grace.unref();
      server.close(() => {
        clearTimeout(grace);
        resolve();
      });
      // Keep-alive sockets with no request in flight would hold `close` open.
      server.closeIdleConnections();
    });
    return closing;
  };

  return { url: `http://${urlHost}:${address.port}`, host: address.address, port: address.port, close };
}

/**
 * Runs a server until SIGTERM or SIGINT, then closes it gracefully: the entry the command line
 * uses. Resolves once the server has closed.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { serveUntilSignal } from "@remit/server";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * // Resolves once SIGTERM or SIGINT has closed the server; here the signal is raised in-process.
 * await serveUntilSignal({ policies: [compiled.policy], host: "127.0.0.1", port: 0, log: () => {} }, (server) => {
 *   void fetch(`${server.url}/healthz`).then((response) => {
 *     console.log(response.status); // 200
 *     process.emit("SIGTERM", "SIGTERM");
 *   });
 * });
 * console.log("closed"); // closed
 * ```
 */
export async function serveUntilSignal(
  options: StartServerOptions,
  onListening?: (server: RunningServer) => void,
): Promise<void> {
  const server = await startServer(options);
  onListening?.(server);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      void server.close().then(resolve);
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
}
