/**
 * A `within` deadline compiled: start + N in the duration's unit, the paused intervals the facts
 * give (不计算在内) not counted, and the policy's rollover of a last day that is a day off
 * (第二百零三条). Calendar months are counted as the days they span from the start whenever a
 * pause or the rollover has to be applied; without either they are plain month arithmetic.
 */
import type { CheckedPolicy, WithinDeadline } from "@remit/lang";
import {
  addMonths,
  type CountUnit,
  computeDeadline,
  type DeadlineStep,
  type EpochDay,
  formatIsoDate,
  type PausedInterval,
} from "../calendar/index.js";
import { answered } from "../compile/durations.js";
import type { Compiled, Context, ExpressionCompiler } from "../compile/expr.js";
import type { Duration, Value } from "../compile/values.js";

/** A due date and how it was derived. */
export interface DueDate {
  readonly due: EpochDay;
  /** What overdue days and the steps count in. */
  readonly unit: Duration["unit"];
  readonly steps: readonly DeadlineStep[];
}

interface CompiledPause {
  readonly from: Compiled;
  readonly to: Compiled;
  /** `for each c in xs`: the variable's slot and the list. */
  readonly each: { readonly slot: number; readonly source: Compiled } | undefined;
}

export type DueDateOf = (ctx: Context) => DueDate | null;

export function compileWithin(
  deadline: WithinDeadline,
  compiler: ExpressionCompiler,
  policy: CheckedPolicy,
): DueDateOf {
  const duration = compiler.compile(deadline.duration);
  const from = compiler.compile(deadline.from);
  const pauses: CompiledPause[] = deadline.pauses.map((pause) => ({
    from: compiler.compile(pause.from),
    to: compiler.compile(pause.to),
    each:
      pause.variable !== undefined && pause.source !== undefined
        ? { slot: policy.slotOf(pause.variable), source: compiler.compile(pause.source) }
        : undefined,
  }));
  const intervals = (ctx: Context): PausedInterval[] => {
    const out: PausedInterval[] = [];
    for (const pause of pauses) {
      // An interval still open (no last day yet) runs to the evaluation date.
      const add = () => {
        const start = pause.from(ctx) as EpochDay | null;
        const end = (pause.to(ctx) as EpochDay | null) ?? ctx.asAt;
        if (start !== null && end >= start) out.push({ from: start, to: end });
      };
      if (pause.each === undefined) add();
      else {
        const list = pause.each.source(ctx) as readonly Value[] | null;
        for (const element of list ?? []) {
          ctx.frame[pause.each.slot] = element;
          add();
        }
      }
    }
    return out;
  };
  return (ctx) => {
    const start = from(ctx) as EpochDay | null;
    const d = duration(ctx) as Duration | null;
    if (start === null || d === null) return null;
    const rollOver = ctx.calendar.rollOver;
    const paused = pauses.length === 0 ? [] : intervals(ctx);
    if (d.unit === "month" && paused.length === 0 && !rollOver) {
      const due = addMonths(start, d.amount);
      return { due, unit: "month", steps: [] };
    }
    const [amount, unit]: [number, CountUnit] =
      d.unit === "working day"
        ? [d.amount, "working days"]
        : [d.unit === "month" ? addMonths(start, d.amount) - start : d.amount, "days"];
    if (d.unit === "day" && paused.length === 0 && !rollOver) {
      return { due: start + amount, unit: "day", steps: [] };
    }
    if (unit === "working days" && ctx.calendar.index === undefined) return null;
    const deadline = answered(
      ctx.calendar,
      computeDeadline({ start, amount, unit, pauses: paused, rollOver }, ctx.calendar.index),
    );
    return deadline === null ? null : { due: deadline.due, unit: d.unit, steps: deadline.steps };
  };
}

/** The derivation as the explanation shows it: start, + N, each pause, rollover → due. */
export function derivationValues(
  dueDate: DueDate,
  words: { readonly zh: boolean },
): Readonly<Record<string, string>> {
  const values: Record<string, string> = {};
  const { zh } = words;
  const unitText = (unit: CountUnit) =>
    unit === "working days" ? (zh ? "个工作日" : "working days") : zh ? "日" : "days";
  const counted = dueDate.steps.find((step) => step.kind === "count");
  const unit = counted?.kind === "count" ? counted.unit : "days";
  for (const step of dueDate.steps) {
    switch (step.kind) {
      case "start":
        values[zh ? "起算日" : "start"] = formatIsoDate(step.date);
        break;
      case "count":
        values[`+ ${step.amount} ${unitText(step.unit)}`] = formatIsoDate(step.due);
        break;
      case "pause": {
        const interval = `${formatIsoDate(step.from)}–${formatIsoDate(step.to)}`;
        const excluded = `${step.excluded} ${unitText(unit)}`;
        values[zh ? `不计 ${interval}（${excluded}）` : `not counted ${interval} (${excluded})`] =
          formatIsoDate(step.due);
        break;
      }
      case "roll-over": {
        const last = formatIsoDate(step.from);
        values[zh ? `${last} 为休息日，顺延` : `${last} is a day off, rolled over`] = formatIsoDate(step.due);
        break;
      }
      default: {
        const unknown: never = step;
        throw new Error(`unknown deadline step ${JSON.stringify(unknown)}`);
      }
    }
  }
  return values;
}
