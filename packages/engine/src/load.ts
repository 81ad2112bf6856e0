/**
 * Policies compiled ahead of time: the full entry writes a compiled policy as text
 * (`serializePolicy`), and the runtime entry (`@remit/engine/runtime`, without
 * the parser and checker) reads it back. Both sides evaluate alike: the text holds the checked
 * model and its source files, so the hash and the explanations are the same.
 */
import { type Bilingual, type DeserializeError, deserializeChecked, type HostFunction } from "@remit/lang";
import type { Calendar } from "./calendar/index.js";
import { calendarsOf, compileChecked, type Policy } from "./policy.js";

/** `loadPolicy`'s options: what the host gave `compile`, which the text cannot carry (code, calendars). */
export interface LoadOptions {
  /** The host functions the policy was compiled with, matched by name. */
  readonly functions?: readonly HostFunction[];
  /** Calendars by their `name`, beside (or replacing) the built-in ones, as for `compile`. */
  readonly calendars?: readonly Calendar[];
}

/** Why a compiled policy was not loaded. */
export interface LoadError {
  readonly code: DeserializeError["code"] | "unknown-calendar";
  readonly message: Bilingual;
}

export type LoadOutcome = { readonly policy: Policy } | { readonly errors: readonly LoadError[] };

/**
 * Reads a policy compiled ahead of time (by `serializePolicy`) into a
 * {@link Policy} that evaluates exactly as the one it was written from.
 * @example
 * ```ts
 * import { loadPolicy } from "@remit/engine/runtime";
 * const loaded = loadPolicy("not a compiled policy");
 * console.log("errors" in loaded ? loaded.errors[0]?.code : "loaded"); // malformed-checked-policy
 * ```
 */
export function loadPolicy(text: string, options: LoadOptions = {}): LoadOutcome {
  const read = deserializeChecked(text, { functions: options.functions ?? [] });
  if ("errors" in read) return { errors: read.errors };
  const calendarName = read.policy.info.calendar;
  if (calendarName !== undefined && !calendarsOf(options.calendars).has(calendarName))
    return {
      errors: [
        {
          code: "unknown-calendar",
          message: {
            en: `the policy names the calendar "${calendarName}", which is neither built in nor in options.calendars`,
            zh: `政策指定的日历“${calendarName}”既非内置日历，也不在 options.calendars 中`,
          },
        },
      ],
    };
  return { policy: compileChecked(read.policy, options.calendars) };
}
