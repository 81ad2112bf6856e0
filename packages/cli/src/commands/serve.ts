import * as path from "node:path";
import {
  buildPolicy,
  createNodeSourceHost,
  readServiceLimits,
  reloadPolicy,
  type ServiceLimits,
  serviceLimitSettings,
} from "@remit/app";
import {
  createEvaluationPool,
  createLogger,
  defaultWorkerThreads,
  errorLogSink,
  type NamedPolicy,
  PolicySet,
  parsePort,
  type RunningServer,
  readConfig,
  requestLogSink,
  type ServiceConfig,
  startServer,
} from "@remit/server";
import type { Store } from "@remit/store";
import { parseCommandArgs, UsageError } from "../args.js";
import { type CommandContext, commonOptions, writeLine } from "../context.js";
import { countDiagnostics, renderCounts } from "../diagnostics/render.js";
import { policyEntry } from "../files.js";
import { commandHelp } from "../help.js";
import { ExitCode } from "../io.js";
import { Problem } from "../problem.js";
import { untilStopped } from "../stop.js";
import { watchPaths } from "../watch.js";
import { printDiagnostics } from "./check.js";
import { openRecordStore } from "./records.js";

/**
 * `remit serve POLICY... [--port N] [--host ADDRESS] [--data DIR] [--records on|off] ...`: the
 * HTTP server until SIGINT or SIGTERM; SIGHUP (or an edit, with `--watch on`) reloads the policies.
 */
export async function serveCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    port: { type: "string" },
    host: { type: "string" },
    ...limitOptions,
    data: { type: "string" },
    "database-url": { type: "string" },
    records: { type: "string" },
    workers: { type: "string" },
    "log-level": { type: "string" },
    watch: { type: "string" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("serve", context.lang));
    return ExitCode.ok;
  }
  const config = configOf(values, positionals, context);
  const limits = limitsOf(values, context);
  const { cwd } = context.io;
  const { host, port } = config;

  const routes = new Set<string>();
  const targets = config.policies.map((target) => {
    const entry = policyEntry(cwd, target);
    const route = routeName(cwd, target, entry);
    if (routes.has(route)) {
      throw new UsageError({
        en: `two policies would be served as '${route}'`,
        zh: `两个政策的发布名称都是“${route}”`,
      });
    }
    routes.add(route);
    return { entry, route };
  });

  const sources = createNodeSourceHost(cwd);
  const policies: NamedPolicy[] = [];
  let failed = false;
  for (const { entry, route } of targets) {
    const outcome = buildPolicy(entry, sources);
    if (outcome.diagnostics.length > 0) printDiagnostics(outcome.diagnostics, sources, context, "stderr");
    if (outcome.policy === undefined) {
      writeLine(context.io.stderr, renderCounts(countDiagnostics(outcome.diagnostics), context.lang));
      failed = true;
      continue;
    }
    policies.push({ name: route, policy: outcome.policy });
  }
  if (failed) return ExitCode.problems;
  const served = new PolicySet(policies);

  const events = createLogger(config.logLevel, context.io.stderr);
  const store = await openRecords(config, cwd);
  const pool = createEvaluationPool({ threads: config.workers, workerMemoryMb: limits.workerMemoryMb });

  let server: RunningServer;
  try {
    server = await startServer({
      policies: served,
      ...(store === undefined ? {} : { store }),
      pool,
      host,
      port,
      limits,
      log: requestLogSink(createLogger(config.logLevel, context.io.stdout)),
      logError: errorLogSink(events),
    });
  } catch (error) {
    await pool.close();
    await store?.close();
    const detail = error instanceof Error ? error.message : String(error);
    throw new Problem({
      en: `cannot listen on ${host}:${port}: ${detail}`,
      zh: `无法监听 ${host}:${port}：${detail}`,
    });
  }

  // A policy is replaced only by a version that compiles and checks; a broken edit is logged
  // with its diagnostics and the old version keeps answering.
  const reload = (reason: "signal" | "change") => {
    for (const { entry, route } of targets) {
      const current = served.get(route);
      if (current === undefined) continue;
      const outcome = reloadPolicy(entry, cwd, current.description.hash);
      switch (outcome.kind) {
        case "unchanged":
          break;
        case "broken":
          events.warn(
            {
              policy: route,
              reason,
              serving: { version: current.description.version, hash: current.description.hash },
              diagnostics: outcome.diagnostics.map((d) => ({
                code: d.code,
                severity: d.severity,
                message: d.message.en,
                file: d.span.file,
                line: d.span.start.line,
                column: d.span.start.column,
              })),
            },
            "policy edit refused: the previous version keeps serving",
          );
          break;
        case "reloaded": {
          const next = served.replace(route, outcome.policy);
          events.info(
            {
              policy: route,
              reason,
              from: { version: current.description.version, hash: current.description.hash },
              to: { version: next.description.version, hash: next.description.hash },
            },
            "policy reloaded",
          );
          break;
        }
      }
    }
  };
  const onHangUp = () => reload("signal");
  process.on("SIGHUP", onHangUp);
  const unwatch = config.watch
    ? await watchPaths(
        targets.map(({ entry }) => path.resolve(cwd, path.dirname(entry))),
        () => reload("change"),
      )
    : undefined;

  const { lang } = context;
  for (const { route } of targets) {
    writeLine(
      context.io.stderr,
      lang === "zh"
        ? `已发布 ${route}：${server.url}/v1/policies/${encodeURIComponent(route)}`
        : `serving ${route} at ${server.url}/v1/policies/${encodeURIComponent(route)}`,
    );
  }
  await untilStopped(context.io.stop);
  writeLine(
    context.io.stderr,
    lang === "zh" ? "正在停止：等待进行中的请求完成" : "stopping: finishing requests in flight",
  );
  process.off("SIGHUP", onHangUp);
  await unwatch?.();
  await server.close();
  await pool.close();
  await store?.close();
  return ExitCode.ok;
}

/** `--body-limit`, `--max-concurrent`, …: one string option per service limit. */
const limitOptions = Object.fromEntries(
  serviceLimitSettings.map((s) => [s.flag.slice(2), { type: "string" as const }]),
);

/** The limits on each request's work: flags over environment over defaults. */
function limitsOf(
  values: Record<string, string | boolean | undefined>,
  context: CommandContext,
): ServiceLimits {
  const flags = Object.fromEntries(
    Object.keys(limitOptions).map((name) => [
      name,
      typeof values[name] === "string" ? values[name] : undefined,
    ]),
  );
  const read = readServiceLimits(flags, context.io.env);
  if ("problems" in read) throw new UsageError(read.problems[0]!.message);
  return read.limits;
}

/** Flags over environment, validated; a bad value is a usage error naming where it came from. */
function configOf(
  values: Record<string, string | boolean | undefined>,
  positionals: readonly string[],
  context: CommandContext,
): ServiceConfig {
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  const flags = {
    host: text("host"),
    port: text("port"),
    policies: positionals.length > 0 ? positionals.join(",") : undefined,
    dataDir: text("data"),
    databaseUrl: text("database-url"),
    records: text("records"),
    workers: text("workers"),
    logLevel: text("log-level"),
    watch: text("watch"),
  };
  const defined = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  const read = readConfig(defined, context.io.env, defaultWorkerThreads());
  if ("error" in read) {
    const { source, value, message } = read.error;
    if (source === "REMIT_POLICIES" && value === "") {
      throw new UsageError({ en: "missing policy path", zh: "缺少政策路径" });
    }
    const what = source.startsWith("--") ? `option '${source}'` : `environment variable ${source}`;
    const whatZh = source.startsWith("--") ? `选项“${source}”` : `环境变量 ${source}`;
    throw new UsageError({
      en: `${what} ${message}, not '${value}'`,
      zh: `${whatZh}的值“${value}”无效：${message}`,
    });
  }
  return read.value;
}

/**
 * `--port` of a command that serves without the service's configuration (`remit playground`):
 * read by the same schema as `remit serve`'s; `fallback` when not given.
 */
export function portOption(value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const text = String(value);
  const port = parsePort(text);
  if (port === undefined) {
    throw new UsageError({
      en: `option '--port' must be a port number from 0 to 65535, not '${text}'`,
      zh: `选项“--port”应为 0 到 65535 的端口号，而不是“${text}”`,
    });
  }
  return port;
}

/** The record store the configuration asks for, opened and migrated; none when records are off. */
async function openRecords(config: ServiceConfig, cwd: string): Promise<Store | undefined> {
  const { records } = config;
  if (records.kind === "off") return undefined;
  // In a thread of its own: an embedded database runs on the thread that calls it, and the
  // event loop must stay free for every other request while a large record is written.
  return await openRecordStore(
    records.kind === "postgres"
      ? { databaseUrl: records.databaseUrl }
      : { dataDir: path.resolve(cwd, records.dataDir) },
    "thread",
  );
}

/** The name a policy is served under: its folder's name, or its file's name without extension. */
export function routeName(cwd: string, target: string, entry: string): string {
  const base =
    target === entry
      ? path.basename(entry).replace(/\.remit(\.md)?$/, "")
      : path.basename(path.resolve(cwd, target));
  return base.replace(/[^\p{L}\p{N}._-]+/gu, "-") || "policy";
}
