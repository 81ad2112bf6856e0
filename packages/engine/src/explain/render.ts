/**
 * Explanations as text for people, in English or Chinese: the verdict, then each deciding
 * condition with its value and the fact values it read, then what is still missing.
 */
import type { Language } from "@remit/lang";
import type { Because, Finding, FindingStatus, FixedStatus, JsonValue } from "../result.js";
import { aggregateKeys } from "./tree.js";

/**
 * The duty statuses and the fixed escalation and accountability states, as people read them, in
 * display order. (An escalation's other statuses are its levels' names, from the policy.) A status
 * added to the engine fails to compile here until it is worded.
 */
const fixedStatusNames: Readonly<Record<FixedStatus, Readonly<Record<Language, string>>>> = {
  met: { en: "met", zh: "已完成" },
  pending: { en: "pending", zh: "未到期" },
  "due-soon": { en: "due soon", zh: "即将到期" },
  overdue: { en: "overdue", zh: "逾期" },
  missed: { en: "missed", zh: "已错过" },
  violated: { en: "violated", zh: "已违反" },
  advisory: { en: "advisory", zh: "建议" },
  closed: { en: "closed", zh: "已办结" },
  triggered: { en: "triggered", zh: "已触发" },
};

/** The same words, looked up by any status (a level's name is not among them). */
export const statusNames: Readonly<Partial<Record<FindingStatus, Readonly<Record<Language, string>>>>> =
  fixedStatusNames;

export function isFixedStatus(status: FindingStatus): status is FixedStatus {
  return Object.hasOwn(fixedStatusNames, status);
}

/** A status in the reader's language; a level by its name. */
export function statusWord(status: FindingStatus, lang: Language): string {
  return isFixedStatus(status) ? fixedStatusNames[status][lang] : status;
}

function shown(value: JsonValue | undefined, lang: Language): string {
  if (value === null || value === undefined) return lang === "en" ? "none" : "空";
  if (value === true) return lang === "en" ? "yes" : "是";
  if (value === false) return lang === "en" ? "no" : "否";
  if (typeof value === "string") return value;
  if (Array.isArray(value))
    return value.length === 0
      ? "—"
      : value.map((v: JsonValue) => shown(v, lang)).join(lang === "en" ? ", " : "、");
  return JSON.stringify(value);
}

/** An aggregate's summary keys (see `aggregateKeys`), in the reader's language. */
const summaryWords: Record<string, { en: string; zh: string }> = {
  [aggregateKeys.elements]: { en: "elements", zh: "元素数" },
  [aggregateKeys.matching]: { en: "matching", zh: "符合的" },
  [aggregateKeys.failing]: { en: "not satisfying", zh: "不满足的" },
};

function renderBecause(b: Because, lang: Language, depth: number, lines: string[]): void {
  const indent = "  ".repeat(depth);
  lines.push(`${indent}- ${b.test}: ${shown(b.value, lang)}`);
  if (b.values) {
    for (const [path, v] of Object.entries(b.values))
      lines.push(`${indent}    ${summaryWords[path]?.[lang] ?? path} = ${shown(v, lang)}`);
  }
  for (const inner of b.because ?? []) renderBecause(inner, lang, depth + 1, lines);
}

export function renderExplanation(finding: Finding, lang: Language): string {
  const status = statusWord(finding.status, lang);
  const subject = `${finding.subject.collection} ${finding.subject.id}`;
  const lines: string[] = [];
  if (lang === "en") {
    lines.push(
      `${finding.rule} (${finding.title}) for ${subject}${finding.period ? ` in ${finding.period}` : ""}: ${status}`,
    );
    if (finding.due)
      lines.push(
        `due ${finding.due}${finding.metOn ? `, met on ${finding.metOn}${finding.late ? " (late)" : ""}` : ""}${finding.overdueDays !== undefined ? `, ${finding.overdueDays} days overdue` : ""}`,
      );
    if (finding.reached)
      lines.push(
        `levels reached: ${Object.entries(finding.reached)
          .map(([l, d]) => `${l} on ${d}`)
          .join(", ")}${finding.overdue ? " (overdue)" : ""}`,
      );
    if (finding.causes)
      lines.push(`causes: ${finding.causes.join("; ")}, judged as at ${finding.asAt ?? ""}`);
    if (finding.targets) lines.push(`held to account: ${finding.targets.join(", ")}`);
    if (finding.holder) lines.push(`holder: ${finding.holder}`);
    lines.push(`cites ${finding.cites.join(", ")}; because:`);
  } else {
    lines.push(
      `${finding.rule}（${finding.title}）${subject}${finding.period ? ` ${finding.period}` : ""}：${status}`,
    );
    if (finding.due)
      lines.push(
        `期限 ${finding.due}${finding.metOn ? `，完成于 ${finding.metOn}${finding.late ? "（逾期完成）" : ""}` : ""}${finding.overdueDays !== undefined ? `，已逾期 ${finding.overdueDays} 天` : ""}`,
      );
    if (finding.reached)
      lines.push(
        `已升级：${Object.entries(finding.reached)
          .map(([l, d]) => `${l}（${d}）`)
          .join("，")}${finding.overdue ? "（已逾期）" : ""}`,
      );
    if (finding.causes) lines.push(`原因：${finding.causes.join("；")}，按 ${finding.asAt ?? ""} 的情况判定`);
    if (finding.targets) lines.push(`问责对象：${finding.targets.join("，")}`);
    if (finding.holder) lines.push(`责任主体：${finding.holder}`);
    lines.push(`依据 ${finding.cites.join("、")}；理由：`);
  }
  for (const b of finding.explanation.because) renderBecause(b, lang, 0, lines);
  const missing = finding.explanation.missing ?? [];
  if (missing.length > 0) {
    lines.push(lang === "en" ? "missing:" : "尚缺：");
    for (const m of missing) lines.push(`- ${m[lang]}`);
  }
  return lines.join("\n");
}
