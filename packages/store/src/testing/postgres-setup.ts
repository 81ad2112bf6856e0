/**
 * Vitest global setup of the store's tests: starts a throwaway PostgreSQL server (see
 * scripts/throwaway-postgres.sh) when one is installed, and hands its URL to the tests. Without
 * PostgreSQL the real-server tests are skipped with the reason, except under CI, where they must run.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The throwaway server's URL, or why there is none. */
    postgres: { readonly url: string } | { readonly skipped: string };
  }
}

const script = fileURLToPath(new URL("../../scripts/throwaway-postgres.sh", import.meta.url));

function run(...args: string[]): string {
  return execFileSync("sh", [script, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

/** A port free on 127.0.0.1 right now (another process could still take it: start retries). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function installed(): string | undefined {
  try {
    run("bindir");
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return stderr || "PostgreSQL is not installed";
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const missing = installed();
  if (missing !== undefined) {
    if (process.env.CI === "true") {
      throw new Error(
        `${missing}; CI must run the store's tests against PostgreSQL (.ci/system-deps installs it)`,
      );
    }
    console.warn(`store: the tests against a PostgreSQL server are skipped: ${missing}`);
    project.provide("postgres", { skipped: missing });
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), "remit-pg-"));
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const url = run("start", dir, String(await freePort()));
      project.provide("postgres", { url });
      return () => {
        run("stop", dir);
      };
    } catch (error) {
      lastError = error;
      try {
        run("stop", dir);
      } catch {
        // Nothing was started.
      }
    }
  }
  throw new Error(`cannot start a throwaway PostgreSQL server: ${String(lastError)}`);
}
