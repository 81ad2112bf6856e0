/**
 * Escalations. A case starts on its `starts` date (no finding before it) at the first level; a
 * level with `after N` is reached on day start + N + 1; a level with `when C` while C holds. Past
 * the `overdue after` date and not closed, the case moves one level above the level its age gives
 * (the top stays top), reached on the later of the overdue day and the age level's date. A case
 * whose `closes` date is set (or condition holds) is `closed` with the levels reached by then.
 */
import type { EscalationInfo, Expr } from "@remit/lang";
import { addDays, addMonths, type EpochDay, formatIsoDate } from "../calendar/index.js";
import { type Compiled, type Context, type ExpressionCompiler, textOf } from "../compile/expr.js";
import type { Duration, Value } from "../compile/values.js";
import { sourcesFor } from "../explain/lazy.js";
import type { Because, Explanation } from "../result.js";
import {
  bindLets,
  type CompiledRule,
  enter,
  explainerOf,
  planSubject,
  type RuleEnv,
  ruleOver,
  ruleWords,
} from "./common.js";
import { EscalationFinding } from "./findings.js";
import { Interned } from "./interned.js";

interface LevelPlan {
  readonly name: string;
  readonly label: string | undefined;
  readonly after: Compiled | undefined;
  readonly afterText: string | undefined;
  readonly when: Compiled | undefined;
  readonly whenText: string | undefined;
  readonly holder: ((ctx: Context) => string | undefined) | undefined;
}

const never = Number.POSITIVE_INFINITY;

/** When a holding condition began to hold, given the case's start and the day it is judged on. */
type Since = (ctx: Context, started: EpochDay, judgedOn: EpochDay) => EpochDay;

function unwrap(expr: Expr): Expr {
  return expr.kind === "ParenExpr" ? unwrap(expr.inner) : expr;
}

function readsAsOf(expr: Expr, compiler: ExpressionCompiler): boolean {
  const e = unwrap(expr);
  if (e.kind === "NameExpr") return compiler.resolve(e).kind === "asOf";
  if (e.kind === "BinaryExpr") return readsAsOf(e.left, compiler) || readsAsOf(e.right, compiler);
  if (e.kind === "UnaryExpr") return readsAsOf(e.operand, compiler);
  if (e.kind === "IsSetExpr") return readsAsOf(e.operand, compiler);
  if (e.kind === "MemberExpr") return readsAsOf(e.object, compiler);
  if (e.kind === "CallExpr") return e.args.some((a) => readsAsOf(a, compiler));
  if (e.kind === "IfExpr") return [e.condition, e.then, e.else].some((part) => readsAsOf(part, compiler));
  return e.kind === "AggregateExpr";
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

/** One case as read on the evaluation date: what its finding says, and whether it holds. */
interface Judged {
  readonly holds: boolean;
  readonly status: string;
  readonly holder: string | undefined;
  readonly overdue: boolean;
  readonly reached: Readonly<Record<string, string>>;
  readonly closedOn: string | undefined;
}

export function compileEscalation(info: EscalationInfo, env: RuleEnv): CompiledRule {
  const { compiler, source } = env;
  const rule = info.rule;
  const plan = planSubject(info, env);
  const start: Compiled = rule.start ? compiler.compile(rule.start) : () => null;
  const startText = rule.start ? source(rule.start.span) : "starts";
  const words = ruleWords(info, source);
  const levels: LevelPlan[] = rule.levels.map((level) => {
    let holder: LevelPlan["holder"];
    if (level.holder) {
      const compiled = compiler.compile(level.holder);
      const toText = textOf(compiler.typeOf(level.holder));
      holder = (ctx) => {
        const v = compiled(ctx);
        return v === null ? undefined : toText(v);
      };
    }
    return {
      name: level.name.name,
      label: level.label?.value,
      after: level.after ? compiler.compile(level.after) : undefined,
      afterText: level.after ? source(level.after.span) : undefined,
      when: level.when ? compiler.compile(level.when) : undefined,
      whenText: level.when ? source(level.when.span) : undefined,
      holder,
    };
  });
  const closes: Compiled | undefined = rule.closes ? compiler.compile(rule.closes) : undefined;
  const closesText = rule.closes ? source(rule.closes.span) : "";
  const closesIsDate = info.closesKind === "date";
  const explainer = explainerOf(env);
  const overdueAfter: Compiled | undefined = rule.overdueAfter
    ? compiler.compile(rule.overdueAfter)
    : undefined;
  const overdueText = rule.overdueAfter ? source(rule.overdueAfter.span) : "";
  // Texts built once per rule, shared by every finding.
  const closesTest = words.isSet(closesText);
  const overdueTest = `${words.asOf} > ${overdueText}`;
  // Level names become keys of `reached`: assigned directly, unless one would set a prototype.
  const plainLevelNames = levels.every((l) => l.name !== "__proto__");
  const levelTests = levels.map((l) =>
    l.afterText
      ? `${words.level} ${l.name} ${words.after} ${l.afterText}`
      : `${words.level} ${l.name} ${words.when} ${l.whenText ?? ""}`,
  );
  const whenSince = rule.levels.map((level) => (level.when ? sinceOf(level.when, compiler) : undefined));
  const natural = new Array<number>(levels.length).fill(0);
  const reachedOn = new Array<number>(levels.length).fill(0);
  // `reached` records by their (level, date) pairs: one frozen record per combination.
  // A table per facts document, replaced when another comes: none grows over a server's lifetime.
  let reachedRecords = new Interned<Readonly<Record<string, string>>>();
  let recordsFor: Context["data"] | undefined;
  const reachedPairs = new Array<number>(2 * levels.length).fill(0);
  /** Whether level `i` shows in `reached` for a case at `level` (a `when` level passed through does not). */
  const shows = (i: number, level: number): boolean =>
    reachedOn[i]! !== never && (levels[i]!.when === undefined || i === 0 || i === level);
  /** The `reached` record of the case just judged, up to `level` (from `reachedOn`). */
  const reachedRecord = (level: number): Readonly<Record<string, string>> => {
    const entries: [string, string][] = [];
    for (let i = 0; i <= level; i++)
      if (shows(i, level)) entries.push([levels[i]!.name, formatIsoDate(reachedOn[i]!)]);
    if (!plainLevelNames) return Object.freeze(Object.fromEntries(entries));
    const record: Record<string, string> = {};
    for (const [name, date] of entries) record[name] = date;
    return Object.freeze(record);
  };

  /**
   * One case read on the evaluation date; with `because`, also the conditions that decided it (an
   * explanation is this same reading done again, when the explanation is read).
   */
  const judge = (ctx: Context, because: Because[] | undefined): Judged | undefined => {
    bindLets(plan, ctx);
    const asOf = ctx.asAt;
    const started = start(ctx) as EpochDay | null;
    if (started === null || started > asOf) return undefined;
    because?.push({ test: startText, value: formatIsoDate(started) });

    let closedOn: EpochDay | null = null;
    let closed = false;
    if (closes) {
      const v = closes(ctx);
      if (closesIsDate) {
        // A closing date after the evaluation date has not happened yet.
        closedOn = v !== null && (v as EpochDay) <= asOf ? (v as EpochDay) : null;
        closed = closedOn !== null;
        because?.push({
          test: closesTest,
          value: closedOn === null ? null : formatIsoDate(closedOn),
        });
      } else {
        closed = v === true;
        if (because && rule.closes) because.push(...explainer.operands(rule.closes, ctx, plan.letScope));
      }
    }
    // The date at which the ladder is read: the closing day for a closed case.
    const judgedOn = closedOn !== null ? Math.min(closedOn, asOf) : asOf;

    // Natural reach dates: the age alone (`when` levels count as reached on the judged day).
    // (Scratch arrays are reused: evaluation never re-enters a rule.)
    natural[0] = started;
    for (let i = 1; i < levels.length; i++) {
      const level = levels[i]!;
      let on = never;
      if (level.after) {
        const d = level.after(ctx) as Duration | null;
        if (d !== null)
          on = (d.unit === "day" ? addDays(started, d.amount) : addMonths(started, d.amount)) + 1;
      } else if (level.when) on = level.when(ctx) === true ? whenSince[i]!(ctx, started, judgedOn) : never;
      natural[i] = on;
    }
    let ageLevel = 0;
    for (let i = 0; i < levels.length; i++) {
      if (natural[i]! <= judgedOn) ageLevel = i;
      reachedOn[i] = natural[i]!;
    }

    let level = ageLevel;
    let overdue = false;
    if (overdueAfter) {
      const limit = overdueAfter(ctx) as EpochDay | null;
      overdue = !closed && limit !== null && asOf > limit;
      because?.push({
        test: overdueTest,
        value: limit === null ? null : asOf > limit,
        values: {
          [words.asOf]: formatIsoDate(asOf),
          [overdueText]: limit === null ? null : formatIsoDate(limit),
        },
      });
      if (overdue && limit !== null) {
        level = Math.min(ageLevel + 1, levels.length - 1);
        // Once overdue, each level is reached one level early: on the later of the overdue day
        // and the day its lower neighbour was reached by age.
        for (let i = 1; i <= level; i++)
          reachedOn[i] = Math.min(natural[i]!, Math.max(limit + 1, natural[i - 1]!));
      }
    }
    // Read on `judgedOn`, nothing is reached later; a level passed through on the way to a higher
    // one (a `when` level holding above a future `after` date) is reached no later than it.
    if (level > 0 && reachedOn[level]! > judgedOn) reachedOn[level] = judgedOn;
    for (let i = level - 1; i >= 0; i--)
      if (reachedOn[i]! > reachedOn[i + 1]!) reachedOn[i] = reachedOn[i + 1]!;
    // The shown (level, day) pairs key the shared `reached` record.
    let pairs = 0;
    for (let i = 0; i <= level; i++) {
      const on = reachedOn[i]!;
      if (shows(i, level)) {
        reachedPairs[pairs++] = i;
        reachedPairs[pairs++] = on;
      }
      if (i > 0 && because) {
        const when = rule.levels[i]!.when;
        const decided = when ? explainer.operands(when, ctx, plan.letScope) : [];
        because.push(
          decided.length > 0
            ? { test: levelTests[i]!, value: on === never ? false : formatIsoDate(on), because: decided }
            : { test: levelTests[i]!, value: on === never ? false : formatIsoDate(on) },
        );
      }
    }
    if (recordsFor !== ctx.data) {
      reachedRecords = new Interned();
      recordsFor = ctx.data;
    }
    const reached =
      reachedRecords.find(reachedPairs, pairs) ??
      reachedRecords.keep(reachedPairs, pairs, reachedRecord(level));
    const current = levels[level]!;
    const holder = closed ? plan.holder?.(ctx) : (current.holder?.(ctx) ?? plan.holder?.(ctx));
    return {
      holds: level > 0 || overdue,
      status: closed ? "closed" : current.name,
      holder,
      overdue,
      reached,
      closedOn: closedOn === null ? undefined : formatIsoDate(closedOn),
    };
  };
  const explain = (ctx: Context, subject: Value): Explanation => {
    enter(plan, info, ctx, subject, false);
    const because: Because[] = [];
    const judged = judge(ctx, because);
    return { holds: judged?.holds ?? false, because };
  };
  const sourceOf = sourcesFor(explain);

  return ruleOver(info, plan, (ctx, subject, out) => {
    if (!enter(plan, info, ctx, subject)) return;
    const judged = judge(ctx, undefined);
    if (judged === undefined) return;
    out.push(
      new EscalationFinding(
        info,
        judged.status,
        plan.subjectRef(subject),
        plan.township(ctx, subject),
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
