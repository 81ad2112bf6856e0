/**
 * Working-day deadlines through the whole engine (compile, evaluate, sessions) against a naive
 * day-by-day count over the shipped calendar's own lists: pauses, rollover, overdue days in
 * working days, and dates past the calendar's last year reported rather than guessed.
 */
import {
  builtInCalendars,
  compile,
  type EvaluationResult,
  formatIsoDate,
  type Policy,
  parseIsoDate,
  Session,
} from "@remit/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const calendar = builtInCalendars.get("cn-mainland")!;
const lastCovered = parseIsoDate("2026-12-31")!;

/** Straight from the calendar's lists: listed days off and make-up days, else Monday to Friday. */
function isWorkingDay(day: number): boolean {
  const iso = formatIsoDate(day);
  const year = calendar.years[iso.slice(0, 4)]!;
  if (Object.hasOwn(year.daysOff, iso)) return false;
  if (Object.hasOwn(year.workingDays, iso)) return true;
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return weekday !== 0 && weekday !== 6;
}

interface Pause {
  readonly from: number;
  readonly to: number | null;
}

/** Day by day: the start not counted, paused days skipped, rolled over when asked; undefined past the calendar. */
function naiveDue(
  start: number,
  amount: number,
  working: boolean,
  pauses: readonly Pause[],
  asOf: number,
  rollOver: boolean,
): number | undefined {
  const paused = (day: number) => pauses.some((p) => day >= p.from && day <= (p.to ?? asOf));
  let day = start;
  for (let counted = 0; counted < amount; ) {
    day++;
    if (day > lastCovered) return undefined;
    if (!paused(day) && (!working || isWorkingDay(day))) counted++;
  }
  if (rollOver) {
    while (!isWorkingDay(day)) {
      day++;
      if (day > lastCovered) return undefined;
    }
  }
  return day;
}

function naiveWorkingDaysBetween(a: number, b: number): number {
  let count = 0;
  for (let day = a + 1; day <= b; day++) if (isWorkingDay(day)) count++;
  return count;
}

function policyOf(unit: "working days" | "days", rollOver: boolean): Policy {
  const out = compile(`policy "p" calendar "cn-mainland"${rollOver ? " rollover" : ""}
clause 1 "c"
collection requests {
  receivedOn: date
  answeredOn: optional date
  amount: integer
  pauses: list record { from: date to: optional date }
}
duty answer "answer" must cites 1 for each r in requests holder "office"
  requires r.answeredOn
  within r.amount * 1 ${unit === "days" ? "day" : "working day"} of r.receivedOn
    excluding p.from to p.to for each p in r.pauses
`);
  if (!("policy" in out)) throw new Error(out.diagnostics.map((d) => d.message.en).join("; "));
  return out.policy;
}

const firstDay = parseIsoDate("2025-01-01")!;
const asOf = parseIsoDate("2026-12-31")!;
const day = (from: number, to: number) => fc.integer({ min: from, max: to });

const requestArbitrary = day(firstDay, asOf - 5).chain((start) =>
  fc.record({
    start: fc.constant(start),
    amount: fc.integer({ min: 0, max: 45 }),
    pauses: fc.array(
      fc
        .tuple(day(start - 10, Math.min(asOf, start + 80)), fc.integer({ min: 0, max: 20 }), fc.boolean())
        .map(([from, length, open]): Pause => ({ from, to: open ? null : Math.min(asOf, from + length) })),
      { maxLength: 3 },
    ),
  }),
);

type Request = { start: number; amount: number; pauses: readonly Pause[] };

function factsOf(requests: readonly Request[]) {
  return {
    asOf: formatIsoDate(asOf),
    requests: requests.map((r, i) => ({
      id: `R${String(i).padStart(2, "0")}`,
      receivedOn: formatIsoDate(r.start),
      answeredOn: null,
      amount: r.amount,
      pauses: r.pauses.map((p) => ({
        from: formatIsoDate(p.from),
        to: p.to === null ? null : formatIsoDate(p.to),
      })),
    })),
  };
}

function evaluated(policy: Policy, facts: unknown): EvaluationResult {
  const out = policy.evaluate(facts);
  if ("errors" in out) throw new Error(out.errors.map((e) => `${e.path}: ${e.message.en}`).join("; "));
  return out.result;
}

describe.each([
  ["working days", false],
  ["working days", true],
  ["days", true],
  ["days", false],
] as const)("a deadline in %s (rollover: %s) through the engine", (unit, rollOver) => {
  const policy = policyOf(unit, rollOver);

  it("falls on the day a day-by-day count gives, with overdue days in its own unit", () => {
    fc.assert(
      fc.property(fc.array(requestArbitrary, { minLength: 1, maxLength: 4 }), (requests) => {
        const result = evaluated(policy, factsOf(requests));
        requests.forEach((request, i) => {
          const finding = result.findings.find((f) => f.subject.id === `R${String(i).padStart(2, "0")}`)!;
          // Open pauses run to the evaluation date, which is inside the calendar.
          const paused = request.pauses.map((p) => ({ from: p.from, to: p.to ?? asOf }));
          const due = naiveDue(
            request.start,
            request.amount,
            unit === "working days",
            paused,
            asOf,
            rollOver,
          );
          const countsOnCalendar = unit === "working days" || rollOver;
          if (due === undefined && countsOnCalendar) {
            expect(finding.due).toBeUndefined();
            expect(finding.warnings?.[0]?.code).toBe("calendar-not-covering");
            return;
          }
          if (due === undefined) return; // calendar days past 2026 need no calendar: not judged here
          expect(finding.due).toBe(formatIsoDate(due));
          expect(finding.warnings).toBeUndefined();
          if (due < asOf) {
            expect(finding.status).toBe("overdue");
            expect(finding.overdueDays).toBe(
              unit === "working days" ? naiveWorkingDaysBetween(due, asOf) : asOf - due,
            );
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe("sessions with working-day deadlines and pauses", () => {
  const policy = policyOf("working days", true);

  it("agree with a full evaluation after every update", () => {
    fc.assert(
      fc.property(
        fc.array(requestArbitrary, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), requestArbitrary), { minLength: 1, maxLength: 4 }),
        (initial, updates) => {
          const requests = [...initial];
          const session = policy.open(factsOf(requests));
          if (!(session instanceof Session)) throw new Error("facts rejected");
          for (const [at, replacement] of updates) {
            const index = at % requests.length;
            requests[index] = replacement;
            const next = factsOf(requests);
            const outcome = session.update((draft) => {
              const facts = draft as unknown as ReturnType<typeof factsOf>;
              facts.requests[index] = next.requests[index]!;
            });
            if ("errors" in outcome) throw new Error("valid update");
            expect(JSON.stringify(session.result())).toBe(JSON.stringify(evaluated(policy, next)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
