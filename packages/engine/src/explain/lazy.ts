/**
 * Explanations built on first read. A large county gives close to a million findings, and an
 * explanation tree weighs several times the finding itself, yet few are ever read. So a finding
 * keeps only what it takes to judge it again (its rule's explainer, the evaluation's facts,
 * parameters and date, and its subject) and `explanation` is an enumerable getter: it evaluates
 * the conditions once, on first read, and keeps the result. `JSON.stringify`, spreads and
 * `structuredClone` read it like a plain property, so a result prints the same either way.
 *
 * The facts are read when the explanation is first read: a caller that changes the facts
 * document after evaluating must read the explanations it needs first (sessions do this for the
 * findings an update replaces).
 */
import type { EpochDay } from "../calendar/index.js";
import type { Data } from "../compile/data.js";
import type { Context } from "../compile/expr.js";
import type { Value } from "../compile/values.js";
import type { Explanation, Finding } from "../result.js";

/** Rebuilds one finding's explanation, in a fresh context at the evaluation date. */
export type ExplainFinding = (ctx: Context, subject: Value, finding: Finding) => Explanation;

/** One rule's explainer and the evaluation it belongs to: shared by the rule's findings. */
export class ExplanationSource {
  constructor(
    readonly explain: ExplainFinding,
    readonly data: Data,
    readonly params: ReadonlyMap<string, Value>,
    readonly asOf: EpochDay,
  ) {}

  build(subject: Value, finding: Finding): Explanation {
    const ctx: Context = { frame: [], asAt: this.asOf, period: null, data: this.data, params: this.params };
    return this.explain(ctx, subject, finding);
  }
}

// Symbol keys, not enumerable: invisible to JSON, spreads, `Object.keys` and deep equality.
const held = Symbol("remit.explanation");
const heldSubject = Symbol("remit.subject");

interface Deferred {
  [held]: ExplanationSource | Explanation;
  [heldSubject]: Value;
}

// One getter for every finding, so findings keep sharing their hidden classes.
function readExplanation(this: Finding): Explanation {
  const self = this as unknown as Deferred;
  const current = self[held];
  if (!(current instanceof ExplanationSource)) return current;
  const built = current.build(self[heldSubject], this);
  if (!Object.isFrozen(this)) {
    self[held] = built;
    self[heldSubject] = null;
  }
  return built;
}

const getter = { get: readExplanation, enumerable: true, configurable: true } as const;

/** Gives `finding` its `explanation`, built from `source` on first read. */
export function explainLater(
  finding: Omit<Finding, "explanation">,
  source: ExplanationSource,
  subject: Value,
): Finding {
  // Descriptors written out in full: spreading a shared one per finding costs more than the rest.
  Object.defineProperty(finding, held, {
    value: source,
    writable: true,
    enumerable: false,
    configurable: true,
  });
  Object.defineProperty(finding, heldSubject, {
    value: subject,
    writable: true,
    enumerable: false,
    configurable: true,
  });
  Object.defineProperty(finding, "explanation", getter);
  return finding as Finding;
}

/** Builds the explanation of a finding now, so that it no longer reads the facts. */
export function settleExplanation(finding: Finding): void {
  void finding.explanation;
}

/** The source for the current evaluation, made once per evaluation (facts, parameters, date). */
export function sourcesFor(explain: ExplainFinding): (ctx: Context) => ExplanationSource {
  let last: ExplanationSource | undefined;
  return (ctx) => {
    if (last === undefined || last.data !== ctx.data || last.params !== ctx.params || last.asOf !== ctx.asAt)
      last = new ExplanationSource(explain, ctx.data, ctx.params, ctx.asAt);
    return last;
  };
}
