/**
 * Remit against json-rules-engine on the same rules and facts: a hazards policy exported to
 * json-rules-engine, evaluated over the same 10,000 subjects by both; prints each one's time and
 * the ratio. Run with `pnpm --filter @remit/json-rules-engine bench` (`SUBJECTS=n` to resize,
 * `ROUNDS=n` for more or fewer rounds).
 * Each side is timed from facts to its answer (findings, events), and the comparison of the two
 * answers is left out of both. Run from the built JavaScript (`tsc -b bench`), as a service runs.
 */
import { addDays, compileChecked, type EvaluationResult, formatIsoDate, parseIsoDate } from "@remit/engine";
import { exportPolicy, prepareEngines, runExported } from "@remit/json-rules-engine";
import { analyze, memoryHost } from "@remit/lang";
import { zenDecision, zenRules } from "./zen.js";

const source = `policy "火灾隐患处置（基准）" warning 15 days
clause 1 "隐患登记"
clause 2 "隐患整改"
clause 3 "责任倒查"
param gridDays: duration = 15 days
param townshipDays: duration = 30 days
collection hazards since foundOn {
  level: enum("一般", "重大")
  kind: enum("通道", "电气", "消防设施", "其他")
  foundOn: date
  listedOn: optional date
  rectifyBy: optional planned date
  rectifiedOn: optional date
  deaths: integer
  injured: integer
  inspected: bool
  venue: record { name: text floors: integer }
}
duty major-hazard-listing "重大隐患挂牌督办" must cites 1
  for each h in hazards where h.level = "重大"
  requires h.listedOn within 7 days of h.foundOn
duty rectify-plan "隐患限期整改" must cites 2
  for each h in hazards where h.rectifyBy is set and (h.kind = "电气" or h.kind in ["通道", "消防设施"])
  requires h.rectifiedOn by h.rectifyBy
duty inspected "高层场所检查" should cites 2
  for each h in hazards where h.venue.floors >= 10
  requires h.inspected or h.rectifiedOn is set
escalation general-hazard-ladder "一般隐患逐级处置" must cites 2
  for each h in hazards where h.level = "一般"
  starts h.foundOn
  level grid "网格"
  level township "乡镇" after gridDays
  level county "县" after townshipDays
  closes h.rectifiedOn
  overdue after h.rectifyBy
accountability casualty "伤亡隐患倒查" must cites 3
  for each h in hazards where h.deaths > 0 or h.injured >= 3
  as at h.foundOn
  cause "未挂牌" when h.level = "重大" and h.listedOn is missing
  cause "逾期未整改" when h.rectifyBy is set and h.rectifyBy < asOf and h.rectifiedOn is missing
`;

/** A small deterministic generator, so every run measures the same facts. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const asOf = "2026-06-30";
const subjects = Number(process.env.SUBJECTS ?? 10_000);
const next = random(2026);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
const base = parseIsoDate(asOf)!;
const day = (min: number, max: number): string =>
  formatIsoDate(addDays(base, min + Math.floor(next() * (max - min + 1))));
const hazards = Array.from({ length: subjects }, (_, i) => {
  const foundOn = day(-120, 5);
  const found = parseIsoDate(foundOn)!;
  const after = (max: number): string | null =>
    next() < 0.5 ? null : formatIsoDate(addDays(found, Math.floor(next() * max)));
  return {
    id: `h${i}`,
    level: pick(["一般", "一般", "一般", "重大"]),
    kind: pick(["通道", "电气", "消防设施", "其他"]),
    foundOn,
    listedOn: after(12),
    rectifyBy: next() < 0.8 ? formatIsoDate(addDays(found, 30 + Math.floor(next() * 30))) : null,
    rectifiedOn: after(90),
    deaths: next() < 0.02 ? 1 : 0,
    injured: Math.floor(next() * 4),
    inspected: next() < 0.5,
    venue: { name: `场所${i}`, floors: 1 + Math.floor(next() * 20) },
  };
});
const facts = { asOf, hazards };

const analyzed = analyze("policy.remit", memoryHost({ "policy.remit": source }));
if (!analyzed.policy) throw new Error(analyzed.diagnostics.map((d) => d.message.en).join("; "));
const checked = analyzed.policy;
const exported = exportPolicy(checked);
if (exported.diagnostics.length > 0)
  throw new Error(exported.diagnostics.map((d) => d.message.en).join("; "));
const policy = compileChecked(checked);

function remitOnce(): EvaluationResult {
  const outcome = policy.evaluate(facts);
  if (!("result" in outcome)) throw new Error(JSON.stringify(outcome.errors.slice(0, 3)));
  return outcome.result;
}

/** CPU milliseconds used by this process so far. */
function cpu(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

// Warm both up first: steady-state speed, not start-up costs.
const prepared = prepareEngines(exported);
const remitFindings = remitOnce().findings.map((f) => `${f.rule} ${f.subject.id} ${f.status}`);
await runExported(checked, prepared, { asOf, hazards: hazards.slice(0, 200) }, asOf);
for (let i = 0; i < 10; i++) remitOnce();

interface Timing {
  /** CPU time (user + system, all threads: the collector's and compiler's helpers too). */
  readonly cpu: number;
  /** Wall-clock time. */
  readonly wall: number;
}

/** CPU and wall-clock time of `run`, in milliseconds. */
async function timed(run: () => unknown): Promise<Timing> {
  const c0 = cpu();
  const w0 = performance.now();
  await run();
  return { cpu: cpu() - c0, wall: performance.now() - w0 };
}

const best = (a: Timing, b: Timing): Timing => ({
  cpu: Math.min(a.cpu, b.cpu),
  wall: Math.min(a.wall, b.wall),
});

// In rounds, each one json-rules-engine run beside the best of ten Remit runs, so a slow spell
// of the machine weighs on both sides of a round; the ratio reported is the rounds' median.
const rounds = Number(process.env.ROUNDS ?? 5);
const measured: { remit: Timing; jre: Timing }[] = [];
let jreDecisions: readonly string[] = [];
for (let round = 0; round < rounds; round++) {
  let remit: Timing = { cpu: Number.POSITIVE_INFINITY, wall: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 10; i++) remit = best(remit, await timed(remitOnce));
  const jre = await timed(async () => {
    const decisions = await runExported(checked, prepared, facts, asOf);
    jreDecisions = decisions.map((d) => `${d.rule} ${d.subject.id} ${d.status}`);
  });
  measured.push({ remit, jre });
}
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratios = (clock: keyof Timing): number[] => measured.map((m) => m.jre[clock] / m.remit[clock]);
const same = JSON.stringify([...remitFindings].sort()) === JSON.stringify([...jreDecisions].sort());
console.log(`subjects:           ${subjects}`);
console.log(
  `remit rules:        ${checked.rules.length} (exported as ${exported.rules.length} json-rules-engine rules)`,
);
console.log(
  `findings:           ${remitFindings.length} (json-rules-engine events: ${jreDecisions.length}, same decisions: ${same ? "yes" : "NO"})`,
);
for (const [i, m] of measured.entries())
  console.log(
    `round ${i + 1}:            remit ${m.remit.cpu.toFixed(1)} ms CPU, ${m.remit.wall.toFixed(1)} ms wall; json-rules-engine ${m.jre.cpu.toFixed(0)} ms CPU, ${m.jre.wall.toFixed(0)} ms wall`,
  );
for (const clock of ["cpu", "wall"] as const) {
  const r = ratios(clock);
  const label = clock === "cpu" ? "CPU time" : "wall clock";
  console.log(
    `${`ratio, ${label}:`.padEnd(20)}${median(r).toFixed(0)}× (remit faster; median of ${rounds} rounds, ${Math.min(...r).toFixed(0)}–${Math.max(...r).toFixed(0)}×; remit ${median(measured.map((m) => m.remit[clock])).toFixed(1)} ms, json-rules-engine ${median(measured.map((m) => m.jre[clock])).toFixed(0)} ms)`,
  );
}

// GoRules Zen: the same decisions as a decision graph (zen.ts), one evaluation per hazard. Zen's
// evaluate is asynchronous (the Rust core answers through a promise), so it is timed both one
// decision after another and with every decision in flight at once; the better figure counts.
const zen = zenDecision();
const zenOnce = async (): Promise<string[]> => {
  const results = await Promise.all(hazards.map((h) => zen(h, asOf)));
  return results.flatMap((r, i) =>
    zenRules.flatMap((rule) => (r[rule] == null ? [] : [`${rule} ${hazards[i]!.id} ${r[rule]}`])),
  );
};
const zenSequential = async (): Promise<void> => {
  for (const h of hazards) await zen(h, asOf);
};
const zenFindings = await zenOnce();
const zenSame = JSON.stringify([...remitFindings].sort()) === JSON.stringify([...zenFindings].sort());
const zenRounds: { remit: Timing; zen: Timing; zenSequential: Timing }[] = [];
for (let round = 0; round < rounds; round++) {
  let remit: Timing = { cpu: Number.POSITIVE_INFINITY, wall: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 10; i++) remit = best(remit, await timed(remitOnce));
  zenRounds.push({ remit, zen: await timed(zenOnce), zenSequential: await timed(zenSequential) });
}
const perDecision = (ms: number): string => `${((ms * 1000) / subjects).toFixed(2)} µs`;
const wallOf = (pick: (m: (typeof zenRounds)[number]) => Timing): number =>
  median(zenRounds.map((m) => pick(m).wall));
const zenBest = Math.min(
  wallOf((m) => m.zen),
  wallOf((m) => m.zenSequential),
);
console.log(
  `\nGoRules Zen ${"(decision graph, one expression node)"}: ${zenFindings.length} decisions, same as Remit: ${zenSame ? "yes" : "NO"}`,
);
console.log(
  `per hazard, wall:   remit ${perDecision(wallOf((m) => m.remit))}; Zen ${perDecision(wallOf((m) => m.zen))} all in flight, ${perDecision(wallOf((m) => m.zenSequential))} one at a time (median of ${rounds} rounds)`,
);
console.log(
  `ratio, wall clock:  ${(zenBest / wallOf((m) => m.remit)).toFixed(1)}× (remit ${zenBest >= wallOf((m) => m.remit) ? "faster" : "SLOWER"}; Zen's better figure against Remit's whole evaluation)`,
);
if (!same || !zenSame) process.exitCode = 1;
