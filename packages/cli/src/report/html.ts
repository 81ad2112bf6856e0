import {
  addDays,
  type EvaluationResult,
  type Finding,
  formatIsoDate,
  parseIsoDate,
  renderExplanation,
  statusNames,
} from "@remit/engine";
import type { Language } from "@remit/lang";
import { kindWords, words } from "../evaluation/labels.js";
import type { TableLabels } from "../evaluation/table.js";
import { reportScript, reportStyle } from "./assets.js";
import { reportWords } from "./words.js";

/** A clause as the report shows it: the policy's own id, title and text. */
export interface ReportClause {
  readonly id: string;
  readonly title: string;
  readonly text: string | undefined;
}

export interface HtmlReportOptions {
  readonly lang: Language;
  /** The policy's clauses by id (the checked model's `clauses`). */
  readonly clauses: ReadonlyMap<string, ReportClause>;
  /** Level labels, level order and township names, as the terminal table uses them. */
  readonly labels?: TableLabels;
  /** Each escalation rule's levels, lowest first (see `escalationLadders`). */
  readonly ladders?: ReadonlyMap<string, readonly string[]>;
  /** How many days after the evaluation date the deadline timeline covers; 90 by default. */
  readonly horizonDays?: number;
}

/** The summary columns: what policy staff act on. */
export const summaryStatuses = ["met", "due-soon", "overdue", "missed", "violated", "triggered"] as const;

/**
 * An evaluation result as one self-contained HTML page for policy staff: styles and script
 * inline, nothing fetched. Sections: a summary per township, the deadlines of the coming weeks,
 * the escalation ladders of open cases, the accountability triggers with their explanation, every
 * finding, and the clauses the findings cite (each finding links to its clauses' text).
 * Every piece of text from the policy or the facts is escaped.
 */
export function renderHtmlReport(result: EvaluationResult, options: HtmlReportOptions): string {
  const page = new Page(result, options);
  const w = reportWords(options.lang);
  const title = `${result.policy.name} — ${w.report} ${result.asOf}`;
  const version =
    result.policy.version === null ? "" : ` · ${words.version[options.lang]} ${result.policy.version}`;
  return `<!doctype html>
<html lang="${options.lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${reportStyle}</style>
</head>
<body>
<header>
<h1>${escapeHtml(result.policy.name)}</h1>
<p class="meta">${escapeHtml(`${w.asOf} ${result.asOf}${version} · ${w.hash} ${result.policy.hash.slice(0, 12)}`)}</p>
<nav>${[
    ["summary", w.summary],
    ["timeline", w.timeline],
    ["escalations", w.escalations],
    ["accountability", w.accountability],
    ["findings", w.findings],
    ["clauses", w.clauses],
  ]
    .map(([id, text]) => `<a href="#${id}">${escapeHtml(text ?? "")}</a>`)
    .join("")}</nav>
</header>
<main>
${page.summary()}
${page.timeline()}
${page.escalations()}
${page.accountability()}
${page.findings()}
${page.clauses()}
</main>
<script>${reportScript}</script>
</body>
</html>
`;
}

/** Each escalation rule's level names, lowest first, from the checked policy's rules. */
export function escalationLadders(
  rules: readonly {
    readonly id: string;
    readonly kind: string;
    readonly rule?: unknown;
  }[],
): Map<string, readonly string[]> {
  const ladders = new Map<string, readonly string[]>();
  for (const info of rules) {
    if (info.kind !== "escalation") continue;
    const levels = (
      info.rule as { readonly levels?: readonly { readonly name: { readonly name: string } }[] }
    ).levels;
    ladders.set(
      info.id,
      (levels ?? []).map((level) => level.name.name),
    );
  }
  return ladders;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A clause's anchor: `clause-` and the id with anything outside `[A-Za-z0-9.-]` spelt as its code
 * point, so that every id (Chinese ones too) gives a valid, unique fragment that needs no escaping.
 */
export function clauseAnchor(id: string): string {
  return `clause-${[...id].map((c) => (/[A-Za-z0-9.-]/.test(c) ? c : `_${c.codePointAt(0)?.toString(16)}_`)).join("")}`;
}

class Page {
  private readonly lang: Language;
  private readonly labels: TableLabels;
  private readonly w: ReturnType<typeof reportWords>;

  constructor(
    private readonly result: EvaluationResult,
    private readonly options: HtmlReportOptions,
  ) {
    this.lang = options.lang;
    this.labels = options.labels ?? {};
    this.w = reportWords(options.lang);
  }

  summary(): string {
    const byTownship = this.result.summary.byTownship;
    const townships = townshipOrder(Object.keys(byTownship));
    const head = [
      `<th>${escapeHtml(words.township[this.lang])}</th>`,
      ...summaryStatuses.map((s) => `<th>${escapeHtml(statusWord(s, this.lang))}</th>`),
      `<th>${escapeHtml(words.total[this.lang])}</th>`,
    ].join("");
    const rows = townships.map((township) => {
      const counts = byTownship[township] ?? {};
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
      const cells = summaryStatuses.map((status) => {
        const n = counts[status] ?? 0;
        const alert = n > 0 && status !== "met" && status !== "due-soon" ? " alert" : "";
        return `<td class="num status-${status}${alert}" data-status="${status}">${n}</td>`;
      });
      return `<tr data-township="${escapeHtml(township)}"><th scope="row">${escapeHtml(this.townshipTitle(township))}</th>${cells.join("")}<td class="num" data-status="total">${total}</td></tr>`;
    });
    return section(
      "summary",
      this.w.summary,
      `<table class="summary"><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`,
    );
  }

  /** Duties not yet met whose due date falls in the coming weeks, grouped by week (Monday first). */
  timeline(): string {
    const asOf = parseIsoDate(this.result.asOf);
    const horizon = this.options.horizonDays ?? 90;
    if (asOf === undefined) return section("timeline", this.w.timeline, `<p>${escapeHtml(this.w.none)}</p>`);
    const end = addDays(asOf, horizon);
    const upcoming = this.result.findings
      .filter((f) => f.kind === "duty" && f.status !== "met" && f.due !== undefined)
      .map((f) => ({ finding: f, day: parseIsoDate(f.due ?? "") }))
      .filter(
        (x): x is { finding: Finding; day: number } => x.day !== undefined && x.day >= asOf && x.day <= end,
      )
      .sort((a, b) => a.day - b.day);
    const weeks = new Map<number, { finding: Finding; day: number }[]>();
    for (const item of upcoming) {
      const monday = item.day - ((((item.day + 3) % 7) + 7) % 7);
      const list = weeks.get(monday) ?? [];
      list.push(item);
      weeks.set(monday, list);
    }
    const intro = `<p class="note">${escapeHtml(this.w.timelineIntro(this.result.asOf, formatIsoDate(end), horizon))}</p>`;
    if (weeks.size === 0)
      return section("timeline", this.w.timeline, `${intro}<p>${escapeHtml(this.w.none)}</p>`);
    const items = [...weeks.entries()].map(([monday, list]) => {
      const range = `${formatIsoDate(monday)} – ${formatIsoDate(addDays(monday, 6))}`;
      const entries = list.map(
        ({ finding }) =>
          `<li class="status-${escapeHtml(finding.status)}"><time>${escapeHtml(finding.due ?? "")}</time> ${this.statusBadge(finding)} ${escapeHtml(finding.title)} · ${escapeHtml(this.subjectText(finding))}${finding.holder === undefined ? "" : ` · ${escapeHtml(finding.holder)}`} ${this.citeLinks(finding)}</li>`,
      );
      return `<li class="week"><h3>${escapeHtml(range)} <span class="count">${escapeHtml(this.w.dueCount(list.length))}</span></h3><ul>${entries.join("")}</ul></li>`;
    });
    return section("timeline", this.w.timeline, `${intro}<ol class="timeline">${items.join("")}</ol>`);
  }

  /** Each open escalation case: its ladder of levels, the one reached marked, with the dates. */
  escalations(): string {
    const open = this.result.findings.filter((f) => f.kind === "escalation" && f.status !== "closed");
    if (open.length === 0)
      return section("escalations", this.w.escalations, `<p>${escapeHtml(this.w.none)}</p>`);
    const cases = open.map((f) => {
      const reached = f.reached ?? {};
      const ladder = this.options.ladders?.get(f.rule) ?? Object.keys(reached);
      const steps = ladder.map((level) => {
        const date = reached[level];
        const state = level === f.status ? "current" : date !== undefined ? "reached" : "ahead";
        return `<li class="step ${state}"><span class="level">${escapeHtml(this.levelText(f.rule, level))}</span><span class="date">${escapeHtml(date ?? "—")}</span></li>`;
      });
      const overdue =
        f.overdue === true ? `<span class="badge alert">${escapeHtml(this.w.caseOverdue)}</span>` : "";
      return `<article class="case" data-rule="${escapeHtml(f.rule)}" data-subject="${escapeHtml(f.subject.id)}"><h3>${escapeHtml(f.title)} · ${escapeHtml(this.subjectText(f))} ${overdue}</h3><p>${escapeHtml(`${words.level[this.lang]}: ${this.levelText(f.rule, f.status)}`)}${f.holder === undefined ? "" : escapeHtml(` · ${words.holder[this.lang]}: ${f.holder}`)} ${this.citeLinks(f)}</p><ol class="ladder">${steps.join("")}</ol></article>`;
    });
    return section("escalations", this.w.escalations, cases.join(""));
  }

  accountability(): string {
    const triggered = this.result.findings.filter(
      (f) => f.kind === "accountability" && f.status === "triggered",
    );
    if (triggered.length === 0) {
      return section("accountability", this.w.accountability, `<p>${escapeHtml(this.w.none)}</p>`);
    }
    const sep = this.lang === "zh" ? "；" : "; ";
    const items = triggered.map(
      (f) =>
        `<article class="trigger" data-rule="${escapeHtml(f.rule)}" data-subject="${escapeHtml(f.subject.id)}"><h3>${escapeHtml(f.title)} · ${escapeHtml(this.subjectText(f))}</h3><dl><dt>${escapeHtml(words.causes[this.lang])}</dt><dd>${escapeHtml((f.causes ?? []).join(sep))}</dd><dt>${escapeHtml(words.targets[this.lang])}</dt><dd>${escapeHtml((f.targets ?? []).join(this.lang === "zh" ? "、" : ", "))}</dd><dt>${escapeHtml(words.asAt[this.lang])}</dt><dd>${escapeHtml(f.asAt ?? "")}</dd><dt>${escapeHtml(this.w.clauses)}</dt><dd>${this.citeLinks(f)}</dd></dl><pre class="explanation">${escapeHtml(renderExplanation(f, this.lang))}</pre></article>`,
    );
    return section("accountability", this.w.accountability, items.join(""));
  }

  findings(): string {
    const l = this.lang;
    const head = [
      words.township[l],
      words.kind[l],
      words.rule[l],
      words.title[l],
      words.subject[l],
      words.status[l],
      words.due[l],
      words.holder[l],
      this.w.clauses,
    ]
      .map((h) => `<th>${escapeHtml(h)}</th>`)
      .join("");
    const statuses = [...new Set(this.result.findings.map((f) => f.status))];
    const filter = `<label class="filter">${escapeHtml(this.w.filter)} <select id="status-filter"><option value="">${escapeHtml(this.w.all)}</option>${statuses
      .map((s) => `<option value="${escapeHtml(s)}">${escapeHtml(this.statusWordFor(s))}</option>`)
      .join("")}</select></label>`;
    const rows = townshipOrder(this.result.findings.map((f) => f.township ?? "")).flatMap((township) =>
      this.result.findings
        .filter((f) => (f.township ?? "") === township)
        .map(
          (f) =>
            `<tr class="finding status-${escapeHtml(f.status)}" data-status="${escapeHtml(f.status)}" data-rule="${escapeHtml(f.rule)}" data-subject="${escapeHtml(f.subject.id)}"><td>${escapeHtml(this.townshipTitle(township))}</td><td>${escapeHtml(kindWord(f.kind, l))}</td><td><code>${escapeHtml(f.rule)}</code></td><td>${escapeHtml(f.title)}</td><td>${escapeHtml(this.subjectText(f))}${f.period === undefined ? "" : ` <span class="period">${escapeHtml(f.period)}</span>`}</td><td>${this.statusBadge(f)}</td><td>${escapeHtml(f.due ?? "")}${f.overdueDays === undefined ? "" : ` <span class="alert">+${f.overdueDays}</span>`}</td><td>${escapeHtml(f.holder ?? "")}</td><td>${this.citeLinks(f)}</td></tr>`,
        ),
    );
    const table = `<table class="findings"><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
    return section(
      "findings",
      this.w.findings,
      `${filter}${rows.length === 0 ? `<p>${escapeHtml(words.noFindings[l])}</p>` : table}`,
    );
  }

  /** Every clause of the policy, each under its own anchor; cited ones are where findings link. */
  clauses(): string {
    const cited = new Set(this.result.findings.flatMap((f) => f.cites));
    const articles = [...this.options.clauses.values()].map((clause) => {
      const text =
        clause.text === undefined || clause.text.trim() === ""
          ? ""
          : `<p>${escapeHtml(clause.text.trim())
              .replace(/\n{2,}/g, "</p><p>")
              .replace(/\n/g, "<br>")}</p>`;
      return `<article class="clause${cited.has(clause.id) ? " cited" : ""}" id="${clauseAnchor(clause.id)}"><h3><span class="clause-id">${escapeHtml(clause.id)}</span> ${escapeHtml(clause.title)}</h3>${text}</article>`;
    });
    return section("clauses", this.w.clauses, articles.join("") || `<p>${escapeHtml(this.w.none)}</p>`);
  }

  private citeLinks(finding: Finding): string {
    return finding.cites
      .map((id) => `<a class="cite" href="#${clauseAnchor(id)}">${escapeHtml(id)}</a>`)
      .join(" ");
  }

  private statusBadge(finding: Finding): string {
    const late = finding.late === true ? ` (${words.late[this.lang]})` : "";
    const text =
      finding.kind === "escalation" && finding.status !== "closed"
        ? this.levelText(finding.rule, finding.status)
        : this.statusWordFor(finding.status);
    return `<span class="badge status-${escapeHtml(finding.status)}">${escapeHtml(`${text}${late}`)}</span>`;
  }

  private statusWordFor(status: string): string {
    return statusNames[status]?.[this.lang] ?? this.levelText(undefined, status);
  }

  private levelText(rule: string | undefined, level: string): string {
    if (this.lang === "en") return level;
    return this.labels.levelLabel?.(rule, level) ?? level;
  }

  private townshipTitle(id: string): string {
    if (id === "") return words.countyLevel[this.lang];
    const name = this.labels.townshipName?.(id);
    return name === undefined || name === id ? id : `${name} (${id})`;
  }

  private subjectText(finding: Finding): string {
    return `${finding.subject.collection} ${finding.subject.id}`;
  }
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function statusWord(status: string, lang: Language): string {
  return statusNames[status]?.[lang] ?? status;
}

function kindWord(kind: string, lang: Language): string {
  return kindWords[kind]?.[lang] ?? kind;
}

/** Township ids in sorted order, the county level (`""`) last. */
function townshipOrder(townships: readonly string[]): string[] {
  return [...new Set(townships)].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0));
}
