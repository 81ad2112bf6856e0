/**
 * `@remit/engine`: compile Remit policy text once, then evaluate facts against it as often as
 * needed. Everything of `@remit/engine/runtime` (evaluation of policies compiled ahead of time,
 * for browsers) is here too, beside `compile` and `serializePolicy`.
 * @packageDocumentation
 */

export { type CompileInput, type CompileOptions, compile, serializePolicy } from "./policy.js";
export * from "./runtime.js";
