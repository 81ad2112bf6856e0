import type { BuiltinFunction } from "./model.js";

/** Built-in functions by both spellings (docs/language.md, "Built-in names and functions"). */
export const builtinFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ["daysBetween", "daysBetween"],
  ["相隔天数", "daysBetween"],
  ["year", "year"],
  ["年份", "year"],
  ["month", "month"],
  ["月份", "month"],
  ["startOfMonth", "startOfMonth"],
  ["月初", "startOfMonth"],
  ["endOfMonth", "endOfMonth"],
  ["月末", "endOfMonth"],
  ["startOfQuarter", "startOfQuarter"],
  ["季初", "startOfQuarter"],
  ["endOfQuarter", "endOfQuarter"],
  ["季末", "endOfQuarter"],
  ["startOfYear", "startOfYear"],
  ["年初", "startOfYear"],
  ["endOfYear", "endOfYear"],
  ["年末", "endOfYear"],
  ["length", "length"],
  ["长度", "length"],
  ["text", "text"],
  ["文本化", "text"],
]);

/** `asOf` / `评估日`: the as-at date. */
export const asOfNames: ReadonlySet<string> = new Set(["asOf", "评估日"]);

/** `period` / `周期`: the period being judged in a recurring duty. */
export const periodNames: ReadonlySet<string> = new Set(["period", "周期"]);

/** `period.start` / `period.开始`, `period.end` / `period.结束`. */
export const periodMembers: ReadonlyMap<string, "start" | "end"> = new Map<string, "start" | "end">([
  ["start", "start"],
  ["开始", "start"],
  ["end", "end"],
  ["结束", "end"],
]);
