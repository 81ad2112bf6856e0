/**
 * Findings as text for people, in English or Chinese: a headline with the verdict, then the
 * explanation's sentences (or, for a finding made by hand, its condition tree).
 */
import type { Language } from "@remit/lang";
import type { Because, Finding, FindingStatus, FixedStatus, JsonValue } from "../result.js";
import { type LabelSource, levelLabel } from "./labels.js";
import { modalityWords } from "./sentences.js";
import { subjectWords } from "./subjects.js";
import { aggregateKeys } from "./tree.js";
import { periodWords } from "./words.js";

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

/**
 * The same words, looked up by any status (a level's name is not among them).
 * @example
 * ```ts
 * import { statusNames } from "@remit/engine";
 * console.log(statusNames.met?.zh); // 已完成
 * ```
 */
export const statusNames: Readonly<Partial<Record<FindingStatus, Readonly<Record<Language, string>>>>> =
  fixedStatusNames;

/**
 * Whether a status is one of the engine's fixed statuses rather than an escalation level's name.
 * @example
 * ```ts
 * import { isFixedStatus } from "@remit/engine";
 * console.log(isFixedStatus("overdue"), isFixedStatus("level")); // true false
 * ```
 */
export function isFixedStatus(status: FindingStatus): status is FixedStatus {
  return Object.hasOwn(fixedStatusNames, status);
}

/**
 * A status in the reader's language; a level by its name.
 * @example
 * ```ts
 * import { statusWord } from "@remit/engine";
 * console.log(statusWord("due-soon", "en"), statusWord("due-soon", "zh")); // due soon 即将到期
 * ```
 */
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

/**
 * What the words for a status depend on: the rule (its kind, id and modality), the status and,
 * for a duty, whether it was met late. A finding is one; so is an earlier status of its rule.
 */
export type JudgedStatus = Pick<Finding, "kind" | "rule" | "modality" | "status" | "late">;

/**
 * A finding's status as people read it: a level by the policy's label (from the policy, or from
 * the labels a record kept of it), a duty met late as such, and a `should` duty left undone after
 * its date as not done (advisory), never as overdue.
 * @example
 * ```ts
 * import { compile, findingStatusWords } from "@remit/engine";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const facts = { hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
 * const outcome = compiled.policy.evaluate(facts, { asOf: "2026-10-20" });
 * if ("errors" in outcome) throw new Error("the facts are rejected");
 * const [finding] = outcome.result.findings;
 * if (finding) console.log(findingStatusWords(finding, "zh")); // 逾期
 * ```
 */
export function findingStatusWords(finding: JudgedStatus, lang: Language, policy?: LabelSource): string {
  const en = lang === "en";
  if (finding.kind === "escalation" && finding.status !== "closed")
    return levelLabel(policy, finding.rule, finding.status);
  if (finding.kind === "duty" && finding.status === "overdue" && finding.modality === "should")
    return en ? "not done (advisory)" : "未完成（建议）";
  const word = statusWord(finding.status, lang);
  if (finding.late === true) return en ? `${word} (late)` : `${word}（逾期完成）`;
  return word;
}

/**
 * One finding for people: a headline (title, rule id, subject by its name, period, status), who
 * holds it and the clauses it cites, then the explanation's sentences. With the policy, subjects
 * and levels read by the policy's labels. A finding without sentences (made by hand) shows its
 * condition tree instead. The labels may be a record's (`policyLabels`), for a finding read back.
 * @example
 * ```ts
 * import { compile, renderExplanation } from "@remit/engine";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const facts = { hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
 * const outcome = compiled.policy.evaluate(facts, { asOf: "2026-10-20" });
 * if ("errors" in outcome) throw new Error("the facts are rejected");
 * const [finding] = outcome.result.findings;
 * if (finding) console.log(renderExplanation(finding, "en").split("\n")[0]); // hazards are listed (listing, must) — hazards H1: overdue
 * ```
 */
export function renderExplanation(finding: Finding, lang: Language, policy?: LabelSource): string {
  const en = lang === "en";
  const subject = policy
    ? subjectWords(policy, finding.subject, lang)
    : `${finding.subject.collection} ${finding.subject.id}`;
  const period =
    finding.period === undefined ? "" : `${en ? ", " : "，"}${periodWords(finding.period, lang)}`;
  const status = findingStatusWords(finding, lang, policy);
  const modality = modalityWords[finding.modality][lang];
  const lines = [
    en
      ? `${finding.title} (${finding.rule}, ${modality}) — ${subject}${period}: ${status}`
      : `${finding.title}（${finding.rule}，${modality}）——${subject}${period}：${status}`,
  ];
  if (finding.holder) lines.push(en ? `Holder: ${finding.holder}` : `责任主体：${finding.holder}`);
  if (finding.cites.length > 0)
    lines.push(en ? `Cites ${finding.cites.join(", ")}` : `依据：${finding.cites.join("、")}`);
  const text = finding.explanation.text;
  if (text !== undefined) {
    lines.push(text[lang]);
    return lines.join("\n");
  }
  for (const b of finding.explanation.because) renderBecause(b, lang, 0, lines);
  const missing = finding.explanation.missing ?? [];
  if (missing.length > 0) {
    lines.push(en ? "missing:" : "尚缺：");
    for (const m of missing) lines.push(`- ${m[lang]}`);
  }
  return lines.join("\n");
}
