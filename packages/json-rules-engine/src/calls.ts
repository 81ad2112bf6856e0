/**
 * Calls of built-in and host functions, as the registry (`@remit/lang`'s
 * `builtinFunctionDeclarations`) says to translate them: a built-in whose arguments are all
 * constants folds to a constant, computed by the engine's own implementation; any other call is
 * refused. (Host functions are always refused: json-rules-engine cannot run them.)
 */
import { builtinImplementations, type Duration, noCalendar, type Value } from "@remit/engine";
import { builtinFunctionsByName, type Resolution, type Type } from "@remit/lang";
import type { Const } from "./export.js";

/** The call's constant value, or the reason it cannot be exported. */
export type CallTranslation =
  | { readonly ok: true; readonly value: Const }
  | { readonly ok: false; readonly refusal: "call" };

/**
 * Translates a call resolved to a function. `args` are the arguments' constants, or undefined for
 * an argument that is not one; `argumentTypes` and `resultType` are the checker's.
 */
export function translateCall(
  resolution: Resolution & { readonly kind: "builtin" },
  args: readonly (Const | undefined)[],
  argumentTypes: readonly Type[],
  resultType: Type,
): CallTranslation {
  const declaration = builtinFunctionsByName.get(resolution.name);
  if (declaration === undefined || declaration.jsonRulesEngine.kind === "refuse")
    return { ok: false, refusal: "call" };
  const values: Value[] = [];
  for (const arg of args) {
    if (arg === undefined) return { ok: false, refusal: "call" };
    values.push(runtimeValueOf(arg));
  }
  if (declaration.signature.propagatesNone && values.includes(null))
    return { ok: true, value: { k: "none" } };
  const result = builtinImplementations[resolution.name](argumentTypes)(values, noCalendar());
  return { ok: true, value: constOf(result, resultType) };
}

function runtimeValueOf(c: Const): Value {
  switch (c.k) {
    case "none":
      return null;
    case "list":
      return c.v.map(runtimeValueOf);
    default:
      return c.v;
  }
}

function constOf(value: Value, type: Type): Const {
  if (value === null) return { k: "none" };
  const base = type.kind === "optional" ? type.inner : type;
  switch (base.kind) {
    case "bool":
      return { k: "bool", v: value as boolean };
    case "number":
      return { k: "number", v: value as number };
    case "text":
    case "enum":
      return { k: "text", v: value as string };
    case "date":
      return { k: "date", v: value as number };
    case "duration":
      return { k: "duration", v: value as Duration };
    case "list":
      return { k: "list", v: (value as readonly Value[]).map((v) => constOf(v, base.element)) };
    default:
      return { k: "none" };
  }
}
