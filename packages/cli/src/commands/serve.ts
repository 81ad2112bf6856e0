import * as path from "node:path";
import { buildPolicy, createNodeSourceHost, readServiceLimits, serviceLimitSettings } from "@remit/app";
import { type NamedPolicy, type RunningServer, startServer } from "@remit/server";
import { parseCommandArgs, UsageError } from "../args.js";
import { type CommandContext, commonOptions, writeLine } from "../context.js";
import { countDiagnostics, renderCounts } from "../diagnostics/render.js";
import { policyEntry } from "../files.js";
import { commandHelp } from "../help.js";
import { ExitCode } from "../io.js";
import { Problem } from "../problem.js";
import { untilStopped } from "../stop.js";
import { printDiagnostics } from "./check.js";

/** `remit serve POLICY... [--port N] [--host ADDRESS]`: the HTTP server until SIGINT or SIGTERM. */
export async function serveCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    port: { type: "string" },
    host: { type: "string" },
    ...limitOptions,
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("serve", context.lang));
    return ExitCode.ok;
  }
  if (positionals.length === 0) throw new UsageError({ en: "missing policy path", zh: "缺少政策路径" });
  const port = portOption(values["port"]);
  const host = typeof values["host"] === "string" ? values["host"] : "127.0.0.1";
  const flags = Object.fromEntries(
    Object.keys(limitOptions).map((name) => [
      name,
      typeof values[name] === "string" ? values[name] : undefined,
    ]),
  );
  const read = readServiceLimits(flags, context.io.env);
  if ("problems" in read) throw new UsageError(read.problems[0]!.message);
  const { limits } = read;
  const { cwd } = context.io;

  const routes = new Set<string>();
  const targets = positionals.map((target) => {
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

  let server: RunningServer;
  try {
    server = await startServer({
      policies,
      host,
      port,
      limits,
      log: (line) => context.io.stdout.write(`${JSON.stringify(line)}\n`),
      logError: (error, request) => {
        const message = error instanceof Error ? error.message : String(error);
        writeLine(context.io.stderr, JSON.stringify({ level: "error", ...request, message }));
      },
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Problem({
      en: `cannot listen on ${host}:${port}: ${detail}`,
      zh: `无法监听 ${host}:${port}：${detail}`,
    });
  }
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
  await server.close();
  return ExitCode.ok;
}

/** `--body-limit`, `--max-concurrent`, …: one string option per service limit. */
const limitOptions = Object.fromEntries(
  serviceLimitSettings.map((s) => [s.flag.slice(2), { type: "string" as const }]),
);

/** `--port`: a whole number from 0 to 65535; `fallback` (8080) when not given. */
export function portOption(value: string | boolean | undefined, fallback = 8080): number {
  if (value === undefined) return fallback;
  const text = String(value);
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new UsageError({
      en: `option '--port' must be a port number from 0 to 65535, not '${text}'`,
      zh: `选项“--port”应为 0 到 65535 的端口号，而不是“${text}”`,
    });
  }
  return port;
}

/** The name a policy is served under: its folder's name, or its file's name without extension. */
export function routeName(cwd: string, target: string, entry: string): string {
  const base =
    target === entry
      ? path.basename(entry).replace(/\.remit(\.md)?$/, "")
      : path.basename(path.resolve(cwd, target));
  return base.replace(/[^\p{L}\p{N}._-]+/gu, "-") || "policy";
}
