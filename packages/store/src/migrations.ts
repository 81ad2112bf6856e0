/**
 * The store's schema, as numbered migrations applied once each, in order, in one transaction,
 * the same SQL on PGlite and PostgreSQL. A migration, once released, is never edited: a change to
 * the schema is a new entry at the end.
 */
import type { SqlConnection } from "./sql.js";

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The store's schema, one numbered migration after another: the last version is the schema a new store gets.
 * @example
 * ```ts
 * import { migrations } from "@remit/store";
 * console.log(migrations[0]?.version, migrations[0]?.name); // 1 evaluation records and their findings, append-only
 * console.log(migrations.every((m, i) => m.version === i + 1)); // true
 * ```
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "evaluation records and their findings, append-only",
    sql: `
      create table remit_records (
        id bigint generated always as identity primary key,
        recorded_at timestamptz not null,
        request_id text not null,
        policy_name text not null,
        policy_version text,
        policy_hash text not null,
        policy_sources json not null,
        facts_hash text not null,
        as_of date not null,
        params json not null,
        status_counts json not null,
        finding_count integer not null
      );
      create index remit_records_recent on remit_records (recorded_at desc, id desc);
      create index remit_records_policy_recent
        on remit_records (policy_name, recorded_at desc, id desc);
      create index remit_records_request on remit_records (request_id);

      -- One row per finding, so that questions about one duty of one subject read an index
      -- instead of every record's JSON. period is '' for a finding without one.
      create table remit_findings (
        record_id bigint not null references remit_records (id),
        position integer not null,
        rule text not null,
        kind text not null,
        subject_collection text not null,
        subject_id text not null,
        period text not null,
        status text not null,
        holder text,
        overdue boolean not null,
        finding json not null,
        primary key (record_id, position)
      );
      create index remit_findings_judged
        on remit_findings (rule, subject_collection, subject_id, period, record_id);
      create index remit_findings_subject
        on remit_findings (subject_collection, subject_id, record_id);

      -- The audit trail is append-only in the database itself, whoever connects to it.
      create function remit_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'remit evaluation records are append-only: % on % is refused',
          tg_op, tg_table_name
          using hint = 'record a new evaluation instead';
      end;
      $$;
      create trigger remit_records_append_only before update or delete on remit_records
        for each row execute function remit_refuse_change();
      create trigger remit_records_no_truncate before truncate on remit_records
        for each statement execute function remit_refuse_change();
      create trigger remit_findings_append_only before update or delete on remit_findings
        for each row execute function remit_refuse_change();
      create trigger remit_findings_no_truncate before truncate on remit_findings
        for each statement execute function remit_refuse_change();
    `,
  },
  {
    version: 2,
    name: "the policy's labels with each record",
    // Nullable: a record made before holds none, and records are never rewritten.
    sql: "alter table remit_records add column policy_labels json;",
  },
];

/** Serialises concurrent migrations from several processes sharing one PostgreSQL server. */
const MIGRATION_LOCK = 7_265_646_905;

export type MigrateOutcome = { readonly applied: readonly number[] } | { readonly newerSchema: number };

/**
 * Applies the migrations the database has not seen, in one transaction. A database migrated by a
 * newer release (a version this one does not know) is left alone and reported.
 */
export async function migrate(
  db: SqlConnection,
  known: readonly Migration[] = migrations,
): Promise<MigrateOutcome> {
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.exec(
      "create table if not exists remit_schema_migrations (version integer primary key, name text not null)",
    );
    const rows = await tx.query<{ version: number }>(
      "select version from remit_schema_migrations order by version",
    );
    const done = new Set(rows.map((row) => row.version));
    const newest = Math.max(0, ...done);
    const latestKnown = Math.max(0, ...known.map((migration) => migration.version));
    if (newest > latestKnown) return { newerSchema: newest };
    const applied: number[] = [];
    for (const migration of known) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query("insert into remit_schema_migrations (version, name) values ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return { applied };
  });
}
