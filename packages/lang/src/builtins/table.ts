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

/** The built-in functions by both spellings. */
export const builtinFunctionTable: ReadonlyMap<string, CallableFunction> = new Map(builtinEntries);

/**
 * The functions a policy may call: the built-ins and the host's, by every spelling. A host
 * function spelt like a built-in or like another host function is the host's mistake, not the
 * policy's, and is thrown at once rather than resolved one way or the other.
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

/** `asOf` / `评估日`: the as-at date. */
export const asOfNames: ReadonlySet<string> = namesByKind(builtinNameDeclarations, "asOf");

/** `period` / `周期`: the period being judged in a recurring duty. */
export const periodNames: ReadonlySet<string> = namesByKind(builtinNameDeclarations, "period");

/** `period.start` / `period.开始`, `period.end` / `period.结束`. */
export const periodMembers: ReadonlyMap<string, "start" | "end"> = new Map(
  periodMemberDeclarations.flatMap((member) =>
    spellingsOf(member).map((spelling): [string, "start" | "end"] => [spelling, member.name]),
  ),
);
