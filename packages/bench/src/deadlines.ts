/**
 * One duty with a deadline in working days and the same duty in calendar days, on the same
 * requests: what counting on a calendar costs (issue target: at most 1.5× the calendar days).
 */
import { Random } from "./random.js";

/** The duty counted in `unit`: 20 working days, or 28 calendar days (about as long). */
export function deadlinePolicy(unit: "working days" | "days"): string {
  const length = unit === "working days" ? 20 : 28;
  return `policy "deadlines" calendar "cn-mainland" warning 5 days
clause 1 "answer"
collection requests { receivedOn: date  answeredOn: optional date }
duty answer "answer a request" must cites 1 for each r in requests holder "office"
  requires r.answeredOn within ${length} ${unit} of r.receivedOn
`;
}

export interface Requests {
  readonly asOf: string;
  readonly requests: readonly { id: string; receivedOn: string; answeredOn: string | null }[];
}

const iso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** `count` requests received over 2025–2026, two in three answered within about two months. */
export function generateRequests(seed: number, count: number): Requests {
  const random = new Random(seed);
  const first = Date.UTC(2025, 0, 1) / 86_400_000;
  const last = Date.UTC(2026, 10, 27) / 86_400_000;
  const requests = [];
  for (let i = 0; i < count; i++) {
    const received = random.int(first, last);
    const answered = random.chance(2 / 3) ? Math.min(received + random.int(0, 60), last) : undefined;
    requests.push({
      id: `R${String(i).padStart(7, "0")}`,
      receivedOn: iso(received),
      answeredOn: answered === undefined ? null : iso(answered),
    });
  }
  return { asOf: "2026-11-28", requests };
}
