import {
  addDays,
  type EvaluationResult,
  type Finding,
  formatIsoDate,
  parseIsoDate,
  renderExplanation,
  summaryKeyOf,
} from "@remit/engine";
import { assertNever, type Language } from "@remit/lang";
import { groupOf, groupOrder } from "../evaluation/groups.js";
import { words } from "../evaluation/labels.js";
import type { TableLabels } from "../evaluation/table.js";
import { type Action, type ActionKind, actionBlocks, actionsOf } from "./actions.js";
import { reportScript, reportStyle } from "./assets.js";
import { chartStatuses, groupStatusChart } from "./chart.js";
import { type ColumnGroup, columnLabel, countBy, type StatusColumn, statusColumns } from "./columns.js";
import { ReportText } from "./text.js";
import { reportWords } from "./words.js";

/** A clause as the report shows it: the policy's own id, title and text. */
export interface ReportClause {
  readonly id: string;
  readonly title: string;
  readonly text: string | undefined;
}

/** What every report (HTML, spreadsheet, CSV) needs beside the result. */
export interface ReportOptions {
  readonly lang: Language;
  /** Level labels and group names, as the terminal table uses them. */
  readonly labels?: TableLabels;
  /** Each escalation rule's levels, lowest first (see `escalationLadders`). */
  readonly ladders?: ReadonlyMap<string, readonly string[]>;
}

export interface HtmlReportOptions extends ReportOptions {
  /** The policy's clauses by id (the checked model's `clauses`). */
  readonly clauses: ReadonlyMap<string, ReportClause>;
  /** How many days after the evaluation date the deadline timeline covers; 90 by default. */
  readonly horizonDays?: number;
}

/**
 * An evaluation result as one self-contained HTML page for officials: styles and the chart inline,
 * nothing fetched, readable and printable (A4) without its one optional script. Sections, in the
 * order an official needs them: the actions (overdue duties, open escalated cases, triggered
 * accountability) by responsible unit and group, most overdue first; the summary (a chart per
 * group, counts per group and per rule whose columns add up to the total); the deadline timeline;
 * every finding; the clauses the findings cite. Every piece of text from the policy or the facts
 * is escaped.
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
<p class="meta">${escapeHtml(`${w.asOf} `)}<time>${escapeHtml(result.asOf)}</time>${escapeHtml(`${version} · ${w.hash} ${result.policy.hash.slice(0, 12)}`)}</p>
<nav>${[
    ["actions", w.actions],
    ["summary", w.summary],
    ["timeline", w.timeline],
    ["findings", w.findings],
    ["clauses", w.clauses],
  ]
    .map(([id, text]) => `<a href="#${id}">${escapeHtml(text ?? "")}</a>`)
    .join("")}</nav>
</header>
<main>
${page.actions()}
${page.summary()}
${page.timeline()}
${page.findings()}
${page.clauses()}
</main>
<script>${reportScript}</script>
</body>
</html>
`;
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
  private readonly text: ReportText;
  private readonly w: ReturnType<typeof reportWords>;
  private readonly columns: readonly ColumnGroup[];

  constructor(
    private readonly result: EvaluationResult,
    private readonly options: HtmlReportOptions,
  ) {
    this.lang = options.lang;
    this.text = new ReportText(options.lang, options.labels);
    this.w = reportWords(options.lang);
    this.columns = statusColumns(result.findings, this.text, options.ladders);
  }

  /** What asks for action, by responsible unit and group, the most overdue first. */
  actions(): string {
    const actions = actionsOf(this.result);
    const count = (kind: ActionKind) => actions.filter((a) => a.kind === kind).length;
    const lead = `<p class="lead">${escapeHtml(this.w.actionsLead(actions.length, count("overdue"), count("escalated"), count("accountability"), this.text.declaredGroupHeading()))}</p>`;
    if (actions.length === 0) return section("actions", this.w.actions, lead);
    const head = [
      this.w.action,
      words.title[this.lang],
      words.subject[this.lang],
      this.w.since,
      this.w.waited,
      this.w.detail,
      this.w.clauses,
    ]
      .map((h) => `<th>${escapeHtml(h)}</th>`)
      .join("");
    // One table, a heading row per block, so the columns line up down the whole list.
    const blocks = actionBlocks(actions).map((block) => {
      const rows = block.actions.map((action) => this.actionRow(action)).join("");
      return `<tbody class="action-block"><tr class="block-heading"><th colspan="7"><span class="responsible">${escapeHtml(block.responsible || this.w.noHolder)}</span> <span class="group">${escapeHtml(this.text.groupName(block.group))}</span> <span class="count">${escapeHtml(this.w.itemCount(block.actions.length))}</span></th></tr>${rows}</tbody>`;
    });
    return section(
      "actions",
      this.w.actions,
      `${lead}<table class="actions"><thead><tr>${head}</tr></thead>${blocks.join("")}</table>`,
    );
  }

  private actionRow(action: Action): string {
    const f = action.finding;
    return `<tr class="action action-${action.kind}" data-kind="${action.kind}" data-days="${action.days}" data-rule="${escapeHtml(f.rule)}" data-subject="${escapeHtml(f.subject.id)}" data-group="${escapeHtml(action.group)}"><td><span class="badge action-${action.kind}">${escapeHtml(this.w.actionKind[action.kind])}</span></td><td class="title">${escapeHtml(f.title)}${f.period === undefined ? "" : ` <span class="period">${escapeHtml(f.period)}</span>`}</td><td>${escapeHtml(this.text.subjectText(f))}</td><td class="since">${action.since === undefined ? "" : `${escapeHtml(this.w.sinceWord[action.kind])} ${dateCell(action.since)}`}</td><td class="num days">${escapeHtml(this.w.waitedDays(action.kind, action.days))}</td><td>${this.actionDetail(action)}</td><td>${this.citeLinks(f)}</td></tr>`;
  }

  /** For a case, its ladder with the level reached; for accountability, the causes and the explanation. */
  private actionDetail(action: Action): string {
    const f = action.finding;
    switch (action.kind) {
      case "overdue":
        return "";
      case "escalated": {
        const reached = f.reached ?? {};
        const ladder = this.options.ladders?.get(f.rule) ?? Object.keys(reached);
        const steps = ladder.map((level) => {
          const date = reached[level];
          const state = level === f.status ? "current" : date !== undefined ? "reached" : "ahead";
          return `<li class="step ${state}"><span class="level">${escapeHtml(this.text.levelText(f.rule, level))}</span>${date === undefined ? "" : ` <time>${escapeHtml(date)}</time>`}</li>`;
        });
        const overdue =
          f.overdue === true ? ` <span class="badge alert">${escapeHtml(this.w.caseOverdue)}</span>` : "";
        return `<ol class="ladder">${steps.join("")}</ol>${overdue}`;
      }
      case "accountability":
        return `<p>${escapeHtml(`${words.causes[this.lang]}${this.lang === "zh" ? "：" : ": "}${(f.causes ?? []).join(this.lang === "zh" ? "；" : "; ")}`)}</p><details><summary>${escapeHtml(this.w.explanation)}</summary><p class="explanation">${escapeHtml(renderExplanation(f, this.lang))}</p></details>`;
      default:
        return assertNever(action.kind, "action kind");
    }
  }

  /** The chart per group, then counts per group and per rule; each table's columns add up. */
  summary(): string {
    const chart = groupStatusChart(this.result.findings, this.text);
    const legend = chartStatuses.map(({ status }) => this.text.statusOf(undefined, status)).join(" / ");
    const figure = `<figure class="chart"><figcaption>${escapeHtml(this.w.chartCaption(legend, this.text.groupHeading()))}</figcaption>${chart.svg}</figure>`;
    const byGroup = countBy(this.result.findings, groupOf);
    const groupRows = groupOrder(byGroup.keys()).map((group) => ({
      key: group,
      title: this.text.groupName(group),
      attribute: `data-group="${escapeHtml(group)}"`,
      counts: byGroup.get(group) ?? new Map<string, number>(),
    }));
    const byRule = countBy(this.result.findings, (f) => f.rule);
    const ruleTitles = new Map(this.result.findings.map((f) => [f.rule, f.title]));
    const ruleKinds = new Map(this.result.findings.map((f) => [f.rule, f.kind]));
    const ruleRows = [...byRule.entries()].map(([rule, counts]) => ({
      key: rule,
      title: ruleTitles.get(rule) ?? rule,
      attribute: `data-rule="${escapeHtml(rule)}"`,
      counts,
      // A rule's row is blank under the columns it can never fall in (another kind, another ladder).
      applies: (c: StatusColumn) =>
        c.kind === ruleKinds.get(rule) && (c.rule === undefined || c.rule === rule),
    }));
    return section(
      "summary",
      this.w.summary,
      `${figure}<h3>${escapeHtml(this.w.byGroup(this.text.groupHeading()))}</h3>${this.countTable("by-group", this.text.groupHeading(), groupRows)}<h3>${escapeHtml(this.w.byRule)}</h3>${this.countTable("by-rule", words.rule[this.lang], ruleRows)}`,
    );
  }

  private countTable(
    id: string,
    rowHeading: string,
    rows: readonly {
      title: string;
      attribute: string;
      counts: ReadonlyMap<string, number>;
      applies?: (column: StatusColumn) => boolean;
    }[],
  ): string {
    const columns = this.columns.flatMap((g) => g.columns);
    const top = `<tr><th rowspan="2">${escapeHtml(rowHeading)}</th>${this.columns
      .map((g) => `<th colspan="${g.columns.length}" class="column-group">${escapeHtml(g.heading)}</th>`)
      .join("")}<th rowspan="2" class="num">${escapeHtml(words.total[this.lang])}</th></tr>`;
    const second = `<tr>${columns.map((c) => `<th class="num" data-column="${escapeHtml(c.key)}">${escapeHtml(columnLabel(c, this.text))}</th>`).join("")}</tr>`;
    const cell = (key: string, n: number, applies: boolean) => {
      if (!applies) return `<td class="num" data-column="${escapeHtml(key)}"></td>`;
      const alert = n > 0 && (key === "duty:overdue" || key === "accountability:triggered") ? " alert" : "";
      return `<td class="num${alert}" data-column="${escapeHtml(key)}">${n === 0 ? `<span class="zero">0</span>` : n}</td>`;
    };
    const body = rows.map((row) => {
      const total = [...row.counts.values()].reduce((sum, n) => sum + n, 0);
      return `<tr ${row.attribute}><th scope="row">${escapeHtml(row.title)}</th>${columns.map((c) => cell(c.key, row.counts.get(c.key) ?? 0, row.applies?.(c) ?? true)).join("")}<td class="num total" data-column="total">${total}</td></tr>`;
    });
    const sums = columns.map((c) => rows.reduce((sum, row) => sum + (row.counts.get(c.key) ?? 0), 0));
    const foot = `<tr class="sum"><th scope="row">${escapeHtml(words.total[this.lang])}</th>${columns.map((c, i) => `<td class="num" data-column="${escapeHtml(c.key)}">${sums[i] ?? 0}</td>`).join("")}<td class="num total" data-column="total">${this.result.findings.length}</td></tr>`;
    return `<div class="scroll"><table class="counts" id="${id}"><thead>${top}${second}</thead><tbody>${body.join("")}</tbody><tfoot>${foot}</tfoot></table></div>`;
  }

  /**
   * Duties that must be done and are not yet, due in the coming weeks, by week (Monday first).
   * Advisory (`should`, `may`) duties stay out: a deadline list is for what is owed.
   */
  timeline(): string {
    const asOf = parseIsoDate(this.result.asOf);
    const horizon = this.options.horizonDays ?? 90;
    if (asOf === undefined) return section("timeline", this.w.timeline, `<p>${escapeHtml(this.w.none)}</p>`);
    const end = addDays(asOf, horizon);
    const upcoming = this.result.findings
      .filter((f) => f.kind === "duty" && f.modality === "must" && f.status !== "met" && f.due !== undefined)
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
      const range = `<time>${formatIsoDate(monday)}</time> – <time>${formatIsoDate(addDays(monday, 6))}</time>`;
      const entries = list.map(
        ({ finding }) =>
          `<li class="status-${escapeHtml(finding.status)}"><time>${escapeHtml(finding.due ?? "")}</time> ${this.statusBadge(finding)} ${escapeHtml(finding.title)} · ${escapeHtml(this.text.subjectText(finding))} · ${escapeHtml(this.text.groupName(groupOf(finding)))}${finding.holder === undefined ? "" : ` · ${escapeHtml(finding.holder)}`} ${this.citeLinks(finding)}</li>`,
      );
      return `<li class="week"><h3>${range} <span class="count">${escapeHtml(this.w.dueCount(list.length))}</span></h3><ul>${entries.join("")}</ul></li>`;
    });
    return section("timeline", this.w.timeline, `${intro}<ol class="timeline">${items.join("")}</ol>`);
  }

  findings(): string {
    const l = this.lang;
    const head = [
      this.text.groupHeading(),
      words.kind[l],
      words.title[l],
      words.subject[l],
      words.status[l],
      words.due[l],
      words.holder[l],
      this.w.clauses,
    ]
      .map((h) => `<th>${escapeHtml(h)}</th>`)
      .join("");
    // The filter offers the summary's columns, each an escalation level under its own rule.
    const options = this.columns.flatMap((group) =>
      group.columns.map(
        (c) =>
          `<option value="${escapeHtml(c.key)}">${escapeHtml(`${group.heading} · ${columnLabel(c, this.text)}`)}</option>`,
      ),
    );
    const filter = `<label class="filter">${escapeHtml(this.w.filter)} <select id="status-filter"><option value="">${escapeHtml(this.w.all)}</option>${options.join("")}</select></label>`;
    const rows = groupOrder(this.result.findings.map(groupOf)).flatMap((group) =>
      this.result.findings
        .filter((f) => groupOf(f) === group)
        .map(
          (f) =>
            `<tr class="finding status-${escapeHtml(f.status)}" data-status="${escapeHtml(f.status)}" data-column="${escapeHtml(summaryKeyOf(f))}" data-rule="${escapeHtml(f.rule)}" data-subject="${escapeHtml(f.subject.id)}"><td>${escapeHtml(this.text.groupName(group))}</td><td class="kind">${escapeHtml(this.text.kindText(f.kind))}</td><td title="${escapeHtml(f.rule)}">${escapeHtml(f.title)}</td><td>${escapeHtml(this.text.subjectText(f))}${f.period === undefined ? "" : ` <span class="period">${escapeHtml(f.period)}</span>`}</td><td>${this.statusBadge(f)}</td><td>${dateCell(f.due)}${f.overdueDays === undefined ? "" : ` <span class="alert">+${f.overdueDays}</span>`}</td><td>${escapeHtml(f.holder ?? "")}</td><td>${this.citeLinks(f)}</td></tr>`,
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
    return `<span class="badge status-${escapeHtml(finding.status)}">${escapeHtml(this.text.statusText(finding))}</span>`;
  }
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

/** A date that never wraps, or nothing. */
function dateCell(date: string | undefined): string {
  return date === undefined ? "" : `<time>${escapeHtml(date)}</time>`;
}
