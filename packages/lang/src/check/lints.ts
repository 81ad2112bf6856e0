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
 * The line of a clause's text saying why it has no rules: it begins `不可机器判定` (or, in an
 * English policy, `Not machine-checkable`). Undefined when there is none.
 */
export function notCheckableNote(text: string | undefined): string | undefined {
  return (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line.startsWith("不可机器判定") || /^not machine-checkable/i.test(line));
}

/**
 * R5019: a clause heading of the entry module that no rule cites and whose text does not say why:
 * deleting a clause's rules (or never writing them) would otherwise pass silently.
 */
const clausesWithoutRules: Lint = (checker) => {
  const cited = new Set(checker.rules.flatMap((info) => info.cites));
  const entry = checker.scopes.get(checker.loaded.entry);
  for (const [id, clause] of entry?.clauses ?? []) {
    if (clause.origin !== "heading" || cited.has(id) || notCheckableNote(clause.text?.value) !== undefined)
      continue;
    checker.report(codes.clauseWithoutRules, clause.id.span, { id, title: clause.title.value });
  }
};

const lints: readonly Lint[] = [targetsAfterLastCause, unusedParameters, clausesWithoutRules];

export function lint(checker: Checker): void {
  for (const each of lints) each(checker);
}
