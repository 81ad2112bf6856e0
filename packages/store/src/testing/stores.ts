/**
 * The backends the store's tests run on: PGlite in a temporary folder, and the throwaway
 * PostgreSQL server of the global setup (a fresh database for each store) when there is one.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openStore, type Store, type StoreOptions } from "../store.js";

export interface TestBackend {
  readonly name: "pglite" | "postgres";
  /** Why the backend's tests are skipped, when they are. */
  readonly skipped: string | undefined;
  /** A fresh, empty location: a folder or a database URL. */
  location(): Promise<StoreLocation>;
}

export type StoreLocation = { readonly dataDir: string } | { readonly databaseUrl: string };

const folders: string[] = [];

export function testBackends(): readonly TestBackend[] {
  const postgres = inject("postgres");
  return [
    {
      name: "pglite",
      skipped: undefined,
      async location() {
        const dataDir = mkdtempSync(join(tmpdir(), "remit-store-"));
        folders.push(dataDir);
        return { dataDir };
      },
    },
    {
      name: "postgres",
      skipped: "skipped" in postgres ? postgres.skipped : undefined,
      async location() {
        if (!("url" in postgres)) throw new Error(postgres.skipped);
        const database = `remit_${randomBytes(6).toString("hex")}`;
        const admin = new pg.Client({ connectionString: postgres.url });
        await admin.connect();
        try {
          await admin.query(`create database ${database}`);
        } finally {
          await admin.end();
        }
        const url = new URL(postgres.url);
        url.pathname = `/${database}`;
        return { databaseUrl: url.toString() };
      },
    },
  ];
}

/** Opens a store, failing the test with the store's error when it cannot. */
export async function mustOpen(
  location: StoreLocation,
  options: Omit<StoreOptions, "dataDir" | "databaseUrl"> = {},
): Promise<Store> {
  const opened = await openStore({ ...location, ...options });
  if ("error" in opened) throw new Error(`${opened.error.message.en}: ${opened.error.detail ?? ""}`);
  return opened.value;
}

/** The value of a store outcome, failing the test with the error otherwise. */
export function succeeded<T>(
  outcome: { readonly value: T } | { readonly error: { readonly message: { readonly en: string } } },
): T {
  if ("error" in outcome) throw new Error(`unexpected store error: ${outcome.error.message.en}`);
  return outcome.value;
}

/** Deletes the temporary folders made for PGlite stores. */
export function removeTestFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}
