/**
 * Edit → diagnostics latency on the Ziyuan policy, warm: a client over stdio (debounce set to 0)
 * alternately breaks and repairs a parameter's use in a rule and times each round trip until the
 * diagnostics arrive; the same edits are also timed in-process (analysis only). Not a test: run
 * `pnpm --filter @remit/lsp bench` after `tsc -b`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { StdioClient } from "../client.js";
import { PolicyWorkspace } from "../workspace.js";

const serverScript = fileURLToPath(new URL("../bin.js", import.meta.url));
const policyPath = fileURLToPath(
  new URL("../../../../policies/ziyuan-2026/policy.remit.md", import.meta.url),
);
const warmup = 10;
const rounds = 40;

function summary(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${at(1).toFixed(1)} ms (n=${sorted.length})`;
}

async function main(): Promise<void> {
  const text = readFileSync(policyPath, "utf8");
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes("after gridDays"));
  const character = (lines[line] ?? "").indexOf("gridDays");
  const range = { start: { line, character }, end: { line, character: character + "gridDays".length } };
  const offset = text.indexOf("after gridDays") + "after ".length;

  const workspace = new PolicyWorkspace((path) => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  });
  const inProcess: number[] = [];
  // CPU time too: on a shared machine the wall clock also counts other processes' turns.
  const inProcessCpu: number[] = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const edited = `${text.slice(0, offset)}${i % 2 === 0 ? "gridDayz" : "gridDays"}${text.slice(offset + 8)}`;
    const start = performance.now();
    const cpu = process.cpuUsage();
    workspace.setDocument(policyPath, edited);
    workspace.analysisFor(policyPath);
    const used = process.cpuUsage(cpu);
    if (i >= warmup) {
      inProcess.push(performance.now() - start);
      inProcessCpu.push((used.user + used.system) / 1000);
    }
  }

  const client = await StdioClient.start({ serverScript, locale: "en-us", debounceMs: 0 });
  const uri = pathToFileURL(policyPath).href;
  await client.open(uri, text, "markdown");
  const overStdio: number[] = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const start = performance.now();
    await client.change(uri, range, i % 2 === 0 ? "gridDayz" : "gridDays");
    if (i >= warmup) overStdio.push(performance.now() - start);
  }
  await client.stop();

  console.log("edit → diagnostics on policies/ziyuan-2026 (warm)");
  console.log(`  in process (analysis + index): ${summary(inProcess)}`);
  console.log(`  in process, CPU time:          ${summary(inProcessCpu)}`);
  console.log(`  over stdio (debounce 0):       ${summary(overStdio)}`);
  console.log(`  in the editor add the debounce (default 50 ms)`);
}

await main();
