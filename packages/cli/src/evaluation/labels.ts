import { findingFieldWords, type RuleKind } from "@remit/engine";
import type { Language } from "@remit/lang";

type Words = Record<Language, string>;

/** Each rule kind's heading; a kind added to the engine fails to compile here until it is worded. */
export const kindWords: Readonly<Partial<Record<string, Words>>> = {
  duty: { en: "Duties", zh: "职责" },
  escalation: { en: "Escalations", zh: "升级" },
  accountability: { en: "Accountability", zh: "问责" },
} satisfies Record<RuleKind, Words>;

export const words = {
  ...findingFieldWords,
  overdue: { en: "Overdue", zh: "逾期" },
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
