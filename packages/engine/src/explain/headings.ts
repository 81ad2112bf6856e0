/**
 * What a finding's fields are called where people read findings as a table — the terminal table,
 * the HTML report, the spreadsheet, the playground — so each says `截止日期`, not one `期限` and
 * another `截止日期`.
 * @example
 * ```ts
 * import { findingFieldWords } from "@remit/engine";
 * console.log(findingFieldWords.due.zh, findingFieldWords.holder.en); // 截止日期 Holder
 * ```
 */
export const findingFieldWords = {
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
  reached: { en: "Reached", zh: "到达日期" },
  asAt: { en: "As at", zh: "判定日" },
  causes: { en: "Causes", zh: "原因" },
  targets: { en: "Targets", zh: "问责对象" },
  cites: { en: "Clauses", zh: "条款" },
} as const;
