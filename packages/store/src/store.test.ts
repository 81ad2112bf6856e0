import type { EvaluationResult } from "@remit/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffFindings, isOverdue } from "./changes.js";
import { openStore, type RecordSummary, type Store } from "./index.js";
import { migrate, migrations } from "./migrations.js";
import { queries } from "./queries.js";
import { openPglite, openPostgres, type SqlConnection } from "./sql.js";
import { evaluateZiyuan, finding, toRecord, ziyuanLabels } from "./testing/findings.js";
import {
  mustOpen,
  removeTestFolders,
  type StoreLocation,
  succeeded,
  testBackends,
} from "./testing/stores.js";

afterAll(removeTestFolders);

const september = evaluateZiyuan("2026-09-01");
const december = evaluateZiyuan("2026-12-01");

/** Direct SQL on a store's database, for what the store's API deliberately cannot do. */
function connect(location: StoreLocation): Promise<SqlConnection> {
  return "dataDir" in location ? openPglite(location.dataDir) : openPostgres(location.databaseUrl);
}

/** A small evaluation of one duty for one hazard. */
function small(status: string, asOf: string, recordedAt: string, requestId: string, policy = "p") {
  const result: Pick<EvaluationResult, "policy" | "asOf" | "params" | "findings"> = {
    policy: { name: policy, version: `v-${asOf}`, hash: `hash-${asOf}` },
    asOf,
    params: { gridDays: 7 },
    findings: [
      finding({ rule: "listing", kind: "duty", status, id: "H1", holder: `holder-${requestId}` }),
      finding({ rule: "listing", kind: "duty", status: "met", id: "H2" }),
    ],
  };
  return toRecord(result, requestId, recordedAt);
}

for (const backend of testBackends()) {
  const title = backend.skipped ? `${backend.name} (skipped: ${backend.skipped})` : backend.name;

  describe.skipIf(backend.skipped !== undefined)(title, () => {
    // One database for the whole suite (a fresh PGlite folder costs seconds): each test keeps to
    // its own policy names, and the tests that need the database to themselves close the store.
    let location: StoreLocation;
    let store: Store;
    const now = () => new Date("2026-12-03T10:00:00Z");

    beforeAll(async () => {
      location = await backend.location();
      store = await mustOpen(location, { now });
    });
    afterAll(async () => {
      await store.close();
    });

    /** Direct SQL on the store's database (PGlite allows one user of a folder at a time). */
    async function withSql(work: (db: SqlConnection) => Promise<void>): Promise<void> {
      await store.close();
      const db = await connect(location);
      try {
        await work(db);
      } finally {
        await db.close();
        store = await mustOpen(location, { now });
      }
    }

    it("keeps an evaluation whole: policy, sources, parameters, findings and counts", async () => {
      const appended = succeeded(
        await store.append(toRecord(december, "req-1", "2026-12-01T09:30:00+08:00")),
      );
      expect(appended).toMatchObject({
        requestId: "req-1",
        recordedAt: "2026-12-01T01:30:00.000Z",
        asOf: "2026-12-01",
        policy: december.policy,
        findingCount: december.findings.length,
      });
      const expectedCounts: Record<string, number> = {};
      for (const f of december.findings) expectedCounts[f.status] = (expectedCounts[f.status] ?? 0) + 1;
      expect(appended.counts).toEqual(expectedCounts);

      const record = succeeded(await store.get(appended.id));
      expect(JSON.stringify(record.findings)).toBe(JSON.stringify(december.findings));
      expect(record.params).toEqual(december.params);
      expect(record.policy.sources).toEqual([{ path: "policy.remit.md", hash: december.policy.hash }]);
      expect(await store.get("999999")).toMatchObject({ error: { code: "not-found" } });
      expect(await store.get("drop table")).toMatchObject({ error: { code: "not-found" } });
    });

    it("lists records newest first, filtered, page by page", async () => {
      const appended: RecordSummary[] = [];
      for (let day = 1; day <= 7; day++) {
        const date = `2026-10-0${day}`;
        const policy = day % 2 === 0 ? "list-even" : "list-odd";
        appended.push(
          succeeded(await store.append(small("pending", date, `${date}T08:00:00Z`, `r${day}`, policy))),
        );
      }
      // Two records at the same instant: the later appended comes first.
      appended.push(
        succeeded(await store.append(small("met", "2026-10-07", "2026-10-07T08:00:00Z", "r8", "list-odd"))),
      );
      const ours = (records: readonly RecordSummary[]) =>
        records.filter((r) => r.policy.name.startsWith("list-"));
      const newestFirst = [...appended].reverse();

      const all = succeeded(
        await store.list({ recorded: { from: "2026-10-01T00:00:00Z", to: "2026-10-31T00:00:00Z" } }),
      );
      expect(ours(all.records)).toEqual(newestFirst);
      expect(all.next).toBeUndefined();

      const pages: RecordSummary[][] = [];
      let cursor: string | undefined;
      do {
        const page = succeeded(await store.list({ limit: 3, ...(cursor ? { cursor } : {}) }));
        pages.push(ours(page.records));
        cursor = page.next;
      } while (cursor);
      expect(pages.flat()).toEqual(newestFirst);
      const odd = succeeded(await store.list({ policy: "list-odd", limit: 2 }));
      expect(odd.records.map((r) => r.requestId)).toEqual(["r8", "r7"]);
      const rest = succeeded(await store.list({ policy: "list-odd", limit: 2, cursor: odd.next! }));
      expect(rest.records.map((r) => r.requestId)).toEqual(["r5", "r3"]);

      const even = succeeded(await store.list({ policy: "list-even" })).records;
      expect(even.map((r) => r.requestId)).toEqual(["r6", "r4", "r2"]);
      const byAsOf = succeeded(await store.list({ asOf: { from: "2026-10-02", to: "2026-10-04" } })).records;
      expect(ours(byAsOf).map((r) => r.requestId)).toEqual(["r4", "r3", "r2"]);
      const byTime = succeeded(
        await store.list({ recorded: { from: "2026-10-06T00:00:00Z", to: "2026-10-07T23:00:00+08:00" } }),
      ).records;
      expect(ours(byTime).map((r) => r.requestId)).toEqual(["r8", "r7", "r6"]);
      const h2 = succeeded(
        await store.list({ policy: "list-odd", subject: { collection: "hazards", id: "H2" } }),
      );
      expect(h2.records).toHaveLength(5);
      expect(succeeded(await store.list({ subject: { collection: "hazards", id: "H7" } })).records).toEqual(
        [],
      );

      expect(await store.list({ limit: 0 })).toMatchObject({ error: { code: "invalid-input" } });
      expect(await store.list({ cursor: "nonsense" })).toMatchObject({ error: { code: "invalid-input" } });
      expect(await store.list({ asOf: { from: "2026-13-01" } })).toMatchObject({
        error: { code: "invalid-input" },
      });
      expect(await store.list({ recorded: { to: "yesterday" } })).toMatchObject({
        error: { code: "invalid-input" },
      });
    });

    it("answers the history of one duty for one subject, and its status on a date", async () => {
      const p = "history";
      const first = succeeded(
        await store.append(small("pending", "2026-10-01", "2026-10-01T08:00:00Z", "a", p)),
      );
      const second = succeeded(
        await store.append(small("overdue", "2026-10-10", "2026-10-10T08:00:00Z", "b", p)),
      );
      // A re-run of 1 October, recorded later: it is the latest word on that date.
      const rerun = succeeded(await store.append(small("met", "2026-10-01", "2026-10-12T08:00:00Z", "c", p)));
      await store.append(small("overdue", "2026-10-01", "2026-10-13T08:00:00Z", "other", "history-other"));

      const query = { rule: "listing", subject: { collection: "hazards", id: "H1" }, policy: p };
      const history = succeeded(await store.history(query));
      expect(
        history.map((h) => [h.record.id, h.finding.status, h.finding.holder, h.record.policy.version]),
      ).toEqual([
        [first.id, "pending", "holder-a", "v-2026-10-01"],
        [second.id, "overdue", "holder-b", "v-2026-10-10"],
        [rerun.id, "met", "holder-c", "v-2026-10-01"],
      ]);
      const { policy: _, ...anyPolicy } = query;
      expect(succeeded(await store.history(anyPolicy)).some((h) => h.record.requestId === "other")).toBe(
        true,
      );

      expect(succeeded(await store.statusOn({ ...query, on: "2026-09-30" }))).toBeUndefined();
      const onFifth = succeeded(await store.statusOn({ ...query, on: "2026-10-05" }));
      expect(onFifth).toMatchObject({ record: { id: rerun.id }, overdue: false });
      expect(onFifth?.findings.map((f) => f.status)).toEqual(["met"]);
      // What the store said of 5 October before the re-run was recorded.
      const knownBefore = succeeded(
        await store.statusOn({ ...query, on: "2026-10-05", knownAt: "2026-10-11T00:00:00Z" }),
      );
      expect(knownBefore).toMatchObject({ record: { id: first.id }, overdue: false });
      const onTenth = succeeded(await store.statusOn({ ...query, on: "2026-10-10" }));
      expect(onTenth).toMatchObject({
        record: { id: second.id, policy: { version: "v-2026-10-10" } },
        overdue: true,
      });
      expect(await store.statusOn({ ...query, on: "10/10/2026" })).toMatchObject({
        error: { code: "invalid-input" },
      });
    });

    it("answers for each period of a recurring duty", async () => {
      const p = "periods";
      const result = {
        policy: { name: p, version: "1", hash: "h" },
        asOf: "2026-10-15",
        params: {},
        findings: [
          finding({ rule: "drill", kind: "duty", status: "met", period: "2026-Q2", id: "T1" }),
          finding({ rule: "drill", kind: "duty", status: "overdue", period: "2026-Q3", id: "T1" }),
        ],
      };
      const record = succeeded(await store.append(toRecord(result, "q", "2026-10-15T08:00:00Z")));
      const query = {
        rule: "drill",
        subject: { collection: "hazards", id: "T1" },
        policy: p,
        on: "2026-10-15",
      };
      const both = succeeded(await store.statusOn(query));
      expect(both).toMatchObject({ record: { id: record.id }, overdue: true });
      expect(both?.findings.map((f) => f.period)).toEqual(["2026-Q2", "2026-Q3"]);
      expect(succeeded(await store.statusOn({ ...query, period: "2026-Q2" }))?.overdue).toBe(false);
      expect(
        succeeded(await store.history({ ...query, period: "2026-Q3" })).map((h) => h.finding.status),
      ).toEqual(["overdue"]);
    });

    it("tells what changed between two evaluations and since a time", async () => {
      const p = `changes-${backend.name}`;
      const named = (result: EvaluationResult) => ({ ...result, policy: { ...result.policy, name: p } });
      const before = succeeded(await store.append(toRecord(named(september), "sep", "2026-09-01T08:00:00Z")));
      const after = succeeded(await store.append(toRecord(named(december), "dec", "2026-12-01T08:00:00Z")));
      const expected = diffFindings(september.findings, december.findings);
      expect(expected.length).toBeGreaterThan(0);

      const between = succeeded(await store.changesBetween(before.id, after.id));
      expect(between.before).toEqual(before);
      expect(between.after).toEqual(after);
      expect(between.changes).toEqual(expected);

      const weekly = succeeded(await store.changesSince({ policy: p, since: "2026-11-24T00:00:00Z" }));
      expect(weekly).toEqual(between);
      const fromStart = succeeded(await store.changesSince({ policy: p, since: "2026-01-01T00:00:00Z" }));
      expect(fromStart?.before).toBeUndefined();
      expect(fromStart?.changes).toEqual(diffFindings([], december.findings));
      const untilOctober = succeeded(
        await store.changesSince({ policy: p, since: "2026-01-01T00:00:00Z", until: "2026-10-01T00:00:00Z" }),
      );
      expect(untilOctober?.after).toEqual(before);
      const quiet = succeeded(await store.changesSince({ policy: p, since: "2026-12-02T00:00:00Z" }));
      expect(quiet?.changes).toEqual([]);
      expect(
        succeeded(await store.changesSince({ policy: "unknown", since: "2026-12-02T00:00:00Z" })),
      ).toBeUndefined();
      expect(await store.changesSince({ policy: p, since: "last week" })).toMatchObject({
        error: { code: "invalid-input" },
      });

      const other = succeeded(
        await store.append(small("overdue", "2026-10-01", "2026-10-01T08:00:00Z", "x", "other")),
      );
      expect(await store.changesBetween(before.id, other.id)).toMatchObject({
        error: { code: "invalid-input" },
      });
      expect(await store.changesBetween(before.id, "424242")).toMatchObject({ error: { code: "not-found" } });
    });

    it("keeps the policy's labels, and reads a record made before them as having none", async () => {
      const labels = ziyuanLabels();
      expect(labels.levels["general-hazard-ladder"]).toEqual({
        grid: "网格",
        township: "乡（镇）",
        county: "县",
      });
      // A database of the first schema, with a record as the releases before labels wrote it.
      const old = await backend.location();
      const db = await connect(old);
      try {
        await migrate(db, migrations.slice(0, 1));
        const recordedAt = "2026-09-01T08:00:00Z";
        const record = toRecord(september, "before-labels", recordedAt);
        const [row] = await db.query<{ id: string }>(
          `insert into remit_records (recorded_at, request_id, policy_name, policy_version, policy_hash,
             policy_sources, facts_hash, as_of, params, status_counts, finding_count)
           values ($1::timestamptz, $2, $3, $4, $5, $6::json, $7, $8::date, $9::json, '{}'::json, $10)
           returning id::text as id`,
          [
            recordedAt,
            record.requestId,
            record.policy.name,
            record.policy.version,
            record.policy.hash,
            JSON.stringify(record.policy.sources),
            record.factsHash,
            record.asOf,
            JSON.stringify(record.params),
            record.findings.length,
          ],
        );
        await db.query(queries.insertFindings, [
          row!.id,
          JSON.stringify(record.findings),
          JSON.stringify(record.findings.map(isOverdue)),
        ]);
      } finally {
        await db.close();
      }
      const upgraded = await mustOpen(old, { now });
      try {
        const before = succeeded(await upgraded.get("1"));
        expect(before.requestId).toBe("before-labels");
        expect(before.policy).not.toHaveProperty("labels");
        const record = toRecord(december, "with-labels", "2026-12-01T08:00:00Z");
        const after = succeeded(await upgraded.append({ ...record, policy: { ...record.policy, labels } }));
        expect(succeeded(await upgraded.get(after.id)).policy.labels).toEqual(labels);
        // The changes are worded by the later record's labels, when it kept them.
        const changes = succeeded(await upgraded.changesBetween("1", after.id));
        expect(changes.changes.length).toBeGreaterThan(0);
        expect(changes.labels).toEqual(labels);
        expect(succeeded(await upgraded.changesBetween(after.id, "1"))).not.toHaveProperty("labels");
      } finally {
        await upgraded.close();
      }
    });

    it("records concurrent evaluations, each once and whole", async () => {
      const appended = await Promise.all(
        Array.from({ length: 24 }, (_, n) =>
          store.append(
            small(
              n % 2 ? "overdue" : "met",
              "2026-11-01",
              `2026-11-01T08:00:${String(n).padStart(2, "0")}Z`,
              `c${n}`,
              "concurrent",
            ),
          ),
        ),
      );
      const ids = appended.map((outcome) => succeeded(outcome).id);
      expect(new Set(ids).size).toBe(24);
      const listed = succeeded(await store.list({ policy: "concurrent", limit: 100 })).records;
      expect(listed.map((r) => r.requestId).sort()).toEqual(
        appended.map((o) => succeeded(o).requestId).sort(),
      );
      for (const record of listed) expect(record.findingCount).toBe(2);
    });

    it("stamps a record with the store's clock when the caller gives no time, and rejects bad input", async () => {
      const { recordedAt: _, ...untimed } = small("met", "2026-12-03", "2026-12-03T10:00:00Z", "t", "clock");
      expect(succeeded(await store.append(untimed)).recordedAt).toBe(now().toISOString());
      for (const bad of [
        { ...untimed, requestId: "" },
        { ...untimed, asOf: "2026-02-30" },
        { ...untimed, recordedAt: "2026-12-03 10:00" },
      ]) {
        expect(await store.append(bad)).toMatchObject({ error: { code: "invalid-input" } });
      }
      expect(succeeded(await store.list({ policy: "clock" })).records).toHaveLength(1);
    });

    it("refuses to update, delete or truncate records and findings, in the database itself", async () => {
      const appended = succeeded(
        await store.append(small("overdue", "2026-10-01", "2026-10-01T08:00:00Z", "r1", "guarded")),
      );
      await withSql(async (db) => {
        for (const statement of [
          "update remit_records set request_id = 'forged'",
          "delete from remit_records",
          "truncate remit_records cascade",
          "update remit_findings set status = 'met'",
          "delete from remit_findings",
          "truncate remit_findings",
        ]) {
          await expect(db.query(statement), statement).rejects.toThrow(/append-only/);
        }
      });
      const record = succeeded(await store.get(appended.id));
      expect(record.requestId).toBe("r1");
      expect(record.findings.map((f) => f.status)).toEqual(["overdue", "met"]);
    });

    it("answers the officer's questions from indexes, not by reading every record", async () => {
      const judged = ["listing", "hazards", "H1", null, "history"];
      const cursor = ["2026-10-07T08:00:00.000Z", "8"];
      const plans: [string, string, (string | number | null)[]][] = [
        ["list", queries.list, [null, null, null, null, null, null, null, null, null, 51]],
        ["list by policy", queries.list, ["history", null, null, null, null, null, null, ...cursor, 51]],
        ["list by subject", queries.list, [null, "hazards", "H1", null, null, null, null, null, null, 51]],
        ["history", queries.history, judged],
        ["status on a date", queries.statusOn, [...judged, "2026-10-05", null]],
        ["findings of a record", queries.findingsOf, ["1"]],
        ["latest record of a policy", queries.latestOf, ["history", "2026-10-05T00:00:00Z"]],
      ];
      await withSql(async (db) => {
        for (const [name, sql, params] of plans) {
          const scans = await db.transaction(async (tx) => {
            // Tables this small are cheaper to scan; forbid that to see whether an index serves.
            await tx.query("set local enable_seqscan = off");
            const [row] = await tx.query<{ "QUERY PLAN": unknown }>(`explain (format json) ${sql}`, params);
            return seqScans(row?.["QUERY PLAN"]);
          });
          expect(scans, name).toEqual([]);
        }
      });
    });

    it("applies each migration once, and refuses to run on a newer schema", async () => {
      await store.close();
      const db = await connect(location);
      try {
        const rows = await db.query<{ version: number }>(
          "select version from remit_schema_migrations order by version",
        );
        expect(rows.map((row) => row.version)).toEqual(migrations.map((m) => m.version));
        await db.query("insert into remit_schema_migrations (version, name) values (9999, 'future')");
      } finally {
        await db.close();
      }
      expect(await openStore({ ...location, now })).toMatchObject({ error: { code: "newer-schema" } });
    });

    it("answers an error value, not an exception, once closed", async () => {
      const outcome = await store.list();
      expect(outcome).toMatchObject({
        error: { code: "unavailable", message: { en: expect.any(String), zh: expect.any(String) } },
      });
    });
  });
}

/** The tables a query plan reads whole (`Seq Scan` nodes), at any depth. */
function seqScans(plan: unknown): string[] {
  if (Array.isArray(plan)) return plan.flatMap(seqScans);
  if (typeof plan !== "object" || plan === null) return [];
  const node = plan as Record<string, unknown>;
  const own = node["Node Type"] === "Seq Scan" ? [String(node["Relation Name"])] : [];
  return [...own, ...Object.values(node).flatMap(seqScans)];
}
