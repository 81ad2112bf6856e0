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

export const defaultPort = 8080;
export const defaultShutdownGraceMs = 10_000;

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
