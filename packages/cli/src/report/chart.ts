import type { Finding, FindingStatus } from "@remit/engine";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import { init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { groupOf, groupOrder } from "../evaluation/groups.js";
import type { ReportText } from "./text.js";

use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

/** The duty statuses the chart stacks, with the report stylesheet's colours for them. */
export const chartStatuses = [
  { status: "overdue", color: "#b42318" },
  { status: "due-soon", color: "#dc6803" },
  { status: "met", color: "#12b76a" },
] as const satisfies readonly { status: FindingStatus; color: string }[];

/** The fonts the chart's text asks for: CJK faces first, then generic fallbacks. */
export const reportFonts = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif`;

/**
 * Overdue, due-soon and met duties per group, as stacked horizontal bars, rendered to an SVG
 * string by ECharts' server-side renderer: the page shows it without any script, and it prints.
 * The per-group counts are returned with it, in the order drawn, for the page's own table.
 */
export function groupStatusChart(
  findings: readonly Finding[],
  text: ReportText,
): { svg: string; groups: readonly string[]; counts: ReadonlyMap<string, Readonly<Record<string, number>>> } {
  const duties = findings.filter((f) => f.kind === "duty");
  const groups = groupOrder(duties.map(groupOf));
  const counts = new Map<string, Record<string, number>>(groups.map((g) => [g, {}]));
  for (const finding of duties) {
    const cell = counts.get(groupOf(finding));
    if (cell !== undefined) cell[finding.status] = (cell[finding.status] ?? 0) + 1;
  }
  const rowHeight = 30;
  const width = 1100;
  const height = 70 + rowHeight * Math.max(groups.length, 1);
  const chart = init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: reportFonts, fontSize: 13, color: "#1d2430" },
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10 },
      grid: { left: 8, right: 24, top: 32, bottom: 8 },
      xAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#e4e7ec" } } },
      // Groups top to bottom in their order: a category axis draws its first item at the bottom.
      yAxis: { type: "category", inverse: true, data: groups.map((g) => text.groupName(g)) },
      series: chartStatuses.map(({ status, color }) => ({
        name: text.statusOf(undefined, status),
        type: "bar",
        stack: "duties",
        // A still picture: no hover styles in the SVG.
        silent: true,
        emphasis: { disabled: true },
        barWidth: 18,
        itemStyle: { color },
        label: { show: true, position: "inside", color: "#fff", fontSize: 11, formatter: hideZero },
        data: groups.map((g) => counts.get(g)?.[status] ?? 0),
      })),
    });
    // Inline SVG in HTML takes its namespace from the parser, so the xmlns attributes go and the page
    // names no URL; the style element holds only hover rules, of no use in a still picture.
    const svg = chart
      .renderToSVGString()
      .replace(/\s+xmlns(:xlink)?="[^"]*"/g, "")
      .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "");
    return { svg, groups, counts };
  } finally {
    chart.dispose();
  }
}

function hideZero(params: { value?: unknown }): string {
  return params.value === 0 ? "" : String(params.value);
}
