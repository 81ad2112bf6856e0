/**
 * Accountability: a subject that passes the filter, with at least one cause holding, judged as at
 * the event's date (`as at f.date`): filter, lets, causes, targets and holder all read the facts
 * as they stood that day. Subjects that do not trigger give no finding.
 */
import type { AccountabilityInfo } from "@remit/lang";
import { type EpochDay, formatIsoDate } from "../calendar/index.js";
import { type Compiled, textOf } from "../compile/expr.js";
import type { Value } from "../compile/values.js";
import { captureOperands, explainCondition } from "../explain/capture.js";
import type { Because, Finding } from "../result.js";
import { bindLets, type CompiledRule, compact, enter, planSubject, type RuleEnv } from "./common.js";

export function compileAccountability(info: AccountabilityInfo, env: RuleEnv): CompiledRule {
  const { compiler, source } = env;
  const rule = info.rule;
  const plan = planSubject(info, env);
  const asAt: Compiled = rule.asAt ? compiler.compile(rule.asAt) : (ctx) => ctx.asAt;
  const causes = rule.causes.map((cause) => ({
    label: cause.label.value,
    condition: compiler.compile(cause.condition),
    operands: captureOperands(cause.condition, compiler, source),
  }));
  const targets = rule.targets.map((t) => ({
    value: compiler.compile(t),
    toText: textOf(compiler.typeOf(t)),
  }));

  return {
    info,
    subjectCollection: plan.collection,
    subjects: (ctx) => plan.source(ctx) as readonly Value[],
    subjectId: (subject) => plan.subjectRef(subject).id,
    evaluate(ctx, subject) {
      if (!enter(plan, info, ctx, subject, false)) return [];
      const evaluationDate = ctx.asAt;
      const eventDate = asAt(ctx) as EpochDay | null;
      if (eventDate === null) return [];
      ctx.asAt = Math.min(eventDate, evaluationDate);
      try {
        if (!enter(plan, info, ctx, subject)) return [];
        bindLets(plan, ctx);
        const held: string[] = [];
        const because: Because[] = [];
        for (const cause of causes) {
          const holds = cause.condition(ctx) === true;
          if (holds) held.push(cause.label);
          because.push({
            test: cause.label,
            value: holds,
            because: cause.operands.map((c) => explainCondition(c, ctx)),
          });
        }
        if (held.length === 0) return [];
        const targetTexts: string[] = [];
        for (const target of targets) {
          const v = target.value(ctx);
          if (v === null) continue;
          if (Array.isArray(v)) {
            for (const element of v as readonly Value[])
              if (element !== null) targetTexts.push(target.toText([element]));
          } else targetTexts.push(target.toText(v));
        }
        return [
          compact<Finding>({
            rule: info.id,
            title: info.title,
            kind: "accountability",
            modality: info.modality,
            status: "triggered",
            subject: plan.subjectRef(subject),
            township: plan.township(ctx, subject),
            holder: plan.holder?.(ctx),
            targets: targetTexts,
            causes: held,
            asAt: formatIsoDate(ctx.asAt),
            cites: info.cites,
            explanation: { holds: true, because },
          }),
        ];
      } finally {
        ctx.asAt = evaluationDate;
      }
    },
  };
}
