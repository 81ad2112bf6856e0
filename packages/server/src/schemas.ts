/**
 * Request and response schemas: the server validates with them and the OpenAPI document is
 * generated from them, so the two cannot drift apart.
 */
import { z } from "@hono/zod-openapi";
import { isCalendarDate, type Modality, modalityKeywords } from "@remit/lang";

/** The modalities, from the keyword table: a modality added to the language is described here too. */
const modalities = Object.keys(modalityKeywords) as [Modality, ...Modality[]];

export const IsoDate = z
  .string()
  .refine(isCalendarDate, { message: "expected a calendar date written YYYY-MM-DD" })
  .openapi({ type: "string", format: "date", example: "2026-10-31" });

const JsonValue = z.unknown().openapi({ description: "any JSON value" });

/**
 * A JSON object passed on as parsed: `z.record` copies keys into a new object, where a key such as
 * `__proto__` is lost, so the engine would never see (and refuse) it as the command line does.
 */
const JsonObject = z
  .custom<Record<string, unknown>>(
    (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    { message: "expected an object" },
  )
  .openapi({ type: "object", additionalProperties: true });

export const Localized = z.object({ en: z.string(), zh: z.string() }).openapi("Localized");

export const EvaluateRequest = z
  .strictObject({
    facts: JsonObject.openapi({ description: "the facts document: collections and records by name" }),
    asOf: IsoDate.optional().openapi({
      description:
        "the evaluation date; when left out, the facts' own `asOf`; with neither, the request is refused (422)",
    }),
    params: JsonObject.optional().openapi({
      description: "parameter overrides by key (`gridDays`, `gbt.minMembersFirstClass`)",
    }),
  })
  .openapi("EvaluateRequest");

export const CheckRequest = z
  .union([
    z.strictObject({
      source: z.string().openapi({ description: "the text of one policy file" }),
      file: z
        .string()
        .min(1)
        .optional()
        .openapi({ description: "its file name; `policy.remit` when left out" }),
    }),
    z.strictObject({
      files: z.record(z.string(), z.string()).openapi({ description: "file texts by path" }),
      entry: z.string().min(1).openapi({ description: "the path of the entry file among `files`" }),
    }),
  ])
  .openapi("CheckRequest");

const Position = z.object({ offset: z.number().int(), line: z.number().int(), column: z.number().int() });
const Span = z.object({ file: z.string(), start: Position, end: Position });

export const Diagnostic = z
  .object({
    code: z.string(),
    severity: z.enum(["error", "warning", "info"]),
    message: Localized,
    hint: Localized.nullable().openapi({ description: "null when the diagnostic has none" }),
    span: Span,
    suggestions: z.array(z.string()),
    related: z.array(z.object({ message: Localized, span: Span })).openapi({
      description: "other places the diagnostic is about, e.g. where a repeated rule id was first used",
    }),
  })
  .openapi("Diagnostic");

export const CheckResponse = z.object({ diagnostics: z.array(Diagnostic) }).openapi("CheckResponse");

const Because = z
  .object({
    test: z.string(),
    value: JsonValue,
    values: z.record(z.string(), JsonValue).optional(),
    because: z.array(JsonValue).optional().openapi({ description: "nested reasons, same shape" }),
  })
  .openapi("Because");

export const Finding = z
  .object({
    rule: z.string(),
    title: z.string(),
    kind: z.enum(["duty", "escalation", "accountability"]),
    modality: z.enum(modalities),
    status: z.string().openapi({
      description:
        "duty: met, pending, due-soon, overdue, missed (a recurring period past due), violated (a `must not` duty), advisory; escalation: level name or closed; accountability: triggered",
    }),
    subject: z.object({ collection: z.string(), id: z.string() }),
    group: z.string().optional(),
    holder: z.string().optional(),
    due: IsoDate.optional(),
    period: z.string().optional(),
    metOn: IsoDate.optional(),
    violatedOn: IsoDate.optional(),
    late: z.boolean().optional(),
    overdueDays: z.number().int().optional(),
    overdue: z.boolean().optional(),
    reached: z.record(z.string(), IsoDate).optional(),
    closedOn: IsoDate.optional(),
    targets: z.array(z.string()).optional(),
    causes: z.array(z.string()).optional(),
    asAt: IsoDate.optional(),
    cites: z.array(z.string()),
    explanation: z.object({
      holds: z.boolean(),
      because: z.array(Because),
      missing: z.array(Localized).optional(),
    }),
  })
  .openapi("Finding");

export const EvaluationResult = z
  .object({
    policy: z.object({ name: z.string(), version: z.string().nullable(), hash: z.string() }),
    asOf: IsoDate,
    params: z.record(z.string(), JsonValue),
    findings: z.array(Finding),
    summary: z.object({
      total: z.number().int(),
      byKind: z.record(z.string(), z.record(z.string(), z.number().int())).openapi({
        description:
          'per kind, per status: `duty.overdue`; an escalation by rule and level, `escalation["general-hazard-ladder:county"]`',
      }),
      byGroup: z.record(z.string(), z.record(z.string(), z.number().int())).openapi({
        description:
          'per group id (`""` for findings in no group), per kind and status: `"duty:overdue"`, `"escalation:general-hazard-ladder:county"`; each group\'s counts add up to its findings',
      }),
    }),
  })
  .openapi("EvaluationResult");

export const PolicyDescription = z
  .object({
    name: z.string(),
    version: z.string().nullable(),
    hash: z.string(),
    clauses: z.array(z.object({ id: z.string(), title: z.string(), text: z.string().nullable() })),
    rules: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(["duty", "escalation", "accountability"]),
        modality: z.enum(modalities),
        cites: z.array(z.string()),
      }),
    ),
    parameters: z.array(
      z.object({
        key: z.string(),
        type: z
          .string()
          .openapi({ description: "the declared type: `integer [days]`, `duration (days)`, `date`" }),
        default: JsonValue,
        description: z.string().nullable(),
      }),
    ),
  })
  .openapi("PolicyDescription");

export const PolicyList = z
  .object({
    policies: z.array(
      z.object({ route: z.string(), name: z.string(), version: z.string().nullable(), hash: z.string() }),
    ),
  })
  .openapi("PolicyList");

export const Health = z.object({ status: z.literal("ok"), policies: z.number().int() }).openapi("Health");

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum([
        "malformed-json",
        "unsupported-media-type",
        "invalid-request",
        "invalid-facts",
        "unknown-policy",
        "payload-too-large",
        "not-found",
        "method-not-allowed",
        "timeout",
        "busy",
        "answer-too-large",
        "memory-exceeded",
        "store-unavailable",
        "no-store",
        "evaluation-too-large",
        "internal",
      ]),
      message: Localized,
      details: JsonValue.optional(),
    }),
  })
  .openapi("Error");

/** An ISO instant with an offset: `2026-11-24T00:00:00+08:00`. */
const Instant = z.iso.datetime({ offset: true }).openapi({ example: "2026-11-24T00:00:00+08:00" });

const subjectQuery = {
  collection: z.string().min(1).openapi({ description: "the subject's collection (`hazards`)" }),
  subject: z.string().min(1).openapi({ description: "the subject's id (`H0201`)" }),
};

export const RecordsQuery = z
  .strictObject({
    policy: z.string().min(1).optional(),
    collection: subjectQuery.collection.optional(),
    subject: subjectQuery.subject.optional(),
    asOfFrom: IsoDate.optional(),
    asOfTo: IsoDate.optional(),
    recordedFrom: Instant.optional(),
    recordedTo: Instant.optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    cursor: z.string().min(1).optional(),
  })
  .refine((q) => (q.collection === undefined) === (q.subject === undefined), {
    message: "give 'collection' and 'subject' together",
    path: ["subject"],
  });

export const HistoryQuery = z.strictObject({
  rule: z.string().min(1),
  ...subjectQuery,
  period: z.string().min(1).optional(),
  policy: z.string().min(1).optional(),
});

export const StatusQuery = z.strictObject({
  ...HistoryQuery.shape,
  on: IsoDate,
  knownAt: Instant.optional(),
});

export const ChangesQuery = z.union([
  z.strictObject({
    policy: z.string().min(1).optional(),
    since: Instant,
    until: Instant.optional(),
  }),
  z.strictObject({ before: z.string().regex(/^\d+$/), after: z.string().regex(/^\d+$/) }),
]);
