/**
 * Every SQL statement of the store, in one place, the same for PGlite and PostgreSQL. Values come
 * back as text, numbers, booleans and JSON, so neither driver's type parsing shows through.
 */
import type { JudgedQuery, RecordSummary, StatusCounts } from "./records.js";

/** A record's summary columns, as text and numbers whatever the server's TimeZone and DateStyle. */
const SUMMARY = `
  r.id::text as id,
  to_char(r.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as recorded_at,
  r.request_id, r.policy_name, r.policy_version, r.policy_hash, r.facts_hash,
  to_char(r.as_of, 'YYYY-MM-DD') as as_of, r.status_counts, r.finding_count`;

export interface SummaryRow {
  readonly id: string;
  readonly recorded_at: string;
  readonly request_id: string;
  readonly policy_name: string;
  readonly policy_version: string | null;
  readonly policy_hash: string;
  readonly facts_hash: string;
  readonly as_of: string;
  readonly status_counts: StatusCounts;
  readonly finding_count: number;
}

export function summaryOf(row: SummaryRow): RecordSummary {
  return {
    id: row.id,
    recordedAt: row.recorded_at,
    requestId: row.request_id,
    policy: { name: row.policy_name, version: row.policy_version, hash: row.policy_hash },
    factsHash: row.facts_hash,
    asOf: row.as_of,
    counts: row.status_counts,
    findingCount: row.finding_count,
  };
}

/** The rows of one rule and subject: `$1` rule, `$2` collection, `$3` id, `$4` period, `$5` policy. */
const JUDGED = `
  f.rule = $1 and f.subject_collection = $2 and f.subject_id = $3
  and ($4::text is null or f.period = $4)
  and ($5::text is null or r.policy_name = $5)`;

export function judgedParams(query: JudgedQuery): (string | null)[] {
  return [query.rule, query.subject.collection, query.subject.id, query.period ?? null, query.policy ?? null];
}

export const queries = {
  /** One record's summary: `$1` id. */
  summaryById: `select ${SUMMARY} from remit_records r where r.id = $1::bigint`,
  /** One record's findings in evaluation order: `$1` id. */
  findingsOf: `select finding from remit_findings where record_id = $1::bigint order by position`,
  /** The latest record of a policy recorded at or before an instant: `$1` policy, `$2` instant or null. */
  latestOf: `select ${SUMMARY} from remit_records r
       where r.policy_name = $1 and ($2::timestamptz is null or r.recorded_at <= $2::timestamptz)
       order by r.recorded_at desc, r.id desc limit 1`,
  /** A new record; returns its id. */
  insertRecord: `insert into remit_records (recorded_at, request_id, policy_name, policy_version,
               policy_hash, policy_sources, facts_hash, as_of, params, status_counts, finding_count,
               policy_labels)
             values ($1::timestamptz, $2, $3, $4, $5, $6::json, $7, $8::date, $9::json, $10::json, $11,
               $12::json)
             returning id::text as id`,
  /** All findings of a record in one statement: `$1` record id, `$2` the findings as one JSON
   * array, `$3` whether each is overdue (JSON array of booleans). Stored as json, not jsonb, so a
   * finding reads back as it was written. */
  insertFindings: `insert into remit_findings (record_id, position, rule, kind, subject_collection,
               subject_id, period, status, holder, overdue, finding)
             select $1::bigint, (f.ord - 1)::integer, f.finding->>'rule', f.finding->>'kind',
               f.finding->'subject'->>'collection', f.finding->'subject'->>'id',
               coalesce(f.finding->>'period', ''), f.finding->>'status', f.finding->>'holder',
               o.overdue::text::boolean, f.finding
             from json_array_elements($2::json) with ordinality as f(finding, ord)
             join json_array_elements($3::json) with ordinality as o(overdue, ord)
               on o.ord = f.ord`,
  /** Summaries newest first, filtered (null: no filter) and keyset-paged; `$10` the page size + 1. */
  list: `select ${SUMMARY} from remit_records r
           where ($1::text is null or r.policy_name = $1)
             and ($2::text is null or exists (
               select 1 from remit_findings f
               where f.subject_collection = $2 and f.subject_id = $3 and f.record_id = r.id))
             and ($4::date is null or r.as_of >= $4::date)
             and ($5::date is null or r.as_of <= $5::date)
             and ($6::timestamptz is null or r.recorded_at >= $6::timestamptz)
             and ($7::timestamptz is null or r.recorded_at <= $7::timestamptz)
             and ($8::timestamptz is null or (r.recorded_at, r.id) < ($8::timestamptz, $9::bigint))
           order by r.recorded_at desc, r.id desc
           limit $10`,
  /** One record with its sources, labels and parameters: `$1` id. */
  get: `select ${SUMMARY}, r.policy_sources, r.policy_labels, r.params
           from remit_records r where r.id = $1::bigint`,
  /** One record's policy labels, null when it was made before they were kept: `$1` id. */
  labelsOf: `select policy_labels from remit_records where id = $1::bigint`,
  /** Every finding of one rule for one subject with its record, in recording order (`JUDGED`). */
  history: `select ${SUMMARY}, f.finding
           from remit_findings f join remit_records r on r.id = f.record_id
           where ${JUDGED}
           order by r.recorded_at, r.id, f.position`,
  /** The findings for one rule and subject of the record with the latest `asOf` on or before `$6`
   * (ties: recorded last), among those recorded at or before `$7` (null: any). */
  statusOn: `with answer as (
             select r.id from remit_findings f join remit_records r on r.id = f.record_id
             where ${JUDGED}
               and r.as_of <= $6::date
               and ($7::timestamptz is null or r.recorded_at <= $7::timestamptz)
             order by r.as_of desc, r.recorded_at desc, r.id desc
             limit 1)
           select ${SUMMARY}, f.finding, f.overdue
           from answer a
           join remit_records r on r.id = a.id
           join remit_findings f on f.record_id = a.id
           where ${JUDGED}
           order by f.position`,
} as const;
