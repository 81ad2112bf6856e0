import type { Language } from "@remit/lang";

const zh = {
  report: "评估报告",
  asOf: "评估日",
  hash: "政策摘要",
  summary: "分组汇总",
  timeline: "期限时间线",
  escalations: "升级处置",
  accountability: "问责触发",
  findings: "全部结果",
  clauses: "条款",
  none: "无",
  filter: "按状态筛选",
  all: "全部",
  caseOverdue: "已逾期",
  timelineIntro: (from: string, to: string, days: number) =>
    `${from} 至 ${to}（${days} 天）内到期、尚未完成的职责，按周列出。`,
  dueCount: (n: number) => `${n} 项到期`,
};

const en: typeof zh = {
  report: "evaluation report",
  asOf: "as of",
  hash: "policy hash",
  summary: "Summary by group",
  timeline: "Deadline timeline",
  escalations: "Escalation ladders",
  accountability: "Accountability triggers",
  findings: "All findings",
  clauses: "Clauses",
  none: "none",
  filter: "Show status",
  all: "all",
  caseOverdue: "overdue",
  timelineIntro: (from, to, days) =>
    `Duties not yet met that fall due from ${from} to ${to} (${days} days), by week.`,
  dueCount: (n) => `${n} due`,
};

/** The report's own words (the shared labels live in evaluation/labels.ts). */
export function reportWords(lang: Language): typeof zh {
  return lang === "zh" ? zh : en;
}
