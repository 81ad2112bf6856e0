import type { EvaluationResult, Finding } from "@remit/engine";
import picocolors from "picocolors";
import { describe, expect, it } from "vitest";
import { renderEvaluationTable, type TableLabels } from "./table.js";

const plain = picocolors.createColors(false);

const explanation = { holds: false, because: [] };

const findings: Finding[] = [
  {
    rule: "leadership-mechanism",
    title: "建立消防工作领导机制",
    kind: "duty",
    modality: "must",
    status: "overdue",
    subject: { collection: "townships", id: "T02" },
    group: "T02",
    holder: "梅溪镇人民政府",
    due: "2026-06-30",
    overdueDays: 151,
    cites: ["2.1.1"],
    explanation,
  },
  {
    rule: "analysis-meetings",
    title: "消防安全形势分析研判",
    kind: "duty",
    modality: "must",
    status: "met",
    subject: { collection: "townships", id: "T01" },
    group: "T01",
    due: "2026-09-30",
    period: "2026-Q3",
    metOn: "2026-10-02",
    late: true,
    cites: ["2.1.3"],
    explanation,
  },
  {
    rule: "general-hazard-ladder",
    title: "一般隐患逐级处置",
    kind: "escalation",
    modality: "must",
    status: "township",
    overdue: true,
    reached: { grid: "2026-11-20", township: "2026-11-26" },
    subject: { collection: "hazards", id: "H0501" },
    group: "T01",
    holder: "资源镇人民政府",
    cites: ["2.3.3"],
    explanation,
  },
  {
    rule: "fire-accountability",
    title: "亡人火灾责任倒查",
    kind: "accountability",
    modality: "must",
    status: "triggered",
    subject: { collection: "incidents", id: "F0201" },
    group: "T01",
    asAt: "2026-09-12",
    causes: ["基层消防组织不健全", "人员力量配备不足"],
    targets: ["资源镇人民政府"],
    cites: ["3.3"],
    explanation,
  },
  {
    rule: "county-duty-lists",
    title: "Publish duty lists",
    kind: "duty",
    modality: "should",
    status: "due-soon",
    subject: { collection: "county", id: "ZY" },
    due: "2026-12-15",
    cites: ["2.1.1"],
    explanation,
  },
];

const result: EvaluationResult = {
  policy: { name: "资源县加强基层消防力量建设实施方案", version: "1.0.0", hash: "abc" },
  asOf: "2026-11-28",
  params: {},
  findings,
  summary: {
    total: 5,
    byKind: {
      duty: { overdue: 1, met: 1, "due-soon": 1 },
      escalation: { township: 1 },
      accountability: { triggered: 1 },
    },
    byGroup: {
      T01: { met: 1, township: 1, triggered: 1 },
      T02: { overdue: 1 },
      "": { "due-soon": 1 },
    },
  },
};

const labels: TableLabels = {
  levelLabel: (rule, level) =>
    rule === "general-hazard-ladder"
      ? ({ grid: "网格", township: "乡镇", county: "县" } as Record<string, string>)[level]
      : undefined,
  grouping: { label: "乡镇", name: (id) => ({ T01: "资源镇", T02: "梅溪镇" })[id], others: "县级" },
};

describe("renderEvaluationTable", () => {
  it("groups by the policy's groups, the findings in none last under the policy's name, then by kind", () => {
    const text = renderEvaluationTable(result, { lang: "en", colors: plain, labels });
    const order = [
      "资源镇 (T01)",
      "Duties",
      "Escalations",
      "Accountability",
      "梅溪镇 (T02)",
      "县级",
      "Summary",
    ];
    const positions = order.map((heading) => text.indexOf(heading));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("shows due dates, periods, overdue days, late completion and holders for duties", () => {
    const text = renderEvaluationTable(result, { lang: "en", colors: plain, labels });
    expect(text).toMatch(
      /建立消防工作领导机制 +leadership-mechanism +must +townships T02 +overdue +2026-06-30 +151 days overdue +梅溪镇人民政府/,
    );
    expect(text).toMatch(/analysis-meetings .* met \(late\) +2026-09-30 +Q3 2026/);
    const zh = renderEvaluationTable(result, { lang: "zh", colors: plain, labels });
    expect(zh).toMatch(/已完成（逾期完成） +2026-09-30 +2026年第三季度/);
    expect(zh).toMatch(/逾期 +2026-06-30 +逾期 151 天/);
  });

  it("shows escalation levels with their reached dates and accountability causes and targets", () => {
    const en = renderEvaluationTable(result, { lang: "en", colors: plain, labels });
    expect(en).toMatch(/hazards H0501 +township +yes +grid 2026-11-20 → township 2026-11-26 +资源镇人民政府/);
    expect(en).toMatch(/triggered +2026-09-12 +基层消防组织不健全; 人员力量配备不足 +资源镇人民政府/);
    const zh = renderEvaluationTable(result, { lang: "zh", colors: plain, labels });
    expect(zh).toMatch(/hazards H0501 +乡镇 +是 +网格 2026-11-20 → 乡镇 2026-11-26/);
    expect(zh).toContain("已触发");
  });

  it("uses Chinese labels with --lang zh", () => {
    const text = renderEvaluationTable(result, { lang: "zh", colors: plain, labels });
    for (const word of [
      "职责",
      "升级",
      "问责",
      "状态",
      "逾期",
      "已完成",
      "即将到期",
      "县级",
      "汇总",
      "按乡镇",
      "截止日期",
      "责任主体",
    ]) {
      expect(text).toContain(word);
    }
    expect(text).not.toContain("Duties");
    expect(text).toMatch(/乡镇 +逾期 +即将到期 +已完成 +升级至乡镇 +已触发 +合计/);
    expect(text).toContain("汇总：5 条结果");
  });

  it("aligns the header and rows of a CJK table in terminal columns", () => {
    const text = renderEvaluationTable(result, { lang: "zh", colors: plain, labels });
    const lines = text.split("\n");
    const rowIndex = lines.findIndex((line) => line.includes("leadership-mechanism"));
    const row = lines[rowIndex] ?? "";
    // The header of the same table: the nearest one above the row.
    const header = lines.slice(0, rowIndex).findLast((line) => line.includes("截止日期")) ?? "";
    const columnOf = (line: string, needle: string) => {
      const index = line.indexOf(needle);
      return [...line.slice(0, index)].reduce((sum, ch) => sum + (/[ -~]/.test(ch) ? 1 : 2), 0);
    };
    expect(columnOf(row, "2026-06-30")).toBe(columnOf(header, "截止日期"));
    expect(columnOf(row, "townships")).toBe(columnOf(header, "对象"));
  });

  it("counts per status and per group", () => {
    const text = renderEvaluationTable(result, { lang: "en", colors: plain, labels });
    expect(text).toContain("Summary: 5 findings");
    expect(text).toMatch(/Duties +overdue +1/);
    expect(text).toContain("By 乡镇");
    expect(text).toMatch(/乡镇 +overdue +due soon +met +level township +triggered +Total/);
    expect(text).toMatch(/资源镇 \(T01\) +0 +0 +1 +1 +1 +3/);
    expect(text).toMatch(/县级 +0 +1 +0 +0 +0 +1/);
  });

  it("counts a level of two ladders apart, each under its own rule and label, and every row adds up", () => {
    const ladderFinding = (rule: string, title: string, id: string, group: string): Finding => ({
      ...findings.find((f) => f.kind === "escalation")!,
      rule,
      title,
      status: "county",
      subject: { collection: "hazards", id },
      group,
    });
    const twoLadders = [
      ladderFinding("general-hazard-ladder", "一般隐患逐级处置", "H1", "T02"),
      ladderFinding("general-hazard-ladder", "一般隐患逐级处置", "H2", "T02"),
      ladderFinding("major-hazard-supervision", "挂牌督办", "H3", "T01"),
    ];
    const both: TableLabels = {
      ...labels,
      levelLabel: (rule, level) =>
        rule === "major-hazard-supervision" && level === "county"
          ? "县级挂牌督办"
          : rule === "general-hazard-ladder" && level === "county"
            ? "县"
            : undefined,
    };
    const zh = renderEvaluationTable(
      { ...result, findings: twoLadders },
      { lang: "zh", colors: plain, labels: both },
    );
    expect(zh).toMatch(/升级：挂牌督办 +县级挂牌督办 +1/);
    expect(zh).toMatch(/升级：一般隐患逐级处置 +县 +2/);
    expect(zh).toMatch(/乡镇 +升级至县 +升级至县级挂牌督办 +合计/);
    expect(zh).toMatch(/梅溪镇（T02） +2 +0 +2/);
    expect(zh).toMatch(/资源镇（T01） +0 +1 +1/);
    // In English both levels are `county`: the rule's title tells them apart.
    const en = renderEvaluationTable(
      { ...result, findings: twoLadders },
      { lang: "en", colors: plain, labels: both },
    );
    expect(en).toMatch(/level county \(一般隐患逐级处置\) +level county \(挂牌督办\) +Total/);
  });

  it("colours statuses on a terminal", () => {
    const colors = picocolors.createColors(true);
    const text = renderEvaluationTable(result, { lang: "en", colors, labels });
    expect(text).toContain(colors.red("overdue"));
    expect(text).toContain(colors.green("met (late)"));
  });

  it("says so when there are no findings", () => {
    const empty = { ...result, findings: [], summary: { total: 0, byKind: {}, byGroup: {} } };
    expect(renderEvaluationTable(empty, { lang: "zh", colors: plain })).toContain("无结果");
  });
});
