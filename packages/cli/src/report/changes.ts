/**
 * What changed between two recorded evaluations, as prose for the officials who act on it: each
 * change in the policy's own words — the rule's title, the subject by its label and name, statuses
 * in words and escalation levels by their labels — worded by the engine's label code from the
 * labels the later record kept, never by the record's ids and codes. A record made before labels
 * were kept is worded with ids where labels are missing, and says so once.
 */
import { findingStatusWords, type PolicyLabels, periodWords, subjectWords } from "@remit/engine";
import type { Language, Localized } from "@remit/lang";
import type { Change, ChangeKind, Changes, RecordSummary } from "@remit/store";
import { words } from "../evaluation/labels.js";
import { reportWords } from "./words.js";

/** Each kind of change in words, in the order a briefing lists them: what needs action first. */
const changeKindWords: Readonly<Record<ChangeKind, Localized>> = {
  "newly-overdue": { en: "newly overdue", zh: "新增逾期" },
  escalated: { en: "escalated", zh: "升级" },
  "accountability-triggered": { en: "accountability newly triggered", zh: "新触发问责" },
  resolved: { en: "resolved", zh: "已解决" },
};

/** The labels of a record made before labels were kept: none, so ids show where labels would. */
const noLabels: PolicyLabels = { readers: "en", subjects: {}, levels: {} };

/**
 * The changes as text in `lang`: the policy and the two records compared, how many changes of
 * each kind, then one sentence per change under its kind.
 */
export function renderChanges(changes: Changes | undefined, lang: Language): string {
  const en = lang === "en";
  if (changes === undefined) return en ? "no changes\n" : "无变化\n";
  const { before, after } = changes;
  const policy = after.policy;
  const version = policy.version === null ? "" : ` ${words.version[lang]} ${policy.version}`;
  const out = [
    `${policy.name}${version}`,
    `${before === undefined ? (en ? "(no earlier record)" : "（无更早的记录）") : recordWords(before, lang)} → ${recordWords(after, lang)}`,
  ];
  if (before !== undefined && before.policy.hash !== policy.hash) {
    const hashes = `${before.policy.hash.slice(0, 12)} → ${policy.hash.slice(0, 12)}`;
    out.push(
      en
        ? `The two evaluations ran different texts of the policy (hash ${hashes}).`
        : `两次评估所用的政策文本不同（摘要 ${hashes}）。`,
    );
  }
  if (changes.changes.length === 0) return `${[...out, en ? "no changes" : "无变化"].join("\n")}\n`;
  if (changes.labels === undefined) {
    out.push(
      en
        ? "This record was made before records kept the policy's labels: subject kinds and escalation levels show as their ids."
        : "该记录形成时尚未保存政策的标签：对象类别与升级级别以编号显示。",
    );
  }
  const labels = changes.labels ?? noLabels;
  const kinds = (Object.keys(changeKindWords) as ChangeKind[])
    .map((kind) => ({ kind, of: changes.changes.filter((change) => change.kind === kind) }))
    .filter(({ of }) => of.length > 0);
  const counts = kinds.map(({ kind, of }) =>
    en ? `${of.length} ${changeKindWords[kind].en}` : `${changeKindWords[kind].zh} ${of.length} 项`,
  );
  const total = changes.changes.length;
  out.push(
    en
      ? `${total} change${total === 1 ? "" : "s"}: ${counts.join(", ")}.`
      : `共 ${total} 项变化：${counts.join("，")}。`,
    "",
  );
  for (const { kind, of } of kinds) {
    const heading = changeKindWords[kind][lang];
    out.push(
      en ? `${heading[0]?.toUpperCase()}${heading.slice(1)} (${of.length})` : `${heading}（${of.length} 项）`,
    );
    for (const change of of) out.push(`  ${changeSentence(change, lang, labels)}`);
  }
  return `${out.join("\n")}\n`;
}

function recordWords(record: RecordSummary, lang: Language): string {
  return lang === "en"
    ? `record #${record.id} (as of ${record.asOf})`
    : `记录 #${record.id}（评估日 ${record.asOf}）`;
}

/**
 * One change as a sentence: the rule's title, the subject (and period), the status before and
 * after, and what a reader acts on: since when a case is at its level and whether it is past its
 * deadline, when it closed, the due date and when it was met, who holds it, the causes found and
 * who is held to account.
 */
function changeSentence(change: Change, lang: Language, labels: PolicyLabels): string {
  const en = lang === "en";
  const finding = change.finding;
  const subject = subjectWords(labels, finding.subject, lang);
  const period =
    finding.period === undefined ? "" : `${en ? ", " : "，"}${periodWords(finding.period, lang)}`;
  const now = findingStatusWords(finding, lang, labels);
  const was =
    change.before === undefined
      ? undefined
      : findingStatusWords(
          { kind: finding.kind, rule: finding.rule, modality: finding.modality, status: change.before },
          lang,
          labels,
        );
  const movement =
    was === undefined
      ? en
        ? `not judged before, now ${now}`
        : `此前未判定，现为${now}`
      : change.kind === "escalated"
        ? en
          ? `climbed from ${was} to ${now}`
          : `由${was}升至${now}`
        : en
          ? `was ${was}, now ${now}`
          : `由${was}变为${now}`;
  const details: string[] = [];
  const reachedOn = finding.kind === "escalation" ? finding.reached?.[finding.status] : undefined;
  if (reachedOn !== undefined)
    details.push(en ? `at this level since ${reachedOn}` : `${reachedOn} 升至本级`);
  if (finding.kind === "escalation" && finding.overdue === true) details.push(reportWords(lang).caseOverdue);
  if (finding.closedOn !== undefined) details.push(`${words.closedOn[lang]} ${finding.closedOn}`);
  if (finding.due !== undefined) details.push(en ? `due ${finding.due}` : `截止日期 ${finding.due}`);
  if (finding.metOn !== undefined) details.push(`${words.metOn[lang]} ${finding.metOn}`);
  if (finding.holder !== undefined)
    details.push(en ? `held by ${finding.holder}` : `责任主体：${finding.holder}`);
  const causes = finding.causes ?? [];
  if (causes.length > 0) details.push(en ? `causes: ${causes.join(", ")}` : `原因：${causes.join("、")}`);
  const targets = finding.targets ?? [];
  if (targets.length > 0) {
    details.push(en ? `held to account: ${targets.join(", ")}` : `问责对象：${targets.join("、")}`);
  }
  return en
    ? `${finding.title} — ${subject}${period}: ${[movement, ...details].join("; ")}.`
    : `${finding.title}——${subject}${period}：${[movement, ...details].join("；")}。`;
}
