/**
 * Throughput of the front end (tokenize, parse, parse + check) in MB/s of policy source, beside
 * `JSON.parse` of a JSON document of the same size as a reference point. Browser-safe: the caller
 * supplies the source texts and, if it likes, the clock.
 */
import { analyze } from "../check/analyze.js";
import { extractLiterate } from "../literate/extract.js";
import { memoryHost, type SourceHost } from "../modules/host.js";
import { loadModules } from "../modules/load-default.js";
import { parse } from "../parse/parse.js";
import { tokenize } from "../scan/lexer.js";

/** One policy: its files by path, and the path of its entry. */
export interface BenchPolicy {
  /** A short name for the table. */
  readonly name: string;
  readonly entry: string;
  readonly files: Readonly<Record<string, string>>;
}

export interface ThroughputOptions {
  /** Roughly how many bytes of source each stage reads per iteration (by repeating the policy). */
  readonly targetBytes?: number;
  /** Untimed iterations first, so the JIT has settled. */
  readonly warmupIterations?: number;
  readonly iterations?: number;
  /** Milliseconds from some fixed point; `performance.now` by default. */
  readonly now?: () => number;
}

export type ThroughputStage = "tokenize" | "parse" | "parse+check" | "JSON.parse";

export interface ThroughputRow {
  readonly stage: ThroughputStage;
  /** UTF-8 bytes read per iteration. */
  readonly bytes: number;
  readonly iterations: number;
  /** The median time of one iteration. */
  readonly medianMs: number;
  /** `bytes` over the median time, in 10^6 bytes per second. */
  readonly mbPerSecond: number;
}

export interface ThroughputReport {
  readonly name: string;
  /** How many copies of the policy one iteration reads. */
  readonly copies: number;
  readonly rows: readonly ThroughputRow[];
}

/**
 * The policies of the repository measured by default, by entry path from the repository root.
 * @example
 * ```ts
 * import { repositoryBenchEntries } from "@remit/lang/bench";
 * console.log(repositoryBenchEntries.map((e) => e.entry).join(" ")); // policies/ziyuan-2026/policy.remit.md examples/every-construct/policy.remit.md
 * ```
 */
export const repositoryBenchEntries: readonly { readonly name: string; readonly entry: string }[] = [
  { name: "ziyuan-2026", entry: "policies/ziyuan-2026/policy.remit.md" },
  { name: "every-construct", entry: "examples/every-construct/policy.remit.md" },
];

/** Seven declarations, every name and clause id carrying `n`, so copies do not clash. */
function generatedDeclarations(n: number): string {
  return `
clause ${n}.1 "隐患整改 ${n}" text "重大火灾隐患限期整改"

param listing${n}: duration = 7 days "挂牌督办期限"

type Level${n} = enum("一般", "重大")

collection hazards${n} "火灾隐患" since foundOn {
  level: Level${n}
  foundOn: date
  listedOn: optional date
  fixedBy: optional planned date
}

define isMajor${n}(h: hazards${n}): bool = h.level = "重大" and not (h.listedOn is set)

duty list-major${n} "重大隐患挂牌 ${n}"
  must
  cites ${n}.1
  for each h in hazards${n} where isMajor${n}(h)
  holder "乡镇政府"
  requires h.listedOn is set
  within listing${n} of h.foundOn

escalation fix-c${n} "隐患整改 ${n}"
  must
  cites ${n}.1
  for each h in hazards${n}
  holder "网格员"
  starts h.foundOn
  level grid "网格" after 0 days
  level county "县" after 15 days
  closes h.fixedBy
`;
}

/**
 * How many declarations each copy in a generated policy adds.
 * @example
 * ```ts
 * import { parse } from "@remit/lang";
 * import { generatedDeclarationsPerCopy, generatedPolicy } from "@remit/lang/bench";
 * const { text, copies } = generatedPolicy(3000);
 * console.log(parse(text, "generated.remit").module.declarations.length === copies * generatedDeclarationsPerCopy); // true
 * ```
 */
export const generatedDeclarationsPerCopy = 7;

/**
 * One module of at least `minimumLength` characters: a policy header, then copies of seven
 * declarations with numbered names, so it parses and checks without a diagnostic. Code only, mostly
 * ASCII: the densest input per byte.
 * @example
 * ```ts
 * import { analyze, memoryHost } from "@remit/lang";
 * import { generatedPolicy } from "@remit/lang/bench";
 * const { text, copies } = generatedPolicy(5000);
 * const { policy, diagnostics } = analyze("generated.remit", memoryHost({ "generated.remit": text }));
 * console.log(text.length >= 5000, copies > 1, diagnostics.length, policy?.rules.length === copies * 2); // true true 0 true
 * ```
 */
export function generatedPolicy(minimumLength: number): { text: string; copies: number } {
  const parts = ['policy "大文件"\n  version "1.0.0"\n'];
  let length = parts[0]?.length ?? 0;
  let copies = 0;
  while (length < minimumLength) {
    const part = generatedDeclarations(copies + 1);
    parts.push(part);
    length += part.length;
    copies++;
  }
  return { text: parts.join(""), copies };
}

/**
 * A policy's entry and every file it imports, as read from `host`.
 * @example
 * ```ts
 * import { memoryHost } from "@remit/lang";
 * import { benchPolicy } from "@remit/lang/bench";
 * const host = memoryHost({
 *   "p/policy.remit": 'policy "P"\nimport "units.remit" as units\n',
 *   "p/units.remit": 'clause 1 "units"\n',
 *   "p/unused.remit": 'clause 2 "not imported"\n',
 * });
 * const policy = benchPolicy("p", "p/policy.remit", host);
 * console.log(Object.keys(policy.files).join(" ")); // p/policy.remit p/units.remit
 * ```
 */
export function benchPolicy(name: string, entry: string, host: SourceHost): BenchPolicy {
  const loaded = loadModules(entry, host);
  if (!loaded.sources.has(entry)) throw new Error(`cannot read '${entry}'`);
  return { name, entry, files: Object.fromEntries(loaded.sources) };
}

/**
 * Measures the repository's policies read from `host` (paths relative to the repository root) and
 * returns the table `formatThroughput` prints.
 * @example
 * ```ts
 * import { memoryHost } from "@remit/lang";
 * import { repositoryBenchEntries, runThroughput } from "@remit/lang/bench";
 * // The repository's policies, here stand-ins read from memory.
 * const files = Object.fromEntries(repositoryBenchEntries.map((e) => [e.entry, '~~~remit\npolicy "P"\n~~~\n']));
 * let clock = 0;
 * const table = runThroughput(memoryHost(files), { targetBytes: 2000, warmupIterations: 0, iterations: 1, now: () => clock++ });
 * const lines = table.split("\n");
 * console.log(lines.length, lines[0]?.split(/ +/).join(" ")); // 13 policy stage bytes median ms MB/s
 * ```
 */
export function runThroughput(host: SourceHost, options: ThroughputOptions = {}): string {
  const policies = repositoryBenchEntries.map(({ name, entry }) => benchPolicy(name, entry, host));
  // One large module as well: the repository's policies are small files, mostly Chinese and prose.
  const generated = generatedPolicy(options.targetBytes ?? defaultTargetBytes).text;
  policies.push({
    name: "generated (one file)",
    entry: "generated.remit",
    files: { "generated.remit": generated },
  });
  return formatThroughput(measureThroughput(policies, options));
}

const defaultTargetBytes = 1_000_000;

const utf8 = new TextEncoder();

/**
 * The size of `text` in UTF-8 bytes.
 * @example
 * ```ts
 * import { utf8Length } from "@remit/lang/bench";
 * console.log(utf8Length("duty"), utf8Length("职责")); // 4 6
 * ```
 */
export function utf8Length(text: string): number {
  return utf8.encode(text).length;
}

function policyBytes(policy: BenchPolicy): number {
  let total = 0;
  for (const text of Object.values(policy.files)) total += utf8Length(text);
  return total;
}

/**
 * `copies` copies of the policy, each in its own folder (`copy-1/…`), so each can be loaded and
 * checked on its own while they all share one host.
 */
function replicate(
  policy: BenchPolicy,
  copies: number,
): { files: Record<string, string>; entries: string[] } {
  const files: Record<string, string> = {};
  const entries: string[] = [];
  for (let i = 1; i <= copies; i++) {
    for (const [path, text] of Object.entries(policy.files)) files[`copy-${i}/${path}`] = text;
    entries.push(`copy-${i}/${policy.entry}`);
  }
  return { files, entries };
}

/**
 * A JSON document of about `bytes` UTF-8 bytes, shaped like a policy's facts: an array of records
 * with text (some of it Chinese), numbers, dates and booleans.
 * @example
 * ```ts
 * import { jsonOfSize, utf8Length } from "@remit/lang/bench";
 * const json = jsonOfSize(4000);
 * const venues = JSON.parse(json) as { readonly id: string }[];
 * console.log(utf8Length(json) >= 4000, utf8Length(json) < 4300, venues[0]?.id); // true true venue-0
 * ```
 */
export function jsonOfSize(bytes: number): string {
  const items: string[] = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const item = JSON.stringify({
      id: `venue-${i}`,
      name: `资源县第${i}号沿街商铺`,
      township: i % 3 === 0 ? "资源镇" : "中峰镇",
      floorArea: 120.5 + (i % 40),
      inspectedOn: `2026-0${1 + (i % 9)}-1${i % 10}`,
      keyUnit: i % 7 === 0,
      hazards: [{ level: "一般", foundOn: "2026-03-01", fixedOn: null }],
    });
    items.push(item);
    // The separator comes before every item but the first.
    size += utf8Length(item) + (i > 0 ? 1 : 0);
  }
  return `[${items.join(",")}]`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

function time(
  stage: ThroughputStage,
  bytes: number,
  options: Required<Pick<ThroughputOptions, "warmupIterations" | "iterations" | "now">>,
  run: () => void,
): ThroughputRow {
  for (let i = 0; i < options.warmupIterations; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < options.iterations; i++) {
    const start = options.now();
    run();
    samples.push(options.now() - start);
  }
  const medianMs = median(samples);
  return {
    stage,
    bytes,
    iterations: options.iterations,
    medianMs,
    mbPerSecond: medianMs > 0 ? bytes / 1e6 / (medianMs / 1000) : Number.POSITIVE_INFINITY,
  };
}

// Results are kept here so the work cannot be optimised away.
let sink = 0;

/**
 * Measures each stage over copies of each policy (about `targetBytes` per iteration, 1 MB by
 * default). Tokenize reads each file's code (a literate file's code blocks, counted as such); parse and
 * parse + check (`analyze` over an in-memory host) read the files as they are.
 * @example
 * ```ts
 * import { measureThroughput } from "@remit/lang/bench";
 * const policy = { name: "P", entry: "p.remit", files: { "p.remit": 'policy "P"\nclause 1 "first"\n' } };
 * // A clock that advances one millisecond per reading: every iteration takes 1 ms.
 * let clock = 0;
 * const [report] = measureThroughput([policy], { targetBytes: 1000, warmupIterations: 0, iterations: 3, now: () => clock++ });
 * console.log(report?.copies, report?.rows.map((r) => r.stage).join(" ")); // 36 tokenize parse parse+check JSON.parse
 * const parseRow = report?.rows[1];
 * console.log(parseRow?.medianMs, parseRow?.mbPerSecond === (parseRow?.bytes ?? 0) / 1000); // 1 true
 * ```
 */
export function measureThroughput(
  policies: readonly BenchPolicy[],
  options: ThroughputOptions = {},
): ThroughputReport[] {
  const settings = {
    warmupIterations: options.warmupIterations ?? 3,
    iterations: options.iterations ?? 10,
    now: options.now ?? (() => performance.now()),
  };
  const targetBytes = options.targetBytes ?? defaultTargetBytes;
  return policies.map((policy) => {
    const copies = Math.max(1, Math.round(targetBytes / Math.max(1, policyBytes(policy))));
    const { files, entries } = replicate(policy, copies);
    const paths = Object.keys(files);
    const bytes = policyBytes({ ...policy, files });
    const code = paths.map((path) => {
      const text = files[path] ?? "";
      return path.endsWith(".remit.md") ? extractLiterate(text, path).code : text;
    });
    const codeBytes = code.reduce((total, text) => total + utf8Length(text), 0);
    const host = memoryHost(files);
    const json = jsonOfSize(bytes);
    const rows = [
      time("tokenize", codeBytes, settings, () => {
        for (let i = 0; i < code.length; i++) sink += tokenize(code[i] ?? "", paths[i] ?? "").tokens.length;
      }),
      time("parse", bytes, settings, () => {
        for (const path of paths) sink += parse(files[path] ?? "", path).module.declarations.length;
      }),
      time("parse+check", bytes, settings, () => {
        for (const entry of entries) sink += analyze(entry, host).diagnostics.length;
      }),
      time("JSON.parse", utf8Length(json), settings, () => {
        sink += (JSON.parse(json) as unknown[]).length;
      }),
    ];
    return { name: policy.name, copies, rows };
  });
}

/**
 * The reports as a plain-text table, one line per policy and stage.
 * @example
 * ```ts
 * import { formatThroughput } from "@remit/lang/bench";
 * const table = formatThroughput([
 *   {
 *     name: "P",
 *     copies: 2,
 *     rows: [{ stage: "parse", bytes: 1_000_000, iterations: 10, medianMs: 250, mbPerSecond: 4 }],
 *   },
 * ]);
 * const [header, row] = table.split("\n");
 * console.log(JSON.stringify(header)); // "policy  stage    bytes  median ms  MB/s"
 * console.log(JSON.stringify(row)); // "P ×2    parse  1000000     250.00  4.00"
 * ```
 */
export function formatThroughput(reports: readonly ThroughputReport[]): string {
  const header = ["policy", "stage", "bytes", "median ms", "MB/s"];
  const lines = reports.flatMap((report) =>
    report.rows.map((row) => [
      `${report.name} ×${report.copies}`,
      row.stage,
      String(row.bytes),
      row.medianMs.toFixed(2),
      row.mbPerSecond.toFixed(2),
    ]),
  );
  const table = [header, ...lines];
  const widths = header.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? "").length)));
  return table
    .map((cells) =>
      cells
        .map((cell, column) =>
          column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join("  "),
    )
    .join("\n");
}

/**
 * Keeps `sink` observable so no engine drops the measured calls as dead code.
 * @example
 * ```ts
 * import { benchSink, measureThroughput } from "@remit/lang/bench";
 * const before = benchSink();
 * measureThroughput([{ name: "P", entry: "p.remit", files: { "p.remit": 'policy "P"\n' } }], { targetBytes: 100, iterations: 1 });
 * console.log(benchSink() > before); // true
 * ```
 */
export function benchSink(): number {
  return sink;
}
