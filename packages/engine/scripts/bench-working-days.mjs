/**
 * Micro-benchmark of working-day arithmetic against calendar-day arithmetic on the same inputs
 * (a report, not a test). After `pnpm tsc -b`:
 *
 *   node packages/engine/scripts/bench-working-days.mjs [--ops 2000000] [--rounds 15]
 *
 * It times adding N days and N working days to start dates spread over 2025-01 … 2026-08 (N from 1 to
 * 60), then whole deadlines (`computeDeadline`) in each unit, one paused interval each, and prints
 * the median time per operation and the ratio working days / calendar days.
 */
import {
  addDays,
  builtInCalendars,
  calendarIndex,
  computeDeadline,
  epochDayOf,
} from "../dist/calendar/index.js";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : fallback;
};
const ops = option("ops", 2_000_000);
const rounds = option("rounds", 15);

const index = calendarIndex(builtInCalendars.get("cn-mainland"));
const first = epochDayOf(2025, 1, 1);
const span = epochDayOf(2026, 8, 31) - first;

// A fixed pseudo-random sequence, so every run times the same inputs.
let seed = 2026;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const starts = Int32Array.from({ length: 4096 }, () => first + Math.floor(random() * span));
const amounts = Int32Array.from({ length: 4096 }, () => 1 + Math.floor(random() * 60));
const pauses = starts.map((start) => start + Math.floor(random() * 20));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median nanoseconds per operation of `run(count)`, which performs `count` operations in its own
 * loop (one loop per case, so no case pays for a call site shared with the others).
 */
function measure(count, run) {
  const times = [];
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    const checksum = run(count);
    times.push(Number(process.hrtime.bigint() - start) / count);
    if (Number.isNaN(checksum)) throw new Error("unreachable: keeps the results alive");
  }
  return median(times);
}

const addCalendar = measure(ops, (count) => {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += addDays(starts[i & 4095], amounts[i & 4095]);
  return sum;
});
const addWorking = measure(ops, (count) => {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += index.addWorkingDays(starts[i & 4095], amounts[i & 4095]).value;
  return sum;
});

const deadlineOps = Math.max(1, Math.floor(ops / 10));
const deadlines = (unit) => (count) => {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const j = i & 4095;
    const spec = {
      start: starts[j],
      amount: amounts[j],
      unit,
      pauses: [{ from: pauses[j], to: pauses[j] + 3 }],
    };
    sum += computeDeadline(spec, index).value.due;
  }
  return sum;
};
const deadlineCalendar = measure(deadlineOps, deadlines("days"));
const deadlineWorking = measure(deadlineOps, deadlines("working days"));

const row = (what, calendarNs, workingNs) =>
  `${what.padEnd(34)} ${calendarNs.toFixed(1).padStart(8)} ns ${workingNs.toFixed(1).padStart(8)} ns ${(workingNs / calendarNs).toFixed(2).padStart(7)}×`;
console.log(`${"".padEnd(34)} ${"days".padStart(11)} ${"working days".padStart(11)}   ratio`);
console.log(row("add N", addCalendar, addWorking));
console.log(row("deadline, one pause (computeDeadline)", deadlineCalendar, deadlineWorking));
