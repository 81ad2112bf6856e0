/**
 * Random policies in the subset json-rules-engine export covers, and random facts for them.
 * One collection with a field of each kind, definitions with a parameter and a `let` in every rule; rules of every kind whose conditions are random trees
 * of comparisons, boolean logic, null tests, membership and date arithmetic. Values cluster at the
 * boundaries the rules test (limits ± 1, dates a day either side of a deadline).
 */
import { addDays, formatIsoDate, parseIsoDate } from "@remit/engine";
import fc from "fast-check";

/** One differential case: a policy, a facts document and the evaluation date. */
export interface DifferentialCase {
  readonly source: string;
  readonly facts: { readonly asOf: string; readonly items: readonly Record<string, unknown>[] };
}

const header = (
  since: boolean,
  warning: number | undefined,
): string => `policy "differential"${warning === undefined ? "" : ` warning ${warning} days`}
clause 1 "generated"
param limit: integer = 3
param span: duration = 10 days
collection items${since ? " since opened" : ""} {
  n: integer
  m: optional integer
  x: optional decimal
  t: enum("a", "b", "c")
  s: optional text
  ok: bool
  flag: optional bool
  opened: date
  done: optional date
  due: optional planned date
  tags: list text
  addr: record { city: text zip: optional integer }
}
define big(i: items): bool = i.n > limit or i.addr.zip >= limit
define seen(i: items) = if i.ok then i.done else none
`;

const op = fc.constantFrom("=", "!=", "<", "<=", ">", ">=");
const eqOp = fc.constantFrom("=", "!=");
const small = fc.integer({ min: -1, max: 5 });
const duration = fc.oneof(
  fc.integer({ min: 0, max: 31 }).map((n) => `${n} days`),
  fc.integer({ min: 1, max: 2 }).map((n) => `${n} month${n === 1 ? "" : "s"}`),
  fc.constant("span"),
);
const dateTerm = fc.oneof(
  fc.constantFrom("x.opened", "x.done", "x.due", "asOf", "2026-02-28", "2026-03-01", "2026-03-31"),
  fc.constantFrom(
    "(if x.ok then x.done else none)",
    "(if x.n > 2 then x.opened else x.due)",
    "(if x.flag then x.due + 1 month else 2026-03-01)",
  ),
  fc
    .tuple(fc.constantFrom("x.opened", "x.done", "x.due", "asOf"), fc.constantFrom("+", "-"), duration)
    .map(([d, s, n]) => `${d} ${s} ${n}`),
);

const leaf: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom("x.n", "x.m", "x.x", "x.addr.zip"), op, small)
    .map(([f, o, k]) => `${f} ${o} ${k}`),
  fc.tuple(small, op, fc.constantFrom("x.n", "x.m")).map(([k, o, f]) => `${k} ${o} ${f}`),
  fc
    .tuple(fc.constantFrom("x.n", "x.m"), op, fc.constantFrom("x.m", "x.x", "limit"))
    .map(([a, o, b]) => `${a} ${o} ${b}`),
  fc
    .tuple(fc.constantFrom("x.t", "x.s"), eqOp, fc.constantFrom('"a"', '"b"'))
    .map(([f, o, v]) => `${f} ${o} ${v}`),
  fc
    .tuple(fc.constantFrom("x.t", "x.s"), fc.subarray(["a", "b", "c"]))
    .map(([f, vs]) => `${f} in [${vs.map((v) => `"${v}"`).join(", ")}]`),
  fc
    .tuple(fc.constantFrom("x.n", "x.m"), fc.subarray([0, 1, 2, 3]))
    .map(([f, vs]) => `${f} in [${vs.join(", ")}]`),
  fc.constantFrom('"a" in x.tags', '"b" in x.tags', "x.s in x.tags", 'x.addr.city = "a"', "x.t = x.s"),
  fc.constantFrom("big(x)", "k > 1", "k is set", "seen(x) is set", "seen(x) + 3 days > asOf", "k in [1, 2]"),
  fc.constantFrom("x.ok", "x.flag", "x.flag = true", "x.ok != x.flag", "true", "false"),
  fc
    .tuple(
      fc.constantFrom("x.m", "x.x", "x.s", "x.flag", "x.done", "x.due", "x.opened", "x.addr.zip"),
      fc.boolean(),
    )
    .map(([f, set]) => `${f} ${set ? "is set" : "is missing"}`),
  fc.tuple(dateTerm, op, dateTerm).map(([a, o, b]) => `${a} ${o} ${b}`),
);

export const condition: fc.Arbitrary<string> = fc.letrec<{ c: string }>((tie) => ({
  c: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(tie("c"), fc.constantFrom("and", "or"), tie("c")).map(([a, o, b]) => `(${a} ${o} ${b})`),
    tie("c").map((a) => `not ${a}`),
    fc.tuple(tie("c"), tie("c"), tie("c")).map(([a, b, c]) => `(if ${a} then ${b} else ${c})`),
  ),
})).c;

const modality = fc.constantFrom("must", "should", "may");
// The filter comes before the rule's `let`, so it reads the field itself.
const where = fc
  .option(condition, { nil: undefined })
  .map((c) => (c === undefined ? "" : ` where ${c.replace(/\bk\b/g, "x.m")}`));

const rule = (id: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .tuple(modality, where, condition)
      .map(
        ([m, w, c]) => `duty ${id} "${id}" ${m} cites 1 for each x in items${w} let k = x.m requires ${c}`,
      ),
    fc
      .tuple(
        modality,
        where,
        fc.constantFrom("x.done", "x.opened", "(if x.flag then x.done else none)"),
        fc.oneof(
          duration.map((d) => `within ${d} of x.opened`),
          fc.constantFrom(
            "by x.due",
            "by 2026-03-10",
            "by x.opened + 1 month",
            "within 5 days of x.due",
            "by (if x.ok then x.due else x.opened + 20 days)",
          ),
        ),
      )
      .map(
        ([m, w, r, d]) =>
          `duty ${id} "${id}" ${m} cites 1 for each x in items${w} let k = x.m requires ${r} ${d}`,
      ),
    fc
      .tuple(
        where,
        fc.constantFrom("x.opened", "x.done", "x.due"),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 20 }),
        fc.option(condition, { nil: undefined }),
        fc.oneof(
          fc.constant(""),
          fc.constant(" closes x.done"),
          condition.map((c) => ` closes ${c}`),
        ),
        fc.constantFrom("", " overdue after x.due", " overdue after x.opened + 5 days"),
      )
      .map(
        ([w, start, a, b, when, closes, overdue]) =>
          `escalation ${id} "${id}" must cites 1 for each x in items${w} let k = x.m starts ${start} level low level mid after ${a} days level high after ${a + b} days${when === undefined ? "" : ` level top when ${when}`}${closes}${overdue}`,
      ),
    fc
      .tuple(
        where,
        fc.constantFrom("x.opened", "x.due", "x.done", "2026-03-01"),
        fc.array(condition, { minLength: 1, maxLength: 2 }),
      )
      .map(
        ([w, at, causes]) =>
          `accountability ${id} "${id}" must cites 1 for each x in items${w} let k = x.m as at ${at} ${causes.map((c, i) => `cause "c${i}" when ${c}`).join(" ")}`,
      ),
  );

const asOfs = ["2026-02-28", "2026-03-01", "2026-03-15", "2026-03-31"] as const;
// Days from the evaluation date: both sides of 10- and 30-day deadlines, and a month or two back.
const offsets = [-62, -31, -30, -29, -11, -10, -9, -5, -1, 0, 1, 5, 9, 10, 11, 29, 30, 31];

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 3 });
const offset = fc.constantFrom(...offsets);

// Dates are drawn as offsets and placed once the evaluation date is known, so that facts shrink
// independently of it.
const item = fc.record({
  n: small,
  m: maybe(small),
  x: maybe(fc.constantFrom(-1, 0, 1.5, 2, 3, 4.25)),
  t: fc.constantFrom("a", "b", "c"),
  s: maybe(fc.constantFrom("a", "b", "c")),
  ok: fc.boolean(),
  flag: maybe(fc.boolean()),
  opened: offset,
  done: maybe(offset),
  due: maybe(offset),
  tags: fc.subarray(["a", "b", "c"]),
  addr: fc.record({ city: fc.constantFrom("a", "b"), zip: maybe(small) }),
});

function place(asOf: string, days: number | null): string | null {
  return days === null ? null : formatIsoDate(addDays(parseIsoDate(asOf)!, days));
}

export const differentialCase: fc.Arbitrary<DifferentialCase> = fc
  .tuple(
    fc.boolean(),
    fc.option(fc.constantFrom(0, 5, 10), { nil: undefined }),
    fc.array(rule("RULE"), { minLength: 1, maxLength: 3 }),
    fc.constantFrom(...asOfs),
    fc.array(item, { maxLength: 4 }),
  )
  .map(([since, warning, rules, asOf, items]) => ({
    source: `${header(since, warning)}\n${rules.map((r, i) => r.replaceAll("RULE", `r${i + 1}`)).join("\n\n")}\n`,
    facts: {
      asOf,
      items: items.map((it, i) => ({
        id: `i${i}`,
        ...it,
        opened: place(asOf, it.opened),
        done: place(asOf, it.done),
        due: place(asOf, it.due),
      })),
    },
  }));
