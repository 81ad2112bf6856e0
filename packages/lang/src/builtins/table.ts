import {
  type BuiltinFunction,
  builtinFunctionDeclarations,
  builtinNameDeclarations,
  type FunctionDeclaration,
  type HostFunction,
  periodMemberDeclarations,
} from "./functions.js";

/** A function a call may name: a built-in or one of the host's. */
export type CallableFunction =
  | { readonly kind: "builtin"; readonly name: BuiltinFunction; readonly declaration: FunctionDeclaration }
  | { readonly kind: "host"; readonly function: HostFunction };

function spellingsOf(declaration: {
  readonly spellings: { readonly en: string; readonly zh: string };
}): string[] {
  const { en, zh } = declaration.spellings;
  return en === zh ? [en] : [en, zh];
}

const builtinEntries: readonly [string, CallableFunction][] = builtinFunctionDeclarations.flatMap(
  (declaration) =>
    spellingsOf(declaration).map((spelling): [string, CallableFunction] => [
      spelling,
      { kind: "builtin", name: declaration.name, declaration },
    ]),
);

/**
 * The built-in functions by both spellings.
 * @example
 * ```ts
 * import { builtinFunctionTable } from "@remit/lang";
 * // Both spellings name the same built-in.
 * const [en, zh] = [builtinFunctionTable.get("daysBetween"), builtinFunctionTable.get("相隔天数")];
 * console.log(en?.kind === "builtin" && zh?.kind === "builtin" && en.name === zh.name); // true
 * console.log(builtinFunctionTable.has("daysBetwen")); // false
 * ```
 */
export const builtinFunctionTable: ReadonlyMap<string, CallableFunction> = new Map(builtinEntries);

/**
 * The functions a policy may call: the built-ins and the host's, by every spelling. A host
 * function spelt like a built-in or like another host function is the host's mistake, not the
 * policy's, and is thrown at once rather than resolved one way or the other.
 * @example
 * ```ts
 * import { boolType, dateType, functionTable, type HostFunction } from "@remit/lang";
 * const isWeekend: HostFunction = {
 *   name: "isWeekend",
 *   spellings: { en: "isWeekend", zh: "是周末" },
 *   signature: { parameters: [dateType()], result: boolType, propagatesNone: true },
 *   docs: { parameters: ["d"], meaning: { en: "whether d is a Saturday or Sunday", zh: "d 是否为周六或周日" } },
 *   // Dates arrive as epoch days; day 0, 1970-01-01, was a Thursday.
 *   implementation: ([d]) => typeof d === "number" && [0, 6].includes((d + 4) % 7),
 * };
 * const table = functionTable([isWeekend]);
 * console.log(table.get("是周末")?.kind, table.get("daysBetween")?.kind); // host builtin
 * try {
 *   functionTable([{ ...isWeekend, spellings: { en: "year", zh: "是周末" } }]);
 * } catch (error) {
 *   console.log((error as Error).message); // host function 'isWeekend' is spelt 'year', already the spelling of the built-in 'year'
 * }
 * ```
 */
export function functionTable(host: readonly HostFunction[]): ReadonlyMap<string, CallableFunction> {
  if (host.length === 0) return builtinFunctionTable;
  const table = new Map(builtinEntries);
  for (const fn of host) {
    for (const spelling of spellingsOf(fn)) {
      const taken = table.get(spelling);
      if (taken !== undefined) {
        const owner = taken.kind === "builtin" ? `the built-in '${taken.name}'` : `'${taken.function.name}'`;
        throw new Error(
          `host function '${fn.name}' is spelt '${spelling}', already the spelling of ${owner}`,
        );
      }
      table.set(spelling, { kind: "host", function: fn });
    }
  }
  return table;
}

/** The declaration of a callable function, built in or the host's. */
export function declarationOf(callable: CallableFunction): Omit<FunctionDeclaration, "jsonRulesEngine"> {
  return callable.kind === "builtin" ? callable.declaration : callable.function;
}

function namesByKind<N extends string>(
  declarations: readonly {
    readonly name: N;
    readonly spellings: { readonly en: string; readonly zh: string };
  }[],
  name: N,
): Set<string> {
  return new Set(declarations.filter((d) => d.name === name).flatMap(spellingsOf));
}

/**
 * `asOf` / `评估日`: the as-at date.
 * @example
 * ```ts
 * import { asOfNames } from "@remit/lang";
 * console.log(asOfNames.has("asOf"), asOfNames.has("评估日"), asOfNames.has("today")); // true true false
 * ```
 */
export const asOfNames: ReadonlySet<string> = namesByKind(builtinNameDeclarations, "asOf");

/** `period` / `周期`: the period being judged in a recurring duty. */
export const periodNames: ReadonlySet<string> = namesByKind(builtinNameDeclarations, "period");

/** `period.start` / `period.开始`, `period.end` / `period.结束`. */
export const periodMembers: ReadonlyMap<string, "start" | "end"> = new Map(
  periodMemberDeclarations.flatMap((member) =>
    spellingsOf(member).map((spelling): [string, "start" | "end"] => [spelling, member.name]),
  ),
);
