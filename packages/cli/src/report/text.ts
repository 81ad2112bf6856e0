import type { Finding, FindingStatus, Modality } from "@remit/engine";
import { statusNames } from "@remit/engine";
import type { Language } from "@remit/lang";
import { groupHeading, groupTitle } from "../evaluation/groups.js";
import { kindWords, words } from "../evaluation/labels.js";

const groupWord = { en: "group", zh: "分组" } as const;

import type { TableLabels } from "../evaluation/table.js";

/**
 * How the reports (HTML, spreadsheet, CSV) name what the result holds as ids: groups by their
 * names, escalation levels by their rule's own labels, statuses in the reader's language.
 */
export class ReportText {
  constructor(
    readonly lang: Language,
    private readonly labels: TableLabels = {},
  ) {}

  /** A group's name with its id (`梅溪镇（T03）`); the policy's name for findings in no group. */
  groupName(id: string): string {
    return groupTitle(id, this.labels, this.lang);
  }

  /** What the groups are (`乡（镇）`): the grouping collection's label; a plain word when none. */
  groupHeading(): string {
    return groupHeading(this.labels) ?? groupWord[this.lang];
  }

  /** The grouping collection's label, when the policy declares a grouping. */
  declaredGroupHeading(): string | undefined {
    return groupHeading(this.labels);
  }

  /** A level of one rule's ladder: that rule's label, never another ladder's. */
  levelText(rule: string, level: string): string {
    if (this.lang === "en") return level;
    return this.labels.levelLabel?.(rule, level) ?? level;
  }

  /** A finding's status as a word; an open escalation by the level it reached. */
  statusText(finding: Finding): string {
    const word = this.statusOf(finding.kind === "escalation" ? finding.rule : undefined, finding.status);
    if (finding.late !== true) return word;
    return this.lang === "zh" ? `${word}（${words.late.zh}）` : `${word} (${words.late.en})`;
  }

  /** A status word; for an escalation rule's status that is not a fixed word, its level label. */
  statusOf(rule: string | undefined, status: FindingStatus): string {
    const fixed = statusNames[status]?.[this.lang];
    if (fixed !== undefined) return fixed;
    return rule === undefined ? status : this.levelText(rule, status);
  }

  /** What the rule asks: `must`, `should`, `may`, as the reader says it. */
  modalityText(modality: Modality): string {
    return modalityWords[modality][this.lang];
  }

  kindText(kind: string): string {
    return kindWords[kind]?.[this.lang] ?? kind;
  }

  subjectText(finding: Finding): string {
    return `${finding.subject.collection} ${finding.subject.id}`;
  }

  /** Names in a list, with the reader's separator. */
  list(items: readonly string[]): string {
    return items.join(this.lang === "zh" ? "、" : ", ");
  }
}

const modalityWords: Readonly<Record<Modality, Readonly<Record<Language, string>>>> = {
  must: { en: "must", zh: "必须" },
  mustNot: { en: "must not", zh: "不得" },
  should: { en: "should", zh: "宜" },
  may: { en: "may", zh: "可以" },
};
