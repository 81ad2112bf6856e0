/**
 * A finding's explanation in sentences, one per line, in English and Chinese: for a duty what it
 * requires, its due date and how that date was derived, what the facts show and what is missing;
 * for an escalation where the case started, each level with its label, its condition and the day
 * it was reached, and whether it closed; for accountability the event and each cause in words.
 * Built beside the condition tree, in the same context (`explanation.text`).
 */
import type {
  AccountabilityInfo,
  DutyInfo,
  EscalationInfo,
  Expr,
  Language,
  Localized,
  Modality,
  PeriodUnit,
} from "@remit/lang";
import type { Context } from "../compile/expr.js";
import type { Finding } from "../result.js";
import { subjectWords } from "./subjects.js";
import { type ExpressionWords, periodWords } from "./words.js";

type Lang = Language;

/**
 * A rule's modality as people read it.
 * @example
 * ```ts
 * import { modalityWords } from "@remit/engine";
 * console.log(modalityWords.must.zh, modalityWords.should.en); // 必须 should
 * ```
 */
export const modalityWords: Readonly<Record<Modality, Localized>> = {
  must: { en: "must", zh: "必须" },
  mustNot: { en: "must not", zh: "不得" },
  should: { en: "should", zh: "宜" },
  may: { en: "may", zh: "可以" },
};

/** Lines as one text: Chinese sentences end in `。`, English ones in `.`. */
function lines(parts: readonly string[], lang: Lang): string {
  const stop = lang === "en" ? "." : "。";
  return parts.map((p) => (/[。.！？]$/.test(p) ? p : `${p}${stop}`)).join("\n");
}

/** `if c then d else none`, a date requirement met on `d` once `c` holds. */
function conditionalDate(expr: Expr): { condition: Expr; date: Expr } | undefined {
  let e = expr;
  while (e.kind === "ParenExpr") e = e.inner;
  if (e.kind !== "IfExpr" || e.else.kind !== "NoneLiteral") return undefined;
  return { condition: e.condition, date: e.then };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export class Narrator {
  constructor(readonly words: ExpressionWords) {}

  duty(info: DutyInfo, ctx: Context, finding: Finding): Localized {
    return this.words.both((lang) => lines(this.dutyLines(info, ctx, finding, lang), lang));
  }

  escalation(info: EscalationInfo, ctx: Context, finding: Finding): Localized {
    return this.words.both((lang) => lines(this.escalationLines(info, ctx, finding, lang), lang));
  }

  accountability(info: AccountabilityInfo, ctx: Context, finding: Finding): Localized {
    return this.words.both((lang) => lines(this.accountabilityLines(info, ctx, finding, lang), lang));
  }

  private dutyLines(info: DutyInfo, ctx: Context, finding: Finding, lang: Lang): string[] {
    const { words } = this;
    const en = lang === "en";
    const rule = info.rule;
    const modal = modalityWords[info.modality][lang];
    const requirement = rule.requirement;
    const isDate = info.requirementKind === "date";
    const out: string[] = [];
    // `if enough then the latest date else none`: the condition is the requirement, the date its day.
    const conditional = isDate && requirement !== undefined ? conditionalDate(requirement) : undefined;
    if (conditional !== undefined) {
      const condition = words.clause(conditional.condition, lang);
      const day = words.noun(conditional.date, lang);
      out.push(
        en
          ? `Requires (${modal}): ${condition} (done on ${day})`
          : `要求（${modal}）：${condition}（以${day}为完成日期）`,
      );
    } else if (requirement !== undefined) {
      const required = isDate
        ? en
          ? `${words.noun(requirement, lang)} recorded`
          : `有${words.noun(requirement, lang)}`
        : words.clause(requirement, lang);
      out.push(en ? `Requires (${modal}): ${required}` : `要求（${modal}）：${required}`);
    }
    const due = this.dueLine(info, ctx, finding, lang);
    if (due !== undefined) out.push(due);
    const met = finding.status === "met";
    if (requirement !== undefined && isDate) {
      const noun = words.noun(conditional?.date ?? requirement, lang);
      if (finding.metOn !== undefined) {
        const late = finding.due !== undefined ? daysBetween(finding.due, finding.metOn) : 0;
        out.push(
          late > 0
            ? en
              ? `The facts show: ${noun} ${finding.metOn}, ${late} days after the due date`
              : `事实：${noun} ${finding.metOn}，晚于期限 ${late} 天`
            : en
              ? `The facts show: ${noun} ${finding.metOn}, on time`
              : `事实：${noun} ${finding.metOn}，在期限内`,
        );
      } else if (conditional !== undefined) {
        const shown = words.clause(conditional.condition, lang, true, ctx);
        out.push(en ? `The facts show: ${shown}` : `事实：${shown}`);
      } else out.push(en ? `Missing: no ${noun} yet` : `尚缺：尚无${noun}`);
    } else if (requirement !== undefined) {
      const parts = this.operands(requirement);
      const shown = parts.map((part) => {
        const holds = words.valueOfCondition(part, ctx);
        return words.clause(part, lang, !holds, ctx);
      });
      out.push(en ? `The facts show: ${shown.join("; ")}` : `事实：${shown.join("；")}`);
      if (!met) {
        // A missing value says itself (`尚无整改期限`); any other condition is named as not yet met.
        const failing = parts.filter((part) => !words.valueOfCondition(part, ctx));
        const absent = failing
          .filter((part) => part.kind === "IsSetExpr")
          .map((part) => words.clause(part, lang, true));
        const unmet = failing
          .filter((part) => part.kind !== "IsSetExpr")
          .map((part) => words.clause(part, lang));
        if (absent.length > 0) out.push(en ? `Missing: ${absent.join("; ")}` : `尚缺：${absent.join("；")}`);
        if (unmet.length > 0)
          out.push(en ? `Not yet met: ${unmet.join("; ")}` : `尚未满足：${unmet.join("；")}`);
      }
    }
    out.push(this.dutyVerdict(info, finding, lang));
    return out;
  }

  /** The due date and how it was derived from the rule's deadline. */
  private dueLine(info: DutyInfo, ctx: Context, finding: Finding, lang: Lang): string | undefined {
    const { words } = this;
    const en = lang === "en";
    const deadline = info.rule.deadline;
    const due = finding.due;
    if (deadline === undefined) return en ? "Due: at once (no deadline)" : "期限：即时（未设期限）";
    if (due === undefined) return en ? "Due: no date yet" : "期限：尚无日期";
    switch (deadline.kind) {
      case "ByDeadline": {
        const literal = deadline.date.kind === "DateLiteral";
        const source = literal ? "" : words.noun(deadline.date, lang);
        return en
          ? `Due: by ${due}${source ? ` (${source})` : ""}`
          : `期限：${source ? `${source}，` : ""}${due} 前`;
      }
      case "WithinDeadline": {
        const from = words.noun(deadline.from, lang);
        const fromValue = words.value(deadline.from, ctx, lang);
        const duration = words.value(deadline.duration, ctx, lang);
        return en
          ? `Due: within ${duration} of ${from} ${fromValue}, that is by ${due}`
          : `期限：${from} ${fromValue} 起 ${duration}内，即 ${due} 前`;
      }
      case "RecurringDeadline": {
        const every = (
          {
            week: ["week", "周"],
            month: ["month", "月"],
            quarter: ["quarter", "季度"],
            halfYear: ["half year", "半年"],
            year: ["year", "年"],
          } as const satisfies Record<PeriodUnit, readonly [string, string]>
        )[deadline.unit];
        const period = finding.period === undefined ? "" : periodWords(finding.period, lang);
        return en
          ? `Due: once every ${every[0]}; for ${period}, by ${due}`
          : `期限：每${every[1]}一次；${period}的期限为 ${due}`;
      }
    }
  }

  private dutyVerdict(info: DutyInfo, finding: Finding, lang: Lang): string {
    const en = lang === "en";
    switch (finding.status) {
      case "met":
        return finding.late ? (en ? "Done, late" : "已完成，逾期完成") : en ? "Done" : "已完成";
      case "overdue":
        if (info.modality === "should")
          return en
            ? `Not done${finding.overdueDays === undefined ? "" : `, ${finding.overdueDays} days past the date`}: advisory, not a violation`
            : `尚未完成${finding.overdueDays === undefined ? "" : `，已过期限 ${finding.overdueDays} 天`}：属建议性要求，不属违规`;
        return finding.overdueDays === undefined
          ? en
            ? "Overdue"
            : "逾期"
          : en
            ? `Overdue by ${finding.overdueDays} days`
            : `逾期 ${finding.overdueDays} 天`;
      case "due-soon":
        return en ? "Not done yet, due soon" : "尚未完成，即将到期";
      case "pending":
        return en ? "Not done yet, not yet due" : "尚未完成，未到期";
      case "advisory":
        return en ? "Not done: advisory, not a violation" : "尚未完成：属建议性要求，不属违规";
      case "missed":
        return en
          ? "Not done within its period, which has ended: missed, it cannot be made up"
          : "该期已结束仍未完成：已错过，无法补办";
      case "violated":
        return finding.violatedOn === undefined
          ? en
            ? "Violated: the forbidden thing happened"
            : "已违反：发生了禁止的情形"
          : en
            ? `Violated: the forbidden thing happened on ${finding.violatedOn}`
            : `已违反：${finding.violatedOn} 发生了禁止的情形`;
      default:
        return finding.status;
    }
  }

  private escalationLines(info: EscalationInfo, ctx: Context, finding: Finding, lang: Lang): string[] {
    const { words } = this;
    const en = lang === "en";
    const rule = info.rule;
    const out: string[] = [];
    const start = rule.start;
    const startWords = start ? `${words.noun(start, lang)} ${words.value(start, ctx, lang)}` : "";
    if (start) out.push(en ? `Starts: ${startWords}` : `起算：${startWords}`);
    const reached = finding.reached ?? {};
    const levels = rule.levels.map((level, i) => {
      const label = level.label?.value ?? level.name.name;
      const condition =
        i === 0
          ? en
            ? "from the start"
            : "起算即处于"
          : level.after
            ? en
              ? `after ${words.value(level.after, ctx, lang)}`
              : `超过 ${words.value(level.after, ctx, lang)}`
            : level.when
              ? en
                ? `when ${words.clause(level.when, lang)}`
                : `当${words.clause(level.when, lang)}`
              : "";
      const on = reached[level.name.name];
      const when = on === undefined ? (en ? "not reached" : "未到达") : en ? `reached ${on}` : `${on} 到达`;
      return en ? `${label} (${condition}; ${when})` : `${label}（${condition}，${when}）`;
    });
    out.push(en ? `Levels: ${levels.join("; ")}` : `级别：${levels.join("；")}`);
    if (rule.closes) {
      const closes = rule.closes;
      if (info.closesKind === "date") {
        const noun = words.noun(closes, lang);
        out.push(
          finding.closedOn !== undefined
            ? en
              ? `Closed on ${finding.closedOn} (${noun})`
              : `已于 ${finding.closedOn} 办结（${noun}）`
            : en
              ? `Not closed: no ${noun} yet`
              : `尚未办结：尚无${noun}`,
        );
      } else {
        const holds = words.valueOfCondition(closes, ctx);
        out.push(
          en
            ? `Closes when ${words.clause(closes, lang, !holds, ctx)}`
            : `办结条件：${words.clause(closes, lang, !holds, ctx)}`,
        );
      }
    }
    const limitValue = rule.overdueAfter ? words.value(rule.overdueAfter, ctx, "en") : "none";
    if (rule.overdueAfter && limitValue !== "none") {
      const noun = words.noun(rule.overdueAfter, lang);
      const limit = words.value(rule.overdueAfter, ctx, lang);
      out.push(
        finding.overdue
          ? en
            ? `${noun} ${limit} has passed: moved up one level`
            : `${noun} ${limit} 已过，逾期上升一级`
          : en
            ? `${noun}: ${limit}, not passed`
            : `${noun}：${limit}，未逾期`,
      );
    }
    const current = rule.levels.find((l) => l.name.name === finding.status);
    const label = current?.label?.value ?? finding.status;
    out.push(
      finding.status === "closed"
        ? en
          ? "The case is closed"
          : "已办结"
        : en
          ? `Now at: ${label}${finding.holder ? `, held by ${finding.holder}` : ""}`
          : `现处于：${label}${finding.holder ? `，由${finding.holder}负责` : ""}`,
    );
    return out;
  }

  private accountabilityLines(
    info: AccountabilityInfo,
    ctx: Context,
    finding: Finding,
    lang: Lang,
  ): string[] {
    const { words } = this;
    const en = lang === "en";
    const rule = info.rule;
    const out: string[] = [];
    const subject = subjectWords(words.policy, finding.subject, lang);
    const filter = rule.subject?.filter;
    const event = filter ? words.clause(filter, lang, false, ctx) : "";
    const on = finding.asAt ?? "";
    out.push(
      en
        ? `The event: ${on ? `on ${on}, ` : ""}${subject}${event ? `: ${event}` : ""}`
        : `事件：${on ? `${on}，` : ""}${subject}${event ? `：${event}` : ""}`,
    );
    if (on) out.push(en ? `Judged as at ${on}` : `按 ${on} 的情况判定`);
    for (const cause of rule.causes) {
      const holds = words.valueOfCondition(cause.condition, ctx);
      const shown = words.clause(cause.condition, lang, !holds, ctx);
      const label = cause.label.value;
      out.push(
        en
          ? `Cause "${label}" ${holds ? "holds" : "does not hold"}: ${shown}`
          : `原因“${label}”${holds ? "成立" : "不成立"}：${shown}`,
      );
    }
    const targets = finding.targets ?? [];
    if (targets.length > 0)
      out.push(en ? `Held to account: ${targets.join(", ")}` : `问责对象：${targets.join("、")}`);
    return out;
  }

  /** The operands of a top-level `and` chain (each shown on its own), or the condition. */
  private operands(expr: Expr): Expr[] {
    let e = expr;
    while (e.kind === "ParenExpr") e = e.inner;
    if (e.kind === "BinaryExpr" && e.operator === "and")
      return [...this.operands(e.left), ...this.operands(e.right)];
    return [e];
  }
}
