/**
 * The default of an exhaustive switch over a closed set: `value` has type `never` there, so a new
 * member of the set fails to compile until the switch handles it. Reaching it at run time means a
 * value from outside the set got in (unchecked JSON, a stale build).
 * @example
 * ```ts
 * import { assertNever, type Severity } from "@remit/lang";
 * function label(severity: Severity): string {
 *   switch (severity) {
 *     case "error":
 *       return "must fix";
 *     case "warning":
 *       return "should fix";
 *     case "info":
 *       return "for information";
 *     default:
 *       // A new severity fails to compile here until it is handled above.
 *       return assertNever(severity, "severity");
 *   }
 * }
 * console.log(label("warning")); // should fix
 * ```
 */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
