/**
 * Whole-engine benchmark of a working-day deadline against a calendar-day one (a report, not a
 * test). After `pnpm tsc -b`:
 *
 *   node packages/engine/scripts/bench-deadline-policies.mjs [--requests 20000] [--rounds 9]
 *
 * Compiles two policies that differ only in the unit of one `within` deadline (20 days, 20 working
 * days), evaluates the same requests (received over 2025-01 … 2026-10, a third of them with a
 * paused consultation, the explanations not read) and prints the median time per evaluation and
 * the ratio working days / calendar days.
 */
import { compile } from "../dist/index.js";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : fallback;
};
const count = option("requests", 20_000);
const rounds = option("rounds", 9);

const policyOf = (unit) => `policy "bench" calendar "cn-mainland"
clause 1 "c"
collection requests {
  receivedOn: date
  answeredOn: optional date
  consultations: list record { from: date to: optional date }
}
duty answer "answer" must cites 1 for each r in requests holder "office"
  requires r.answeredOn
  within 20 ${unit} of r.receivedOn
    excluding c.from to c.to for each c in r.consultations
`;

const iso = (epochDay) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
const first = Date.UTC(2025, 0, 1) / 86_400_000;
const span = Date.UTC(2026, 9, 31) / 86_400_000 - first;
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const requests = Array.from({ length: count }, (_, i) => {
  const received = first + Math.floor(random() * span);
  const answered = random() < 0.5 ? received + Math.floor(random() * 40) : null;
  const consultations =
    i % 3 === 0 ? [{ from: iso(received + 2), to: iso(received + 2 + Math.floor(random() * 10)) }] : [];
  return {
    id: `R${i}`,
    receivedOn: iso(received),
    answeredOn: answered === null ? null : iso(answered),
    consultations,
  };
});
const facts = { asOf: "2026-12-31", requests };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(unit) {
  const { policy, diagnostics } = compile(policyOf(unit));
  if (!policy) throw new Error(diagnostics.map((d) => d.message.en).join("; "));
  const times = [];
  let findings = 0;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    const out = policy.evaluate(facts);
    times.push(performance.now() - start);
    findings = out.result.findings.length;
  }
  return { ms: median(times), findings };
}

time("days");
time("working days");
const days = time("days");
const working = time("working days");
console.log(`${count} requests, ${rounds} rounds, median per evaluation`);
console.log(`within 20 days:         ${days.ms.toFixed(1)} ms (${days.findings} findings)`);
console.log(`within 20 working days: ${working.ms.toFixed(1)} ms (${working.findings} findings)`);
console.log(`ratio working days / calendar days: ${(working.ms / days.ms).toFixed(2)}`);
