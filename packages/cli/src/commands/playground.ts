import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { fixturePath, joinPath, loadPolicy, pathProblemMessage, scenarioFiles, toPosix } from "@remit/app";
import { parseCommandArgs, UsageError } from "../args.js";
import { type CommandContext, commonOptions, writeLine } from "../context.js";
import { readInput } from "../evaluation/inputs.js";
import { commandHelp } from "../help.js";
import { ExitCode } from "../io.js";
import { Problem } from "../problem.js";
import { untilStopped } from "../stop.js";
import { portOption } from "./serve.js";

/**
 * `remit playground [POLICY] [--facts FILE] [--scenarios DIR] [--port N] [--host ADDRESS]`: the
 * playground page on a local HTTP server until SIGINT or SIGTERM, with POLICY (and its facts and
 * scenarios) preloaded through `workspace.json`; without POLICY the page's own Ziyuan example.
 */
export async function playgroundCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    port: { type: "string" },
    host: { type: "string" },
    facts: { type: "string" },
    scenarios: { type: "string" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("playground", context.lang));
    return ExitCode.ok;
  }
  if (positionals.length > 1) {
    throw new UsageError({
      en: `unexpected argument '${positionals[1]}'`,
      zh: `多余的参数“${positionals[1]}”`,
    });
  }
  const port = portOption(values["port"], 4173);
  const host = typeof values["host"] === "string" ? values["host"] : "127.0.0.1";
  const page = playgroundPage();
  if (page === undefined) {
    throw new Problem({
      en: "the playground page is not built: run 'pnpm build' (or 'pnpm --filter @remit/playground build')",
      zh: "演练场页面尚未构建：请运行“pnpm build”（或“pnpm --filter @remit/playground build”）",
    });
  }
  const target = positionals[0];
  const workspace =
    target === undefined
      ? undefined
      : JSON.stringify(
          workspaceOf(
            context,
            target,
            typeof values["facts"] === "string" ? values["facts"] : undefined,
            typeof values["scenarios"] === "string" ? values["scenarios"] : undefined,
          ),
        );

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (url.pathname === "/workspace.json" && workspace !== undefined) {
      response.writeHead(200, { "content-type": contentTypes[".json"], "cache-control": "no-store" });
      response.end(request.method === "HEAD" ? undefined : workspace);
      return;
    }
    const file = pageFile(page, url.pathname);
    if (file === undefined) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    response.writeHead(200, {
      "content-type": contentTypes[path.extname(file)] ?? "application/octet-stream",
      "x-content-type-options": "nosniff",
    });
    response.end(request.method === "HEAD" ? undefined : readFileSync(file));
  });
  const url = await listen(server, port, host);
  const { lang } = context;
  writeLine(context.io.stderr, lang === "zh" ? `演练场：${url}/` : `playground at ${url}/`);
  await untilStopped(context.io.stop);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return ExitCode.ok;
}

const contentTypes: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The built page: beside the bundled executable (`dist/playground`, copied there by the bundle
 * script), else the workspace package's `dist` (running from the repository's sources).
 */
export function playgroundPage(): string | undefined {
  const bundled = fileURLToPath(new URL("./playground/", import.meta.url));
  const candidates = [bundled];
  try {
    const manifest = createRequire(import.meta.url).resolve("@remit/playground/package.json");
    candidates.push(path.join(path.dirname(manifest), "dist"));
  } catch {
    // Not installed beside the command line: only the bundled copy can serve.
  }
  return candidates.find((folder) => existsSync(path.join(folder, "index.html")));
}

/** The file under `page` a request path names, or undefined (never outside `page`). */
function pageFile(page: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const relative = decoded === "/" ? "index.html" : decoded.replace(/^\/+/, "");
  const file = path.resolve(page, relative);
  if (!file.startsWith(path.resolve(page) + path.sep)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", (error) =>
      reject(
        new Problem({
          en: `cannot listen on ${host}:${port}: ${error.message}`,
          zh: `无法监听 ${host}:${port}：${error.message}`,
        }),
      ),
    );
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === "object" && address !== null ? address.port : port;
      resolve(`http://${host.includes(":") ? `[${host}]` : host}:${bound}`);
    });
  });
}

/** What the page loads instead of its own example: the policy's files, facts and scenarios. */
function workspaceOf(
  context: CommandContext,
  target: string,
  factsFile: string | undefined,
  scenariosFolder: string | undefined,
): Record<string, unknown> {
  const { cwd } = context.io;
  const loaded = loadPolicy(target, cwd);
  if ("problem" in loaded) throw new UsageError(pathProblemMessage(loaded.problem));
  const files = Object.fromEntries([...loaded.host.texts].map(([file, text]) => [toPosix(file), text]));
  const facts = factsFile === undefined ? undefined : readInput(context.io, factsFile);
  let scenarios: { id: string; text: string }[] = [];
  let fixtures: Record<string, string> = {};
  if (scenariosFolder !== undefined) {
    const folder = path.resolve(cwd, scenariosFolder);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new UsageError({
        en: `no such folder '${scenariosFolder}'`,
        zh: `目录“${scenariosFolder}”不存在`,
      });
    }
    scenarios = scenarioFiles(folder).map((file) => ({
      id: file.replace(/\.json$/, ""),
      text: readInput(context.io, joinPath(scenariosFolder, file)),
    }));
    fixtures = fixtureTexts(folder);
  }
  return { files, entry: toPosix(loaded.entry), facts, scenarios, fixtures };
}

/** Every fixture a scenario of `folder` can name, by name, as `fixturePath` finds it. */
function fixtureTexts(folder: string): Record<string, string> {
  const names = new Set<string>();
  for (const fixtures of [path.join(folder, "fixtures"), path.join(folder, "..", "fixtures")]) {
    if (!existsSync(fixtures)) continue;
    for (const entry of readdirSync(fixtures)) if (entry.endsWith(".json")) names.add(entry.slice(0, -5));
  }
  const texts: Record<string, string> = {};
  for (const name of names) {
    const file = fixturePath(folder, name);
    if (file !== undefined) texts[name] = readFileSync(file, "utf8");
  }
  return texts;
}
