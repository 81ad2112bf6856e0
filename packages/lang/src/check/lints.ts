/**
 * Lints: checks of a well-typed policy that point at likely mistakes rather than errors. Each is
 * one function over the checker's finished tables; `lint` runs them all, after the rules.
 */
import * as codes from "../diagnostics/check-codes.js";
import type { Checker } from "./expressions.js";

type Lint = (checker: Checker) => void;

/** R3012: a parameter nothing reads (overrides of it would change nothing). */
const unusedParameters: Lint = (checker) => {
  for (const scope of checker.scopes.values()) {
    for (const declaration of scope.module.declarations) {
      if (declaration.kind !== "ParamDecl") continue;
      const key = scope.prefix + declaration.name.name;
      if (!checker.usedParams.has(key) && scope.declared.get(declaration.name.name)?.decl === declaration) {
        checker.report(codes.unusedParameter, declaration.name.span, { name: key });
      }
    }
  }
};

/**
 * R5016: the grammar gives a list after the last cause to the rule; written on that cause's line,
 * it reads as the cause's own.
 */
const targetsAfterLastCause: Lint = (checker) => {
  for (const info of checker.rules) {
    if (info.kind !== "accountability") continue;
    const { rule } = info;
    const last = rule.causes.at(-1);
    const first = rule.targets[0];
    if (last !== undefined && first !== undefined && first.span.start.line === last.span.end.line)
      checker.report(codes.targetsAfterLastCause, first.span, { label: last.label.value });
  }
};

/**
 * The lines of a clause's text saying what the policy does not judge and why: they begin
 * `不可机器判定` or `不作判定` (in an English policy, `Not machine-checkable` or `Not judged`).
 * @example
 * ```ts
 * import { notJudgedLines } from "@remit/lang";
 * const text = "Hazards are listed within a week.\nNot judged: whether the listing was public.\n不可机器判定：整改质量";
 * console.log(notJudgedLines(text)); // [ 'Not judged: whether the listing was public.', '不可机器判定：整改质量' ]
 * console.log(notJudgedLines(undefined).length); // 0
 * ```
 */
export function notJudgedLines(text: string | undefined): string[] {
  return (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /^(?:不可机器判定|不作判定|not machine-checkable|not judged)/i.test(line));
}

/**
 * R5019: a clause of the entry module (a heading or a `clause`) that no rule cites and whose text
 * does not say why: deleting a clause's rules (or never writing them) would otherwise pass silently.
 */
const clausesWithoutRules: Lint = (checker) => {
  const cited = new Set(checker.rules.flatMap((info) => info.cites));
  const entry = checker.scopes.get(checker.loaded.entry);
  for (const [id, clause] of entry?.clauses ?? []) {
    if (cited.has(id) || notJudgedLines(clause.text?.value).length > 0) continue;
    checker.report(codes.clauseWithoutRules, clause.id.span, { id, title: clause.title.value });
  }
};

const lints: readonly Lint[] = [targetsAfterLastCause, unusedParameters, clausesWithoutRules];

export function lint(checker: Checker): void {
  for (const each of lints) each(checker);
}
