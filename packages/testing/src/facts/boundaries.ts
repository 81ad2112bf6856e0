/**
 * The values a policy's rules turn on: the literals written in it and its parameter defaults.
 * Facts drawn near them (a threshold and its neighbours, a date a deadline away from the
 * evaluation date) are the ones most likely to tell a correct engine from a subtly wrong one.
 */
import { type Policy, parseDuration } from "@remit/engine";
import { type DurationUnit, forEachChild, type Node } from "@remit/lang";

export interface Boundaries {
  /** Dates written in the policy or given as parameter defaults (`YYYY-MM-DD`), sorted. */
  readonly dates: readonly string[];
  /** Numbers written in the policy or given as parameter defaults, sorted. */
  readonly numbers: readonly number[];
  /** Exact durations, in days (`7 days`, `1 week` → 7), sorted. */
  readonly days: readonly number[];
  /** Calendar durations, in months (`1 quarter` → 3), sorted. */
  readonly months: readonly number[];
  /** Short strings written in the policy (enum values, compared texts, holders). */
  readonly texts: readonly string[];
}

/** Longer strings are titles and clause text, not values facts are compared with. */
const maxTextLength = 24;

/** Exact units in days, calendar units in months: the two kinds of duration facts are drawn in. */
const unitLength: Readonly<Record<DurationUnit, { readonly days: number } | { readonly months: number }>> = {
  day: { days: 1 },
  week: { days: 7 },
  month: { months: 1 },
  quarter: { months: 3 },
  year: { months: 12 },
  // Near enough for drawing dates around a boundary: a working-day deadline ends a little later.
  workingDay: { days: 1 },
};

interface Collected {
  readonly dates: Set<string>;
  readonly numbers: Set<number>;
  readonly days: Set<number>;
  readonly months: Set<number>;
  readonly texts: Set<string>;
}

function collect(node: Node, into: Collected): void {
  switch (node.kind) {
    case "DateLiteral":
      into.dates.add(node.value);
      return;
    case "NumberLiteral":
      into.numbers.add(node.value);
      return;
    case "DurationLiteral": {
      const length = unitLength[node.unit];
      if ("days" in length) into.days.add(node.amount * length.days);
      else into.months.add(node.amount * length.months);
      return;
    }
    case "StringLiteral":
      if (node.value.length <= maxTextLength) into.texts.add(node.value);
      return;
    case "Comment":
      return;
  }
  // A clause's text is prose, not a value facts meet.
  const prose = node.kind === "ClauseDecl" ? node.text : undefined;
  forEachChild(node, (child) => {
    if (child !== prose) collect(child, into);
  });
}

const byNumber = (a: number, b: number): number => a - b;

/**
 * The dates, numbers, durations and short texts a policy's rules turn on, where facts are most worth drawing.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { boundariesOf } from "@remit/testing";
 * const compiled = compile(`policy "listing"
 * param grace: duration = 7 days
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date  level: enum("一般", "重大") }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within grace of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const policy = compiled.policy;
 * const boundaries = boundariesOf(policy);
 * console.log(boundaries.days, boundaries.texts.includes("重大")); // [ 7 ] true
 * ```
 */
export function boundariesOf(policy: Policy): Boundaries {
  const into: Collected = {
    dates: new Set(),
    numbers: new Set(),
    days: new Set(),
    months: new Set(),
    texts: new Set(),
  };
  for (const module of policy.checked.modules) collect(module, into);
  for (const param of policy.params) {
    const value = param.default;
    const type = policy.checked.params.get(param.key)?.type;
    const inner = type?.kind === "optional" ? type.inner : type;
    if (inner?.kind === "date" && typeof value === "string") into.dates.add(value);
    else if (inner?.kind === "number" && typeof value === "number") into.numbers.add(value);
    else if (inner?.kind === "duration") {
      const duration = parseDuration(value);
      if (duration?.unit === "day") into.days.add(duration.amount);
      else if (duration?.unit === "month") into.months.add(duration.amount);
    } else if (inner?.kind === "text" && typeof value === "string" && value.length <= maxTextLength) {
      into.texts.add(value);
    }
  }
  return {
    dates: [...into.dates].sort(),
    numbers: [...into.numbers].sort(byNumber),
    days: [...into.days].sort(byNumber),
    months: [...into.months].sort(byNumber),
    texts: [...into.texts].sort(),
  };
}
