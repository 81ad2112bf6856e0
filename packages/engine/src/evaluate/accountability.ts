/**
 * Accountability: a subject that passes the filter, with at least one cause holding, judged as at
 * the event's date (`as at f.date`): filter, lets, causes, targets and holder all read the facts
 * as they stood that day. The targets are the rule's own, then those of each cause that held,
 * each named once. Subjects that do not trigger give no finding.
 */
import type { AccountabilityInfo } from "@remit/lang";
import { type EpochDay, formatIsoDate } from "../calendar/index.js";
import { type Compiled, type Context, textOf } from "../compile/expr.js";
import type { Value } from "../compile/values.js";
import { sourcesFor } from "../explain/lazy.js";
import type { Because, Explanation, Finding } from "../result.js";
import {
  bindLets,
  type CompiledRule,
  enter,
  explainerOf,
  narratorOf,
  planSubject,
  type RuleEnv,
  ruleOver,
} from "./common.js";
import { AccountabilityFinding } from "./findings.js";

export function compileAccountability(info: AccountabilityInfo, env: RuleEnv): CompiledRule {
  const { compiler } = env;
  const rule = info.rule;
  const plan = planSubject(info, env);
  const asAt: Compiled = rule.asAt ? compiler.compile(rule.asAt) : (ctx) => ctx.asAt;
  const compileTargets = (exprs: AccountabilityInfo["rule"]["targets"]) =>
    exprs.map((t) => ({ value: compiler.compile(t), toText: textOf(compiler.typeOf(t)) }));
  const causes = rule.causes.map((cause) => ({
    label: cause.label.value,
    condition: compiler.compile(cause.condition),
    expr: cause.condition,
    targets: compileTargets(cause.targets),
  }));
  const explainer = explainerOf(env);
  /** Each cause with the conditions that decided it, judged again as at the event's date. */
  const narrator = narratorOf(env);
  const explain = (ctx: Context, subject: Value, finding: Finding): Explanation => {
    enter(plan, info, ctx, subject, false);
    const eventDate = asAt(ctx) as EpochDay | null;
    if (eventDate !== null) ctx.asAt = Math.min(eventDate, ctx.asAt);
    enter(plan, info, ctx, subject, false);
    bindLets(plan, ctx);
    const because: Because[] = causes.map((cause) => ({
      test: cause.label,
      value: cause.condition(ctx) === true,
      because: explainer.operands(cause.expr, ctx, plan.letScope),
    }));
    return { holds: true, because, text: narrator.accountability(info, ctx, finding) };
  };
  const sourceOf = sourcesFor(explain);
  const targets = compileTargets(rule.targets);
  type CompiledTarget = (typeof targets)[number];
  /** Adds the texts of `list` not already in `out`, keeping the order of first appearance. */
  const addTargets = (ctx: Context, list: readonly CompiledTarget[], out: Set<string>): void => {
    for (const target of list) {
      const v = target.value(ctx);
      if (v === null) continue;
      if (Array.isArray(v)) {
        for (const element of v as readonly Value[]) if (element !== null) out.add(target.toText([element]));
      } else out.add(target.toText(v));
    }
  };

  return ruleOver(info, plan, (ctx, subject, out) => {
    if (!enter(plan, info, ctx, subject, false)) return;
    const evaluationDate = ctx.asAt;
    const explanations = sourceOf(ctx);
    const eventDate = asAt(ctx) as EpochDay | null;
    if (eventDate === null) return;
    ctx.asAt = Math.min(eventDate, evaluationDate);
    try {
      if (!enter(plan, info, ctx, subject)) return;
      bindLets(plan, ctx);
      const held: string[] = [];
      const heldTargets: CompiledTarget[][] = [];
      for (const cause of causes)
        if (cause.condition(ctx) === true) {
          held.push(cause.label);
          heldTargets.push(cause.targets);
        }
      if (held.length === 0) return;
      // The rule's own targets first, then those of each cause that held, each named once.
      const targetTexts = new Set<string>();
      addTargets(ctx, targets, targetTexts);
      for (const list of heldTargets) addTargets(ctx, list, targetTexts);
      out.push(
        new AccountabilityFinding(
          info,
          plan.subjectRef(subject, ctx.data),
          plan.group(ctx, subject),
          plan.holder?.(ctx),
          [...targetTexts],
          held,
          formatIsoDate(ctx.asAt),
          explanations,
          subject,
        ),
      );
    } finally {
      ctx.asAt = evaluationDate;
    }
  });
}
