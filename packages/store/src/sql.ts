/**
 * The two databases behind the store, behind one small interface: PGlite (PostgreSQL compiled to
 * WebAssembly, its data in a folder) and a PostgreSQL server through `pg`. The store sends both
 * the same SQL (queries.ts).
 */
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export type Backend = "pglite" | "postgres";

export type SqlValue = string | number | boolean | null;

/** Something that runs SQL: the connection itself, or an open transaction on it. */
export interface SqlRunner {
  /** One statement with `$1`-style parameters; the rows it returns. */
  query<Row>(text: string, params?: readonly SqlValue[]): Promise<readonly Row[]>;
  /** A script of several statements, without parameters. */
  exec(script: string): Promise<void>;
}

export interface SqlConnection extends SqlRunner {
  readonly backend: Backend;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * PGlite with its data in `dataDir` (`memory://` keeps it in memory). Durability is left strict:
 * a statement's promise resolves after its writes reached the files, so a committed transaction
 * survives the process being killed.
 */
export async function openPglite(dataDir: string): Promise<SqlConnection> {
  const db = await PGlite.create(dataDir, { relaxedDurability: false });
  const runner = (target: Pick<PGlite, "query" | "exec">): SqlRunner => ({
    async query<Row>(text: string, params: readonly SqlValue[] = []) {
      return (await target.query<Row>(text, [...params])).rows;
    },
    async exec(script: string) {
      await target.exec(script);
    },
  });
  return {
    backend: "pglite",
    ...runner(db),
    transaction: (work) => db.transaction((tx) => work(runner(tx))),
    close: () => db.close(),
  };
}

/** A pool of connections to the PostgreSQL server at `url` (`postgres://user@host:port/db`). */
export async function openPostgres(url: string): Promise<SqlConnection> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle connection that drops emits here; without a listener it would end the process. The
  // pool discards that connection and the next query opens a fresh one (or reports the failure).
  pool.on("error", () => {});
  const runner = (target: pg.Pool | pg.PoolClient): SqlRunner => ({
    async query<Row>(text: string, params: readonly SqlValue[] = []) {
      return (await target.query(text, [...params])).rows as Row[];
    },
    async exec(script: string) {
      await target.query(script);
    },
  });
  // Fail at open, not at the first evaluation, when the server is unreachable.
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    backend: "postgres",
    ...runner(pool),
    async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const value = await work(runner(client));
        await client.query("commit");
        return value;
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
