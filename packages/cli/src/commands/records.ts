/**
 * The commands that read or write the record of evaluations: `remit diff` (what changed between
 * two evaluations, the weekly briefing) and the store opening shared with `serve` and
 * `eval --record`; and `remit schema POLICY` (the facts JSON Schema a policy accepts).
 */
import * as path from "node:path";
import { loadPolicy, pathProblemMessage } from "@remit/app";
import { factsJsonSchema } from "@remit/server";
import { openStore, openStoreThread, type Store } from "@remit/store";
import { oneOf, parseCommandArgs, UsageError } from "../args.js";
import { type CommandContext, commonOptions, reportLanguage } from "../context.js";
import { commandHelp } from "../help.js";
import { ExitCode } from "../io.js";
import { Problem } from "../problem.js";
import { renderChanges } from "../report/changes.js";
import { printDiagnostics, singlePath } from "./check.js";

/** Where records are kept: PostgreSQL at a URL, or an embedded database in a folder. */
export type RecordsLocation = { readonly databaseUrl: string } | { readonly dataDir: string };

/** The location from `--data DIR` or `REMIT_DATABASE_URL`; `.remit` in the working folder by default. */
export function recordsLocation(
  dataOption: string | boolean | undefined,
  context: CommandContext,
): RecordsLocation {
  const url = context.io.env["REMIT_DATABASE_URL"];
  if (typeof dataOption !== "string" && url !== undefined && url !== "") return { databaseUrl: url };
  return { dataDir: path.resolve(context.io.cwd, typeof dataOption === "string" ? dataOption : ".remit") };
}

export async function openRecordStore(
  location: RecordsLocation,
  where: "here" | "thread" = "here",
): Promise<Store> {
  const opened = where === "thread" ? await openStoreThread(location) : await openStore(location);
  if ("error" in opened) {
    const where = "databaseUrl" in location ? "REMIT_DATABASE_URL" : location.dataDir;
    throw new Problem({
      en: `cannot open the record store (${where}): ${opened.error.message.en}`,
      zh: `无法打开评估记录库（${where}）：${opened.error.message.zh}`,
    });
  }
  return opened.value;
}

/**
 * `remit diff --policy NAME --since INSTANT [--until INSTANT]` or `remit diff BEFORE AFTER` (record
 * ids): newly overdue, resolved, escalated and accountability newly triggered.
 */
export async function diffCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    data: { type: "string" },
    policy: { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
    format: { type: "string" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("diff", context.lang));
    return ExitCode.ok;
  }
  const format = oneOf("format", values["format"], ["text", "json"] as const, "text");
  const since = typeof values["since"] === "string" ? values["since"] : undefined;
  const policy = typeof values["policy"] === "string" ? values["policy"] : undefined;
  const until = typeof values["until"] === "string" ? values["until"] : undefined;
  if (positionals.length !== 2 && (since === undefined || policy === undefined)) {
    throw new UsageError({
      en: "give two record ids, or '--policy NAME --since INSTANT'",
      zh: "请给出两个记录编号，或“--policy NAME --since INSTANT”",
    });
  }
  const store = await openRecordStore(recordsLocation(values["data"], context));
  try {
    const [before, after] = positionals;
    const outcome =
      before !== undefined && after !== undefined
        ? await store.changesBetween(before, after)
        : await store.changesSince({
            policy: policy ?? "",
            since: since ?? "",
            ...(until === undefined ? {} : { until }),
          });
    if ("error" in outcome) {
      throw new Problem({ en: outcome.error.message.en, zh: outcome.error.message.zh });
    }
    const changes = outcome.value;
    if (format === "json") {
      // For programs: ids as recorded, with the labels that word them when the record kept them.
      context.io.stdout.write(`${JSON.stringify(changes ?? { changes: [] }, null, 2)}\n`);
    } else {
      const readers = changes?.labels?.readers;
      const lang = readers === undefined ? context.lang : reportLanguage(context, readers);
      context.io.stdout.write(renderChanges(changes, lang));
    }
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}

/** `remit schema POLICY`: the JSON Schema of the facts document the policy accepts. */
export async function schemaCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...commonOptions });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("schema", context.lang));
    return ExitCode.ok;
  }
  const target = singlePath(positionals);
  const loaded = loadPolicy(target, context.io.cwd);
  if ("problem" in loaded) throw new UsageError(pathProblemMessage(loaded.problem));
  if (loaded.policy === undefined) {
    printDiagnostics(loaded.diagnostics, loaded.host, context, "stderr");
    return ExitCode.problems;
  }
  context.io.stdout.write(`${JSON.stringify(factsJsonSchema(loaded.policy), null, 2)}\n`);
  return ExitCode.ok;
}
