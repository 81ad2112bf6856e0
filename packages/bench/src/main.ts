/**
 * `pnpm bench`: throughput, memory and incremental-update figures for the Ziyuan policy on
 * synthetic counties. Run with `--scales 1,10,100` (default) and `--seed N`.
 */

import { GCProfiler } from "node:v8";
import { compile, type EvaluationResult, type Finding, type Policy, Session } from "@remit/engine";
import { analyze, memoryHost } from "@remit/lang";
import { generateCounty } from "./county.js";
import { deadlinePolicy, generateRequests } from "./deadlines.js";
import { handwrittenEvaluate, handwrittenRules } from "./handwritten.js";
import { loadZiyuanPolicy } from "./policy.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const scales = option("scales", "1,10,100").split(",").map(Number);
const seed = Number(option("seed", "2026"));

const gc = (globalThis as { gc?: () => void }).gc;
const collect = (): void => {
  gc?.();
  gc?.();
};
/**
 * CPU time (user + system, all threads) in milliseconds: steadier than wall-clock time on a
 * shared machine; it includes the garbage collector's helper threads.
 */
const now = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function time<T>(run: () => T, clock: () => number = now): { value: T; ms: number } {
  const start = clock();
  const value = run();
  return { value, ms: clock() - start };
}

/**
 * Wall-clock time, for the short single-threaded compile runs: CPU time would also count the
 * collector's and the optimising compiler's helper threads (about 1.7× the run here).
 */
const wall = (): number => performance.now();

const median = (times: number[]): number => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/** Median of a few runs, keeping the last value. */
function timeMedian<T>(
  runs: number,
  run: () => T,
  warmups = 0,
  clock: () => number = now,
): { value: T; ms: number } {
  const times: number[] = [];
  let value!: T;
  // Warm-up runs first, so the optimising compiler's own threads are not counted as the run's time.
  for (let i = 0; i < warmups; i++) run();
  for (let i = 0; i < runs; i++) {
    collect();
    const t = time(run, clock);
    times.push(t.ms);
    value = t.value;
  }
  return { value, ms: median(times) };
}

/**
 * Medians of runs taken in turns (a, b, a, b, ...), so that whatever else the machine does in the
 * meantime weighs on both alike. Keeps the last value of each.
 */
function timeInTurns<A, B>(
  runs: number,
  a: () => A,
  b: () => B,
): { a: { value: A; ms: number }; b: { value: B; ms: number } } {
  const timesA: number[] = [];
  const timesB: number[] = [];
  let valueA!: A;
  let valueB!: B;
  for (let i = 0; i < runs; i++) {
    collect();
    const ta = time(a);
    collect();
    const tb = time(b);
    timesA.push(ta.ms);
    timesB.push(tb.ms);
    valueA = ta.value;
    valueB = tb.value;
  }
  return { a: { value: valueA, ms: median(timesA) }, b: { value: valueB, ms: median(timesB) } };
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(headers), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/**
 * A county as a service holds it: JSON text parsed, the text itself dropped. (Parsed here, in a
 * frame of its own, so nothing in the caller's frame can keep the text alive.)
 */
function parsedCounty(scale: number): { facts: Record<string, unknown>; jsonBytes: number } {
  const json = JSON.stringify(generateCounty(seed, scale));
  return { facts: JSON.parse(json) as Record<string, unknown>, jsonBytes: Buffer.byteLength(json) };
}

/**
 * The highest heap use while `run` runs: the heap only grows between collections, so the peak is
 * the use just before one of them or at the end.
 */
function peakHeapDuring<T>(run: () => T): { value: T; peak: number } {
  const profiler = new GCProfiler();
  profiler.start();
  const value = run();
  const atEnd = process.memoryUsage().heapUsed;
  const { statistics } = profiler.stop();
  const peak = Math.max(atEnd, ...statistics.map((s) => s.beforeGC.heapStatistics.usedHeapSize));
  return { value, peak };
}

function evaluateOrThrow(policy: Policy, facts: unknown, rules?: readonly string[]): EvaluationResult {
  const out = policy.evaluate(facts, rules ? { rules } : undefined);
  if ("errors" in out)
    throw new Error(
      `facts rejected: ${out.errors
        .slice(0, 3)
        .map((e) => `${e.path} ${e.message.en}`)
        .join("; ")}`,
    );
  return out.result;
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  const key = (f: Finding): string => `${f.rule}|${f.subject.id}`;
  const summary = (f: Finding): string =>
    JSON.stringify([
      f.status,
      f.due ?? null,
      f.metOn ?? null,
      f.late ?? null,
      f.overdueDays ?? null,
      f.holder ?? null,
      f.group ?? null,
      f.reached ?? null,
      f.closedOn ?? null,
      f.overdue ?? null,
    ]);
  if (a.length !== b.length) return false;
  const index = new Map(a.map((f) => [key(f), summary(f)]));
  return b.every((f) => index.get(key(f)) === summary(f));
}

function compileOrThrow(source: string): Policy {
  const compiled = compile(source);
  if (!("policy" in compiled))
    throw new Error(`does not compile: ${compiled.diagnostics.map((d) => d.message.en).join("; ")}`);
  return compiled.policy;
}

/**
 * The same duty counted in working days (on the cn-mainland calendar) and in calendar days, on
 * the same requests, in turns: findings alone, then with every explanation read.
 */
function workingDayDeadlines(): void {
  const working = compileOrThrow(deadlinePolicy("working days"));
  const calendar = compileOrThrow(deadlinePolicy("days"));
  const rows: string[][] = [];
  const counts = scales.map((scale) => scale * 10_000);
  {
    const warm = generateRequests(seed, 10_000);
    for (let i = 0; i < 5; i++) {
      evaluateOrThrow(working, warm);
      evaluateOrThrow(calendar, warm);
    }
  }
  for (const [n, count] of counts.entries()) {
    const facts = JSON.parse(JSON.stringify(generateRequests(seed, count))) as unknown;
    const runs = n === counts.length - 1 ? 3 : 7;
    const { a: inWorkingDays, b: inDays } = timeInTurns(
      runs,
      () => evaluateOrThrow(working, facts),
      () => evaluateOrThrow(calendar, facts),
    );
    const readAll = (policy: Policy) => () => {
      const findings = evaluateOrThrow(policy, facts).findings;
      for (const f of findings) void f.explanation;
      return findings;
    };
    const explained = timeInTurns(runs, readAll(working), readAll(calendar));
    const statuses = (findings: readonly Finding[]) =>
      [...new Set(findings.map((f) => f.status))].sort().join(", ");
    rows.push([
      String(count),
      `${inWorkingDays.ms.toFixed(0)} ms`,
      `${inDays.ms.toFixed(0)} ms`,
      (inWorkingDays.ms / inDays.ms).toFixed(2),
      `${explained.a.ms.toFixed(0)} ms`,
      `${explained.b.ms.toFixed(0)} ms`,
      (explained.a.ms / explained.b.ms).toFixed(2),
      `${inWorkingDays.value.findings.length} / ${statuses(inWorkingDays.value.findings)}`,
    ]);
  }
  console.log(
    "\nA deadline in working days (20, cn-mainland calendar) vs in calendar days (28), same requests, CPU time in turns (target ratio ≤ 1.5)",
  );
  console.log(
    table(
      [
        "requests",
        "working days",
        "calendar days",
        "ratio",
        "working days, every explanation read",
        "calendar days, every explanation read",
        "ratio",
        "findings / statuses",
      ],
      rows,
    ),
  );
}

function main(): void {
  console.log(
    `Remit benchmarks (seed ${seed}, scales ${scales.join(", ")}, node ${process.version}${gc ? "" : ", run with --expose-gc for memory figures"})\n`,
  );

  // Parse + check throughput.
  const sources = loadZiyuanPolicy();
  const compiled = compile({ files: sources.files, entry: sources.entry });
  if (!("policy" in compiled))
    throw new Error(
      `the Ziyuan policy does not compile: ${compiled.diagnostics.map((d) => d.message.en).join("; ")}`,
    );
  const policy = compiled.policy;
  const compileRuns = 20;
  const analyzeTime = timeMedian(
    compileRuns,
    () => analyze(sources.entry, memoryHost(sources.files)),
    10,
    wall,
  );
  const compileTime = timeMedian(
    compileRuns,
    () => compile({ files: sources.files, entry: sources.entry }),
    10,
    wall,
  );
  const policyJson = JSON.stringify(sources.files);
  const jsonTime = timeMedian(compileRuns, () => JSON.parse(policyJson), 10, wall);
  console.log(
    "Parse and check (the Ziyuan policy and its standards modules; wall-clock, median of 20 after 10 warm-up runs)",
  );
  console.log(
    table(
      ["what", "bytes", "time", "throughput"],
      [
        [
          "parse + check (analyze)",
          String(sources.bytes),
          `${analyzeTime.ms.toFixed(2)} ms`,
          `${(sources.bytes / 1024 / 1024 / (analyzeTime.ms / 1000)).toFixed(2)} MB/s`,
        ],
        [
          "compile (parse + check + closures + facts schema)",
          String(sources.bytes),
          `${compileTime.ms.toFixed(2)} ms`,
          `${(sources.bytes / 1024 / 1024 / (compileTime.ms / 1000)).toFixed(2)} MB/s`,
        ],
        [
          "JSON.parse of the same text",
          String(Buffer.byteLength(policyJson)),
          `${jsonTime.ms.toFixed(3)} ms`,
          `${(Buffer.byteLength(policyJson) / 1024 / 1024 / (jsonTime.ms / 1000)).toFixed(2)} MB/s`,
        ],
      ],
    ),
  );

  workingDayDeadlines();

  const throughputRows: string[][] = [];
  const ratioRows: string[][] = [];
  let largest:
    | {
        facts: unknown;
        fullMs: number;
        jsonBytes: number;
        peakHeap: number;
        liveHeap: number;
        factsHeap: number;
        findings: number;
      }
    | undefined;
  // Both sides are compiled to steady state first, so the smallest scale does not time the JIT.
  {
    const warm = JSON.parse(JSON.stringify(generateCounty(seed, 1))) as Record<string, unknown>;
    for (let i = 0; i < 5; i++) {
      evaluateOrThrow(policy, warm);
      evaluateOrThrow(policy, warm, handwrittenRules);
      handwrittenEvaluate(warm, warm.asOf as string);
    }
  }
  for (const [n, scale] of scales.entries()) {
    const isLargest = n === scales.length - 1;
    // Heap is measured from here: the parsed facts, the engine's indexes and the result.
    collect();
    const baseline = process.memoryUsage().heapUsed;
    const { facts, jsonBytes } = parsedCounty(scale);
    collect();
    const factsHeap = process.memoryUsage().heapUsed - baseline;
    const elements =
      ["townships", "villages", "departments", "venues", "hazards", "incidents"].reduce(
        (k, key) => k + (facts[key] as unknown[]).length,
        0,
      ) + 1;
    // More runs where they are cheap; the largest scale is measured once (it takes seconds).
    const runs = isLargest ? 1 : scale <= 1 ? 7 : 3;
    const measured = peakHeapDuring(() => timeMedian(runs, () => evaluateOrThrow(policy, facts)));
    const full = measured.value;
    const peakHeap = measured.peak - baseline;
    collect();
    const liveHeap = process.memoryUsage().heapUsed - baseline;
    throughputRows.push([
      String(scale),
      String(elements),
      mb(jsonBytes),
      String(full.value.findings.length),
      `${full.ms.toFixed(0)} ms`,
      `${Math.round(elements / (full.ms / 1000)).toLocaleString("en")}`,
    ]);
    const findings = full.value.findings.length;
    // The same checks by hand, against the engine limited to those rules, in turns: first the
    // findings alone (Remit's explanations are built when read; the hand-written ones not at all),
    // then with every explanation (Remit's all read; the hand-written ones all built).
    const { a: remit, b: hand } = timeInTurns(
      runs,
      () => evaluateOrThrow(policy, facts, handwrittenRules),
      () => handwrittenEvaluate(facts, facts.asOf as string, false),
    );
    // (Not at the largest scale: it takes seconds and holds every explanation in memory.)
    const explained = isLargest
      ? undefined
      : timeInTurns(
          runs,
          () => {
            const findings = evaluateOrThrow(policy, facts, handwrittenRules).findings;
            for (const f of findings) void f.explanation;
            return findings;
          },
          () => handwrittenEvaluate(facts, facts.asOf as string, true),
        );
    ratioRows.push([
      String(scale),
      `${remit.ms.toFixed(0)} ms`,
      `${hand.ms.toFixed(0)} ms`,
      (remit.ms / hand.ms).toFixed(2),
      explained ? `${explained.a.ms.toFixed(0)} ms` : "-",
      explained ? `${explained.b.ms.toFixed(0)} ms` : "-",
      explained ? (explained.a.ms / explained.b.ms).toFixed(2) : "-",
      sameFindings(remit.value.findings, hand.value) &&
      (!explained || JSON.stringify(explained.a.value) === JSON.stringify(explained.b.value))
        ? "yes"
        : "NO",
    ]);
    if (isLargest) largest = { facts, fullMs: full.ms, jsonBytes, peakHeap, liveHeap, factsHeap, findings };
  }
  console.log(
    "\nFull evaluation, CPU time (facts validated, every rule, findings with explanations; JSON.parse excluded)",
  );
  console.log(table(["scale", "facts", "JSON", "findings", "time", "facts/s"], throughputRows));
  console.log(
    "\nHazard, venue and village rules: Remit vs the same checks hand-written (target ratio ≤ 1.5)",
  );
  console.log(
    table(
      [
        "scale",
        "Remit",
        "hand-written, no explanations",
        "ratio",
        "Remit, every explanation read",
        "hand-written, every explanation built",
        "ratio",
        "same findings",
      ],
      ratioRows,
    ),
  );

  if (!largest) return;
  console.log(
    `\nMemory at the largest scale (heap above the baseline; peak while evaluating, garbage included; live after it, result kept${gc ? "" : "; without --expose-gc the live figure includes garbage"}; target peak ≤ 3× the JSON)`,
  );
  const ratio = (bytes: number): string => `${(bytes / largest!.jsonBytes).toFixed(2)}×`;
  console.log(
    table(
      ["facts JSON", "facts parsed", "peak", "peak / JSON", "live", "live / JSON", "findings"],
      [
        [
          mb(largest.jsonBytes),
          mb(largest.factsHeap),
          mb(largest.peakHeap),
          ratio(largest.peakHeap),
          mb(largest.liveHeap),
          ratio(largest.liveHeap),
          String(largest.findings),
        ],
      ],
    ),
  );
  const facts = largest.facts;

  // Incremental: one hazard at a time, against a full evaluation of the same facts.
  const opened = policy.open(facts);
  if (!(opened instanceof Session)) throw new Error("session rejected the facts");
  const hazards = (facts as { hazards: { rectifiedOn: string | null }[] }).hazards;
  const updateTimes: number[] = [];
  const modes = new Set<string>();
  for (let i = 0; i < 25; i++) {
    const index = (i * 7919) % hazards.length;
    const t = time(() =>
      opened.update((draft) => {
        const list = draft.hazards as { rectifiedOn: string | null }[];
        list[index]!.rectifiedOn = list[index]!.rectifiedOn === null ? "2026-11-27" : null;
      }),
    );
    if ("errors" in t.value) throw new Error("update rejected");
    modes.add(opened.lastUpdate().mode);
    updateTimes.push(t.ms);
  }
  const updateMedian = median(updateTimes);
  console.log("\nIncremental update of one hazard at the largest scale (target ≥ 1000× faster than full)");
  console.log(
    table(
      ["full evaluation", "one-hazard update (median of 25)", "ratio", "mode"],
      [
        [
          `${largest.fullMs.toFixed(0)} ms`,
          `${updateMedian.toFixed(3)} ms`,
          `${Math.round(largest.fullMs / updateMedian)}×`,
          [...modes].join(", "),
        ],
      ],
    ),
  );
}

main();
