import { describe, expect, it } from "vitest";
import { builtInCalendars, type Calendar, parseCalendar } from "../calendar/index.js";
import { compile } from "../policy.js";

const source = (header: string) => `${header}
clause 1 "c"
collection requests { receivedOn: date  answeredOn: optional date }
duty answer "answer" must cites 1 for each r in requests holder "office"
  requires r.answeredOn within 20 working days of r.receivedOn
`;

const facts = {
  asOf: "2026-11-02",
  requests: [{ id: "A", receivedOn: "2026-09-15", answeredOn: null }],
};

function dueOf(policyHeader: string, options: Parameters<typeof compile>[1] = {}, days?: unknown) {
  const out = compile(source(policyHeader), options);
  if (!("policy" in out)) return out.diagnostics.map((d) => d.code);
  const evaluated = out.policy.evaluate(facts, days === undefined ? {} : { calendarDays: days as never });
  if ("errors" in evaluated) return evaluated.errors.map((e) => `${e.path} ${e.code}`);
  return evaluated.result.findings[0]?.due;
}

describe("the calendar of a policy", () => {
  it("counts on the calendar the header names, across the National Day holiday and its make-up days", () => {
    expect(dueOf('policy "p" calendar "cn-mainland"')).toBe("2026-10-19");
  });

  it("takes a county's days off for one evaluation, and rejects days the calendar does not cover", () => {
    const county = { daysOff: { "2026-10-09": "县放假通知" } };
    expect(dueOf('policy "p" calendar "cn-mainland"', {}, county)).toBe("2026-10-20");
    expect(dueOf('policy "p" calendar "cn-mainland"', {}, { daysOff: { "2030-01-02": "" } })).toEqual([
      'options.calendarDays.daysOff["2030-01-02"] date-outside-year',
    ]);
  });

  it("takes days off and working days from the facts' own calendarDays, checked with their JSON paths", () => {
    const out = compile(source('policy "p" calendar "cn-mainland"'));
    if (!("policy" in out)) throw new Error("compiles");
    const dueWith = (calendarDays: unknown, options: { calendarDays?: never } = {}) => {
      const evaluated = out.policy.evaluate({ ...facts, calendarDays }, options);
      if ("errors" in evaluated) return evaluated.errors.map((e) => `${e.path} ${e.code}`);
      return evaluated.result.findings[0]?.due;
    };
    expect(dueWith(undefined)).toBe("2026-10-19");
    // The county's own notice moves the deadline a working day later; a make-up working day back.
    expect(dueWith({ daysOff: { "2026-10-09": "县放假通知" } })).toBe("2026-10-20");
    expect(dueWith({ workingDays: { "2026-10-17": "县调休通知" } })).toBe("2026-10-17");
    // The host's days come after the facts' and win where both speak of one day.
    expect(
      dueWith(
        { daysOff: { "2026-10-09": "县放假通知" } },
        {
          calendarDays: { workingDays: { "2026-10-09": "上班" } } as never,
        },
      ),
    ).toBe("2026-10-19");
    expect(dueWith({ daysOff: { "2030-01-02": "", "2026-02-30": "" }, holidays: {} })).toEqual([
      "calendarDays.holidays unknown-field",
    ]);
    expect(dueWith({ daysOff: { "2030-01-02": "", "2026-02-30": "" } })).toEqual([
      'calendarDays.daysOff["2030-01-02"] date-outside-year',
      'calendarDays.daysOff["2026-02-30"] invalid-date',
    ]);
    expect(dueWith([])).toEqual(["calendarDays invalid-type"]);
    const plain = compile(source('policy "p"').replace("working days", "days"));
    if (!("policy" in plain)) throw new Error("compiles");
    const refused = plain.policy.evaluate({ ...facts, calendarDays: { daysOff: {} } });
    expect("errors" in refused && refused.errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      "calendarDays no-calendar",
    ]);
  });

  it("re-counts a session's deadlines when an update changes the facts' calendarDays", () => {
    const out = compile(source('policy "p" calendar "cn-mainland"'));
    if (!("policy" in out)) throw new Error("compiles");
    const session = out.policy.open(facts);
    if ("errors" in session) throw new Error("opens");
    const changed = session.update((draft) => {
      (draft as Record<string, unknown>).calendarDays = { daysOff: { "2026-10-09": "县放假通知" } };
    });
    expect("errors" in changed).toBe(false);
    expect(session.result().findings[0]?.due).toBe("2026-10-20");
  });

  it("uses a host's calendar by its name, and tells an unknown name the calendars there are", () => {
    const base = builtInCalendars.get("cn-mainland")!;
    // A calendar where 2026-10-07 is a working day, not part of the National Day holiday.
    const years = {
      ...base.years,
      "2026": { ...base.years["2026"]!, daysOff: { ...base.years["2026"]!.daysOff } },
    };
    delete (years["2026"].daysOff as Record<string, string>)["2026-10-07"];
    const parsed = parseCalendar({ name: "county", source: "test", years });
    if ("errors" in parsed) throw new Error("valid calendar");
    const calendars: Calendar[] = [parsed.calendar];
    expect(dueOf('policy "p" calendar "county"', { calendars })).toBe("2026-10-16");
    expect(dueOf('policy "p" calendar "county"')).toEqual(["R3023"]);
    expect(dueOf('policy "p"')).toEqual(["R5018"]);
  });
});

describe("an escalation threshold in working days", () => {
  it("reaches the level on the day after the N-th working day, across the National Day holiday", () => {
    const out = compile(`policy "p" calendar "cn-mainland"
clause 1 "c"
collection requests { receivedOn: date  answeredOn: optional date }
escalation ladder "ladder" must cites 1 for each r in requests holder "office"
  starts r.receivedOn
  level office "office"
  level head "head" after 5 working days
  closes r.answeredOn
`);
    if (!("policy" in out)) throw new Error(out.diagnostics.map((d) => d.message.en).join("; "));
    const evaluated = out.policy.evaluate({
      asOf: "2026-10-20",
      requests: [{ id: "A", receivedOn: "2026-09-29", answeredOn: null }],
    });
    if ("errors" in evaluated) throw new Error("valid facts");
    // Working days after 09-29: 09-30, then 10-08 (Thu, after the holiday), 10-09, 10-10 (make-up Saturday), 10-12.
    expect(evaluated.result.findings[0]).toMatchObject({ status: "head", reached: { head: "2026-10-13" } });
  });
});
