/**
 * The plan of a compiled policy: its identity (name, version, path-independent hash) and its
 * rules compiled to closures, and the choice of rules one evaluation runs.
 */
import { type CheckedPolicy, dirname, relativePath } from "@remit/lang";
import type { Compiled, ExpressionCompiler } from "./compile/expr.js";
import { sha256Hex } from "./compile/hash.js";
import { durationOf } from "./compile/values.js";
import {
  type CompiledRule,
  compileAccountability,
  compileDuty,
  compileEscalation,
  type RuleEnv,
} from "./evaluate/index.js";
import type { SourceText } from "./explain/tree.js";
import type { FactError } from "./result.js";

const defaultWarning = durationOf(30, "day");

function sourceTextOf(checked: CheckedPolicy): SourceText {
  return (span) => checked.sources.get(span.file)?.slice(span.start.offset, span.end.offset) ?? "";
}

/**
 * SHA-256 over every source file, named by its path relative to the entry file's folder, in that
 * path order: the same files give the same hash whichever folder they were read from and
 * whether the entry was named by a relative or an absolute path.
 */
export function policyHash(checked: CheckedPolicy): string {
  const entry = checked.modules[0]?.file ?? ".";
  const root = dirname(entry);
  const files = [...checked.sources.entries()]
    .map(([file, text]) => ({ path: relativePath(root, file), text }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sha256Hex(files.map((f) => `${f.path}\u0000${f.text}\u0000`).join(""));
}

/** Every rule of the policy compiled, in the checker's order. */
export function compileRules(checked: CheckedPolicy, compiler: ExpressionCompiler): CompiledRule[] {
  const warning: Compiled = checked.info.warning
    ? compiler.compile(checked.info.warning)
    : () => defaultWarning;
  const env: RuleEnv = { policy: checked, compiler, source: sourceTextOf(checked), warning };
  return checked.rules.map((info): CompiledRule => {
    if (info.kind === "duty") return compileDuty(info, env);
    if (info.kind === "escalation") return compileEscalation(info, env);
    return compileAccountability(info, env);
  });
}

/** The rules an evaluation runs: all of them, or those `ids` names (an unknown id is an error). */
export function selectRules(
  rules: readonly CompiledRule[],
  ids: readonly string[] | undefined,
): { readonly rules: readonly CompiledRule[] } | { readonly errors: readonly FactError[] } {
  if (ids === undefined) return { rules };
  const known = new Set(rules.map((r) => r.info.id));
  const errors: FactError[] = ids
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !known.has(id))
    .map(({ id, i }) => ({
      path: `options.rules[${i}]`,
      code: "unknown-rule",
      message: { en: `unknown rule "${id}"`, zh: `未声明的规则“${id}”` },
    }));
  if (errors.length > 0) return { errors };
  const wanted = new Set(ids);
  return { rules: rules.filter((r) => wanted.has(r.info.id)) };
}
