import type { EvaluationResult, Finding } from "@remit/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clauseAnchor, escapeHtml, renderHtmlReport } from "./html.js";

function finding(overrides: Partial<Finding>): Finding {
  return {
    rule: "r",
    title: "职责",
    kind: "duty",
    modality: "must",
    status: "met",
    subject: { collection: "townships", id: "T01" },
    group: "T01",
    cites: ["2.1"],
    explanation: { holds: true, because: [] },
    ...overrides,
  };
}

function resultOf(
  findings: readonly Finding[],
  byGroup: EvaluationResult["summary"]["byGroup"] = {},
): EvaluationResult {
  return {
    policy: { name: "测试政策", version: "1.0", hash: "0123456789abcdef" },
    asOf: "2026-11-28",
    params: {},
    findings,
    summary: { total: findings.length, byKind: {}, byGroup },
  };
}

const clauses = new Map([
  ["2.1", { id: "2.1", title: "建立领导机制", text: "乡镇应当建立消防工作领导机制。" }],
  ["3", { id: "3", title: "问责", text: undefined }],
]);

/** The text a browser would show for an HTML fragment, tags dropped and entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<script>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

describe("renderHtmlReport", () => {
  it("is in Chinese by default words and English on request, with the policy and date in the title", () => {
    const result = resultOf([finding({})]);
    const zh = renderHtmlReport(result, { lang: "zh", clauses });
    expect(zh).toContain("<title>测试政策 — 评估报告 2026-11-28</title>");
    expect(zh).toContain('<html lang="zh-CN">');
    const en = renderHtmlReport(result, { lang: "en", clauses });
    expect(en).toContain("<title>测试政策 — evaluation report 2026-11-28</title>");
  });

  it("fetches nothing: no external URL, no src or link element", () => {
    const html = renderHtmlReport(resultOf([finding({})]), { lang: "zh", clauses });
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=/);
  });

  it("links each finding to the anchored text of the clauses it cites", () => {
    const html = renderHtmlReport(resultOf([finding({ cites: ["2.1", "3"] })]), { lang: "zh", clauses });
    expect(html).toContain(`<a class="cite" href="#${clauseAnchor("2.1")}">2.1</a>`);
    expect(html).toContain(`id="${clauseAnchor("2.1")}"`);
    expect(html).toContain("乡镇应当建立消防工作领导机制。");
    expect(html).toContain(`id="${clauseAnchor("3")}"`);
  });

  it("puts upcoming due dates of the next 90 days in their week, and nothing after", () => {
    const html = renderHtmlReport(
      resultOf([
        finding({
          rule: "soon",
          status: "due-soon",
          due: "2026-12-02",
          subject: { collection: "townships", id: "T01" },
        }),
        finding({ rule: "later", status: "pending", due: "2027-02-26" }),
        finding({ rule: "beyond", title: "超出范围", status: "pending", due: "2027-02-27" }),
        finding({ rule: "done", title: "已完成的", status: "met", due: "2026-12-01" }),
      ]),
      { lang: "en", clauses },
    );
    const timeline = visibleText(
      html.slice(html.indexOf('<section id="timeline">'), html.indexOf('<section id="findings">')),
    );
    // 2026-12-02 is a Wednesday: its week runs Monday 11-30 to Sunday 12-06.
    expect(timeline).toContain("2026-11-30 – 2026-12-06");
    expect(timeline).toContain("2027-02-22 – 2027-02-28");
    expect(timeline).not.toContain("超出范围");
    expect(timeline).not.toContain("已完成的");
  });

  it("leaves advisory duties out of the timeline: it lists what is owed", () => {
    const html = renderHtmlReport(
      resultOf([
        finding({ rule: "owed", title: "必须做的", status: "due-soon", due: "2026-12-02" }),
        finding({
          rule: "advised",
          title: "建议做的",
          modality: "should",
          status: "advisory",
          due: "2026-12-02",
        }),
      ]),
      { lang: "zh", clauses },
    );
    const timeline = html.slice(
      html.indexOf('<section id="timeline">'),
      html.indexOf('<section id="findings">'),
    );
    expect(timeline).toContain("必须做的");
    expect(timeline).not.toContain("建议做的");
  });

  it("shows an open case's ladder with the level reached and its dates, and hides closed cases", () => {
    const html = renderHtmlReport(
      resultOf([
        finding({
          rule: "ladder",
          kind: "escalation",
          status: "township",
          overdue: true,
          reached: { grid: "2026-11-01", township: "2026-11-17" },
          subject: { collection: "hazards", id: "H1" },
        }),
        finding({
          rule: "ladder",
          kind: "escalation",
          status: "closed",
          reached: { grid: "2026-10-01" },
          subject: { collection: "hazards", id: "H2" },
        }),
      ]),
      {
        lang: "zh",
        clauses,
        ladders: new Map([["ladder", ["grid", "township", "county"]]]),
        labels: { levelLabel: (_, level) => ({ grid: "网格", township: "乡镇", county: "县级" })[level] },
      },
    );
    const section = html.slice(
      html.indexOf('<section id="actions">'),
      html.indexOf('<section id="summary">'),
    );
    expect(section).toContain('data-subject="H1"');
    expect(section).not.toContain('data-subject="H2"');
    expect(section).toMatch(/class="step reached"><span class="level">网格<\/span> <time>2026-11-01/);
    expect(section).toMatch(/class="step current"><span class="level">乡镇<\/span> <time>2026-11-17/);
    expect(section).toMatch(/class="step ahead"><span class="level">县级/);
  });

  it("puts the actions first, by responsible unit and group, the most overdue first", () => {
    const html = renderHtmlReport(
      resultOf([
        finding({
          rule: "a",
          status: "overdue",
          due: "2026-11-18",
          overdueDays: 10,
          holder: "甲镇政府",
          group: "T01",
        }),
        finding({
          rule: "b",
          status: "overdue",
          due: "2026-08-30",
          overdueDays: 90,
          holder: "乙镇政府",
          group: "T02",
        }),
        finding({
          rule: "c",
          status: "overdue",
          due: "2026-10-29",
          overdueDays: 30,
          holder: "甲镇政府",
          group: "T01",
        }),
        finding({ rule: "d", status: "due-soon", due: "2026-12-01", holder: "甲镇政府", group: "T01" }),
        finding({
          rule: "e",
          kind: "accountability",
          status: "triggered",
          asAt: "2026-11-08",
          targets: ["甲镇政府"],
          group: "T01",
        }),
      ]),
      { lang: "zh", clauses },
    );
    expect(html.indexOf('<section id="actions">')).toBeLessThan(html.indexOf('<section id="summary">'));
    const actions = html.slice(
      html.indexOf('<section id="actions">'),
      html.indexOf('<section id="summary">'),
    );
    // Blocks in the order of their most overdue action; actions inside a block, most overdue first.
    expect([...actions.matchAll(/data-rule="(\w)"/g)].map((m) => m[1])).toEqual(["b", "c", "e", "a"]);
    expect([...actions.matchAll(/class="responsible">([^<]*)</g)].map((m) => m[1])).toEqual([
      "乙镇政府",
      "甲镇政府",
    ]);
    expect(visibleText(actions)).toContain("逾期 90 天");
    expect(visibleText(actions)).toContain("触发已 20 天");
  });

  it("counts every finding in one column, a level shared by two ladders under each rule", () => {
    const findings = [
      finding({ status: "met", group: "T01" }),
      finding({ status: "overdue", group: "T01" }),
      finding({ status: "advisory", modality: "may", group: "" }),
      finding({ rule: "general", title: "一般隐患", kind: "escalation", status: "county", group: "T01" }),
      finding({ rule: "general", title: "一般隐患", kind: "escalation", status: "closed", group: "T02" }),
      finding({ rule: "major", title: "重大隐患", kind: "escalation", status: "county", group: "T02" }),
      finding({ kind: "accountability", status: "triggered", group: "T02" }),
    ];
    const html = renderHtmlReport(resultOf(findings), {
      lang: "zh",
      clauses,
      ladders: new Map([
        ["general", ["grid", "township", "county"]],
        ["major", ["county"]],
      ]),
      labels: {
        levelLabel: (rule, level) =>
          rule === "major" && level === "county" ? "县级挂牌督办" : { county: "县级" }[level],
        grouping: { label: "乡镇", name: (id) => ({ T01: "资源镇", T02: "中峰镇" })[id], others: "县级" },
      },
    });
    const table = html.slice(
      html.indexOf('<table class="counts" id="by-group">'),
      html.indexOf("</table>", html.indexOf('id="by-group"')),
    );
    // Each ladder's `county` is its own column, under its own rule and with its own label.
    expect(table).toContain('data-column="escalation:general:county">县级</th>');
    expect(table).toContain('data-column="escalation:major:county">县级挂牌督办</th>');
    expect(table).toMatch(
      /<tr data-group="T01"><th scope="row">资源镇（T01）<\/th>.*data-column="escalation:major:county"><span class="zero">0</,
    );
    expect(table).toMatch(/<tr data-group="T02">.*data-column="escalation:major:county">1</);
    // Every row adds up, the county level last, and the totals row gives the number of findings.
    const totals = [...table.matchAll(/<tr[^>]*>.*?data-column="total">(\d+)</g)].map((m) => Number(m[1]));
    expect(totals).toEqual([3, 3, 1, 7]);
    // The status filter offers the same columns with the same labels.
    expect(html).toContain('<option value="escalation:major:county">重大隐患 · 县级挂牌督办</option>');
    expect(html).toContain('<option value="escalation:general:county">一般隐患 · 县级</option>');
  });

  it("escapes every text from the facts and the policy (property)", () => {
    const text = fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "a", "脚", " ", "/", "=", "s") });
    fc.assert(
      fc.property(text, text, text, text, (title, holder, cause, clauseText) => {
        const html = renderHtmlReport(
          resultOf([
            finding({
              title,
              holder,
              status: "overdue",
              due: "2026-12-01",
              subject: { collection: "townships", id: holder },
            }),
            finding({
              kind: "accountability",
              status: "triggered",
              causes: [cause],
              targets: [holder],
              title,
            }),
          ]),
          {
            lang: "zh",
            clauses: new Map([["2.1", { id: "2.1", title: cause, text: clauseText }]]),
            labels: { grouping: { label: "乡镇", name: () => holder, others: undefined } },
          },
        );
        // The only markup is the report's own: exactly one script and one style element.
        expect(html.match(/<script/g)?.length).toBe(1);
        expect(html.match(/<style/g)?.length).toBe(1);
        const body = html.slice(html.indexOf("<body>"));
        expect(body.match(/<[a-z][a-z0-9]*/g)?.every((tag) => allowedTags.has(tag.slice(1)))).toBe(true);
        // And what people read is the text as given.
        const shown = visibleText(body);
        expect(shown).toContain(title);
        expect(shown).toContain(holder);
      }),
      { numRuns: 200 },
    );
  });
});

const allowedTags = new Set(
  "body header h1 h2 h3 p nav a main section table thead tbody tfoot tr th td ol ul li span time article label select option code script br div figure figcaption details summary svg rect path text".split(
    " ",
  ),
);

describe("escapeHtml and clauseAnchor", () => {
  it("leaves no markup character unescaped", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"']/);
        expect(visibleText(escapeHtml(text))).toBe(text);
      }),
    );
  });

  it("gives distinct ids distinct anchors that need no escaping", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(clauseAnchor(a)).toMatch(/^clause-[A-Za-z0-9._-]*$/);
        if (a !== b) expect(clauseAnchor(a)).not.toBe(clauseAnchor(b));
      }),
    );
  });
});
