import type { Language } from "@remit/lang";
import type { ActionKind } from "./actions.js";

const zh = {
  report: "评估报告",
  asOf: "评估日",
  hash: "政策摘要",
  actions: "待处理事项",
  actionsLead: (
    all: number,
    overdue: number,
    escalated: number,
    accountability: number,
    group: string | undefined,
  ) =>
    all === 0
      ? "没有需要处理的事项。"
      : `共 ${all} 项需要处理：逾期职责 ${overdue} 项，升级处置中的案件 ${escalated} 项，已触发的问责 ${accountability} 项。按责任主体${group === undefined ? "" : `和${group}`}分组，逾期最久的在前。`,
  action: "事项",
  actionKind: { overdue: "逾期", escalated: "升级处置", accountability: "问责" } satisfies Record<
    ActionKind,
    string
  >,
  since: "日期",
  sinceWord: { overdue: "截止", escalated: "升至本级", accountability: "判定" } satisfies Record<
    ActionKind,
    string
  >,
  explanation: "判定理由",
  waited: "已历时",
  waitedDays: (kind: ActionKind, days: number) =>
    kind === "overdue" ? `逾期 ${days} 天` : kind === "escalated" ? `本级已 ${days} 天` : `触发已 ${days} 天`,
  detail: "情况",
  noHolder: "未指定责任主体",
  itemCount: (n: number) => `${n} 项`,
  summary: "汇总",
  chartCaption: (legend: string, group: string) => `各${group}职责情况（${legend}）`,
  byGroup: (group: string) => `按${group}`,
  byRule: "按规则",
  timeline: "期限时间线",
  findings: "全部结果",
  clauses: "条款",
  none: "无",
  filter: "按状态筛选",
  all: "全部",
  caseOverdue: "已超期",
  timelineIntro: (from: string, to: string, days: number) =>
    `${from} 至 ${to}（${days} 天）内到期、尚未完成的必须履行的职责，按周列出。`,
  dueCount: (n: number) => `${n} 项到期`,
};

const en: typeof zh = {
  report: "evaluation report",
  asOf: "as of",
  hash: "policy hash",
  actions: "Actions",
  actionsLead: (all, overdue, escalated, accountability, group) =>
    all === 0
      ? "Nothing asks for action."
      : `${all} items ask for action: ${overdue} overdue duties, ${escalated} escalated cases, ${accountability} accountability reviews triggered. By responsible unit${group === undefined ? "" : ` and ${group}`}, the most overdue first.`,
  action: "Action",
  actionKind: { overdue: "overdue", escalated: "escalated", accountability: "accountability" },
  since: "Date",
  sinceWord: { overdue: "due", escalated: "reached", accountability: "judged" },
  explanation: "Why",
  waited: "Waiting",
  waitedDays: (kind, days) =>
    kind === "overdue"
      ? `${days} days overdue`
      : kind === "escalated"
        ? `${days} days at this level`
        : `${days} days since triggered`,
  detail: "Detail",
  noHolder: "no holder named",
  itemCount: (n) => (n === 1 ? "1 item" : `${n} items`),
  summary: "Summary",
  chartCaption: (legend, group) => `Duties per ${group} (${legend})`,
  byGroup: (group) => `By ${group}`,
  byRule: "By rule",
  timeline: "Deadline timeline",
  findings: "All findings",
  clauses: "Clauses",
  none: "none",
  filter: "Show status",
  all: "all",
  caseOverdue: "past its deadline",
  timelineIntro: (from, to, days) =>
    `Duties that must be done, not yet met, falling due from ${from} to ${to} (${days} days), by week.`,
  dueCount: (n) => `${n} due`,
};

/** The report's own words (the shared labels live in evaluation/labels.ts). */
export function reportWords(lang: Language): typeof zh {
  return lang === "zh" ? zh : en;
}
