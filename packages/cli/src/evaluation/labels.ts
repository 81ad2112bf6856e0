import type { RuleKind } from "@remit/engine";
import type { Language } from "@remit/lang";

type Words = Record<Language, string>;

/** Each rule kind's heading; a kind added to the engine fails to compile here until it is worded. */
export const kindWords: Readonly<Partial<Record<string, Words>>> = {
  duty: { en: "Duties", zh: "职责" },
  escalation: { en: "Escalations", zh: "升级" },
  accountability: { en: "Accountability", zh: "问责" },
} satisfies Record<RuleKind, Words>;

export const words = {
  rule: { en: "Rule", zh: "规则" },
  title: { en: "Title", zh: "名称" },
  modality: { en: "Modality", zh: "要求" },
  subject: { en: "Subject", zh: "对象" },
  status: { en: "Status", zh: "状态" },
  due: { en: "Due", zh: "截止日期" },
  period: { en: "Period", zh: "周期" },
  overdueDays: { en: "Overdue", zh: "逾期" },
  holder: { en: "Holder", zh: "责任主体" },
  level: { en: "Level", zh: "级别" },
  overdue: { en: "Overdue", zh: "逾期" },
  reached: { en: "Reached", zh: "到达日期" },
  asAt: { en: "As at", zh: "判定日" },
  causes: { en: "Causes", zh: "原因" },
  targets: { en: "Targets", zh: "问责对象" },
  kind: { en: "Kind", zh: "类型" },
  count: { en: "Count", zh: "数量" },
  total: { en: "Total", zh: "合计" },
  asOf: { en: "as of", zh: "评估日" },
  version: { en: "version", zh: "版本" },
  summary: { en: "Summary", zh: "汇总" },
  warnings: { en: "Warnings", zh: "警告" },
  byStatus: { en: "By status", zh: "按状态" },
  by: { en: "By ", zh: "按" },
  findings: { en: "findings", zh: "条结果" },
  noFindings: { en: "no findings", zh: "无结果" },
  yes: { en: "yes", zh: "是" },
  late: { en: "late", zh: "逾期完成" },
  metOn: { en: "met on", zh: "完成于" },
  closedOn: { en: "closed", zh: "办结" },
} as const satisfies Record<string, Words>;
