/**
 * `node dist/process.js [--runs 7] [--scales 1,10,100]`: the built `remit` executable timed as a
 * whole process, as a user runs it, side by side in one run:
 *
 * - start-up: `remit --help`, `remit check` of the Ziyuan policy and `remit eval` of the example
 *   county beside `node -e 0` (wall-clock medians, runs taken in turns);
 * - batch: `remit eval --format json` against the hand-written evaluator as a process
 *   (`handwritten-process.ts`) on generated counties at each scale, on the rules the hand-written
 *   code implements (`--rules`), checking that both write byte for byte the same findings; wall
 *   time and peak resident memory (from `/usr/bin/time`, when the machine has it);
 * - the whole policy at the largest scale, which must finish.
 *
 * Counties are generated once into the system's temporary folder and kept for later runs.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { handwrittenRules } from "./handwritten.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const runs = Number(option("runs", "7"));
const scales = option("scales", "1,10,100").split(",").map(Number);
const seed = 2026;

const root = fileURLToPath(new URL("../../../", import.meta.url));
const remit = join(root, "packages/cli/dist/remit.js");
const here = fileURLToPath(new URL(".", import.meta.url));
const work = join(tmpdir(), "remit-bench");
mkdirSync(work, { recursive: true });
const timeTool = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

interface Measure {
  readonly seconds: number;
  /** Peak resident set size in bytes, when `/usr/bin/time` is there to read it. */
  readonly rss: number | undefined;
  /** CPU seconds (user + system), steadier than wall-clock on a busy machine; with `/usr/bin/time`. */
  readonly cpu: number | undefined;
  readonly status: number | null;
}

/** Runs `node ARGS`, standard output to `out` (or discarded), and measures it. */
function measure(nodeArgs: readonly string[], out?: string): Measure {
  const fd = openSync(out ?? "/dev/null", "w");
  const command = timeTool ?? process.execPath;
  const commandArgs = timeTool ? ["-f", "%e %M %U %S", process.execPath, ...nodeArgs] : [...nodeArgs];
  const start = performance.now();
  const child = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: ["ignore", fd, "pipe"],
    encoding: "utf8",
  });
  const seconds = (performance.now() - start) / 1000;
  closeSync(fd);
  const last = child.stderr.trimEnd().split("\n").at(-1) ?? "";
  const [, kb, user, system] = timeTool ? last.split(" ").map(Number) : [];
  const cpu = (user ?? Number.NaN) + (system ?? Number.NaN);
  return {
    seconds,
    rss: kb !== undefined && Number.isFinite(kb) ? kb * 1024 : undefined,
    cpu: Number.isFinite(cpu) ? cpu : undefined,
    status: child.status,
  };
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Medians over `count` rounds, each round running every command once in turn. */
function inTurns(commands: Record<string, { args: readonly string[]; out?: string }>, count: number) {
  const all = Object.keys(commands);
  const times = new Map<string, number[]>(all.map((name) => [name, []]));
  const memory = new Map<string, number[]>(all.map((name) => [name, []]));
  const cpu = new Map<string, number[]>(all.map((name) => [name, []]));
  for (let round = 0; round < count; round++) {
    for (const name of all) {
      const command = commands[name]!;
      const m = measure(command.args, command.out);
      if (m.status !== 0 && m.status !== 1) throw new Error(`${name} exited with ${m.status}`);
      times.get(name)!.push(m.seconds);
      if (m.rss !== undefined) memory.get(name)!.push(m.rss);
      if (m.cpu !== undefined) cpu.get(name)!.push(m.cpu);
    }
  }
  return Object.fromEntries(
    all.map((name) => [
      name,
      { seconds: median(times.get(name)!), rss: median(memory.get(name)!), cpu: median(cpu.get(name)!) },
    ]),
  );
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(headers), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

const seconds = (s: number): string => `${s.toFixed(3)} s`;
const mb = (bytes: number): string =>
  Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : "–";

/** The findings array of a one-line JSON answer, as bytes: from `"findings":[` to its `]`. */
function findingsBytes(file: string, endMarker: string): Buffer {
  const bytes = readFileSync(file);
  const start = bytes.indexOf('"findings":[');
  const end = bytes.lastIndexOf(endMarker);
  return bytes.subarray(start, end);
}

function countyFile(scale: number): string {
  const file = join(work, `county-${seed}-${scale}.json`);
  if (!existsSync(file)) {
    const made = spawnSync(
      process.execPath,
      [join(here, "county-file.js"), "--scale", String(scale), "--seed", String(seed), file],
      {
        stdio: "inherit",
      },
    );
    if (made.status !== 0) throw new Error(`could not generate the county at scale ${scale}`);
  }
  return file;
}

console.log(`remit as a process (node ${process.version}; medians of ${runs} runs in turns, wall-clock)\n`);

const example = ["policies/ziyuan-2026", "--facts", "examples/ziyuan-county/facts.json"];
const startup = inTurns(
  {
    "node -e 0": { args: ["-e", "0"] },
    "remit --help": { args: [remit, "--help"] },
    "remit check policies/ziyuan-2026": { args: [remit, "check", "policies/ziyuan-2026"] },
    "remit eval (example county, table)": { args: [remit, "eval", ...example, "--quiet"] },
    "remit eval (example county, json)": { args: [remit, "eval", ...example, "--format", "json"] },
  },
  runs,
);
const node = startup["node -e 0"]!.seconds;
const nodeCpu = startup["node -e 0"]!.cpu;
console.log("Start-up (targets: --help ≤ 3× node -e 0; check and eval ≤ 0.5 s)");
console.log(
  table(
    ["command", "wall", "× node -e 0", "CPU", "× node -e 0 (CPU)", "peak RSS"],
    Object.entries(startup).map(([name, m]) => [
      name,
      seconds(m.seconds),
      `${(m.seconds / node).toFixed(1)}×`,
      seconds(m.cpu),
      `${(m.cpu / nodeCpu).toFixed(1)}×`,
      mb(m.rss),
    ]),
  ),
);

console.log(
  `\nremit eval --format json --rules <the ${handwrittenRules.length} hand-written rules> against the hand-written evaluator (target ≤ 1.5×)`,
);
const rows: string[][] = [];
for (const scale of scales) {
  const facts = countyFile(scale);
  const remitOut = join(work, `remit-${scale}.json`);
  const handOut = join(work, `hand-${scale}.json`);
  const count = scale >= 100 ? 1 : scale >= 10 ? Math.min(runs, 3) : runs;
  const m = inTurns(
    {
      remit: {
        args: [
          remit,
          "eval",
          "policies/ziyuan-2026",
          "--facts",
          facts,
          "--format",
          "json",
          "--quiet",
          "--rules",
          handwrittenRules.join(","),
        ],
        out: remitOut,
      },
      hand: { args: [join(here, "handwritten-process.js"), facts], out: handOut },
    },
    count,
  );
  const same = findingsBytes(remitOut, ',"summary"').equals(findingsBytes(handOut, "}\n"));
  const r = m["remit"]!;
  const h = m["hand"]!;
  rows.push([
    String(scale),
    mb(statSync(facts).size),
    seconds(r.seconds),
    seconds(h.seconds),
    `${(r.seconds / h.seconds).toFixed(2)}×`,
    `${(r.cpu / h.cpu).toFixed(2)}×`,
    mb(r.rss),
    mb(h.rss),
    `${(r.rss / h.rss).toFixed(2)}×`,
    same ? "yes" : "NO",
  ]);
}
console.log(
  table(
    [
      "scale",
      "facts",
      "remit",
      "hand-written",
      "time ratio",
      "CPU ratio",
      "remit RSS",
      "hand RSS",
      "RSS ratio",
      "same findings",
    ],
    rows,
  ),
);

const largest = Math.max(...scales);
const whole = measure(
  [remit, "eval", "policies/ziyuan-2026", "--facts", countyFile(largest), "--format", "json", "--quiet"],
  join(work, `remit-all-${largest}.json`),
);
console.log(
  `\nThe whole policy at scale ${largest}: exit ${whole.status}, ${seconds(whole.seconds)}, peak RSS ${mb(whole.rss ?? Number.NaN)}, answer ${mb(statSync(join(work, `remit-all-${largest}.json`)).size)}`,
);
