/**
 * The engine's slot of the built-in registry (`@remit/lang`'s `builtinFunctionDeclarations`): one
 * implementation per built-in, keyed by every name, so a new built-in does not compile until it
 * runs. Implementations see values as the engine holds them (dates as epoch days); the compiler
 * handles `none` for the built-ins whose signature propagates it.
 */
import type { BuiltinFunction, Type } from "@remit/lang";
import {
  endOfMonth,
  endOfQuarter,
  endOfYear,
  monthOf,
  startOfMonth,
  startOfQuarter,
  startOfYear,
  yearOf,
} from "../calendar/index.js";
import { type CalendarState, countBetween } from "./durations.js";
import { textOf } from "./expr.js";
import type { Value } from "./values.js";

/** A function's implementation over its arguments' values (and the evaluation's calendar). */
export type Implementation = (args: readonly Value[], calendar: CalendarState) => Value;

/**
 * A built-in function's implementation for the argument types the checker found, made once per
 * call site: `text` formats by its argument's type.
 */
export type BuiltinImplementation = (argumentTypes: readonly Type[]) => Implementation;

function ofDate(fn: (day: number) => number): BuiltinImplementation {
  return () => (args) => fn(args[0] as number);
}

function pick(args: readonly Value[], choose: (a: number, b: number) => number): Value {
  const [a, b] = args as readonly (number | null)[];
  if (a === null || a === undefined) return b ?? null;
  if (b === null || b === undefined) return a;
  return choose(a, b);
}

/**
 * @example
 * ```ts
 * import { builtinImplementations, formatIsoDate, noCalendar, parseIsoDate } from "@remit/engine";
 * const found = parseIsoDate("2026-08-14");
 * if (found === undefined) throw new Error("not a date");
 * const endOfQuarter = builtinImplementations.endOfQuarter([{ kind: "date", planned: false }]);
 * const end = endOfQuarter([found], noCalendar());
 * console.log(typeof end === "number" && formatIsoDate(end)); // 2026-09-30
 * console.log(builtinImplementations.laterOf([])([found, null], noCalendar()) === found); // true
 * ```
 */
export const builtinImplementations: { readonly [Name in BuiltinFunction]: BuiltinImplementation } = {
  daysBetween: () => (args) => (args[1] as number) - (args[0] as number),
  workingDaysBetween: () => (args, calendar) =>
    countBetween(args[0] as number, args[1] as number, "working day", calendar),
  // `none` is no date: the other one is the answer.
  earlierOf: () => (args) => pick(args, (a, b) => Math.min(a, b)),
  laterOf: () => (args) => pick(args, (a, b) => Math.max(a, b)),
  year: ofDate(yearOf),
  month: ofDate(monthOf),
  startOfMonth: ofDate(startOfMonth),
  endOfMonth: ofDate(endOfMonth),
  startOfQuarter: ofDate(startOfQuarter),
  endOfQuarter: ofDate(endOfQuarter),
  startOfYear: ofDate(startOfYear),
  endOfYear: ofDate(endOfYear),
  // `length` does not propagate `none` in its type (a missing list counts nothing), yet reads none.
  length: () => (args) => {
    const list = args[0] ?? null;
    return list === null ? null : (list as readonly Value[]).length;
  },
  text: ([type]) => {
    const toText = textOf(type ?? { kind: "none" });
    return (args) => toText(args[0] ?? null);
  },
};
