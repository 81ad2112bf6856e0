/**
 * Escalations. A case starts on its `starts` date (no finding before it) at the first level; a
 * level with `after N` is reached on day start + N + 1; a level with `when C` while C holds. Past
 * the `overdue after` date and not closed, the case moves one level above the level its age gives
 * (the top stays top), reached on the later of the overdue day and the age level's date. A case
 * whose `closes` date is set (or condition holds) is `closed` with the levels reached by then.
 */
import { childExpressions, type EscalationInfo, type Expr } from "@remit/lang";
import { type EpochDay, formatIsoDate } from "../calendar/index.js";
import { addDuration } from "../compile/durations.js";
import type { Compiled, Context, ExpressionCompiler } from "../compile/expr.js";
import type { Duration, Value } from "../compile/values.js";
import { sourcesFor } from "../explain/lazy.js";
import type { ConditionExplainer } from "../explain/tree.js";
import type { Because, EscalationStatus, Explanation, Finding } from "../result.js";
import {
  bindLets,
  type CompiledRule,
  compileHolder,
  enter,
  explainerOf,
  narratorOf,
  planSubject,
  type RuleEnv,
  type RuleWords,
  ruleOver,
  ruleWords,
  type SubjectPlan,
} from "./common.js";
import { EscalationFinding } from "./findings.js";
import { Interned } from "./interned.js";

/** A level compiled: its threshold, its holder, and the test its explanation shows. */
interface LevelPlan {
  readonly name: string;
  readonly after: Compiled | undefined;
  readonly when: Compiled | undefined;
  readonly whenExpr: Expr | undefined;
  /** For a `when` level: the day its condition began to hold. */
  readonly since: Since | undefined;
  readonly holder: ((ctx: Context) => string | undefined) | undefined;
  /** `level township after 15 days`, as the explanation shows it. */
  readonly test: string;
}

/** An escalation rule compiled once: what each case is read with. */
interface EscalationPlan {
  readonly info: EscalationInfo;
  readonly subject: SubjectPlan;
  readonly start: Compiled;
  readonly startText: string;
  readonly levels: readonly LevelPlan[];
  readonly closes: Compiled | undefined;
  readonly closesExpr: Expr | undefined;
  readonly closesIsDate: boolean;
  readonly closesTest: string;
  readonly overdueAfter: Compiled | undefined;
  readonly overdueText: string;
  readonly overdueTest: string;
  readonly asOfWord: string;
}

const never = Number.POSITIVE_INFINITY;

/** When a holding condition began to hold, given the case's start and the day it is judged on. */
type Since = (ctx: Context, started: EpochDay, judgedOn: EpochDay) => EpochDay;

function unwrap(expr: Expr): Expr {
  return expr.kind === "ParenExpr" ? unwrap(expr.inner) : expr;
}

/** Whether an expression may read the evaluation date (an aggregate is assumed to). */
function readsAsOf(expr: Expr, compiler: ExpressionCompiler): boolean {
  const e = unwrap(expr);
  if (e.kind === "NameExpr") return compiler.resolve(e).kind === "asOf";
  if (e.kind === "AggregateExpr") return true;
  return childExpressions(e).some((child) => readsAsOf(child, compiler));
}

/**
 * The day a holding `when` condition began to hold, where the condition tells it: `D < asOf`
 * holds from D + 1, `D ≤ asOf` from D (and the mirrored forms); an `or` from its earliest holding
 * operand, an `and` from its latest. Anything else was observed on the day the ladder is read.
 * The result lies between the case's start and that day.
 */
function sinceOf(condition: Expr, compiler: ExpressionCompiler): Since {
  const observed: Since = (_ctx, _started, judgedOn) => judgedOn;
  const build = (expr: Expr): Since => {
    const e = unwrap(expr);
    if (e.kind !== "BinaryExpr") return observed;
    if (e.operator === "and" || e.operator === "or") {
      const left = build(e.left);
      const right = build(e.right);
      const leftHolds = compiler.compileCondition(e.left);
      const rightHolds = compiler.compileCondition(e.right);
      if (e.operator === "and")
        return (ctx, started, judgedOn) =>
          Math.max(left(ctx, started, judgedOn), right(ctx, started, judgedOn));
      return (ctx, started, judgedOn) => {
        let on = judgedOn;
        if (leftHolds(ctx)) on = Math.min(on, left(ctx, started, judgedOn));
        if (rightHolds(ctx)) on = Math.min(on, right(ctx, started, judgedOn));
        return on;
      };
    }
    const isAsOf = (side: Expr): boolean => {
      const u = unwrap(side);
      return u.kind === "NameExpr" && compiler.resolve(u).kind === "asOf";
    };
    // `D < asOf` / `asOf > D`: from D + 1; `D ≤ asOf` / `asOf ≥ D`: from D.
    let date: Expr | undefined;
    let strict = false;
    if (isAsOf(e.right) && (e.operator === "<" || e.operator === "<=")) {
      date = e.left;
      strict = e.operator === "<";
    } else if (isAsOf(e.left) && (e.operator === ">" || e.operator === ">=")) {
      date = e.right;
      strict = e.operator === ">";
    }
    if (date === undefined || readsAsOf(date, compiler) || compiler.typeOf(date).kind === "list")
      return observed;
    const value = compiler.compile(date);
    return (ctx, _started, judgedOn) => {
      const d = value(ctx);
      if (typeof d !== "number") return judgedOn;
      return Math.min(judgedOn, d + (strict ? 1 : 0));
    };
  };
  const since = build(condition);
  return (ctx, started, judgedOn) => Math.max(started, since(ctx, started, judgedOn));
}

function planLevel(
  level: EscalationInfo["rule"]["levels"][number],
  env: RuleEnv,
  words: RuleWords,
): LevelPlan {
  const { compiler, source } = env;
  const name = level.name.name;
  return {
    name,
    after: level.after ? compiler.compile(level.after) : undefined,
    when: level.when ? compiler.compile(level.when) : undefined,
    whenExpr: level.when,
    since: level.when ? sinceOf(level.when, compiler) : undefined,
    holder: compileHolder(level.holder, compiler),
    test: level.after
      ? `${words.level} ${name} ${words.after} ${source(level.after.span)}`
      : `${words.level} ${name} ${words.when} ${level.when ? source(level.when.span) : ""}`,
  };
}

function planEscalation(info: EscalationInfo, env: RuleEnv): EscalationPlan {
  const { compiler, source } = env;
  const rule = info.rule;
  const words = ruleWords(info, source);
  const closesText = rule.closes ? source(rule.closes.span) : "";
  const overdueText = rule.overdueAfter ? source(rule.overdueAfter.span) : "";
  // Texts are built once per rule, shared by every finding.
  return {
    info,
    subject: planSubject(info, env),
    start: rule.start ? compiler.compile(rule.start) : () => null,
    startText: rule.start ? source(rule.start.span) : "starts",
    levels: rule.levels.map((level) => planLevel(level, env, words)),
    closes: rule.closes ? compiler.compile(rule.closes) : undefined,
    closesExpr: rule.closes,
    closesIsDate: info.closesKind === "date",
    closesTest: words.isSet(closesText),
    overdueAfter: rule.overdueAfter ? compiler.compile(rule.overdueAfter) : undefined,
    overdueText,
    overdueTest: `${words.asOf} > ${overdueText}`,
    asOfWord: words.asOf,
  };
}

/** One case as read on the evaluation date: what its finding says, and whether it holds. */
interface Judged {
  readonly holds: boolean;
  readonly status: EscalationStatus;
  readonly holder: string | undefined;
  readonly overdue: boolean;
  readonly reached: Readonly<Record<string, string>>;
  readonly closedOn: string | undefined;
}

/** Whether a case is closed, and since when (a closing condition tells no day). */
interface Closing {
  readonly closed: boolean;
  readonly closedOn: EpochDay | null;
}

const open: Closing = { closed: false, closedOn: null };
const closedByCondition: Closing = { closed: true, closedOn: null };

/**
 * `reached` records by their (level, date) pairs: one frozen record per combination, so a
 * million findings share a few. A table per facts document, replaced when another comes: none
 * grows over a server's lifetime.
 */
class ReachedRecords {
  private table = new Interned<Readonly<Record<string, string>>>();
  private tableFor: Context["data"] | undefined;
  private readonly pairs: number[];
  /** Level names become keys of `reached`: assigned directly, unless one would set a prototype. */
  private readonly plainNames: boolean;

  constructor(private readonly levels: readonly LevelPlan[]) {
    this.pairs = new Array<number>(2 * levels.length).fill(0);
    this.plainNames = levels.every((l) => l.name !== "__proto__");
  }

  /**
   * The record of a case at `level` whose levels were reached on `reachedOn`; `natural` tells
   * which `when` levels held.
   */
  of(
    data: Context["data"],
    level: number,
    reachedOn: readonly number[],
    natural: readonly number[],
  ): Readonly<Record<string, string>> {
    let length = 0;
    for (let i = 0; i <= level; i++) {
      if (this.shows(i, level, reachedOn, natural)) {
        this.pairs[length++] = i;
        this.pairs[length++] = reachedOn[i]!;
      }
    }
    if (this.tableFor !== data) {
      this.table = new Interned();
      this.tableFor = data;
    }
    return (
      this.table.find(this.pairs, length) ??
      this.table.keep(this.pairs, length, this.record(level, reachedOn, natural))
    );
  }

  /**
   * Whether level `i` shows in `reached` for a case at `level`: a `when` level shows when its
   * condition held (even below a higher level that also holds), not when merely passed through.
   */
  private shows(i: number, level: number, reachedOn: readonly number[], natural: readonly number[]): boolean {
    if (reachedOn[i]! === never) return false;
    return this.levels[i]!.when === undefined || i === 0 || i === level || natural[i]! !== never;
  }

  private record(
    level: number,
    reachedOn: readonly number[],
    natural: readonly number[],
  ): Readonly<Record<string, string>> {
    const entries: [string, string][] = [];
    for (let i = 0; i <= level; i++)
      if (this.shows(i, level, reachedOn, natural))
        entries.push([this.levels[i]!.name, formatIsoDate(reachedOn[i]!)]);
    if (!this.plainNames) return Object.freeze(Object.fromEntries(entries));
    const record: Record<string, string> = {};
    for (const [name, date] of entries) record[name] = date;
    return Object.freeze(record);
  }
}

/**
 * Reads the cases of one escalation rule. Its scratch arrays are reused from case to case:
 * evaluation never re-enters a rule.
 */
class Ladder {
  /** The day each level is reached by age alone (`when` levels: since their condition holds). */
  private readonly natural: number[];
  /** The day each level is reached, overdue moves included. */
  private readonly reachedOn: number[];
  private readonly records: ReachedRecords;

  constructor(
    private readonly plan: EscalationPlan,
    private readonly explainer: ConditionExplainer,
  ) {
    this.natural = new Array<number>(plan.levels.length).fill(0);
    this.reachedOn = new Array<number>(plan.levels.length).fill(0);
    this.records = new ReachedRecords(plan.levels);
  }

  /**
   * One case read on the evaluation date; with `because`, also the conditions that decided it (an
   * explanation is this same reading done again, when the explanation is read).
   */
  judge(ctx: Context, because: Because[] | undefined): Judged | undefined {
    const { plan } = this;
    bindLets(plan.subject, ctx);
    const asOf = ctx.asAt;
    const started = plan.start(ctx) as EpochDay | null;
    if (started === null || started > asOf) return undefined;
    because?.push({ test: plan.startText, value: formatIsoDate(started) });

    const { closed, closedOn } = this.closing(ctx, asOf, because);
    // The date at which the ladder is read: the closing day for a closed case.
    const judgedOn = closedOn !== null ? Math.min(closedOn, asOf) : asOf;
    const ageLevel = this.reachByAge(ctx, started, judgedOn);
    const overdue = this.overdue(ctx, asOf, closed, because);
    const level = overdue === undefined ? ageLevel : this.moveUp(ageLevel, overdue);
    this.settle(level, judgedOn);
    if (because) this.explainLevels(ctx, level, because);

    const current = plan.levels[level]!;
    const holder = closed
      ? plan.subject.holder?.(ctx)
      : (current.holder?.(ctx) ?? plan.subject.holder?.(ctx));
    return {
      holds: level > 0 || overdue !== undefined,
      status: closed ? "closed" : current.name,
      holder,
      overdue: overdue !== undefined,
      reached: this.records.of(ctx.data, level, this.reachedOn, this.natural),
      closedOn: closedOn === null ? undefined : formatIsoDate(closedOn),
    };
  }

  private closing(ctx: Context, asOf: EpochDay, because: Because[] | undefined): Closing {
    const { closes, closesExpr } = this.plan;
    if (!closes) return open;
    const v = closes(ctx);
    if (this.plan.closesIsDate) {
      // A closing date after the evaluation date has not happened yet.
      const closedOn = v !== null && (v as EpochDay) <= asOf ? (v as EpochDay) : null;
      because?.push({
        test: this.plan.closesTest,
        value: closedOn === null ? null : formatIsoDate(closedOn),
      });
      return closedOn === null ? open : { closed: true, closedOn };
    }
    if (because && closesExpr)
      because.push(...this.explainer.operands(closesExpr, ctx, this.plan.subject.letScope));
    return v === true ? closedByCondition : open;
  }

  /** Fills the natural reach dates; returns the highest level reached by `judgedOn`. */
  private reachByAge(ctx: Context, started: EpochDay, judgedOn: EpochDay): number {
    const { levels } = this.plan;
    const { natural, reachedOn } = this;
    natural[0] = started;
    for (let i = 1; i < levels.length; i++) {
      const level = levels[i]!;
      let on = never;
      if (level.after) {
        const d = level.after(ctx) as Duration | null;
        const end = d === null ? null : addDuration(started, d, 1, ctx.calendar);
        if (end !== null) on = end + 1;
      } else if (level.when) on = this.firstHolding(ctx, level, started, judgedOn);
      natural[i] = on;
    }
    let ageLevel = 0;
    for (let i = 0; i < levels.length; i++) {
      if (natural[i]! <= judgedOn) ageLevel = i;
      reachedOn[i] = natural[i]!;
    }
    return ageLevel;
  }

  /**
   * The first day a `when` level's condition holds, judged as at `judgedOn` (a closed case: its
   * closing day, never the evaluation date), or never. Where the condition tells its day (`D <
   * asOf`) that day; otherwise found by bisection between the start and `judgedOn`, reading the
   * condition as at each day tried (the facts as they stood then): conditions on a case's history
   * grow with time, and the day found does not move with a later evaluation date.
   */
  private firstHolding(ctx: Context, level: LevelPlan, started: EpochDay, judgedOn: EpochDay): number {
    const asOf = ctx.asAt;
    const holdsOn = (day: EpochDay): boolean => {
      ctx.asAt = day;
      bindLets(this.plan.subject, ctx);
      return level.when!(ctx) === true;
    };
    try {
      if (!holdsOn(judgedOn)) return never;
      const told = level.since!(ctx, started, judgedOn);
      if (told < judgedOn || judgedOn <= started) return told;
      if (holdsOn(started)) return started;
      // Invariant: the condition does not hold on `low`, holds on `high`.
      let low = started;
      let high = judgedOn;
      while (high - low > 1) {
        const middle = low + Math.floor((high - low) / 2);
        if (holdsOn(middle)) high = middle;
        else low = middle;
      }
      return high;
    } finally {
      ctx.asAt = asOf;
      bindLets(this.plan.subject, ctx);
    }
  }

  /** The overdue limit of an open case past it, or undefined when the case is not overdue. */
  private overdue(
    ctx: Context,
    asOf: EpochDay,
    closed: boolean,
    because: Because[] | undefined,
  ): EpochDay | undefined {
    const { overdueAfter, overdueText } = this.plan;
    if (!overdueAfter) return undefined;
    const limit = overdueAfter(ctx) as EpochDay | null;
    because?.push({
      test: this.plan.overdueTest,
      value: limit === null ? null : asOf > limit,
      values: {
        [this.plan.asOfWord]: formatIsoDate(asOf),
        [overdueText]: limit === null ? null : formatIsoDate(limit),
      },
    });
    return !closed && limit !== null && asOf > limit ? limit : undefined;
  }

  /**
   * Overdue, a case moves one level above its age level (the top stays top), and each level is
   * reached one level early: on the later of the overdue day and the day its lower neighbour was
   * reached by age.
   */
  private moveUp(ageLevel: number, limit: EpochDay): number {
    const { natural, reachedOn } = this;
    const level = Math.min(ageLevel + 1, this.plan.levels.length - 1);
    for (let i = 1; i <= level; i++)
      reachedOn[i] = Math.min(natural[i]!, Math.max(limit + 1, natural[i - 1]!));
    return level;
  }

  /**
   * Read on `judgedOn`, nothing is reached later; a level passed through on the way to a higher
   * one (a `when` level holding above a future `after` date) is reached no later than it.
   */
  private settle(level: number, judgedOn: EpochDay): void {
    const { reachedOn } = this;
    if (level > 0 && reachedOn[level]! > judgedOn) reachedOn[level] = judgedOn;
    for (let i = level - 1; i >= 0; i--)
      if (reachedOn[i]! > reachedOn[i + 1]!) reachedOn[i] = reachedOn[i + 1]!;
  }

  /** Each level above the first up to the case's, with the day it was reached (false: not reached). */
  private explainLevels(ctx: Context, level: number, because: Because[]): void {
    for (let i = 1; i <= level; i++) {
      const { test, whenExpr } = this.plan.levels[i]!;
      const on = this.reachedOn[i]!;
      const value = on === never ? false : formatIsoDate(on);
      const decided = whenExpr ? this.explainer.operands(whenExpr, ctx, this.plan.subject.letScope) : [];
      because.push(decided.length > 0 ? { test, value, because: decided } : { test, value });
    }
  }
}

export function compileEscalation(info: EscalationInfo, env: RuleEnv): CompiledRule {
  const plan = planEscalation(info, env);
  const ladder = new Ladder(plan, explainerOf(env));
  const narrator = narratorOf(env);
  const explain = (ctx: Context, subject: Value, finding: Finding): Explanation => {
    enter(plan.subject, info, ctx, subject, false);
    const because: Because[] = [];
    const judged = ladder.judge(ctx, because);
    return { holds: judged?.holds ?? false, because, text: narrator.escalation(info, ctx, finding) };
  };
  const sourceOf = sourcesFor(explain);

  return ruleOver(info, plan.subject, (ctx, subject, out) => {
    if (!enter(plan.subject, info, ctx, subject)) return;
    const judged = ladder.judge(ctx, undefined);
    if (judged === undefined) return;
    out.push(
      new EscalationFinding(
        info,
        judged.status,
        plan.subject.subjectRef(subject, ctx.data),
        plan.subject.group(ctx, subject),
        judged.holder,
        judged.overdue,
        judged.reached,
        judged.closedOn,
        sourceOf(ctx),
        subject,
      ),
    );
  });
}
