/**
 * Explanations built on first read. A large county gives close to a million findings, and an
 * explanation tree weighs several times the finding itself, yet few are ever read. So a finding
 * keeps only what it takes to judge it again (its rule's explainer with the evaluation's facts,
 * parameters and date, and its subject), in private fields, and `explanation` is an enumerable
 * getter: it evaluates the conditions once, on first read, and keeps the result. `JSON.stringify`,
 * spreads and `structuredClone` read it like a plain property, so a result prints the same either
 * way; the private fields are invisible to all of them and to deep equality.
 *
 * The facts are read when the explanation is first read: a caller that changes the facts
 * document after evaluating must read the explanations it needs first (sessions do this for the
 * findings an update replaces).
 */
import type { EpochDay } from "../calendar/index.js";
import type { Data } from "../compile/data.js";
import type { CalendarState } from "../compile/durations.js";
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
    readonly calendar: CalendarState,
  ) {}

  build(subject: Value, finding: Finding): Explanation {
    const ctx: Context = {
      frame: [],
      asAt: this.asOf,
      period: null,
      data: this.data,
      params: this.params,
      calendar: this.calendar,
    };
    return this.explain(ctx, subject, finding);
  }
}

/**
 * The base of every finding the engine makes. Each kind's constructor assigns its fields and
 * then calls {@link deferExplanation}, so `explanation` comes last, as in the result's JSON.
 */
export abstract class DeferredFinding {
  #explanation: ExplanationSource | Explanation;
  #subject: Value;

  protected constructor(source: ExplanationSource, subject: Value) {
    this.#explanation = source;
    this.#subject = subject;
  }

  /** The finding's explanation, built now if it was not yet. */
  static explanationOf(finding: DeferredFinding): Explanation {
    const current = finding.#explanation;
    if (!(current instanceof ExplanationSource)) return current;
    const built = current.build(finding.#subject, finding as unknown as Finding);
    finding.#explanation = built;
    finding.#subject = null;
    return built;
  }
}

// One getter for every finding, so findings of a kind keep sharing their hidden classes.
const explanationProperty = {
  get(this: DeferredFinding): Explanation {
    return DeferredFinding.explanationOf(this);
  },
  enumerable: true,
  configurable: true,
} as const;

/** Gives `finding` its own enumerable `explanation`, built on first read. */
export function deferExplanation(finding: DeferredFinding): void {
  Object.defineProperty(finding, "explanation", explanationProperty);
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
      last = new ExplanationSource(explain, ctx.data, ctx.params, ctx.asAt, ctx.calendar);
    return last;
  };
}
