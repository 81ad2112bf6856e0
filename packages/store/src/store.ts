/**
 * The store of evaluation records: append-only, on PGlite (a folder) or PostgreSQL (a URL), with
 * the questions an officer asks of it. Every method answers a value or an error and never throws.
 */
import { type Finding, isIsoDate, type PolicyLabels } from "@remit/engine";
import { type Change, diffFindings, isOverdue } from "./changes.js";
import { migrate } from "./migrations.js";
import { judgedParams, queries, type SummaryRow, summaryOf } from "./queries.js";
import type {
  Changes,
  ChangesSinceQuery,
  EvaluationRecord,
  EvaluationToRecord,
  JudgedQuery,
  Judgement,
  PolicySource,
  RecordFilter,
  RecordId,
  RecordPage,
  RecordSummary,
  StatusCounts,
  StatusOn,
  StatusOnQuery,
  StoreError,
  StoreOutcome,
} from "./records.js";
import { type Backend, openPglite, openPostgres, type SqlConnection, type SqlRunner } from "./sql.js";

export type StoreOptions = (
  | {
      /** A PostgreSQL server (`postgres://user:password@host:port/database`). */
      readonly databaseUrl: string;
    }
  | {
      /** The folder of an embedded PGlite database (created when missing); `memory://` for none. */
      readonly dataDir: string;
    }
) & {
  /** The clock for records appended without `recordedAt`; the system clock by default. */
  readonly now?: () => Date;
};

export interface Store {
  readonly backend: Backend;
  /** Records one evaluation; resolves once it is committed. */
  append(evaluation: EvaluationToRecord): Promise<StoreOutcome<RecordSummary>>;
  /**
   * Records one evaluation given as the UTF-8 JSON of an `EvaluationToRecord`, as a worker thread
   * hands it over: the bytes move between threads without copying, and are read where the
   * database runs (see `openStoreThread`).
   */
  appendEncoded(json: Uint8Array): Promise<StoreOutcome<RecordSummary>>;
  /** Records newest first, filtered, one page at a time. */
  list(filter?: RecordFilter): Promise<StoreOutcome<RecordPage>>;
  /** One record whole: its sources, parameters and findings. */
  get(id: RecordId): Promise<StoreOutcome<EvaluationRecord>>;
  /** Every evaluation that judged the rule for the subject, in the order they were recorded. */
  history(query: JudgedQuery): Promise<StoreOutcome<readonly Judgement[]>>;
  /**
   * What the store says of the rule for the subject on a date: the findings of the evaluation
   * with the latest `asOf` on or before `on` among those that judged it (ties: the one recorded
   * last), and whether it was overdue. `undefined` when no evaluation up to that date judged it.
   */
  statusOn(query: StatusOnQuery): Promise<StoreOutcome<StatusOn | undefined>>;
  /** What changed from one record to a later one of the same policy. */
  changesBetween(before: RecordId, after: RecordId): Promise<StoreOutcome<Changes>>;
  /**
   * What changed for a policy since an instant: from the latest record at or before `since` to the
   * latest at or before `until` (or the latest of all). `undefined` when there is no later record.
   */
  changesSince(query: ChangesSinceQuery): Promise<StoreOutcome<Changes | undefined>>;
  /** Closes the database; later calls answer `unavailable`. Closing again does nothing. */
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the store of evaluation records: PGlite in a folder or in memory, or PostgreSQL at a URL.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { openStore } from "@remit/store";
 * const compiled = compile(`policy "listing" version "1.0"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const opened = await openStore({ dataDir: "memory://" });
 * if ("error" in opened) throw new Error(opened.error.message.en);
 * const store = opened.value;
 * const hazards = [{ id: "H1", foundOn: "2026-10-01", listedOn: null }];
 * for (const asOf of ["2026-10-05", "2026-10-20"]) {
 *   const outcome = compiled.policy.evaluate({ hazards }, { asOf });
 *   if ("errors" in outcome) throw new Error("the facts are rejected");
 *   const { policy, params, findings } = outcome.result;
 *   await store.append({ requestId: asOf, policy: { ...policy, sources: [] }, factsHash: "h1", asOf, params, findings });
 * }
 * const subject = { collection: "hazards", id: "H1" };
 * const status = await store.statusOn({ rule: "listing", subject, on: "2026-10-31" });
 * console.log("value" in status ? status.value?.overdue : status.error.code); // true
 * const page = await store.list({ policy: "listing" });
 * console.log("value" in page ? page.value.records.map((r) => r.asOf) : page.error.code); // [ '2026-10-20', '2026-10-05' ]
 * await store.close();
 * ```
 */
export async function openStore(options: StoreOptions): Promise<StoreOutcome<Store>> {
  let db: SqlConnection;
  try {
    db =
      "databaseUrl" in options ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  } catch (error) {
    return {
      error: failure("unavailable", error, {
        en: "cannot open the database of evaluation records",
        zh: "无法打开评估记录数据库",
      }),
    };
  }
  try {
    const migrated = await migrate(db);
    if ("newerSchema" in migrated) {
      await db.close();
      return {
        error: {
          code: "newer-schema",
          message: {
            en: `the database of evaluation records has schema version ${migrated.newerSchema}, newer than this release knows`,
            zh: `评估记录数据库的结构版本 ${migrated.newerSchema} 比本版本所知的更新`,
          },
        },
      };
    }
  } catch (error) {
    await db.close().catch(() => {});
    return { error: databaseError(error) };
  }
  return { value: storeOn(db, options.now ?? (() => new Date())) };
}

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

function storeOn(db: SqlConnection, now: () => Date): Store {
  let closing: Promise<void> | undefined;
  /** One store operation, unless the store is closed. */
  const guarded = <T>(operation: () => Promise<StoreOutcome<T>>): Promise<StoreOutcome<T>> =>
    closing
      ? Promise.resolve({
          error: {
            code: "unavailable",
            message: { en: "the store of evaluation records is closed", zh: "评估记录库已关闭" },
          },
        })
      : attempt(operation);
  const summaryById = async (runner: SqlRunner, id: string): Promise<RecordSummary | undefined> => {
    const rows = await runner.query<SummaryRow>(queries.summaryById, [id]);
    return rows[0] && summaryOf(rows[0]);
  };
  const findingsOf = async (id: string): Promise<Finding[]> => {
    const rows = await db.query<{ finding: Finding }>(queries.findingsOf, [id]);
    return rows.map((row) => row.finding);
  };
  const labelsOf = async (id: string): Promise<PolicyLabels | undefined> => {
    const rows = await db.query<{ policy_labels: PolicyLabels | null }>(queries.labelsOf, [id]);
    return rows[0]?.policy_labels ?? undefined;
  };
  const changesFrom = async (before: RecordSummary | undefined, after: RecordSummary): Promise<Changes> => {
    const changes: readonly Change[] = diffFindings(
      before ? await findingsOf(before.id) : [],
      await findingsOf(after.id),
    );
    // The changes are the later record's findings, so its labels word them.
    const labels = await labelsOf(after.id);
    return {
      ...(before === undefined ? {} : { before }),
      after,
      changes,
      ...(labels === undefined ? {} : { labels }),
    };
  };
  /** The latest record of a policy recorded at or before an instant (any time when null). */
  const latestOf = async (policy: string, at: string | null): Promise<RecordSummary | undefined> => {
    const rows = await db.query<SummaryRow>(queries.latestOf, [policy, at]);
    return rows[0] && summaryOf(rows[0]);
  };

  const store: Store = {
    backend: db.backend,

    appendEncoded: (json) => {
      let evaluation: EvaluationToRecord;
      try {
        evaluation = JSON.parse(new TextDecoder().decode(json)) as EvaluationToRecord;
      } catch (error) {
        return Promise.resolve({
          error: failure("invalid-input", error, { en: "the record is not JSON", zh: "记录不是 JSON" }),
        });
      }
      return store.append(evaluation);
    },

    append: (evaluation) =>
      guarded<RecordSummary>(async () => {
        const invalid = invalidEvaluation(evaluation);
        if (invalid) return { error: invalid };
        const recordedAt = instant(evaluation.recordedAt ?? now().toISOString());
        if (recordedAt === undefined) return { error: badInstant("recordedAt") };
        const summary = await db.transaction(async (tx) => {
          const [inserted] = await tx.query<{ id: string }>(queries.insertRecord, [
            recordedAt,
            evaluation.requestId,
            evaluation.policy.name,
            evaluation.policy.version,
            evaluation.policy.hash,
            JSON.stringify(evaluation.policy.sources),
            evaluation.factsHash,
            evaluation.asOf,
            JSON.stringify(evaluation.params),
            JSON.stringify(countByStatus(evaluation.findings)),
            evaluation.findings.length,
            evaluation.policy.labels === undefined ? null : JSON.stringify(evaluation.policy.labels),
          ]);
          const id = inserted!.id;
          await tx.query(queries.insertFindings, [
            id,
            JSON.stringify(evaluation.findings),
            JSON.stringify(evaluation.findings.map(isOverdue)),
          ]);
          return summaryById(tx, id);
        });
        return { value: summary! };
      }),

    list: (filter = {}) =>
      guarded<RecordPage>(async () => {
        const limit = filter.limit ?? PAGE_SIZE;
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
          return {
            error: invalidInput(
              `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
              `limit 须为 1 至 ${MAX_PAGE_SIZE} 的整数`,
            ),
          };
        }
        const cursor = filter.cursor === undefined ? undefined : parseCursor(filter.cursor);
        if (cursor === null) return { error: invalidInput("unknown cursor", "无法识别的 cursor") };
        for (const [name, value] of [
          ["asOf.from", filter.asOf?.from],
          ["asOf.to", filter.asOf?.to],
        ] as const) {
          if (value !== undefined && !isIsoDate(value)) return { error: badDate(name) };
        }
        const recordedFrom = optionalInstant(filter.recorded?.from);
        const recordedTo = optionalInstant(filter.recorded?.to);
        if (recordedFrom === undefined) return { error: badInstant("recorded.from") };
        if (recordedTo === undefined) return { error: badInstant("recorded.to") };
        const rows = await db.query<SummaryRow>(queries.list, [
          filter.policy ?? null,
          filter.subject?.collection ?? null,
          filter.subject?.id ?? null,
          filter.asOf?.from ?? null,
          filter.asOf?.to ?? null,
          recordedFrom,
          recordedTo,
          cursor?.recordedAt ?? null,
          cursor?.id ?? null,
          limit + 1,
        ]);
        const records = rows.slice(0, limit).map(summaryOf);
        const last = records.at(-1);
        return {
          value:
            rows.length > limit && last
              ? { records, next: makeCursor(last.recordedAt, last.id) }
              : { records },
        };
      }),

    get: (id) =>
      guarded<EvaluationRecord>(async () => {
        if (!isRecordId(id)) return { error: notFound(id) };
        const rows = await db.query<
          SummaryRow & {
            policy_sources: PolicySource[];
            policy_labels: PolicyLabels | null;
            params: EvaluationRecord["params"];
          }
        >(queries.get, [id]);
        const row = rows[0];
        if (!row) return { error: notFound(id) };
        const summary = summaryOf(row);
        const labels = row.policy_labels ?? undefined;
        return {
          value: {
            ...summary,
            policy: {
              ...summary.policy,
              sources: row.policy_sources,
              ...(labels === undefined ? {} : { labels }),
            },
            params: row.params,
            findings: await findingsOf(id),
          },
        };
      }),

    history: (query) =>
      guarded<readonly Judgement[]>(async () => {
        const rows = await db.query<SummaryRow & { finding: Finding }>(queries.history, judgedParams(query));
        return { value: rows.map((row) => ({ record: summaryOf(row), finding: row.finding })) };
      }),

    statusOn: (query) =>
      guarded<StatusOn | undefined>(async () => {
        if (!isIsoDate(query.on)) return { error: badDate("on") };
        const knownAt = optionalInstant(query.knownAt);
        if (knownAt === undefined) return { error: badInstant("knownAt") };
        const rows = await db.query<SummaryRow & { finding: Finding; overdue: boolean }>(queries.statusOn, [
          ...judgedParams(query),
          query.on,
          knownAt,
        ]);
        const first = rows[0];
        if (!first) return { value: undefined };
        return {
          value: {
            record: summaryOf(first),
            findings: rows.map((row) => row.finding),
            overdue: rows.some((row) => row.overdue),
          },
        };
      }),

    changesBetween: (beforeId, afterId) =>
      guarded<Changes>(async () => {
        const before = isRecordId(beforeId) ? await summaryById(db, beforeId) : undefined;
        if (!before) return { error: notFound(beforeId) };
        const after = isRecordId(afterId) ? await summaryById(db, afterId) : undefined;
        if (!after) return { error: notFound(afterId) };
        if (before.policy.name !== after.policy.name) {
          return {
            error: invalidInput(
              `records ${beforeId} and ${afterId} evaluate different policies ("${before.policy.name}", "${after.policy.name}")`,
              `记录 ${beforeId} 与 ${afterId} 评估的是不同的规则集（"${before.policy.name}"、"${after.policy.name}"）`,
            ),
          };
        }
        return { value: await changesFrom(before, after) };
      }),

    changesSince: (query) =>
      guarded<Changes | undefined>(async () => {
        const since = instant(query.since);
        if (since === undefined) return { error: badInstant("since") };
        const until = optionalInstant(query.until);
        if (until === undefined) return { error: badInstant("until") };
        const after = await latestOf(query.policy, until);
        if (!after) return { value: undefined };
        return { value: await changesFrom(await latestOf(query.policy, since), after) };
      }),

    close: () => {
      closing ??= db.close();
      return closing;
    },
  };
  return store;
}

function countByStatus(findings: readonly Finding[]): StatusCounts {
  // A Map, then entries: escalation level names are the policy's, whatever they are.
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.status, (counts.get(finding.status) ?? 0) + 1);
  return Object.fromEntries(counts);
}

function invalidEvaluation(evaluation: EvaluationToRecord): StoreError | undefined {
  for (const [name, value] of [
    ["requestId", evaluation.requestId],
    ["policy.name", evaluation.policy.name],
    ["policy.hash", evaluation.policy.hash],
    ["factsHash", evaluation.factsHash],
  ] as const) {
    if (value.length === 0) return invalidInput(`${name} is empty`, `${name} 为空`);
  }
  if (!isIsoDate(evaluation.asOf)) return badDate("asOf");
  return undefined;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO instant with its offset, as UTC at millisecond precision; `undefined` if it is not one. */
function instant(text: string): string | undefined {
  if (!INSTANT.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** `null` when absent, `undefined` when malformed. */
function optionalInstant(text: string | undefined): string | null | undefined {
  return text === undefined ? null : instant(text);
}

function isRecordId(id: string): boolean {
  return /^[1-9]\d{0,17}$/.test(id);
}

interface Cursor {
  readonly recordedAt: string;
  readonly id: string;
}

function makeCursor(recordedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([recordedAt, id])).toString("base64url");
}

/** `null` when the text is not a cursor this store made. */
function parseCursor(text: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [recordedAt, id] = parsed as unknown[];
    if (typeof recordedAt !== "string" || instant(recordedAt) === undefined) return null;
    if (typeof id !== "string" || !isRecordId(id)) return null;
    return { recordedAt, id };
  } catch {
    return null;
  }
}

function invalidInput(en: string, zh: string): StoreError {
  return { code: "invalid-input", message: { en, zh } };
}

function badDate(name: string): StoreError {
  return invalidInput(`${name} must be an ISO date (YYYY-MM-DD)`, `${name} 须为 ISO 日期（YYYY-MM-DD）`);
}

function badInstant(name: string): StoreError {
  return invalidInput(
    `${name} must be an ISO instant with its offset (2026-12-03T08:00:00Z)`,
    `${name} 须为带时区的 ISO 时刻（如 2026-12-03T08:00:00Z）`,
  );
}

function notFound(id: string): StoreError {
  return {
    code: "not-found",
    message: { en: `no evaluation record "${id}"`, zh: `没有评估记录 "${id}"` },
  };
}

function failure(code: StoreError["code"], error: unknown, message: StoreError["message"]): StoreError {
  return { code, message, detail: error instanceof Error ? error.message : String(error) };
}

/** SQLSTATE classes and socket errors that mean the database cannot be reached. */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (/^(08|57P)/.test(code) || code.startsWith("ECONN"))) return true;
  return /closed|terminat|connect/i.test(error.message);
}

function databaseError(error: unknown): StoreError {
  return isUnavailable(error)
    ? failure("unavailable", error, {
        en: "the database of evaluation records cannot be reached",
        zh: "无法连接评估记录数据库",
      })
    : failure("database", error, {
        en: "the database of evaluation records refused the operation",
        zh: "评估记录数据库拒绝了该操作",
      });
}

/** Runs one store operation, turning a database failure into an error value. */
async function attempt<T>(operation: () => Promise<StoreOutcome<T>>): Promise<StoreOutcome<T>> {
  try {
    return await operation();
  } catch (error) {
    return { error: databaseError(error) };
  }
}
