/**
 * The default of an exhaustive switch over a closed set: `value` has type `never` there, so a new
 * member of the set fails to compile until the switch handles it. Reaching it at run time means a
 * value from outside the set got in (unchecked JSON, a stale build).
 */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
