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
    township: "T01",
    cites: ["2.1"],
    explanation: { holds: true, because: [] },
    ...overrides,
  };
}

function resultOf(
  findings: readonly Finding[],
  byTownship: EvaluationResult["summary"]["byTownship"] = {},
): EvaluationResult {
  return {
    policy: { name: "测试政策", version: "1.0", hash: "0123456789abcdef" },
    asOf: "2026-11-28",
    params: {},
    findings,
    summary: { total: findings.length, byKind: {}, byTownship },
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
    const timeline = html.slice(
      html.indexOf('<section id="timeline">'),
      html.indexOf('<section id="escalations">'),
    );
    // 2026-12-02 is a Wednesday: its week runs Monday 11-30 to Sunday 12-06.
    expect(timeline).toContain("2026-11-30 – 2026-12-06");
    expect(timeline).toContain("2027-02-22 – 2027-02-28");
    expect(timeline).not.toContain("超出范围");
    expect(timeline).not.toContain("已完成的");
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
      html.indexOf('<section id="escalations">'),
      html.indexOf('<section id="accountability">'),
    );
    expect(section).toContain('data-subject="H1"');
    expect(section).not.toContain('data-subject="H2"');
    expect(section).toMatch(
      /class="step reached"><span class="level">网格<\/span><span class="date">2026-11-01/,
    );
    expect(section).toMatch(
      /class="step current"><span class="level">乡镇<\/span><span class="date">2026-11-17/,
    );
    expect(section).toMatch(/class="step ahead"><span class="level">县级/);
  });

  it("counts per township as the result's summary does", () => {
    const byTownship = { T01: { met: 3, overdue: 2 }, "": { triggered: 1, "due-soon": 4 } };
    const html = renderHtmlReport(resultOf([], byTownship), {
      lang: "en",
      clauses,
      labels: { townshipName: (id) => (id === "T01" ? "资源镇" : undefined) },
    });
    expect(html).toMatch(
      /<tr data-township="T01"><th scope="row">资源镇 \(T01\)<\/th><td[^>]*data-status="met">3<\/td><td[^>]*data-status="due-soon">0<\/td><td[^>]*data-status="overdue">2<\/td><td[^>]*data-status="missed">0<\/td><td[^>]*data-status="violated">0<\/td><td[^>]*data-status="triggered">0<\/td><td[^>]*data-status="total">5<\/td>/,
    );
    expect(html).toMatch(
      /<tr data-township=""><th scope="row">County level<\/th>.*data-status="triggered">1<\/td><td[^>]*data-status="total">5</,
    );
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
            labels: { townshipName: () => holder },
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
  "body header h1 h2 h3 p nav a main section table thead tbody tr th td ol ul li span time article dl dt dd pre label select option code script br".split(
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
