import { reportFonts } from "./chart.js";

/**
 * The report's inline stylesheet: CJK fonts named with fallbacks (nothing fetched), dates that never
 * wrap, and a print layout for A4 (no navigation or filter, tables that repeat their header rows,
 * blocks kept whole across pages).
 */
export const reportStyle = `
:root { --ink: #1d2430; --muted: #5b6474; --line: #d9dde4; --alert: #b42318; --warn: #b54708; --ok: #067647; --accent: #1f4f99; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 ${reportFonts}; color: var(--ink); background: #f7f8fa; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 16px 24px 8px; position: sticky; top: 0; z-index: 1; }
h1 { margin: 0; font-size: 22px; }
.meta { margin: 4px 0 8px; color: var(--muted); }
nav a { margin-right: 16px; color: var(--accent); text-decoration: none; }
main { padding: 8px 24px 48px; max-width: 1280px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 16px 0; scroll-margin-top: 110px; }
h2 { font-size: 18px; margin: 4px 0 12px; }
h3 { font-size: 15px; margin: 12px 0 6px; }
time, .days, .badge, .count, .period { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { color: var(--muted); font-weight: 600; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.counts thead th { white-space: nowrap; }
th.column-group { text-align: center; border-bottom: 2px solid var(--line); }
tfoot th, tfoot td, td.total { font-weight: 600; }
tfoot tr { border-top: 2px solid var(--ink); }
.zero { color: #b8bec9; }
.scroll { overflow-x: auto; }
.alert { color: var(--alert); font-weight: 600; }
.lead { font-size: 16px; margin: 0 0 8px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; background: #eef1f5; }
.badge.status-overdue, .badge.status-triggered, .badge.alert, .badge.action-overdue, .badge.action-accountability { background: #fee4e2; color: var(--alert); }
.badge.status-due-soon, .badge.action-escalated { background: #fef0c7; color: var(--warn); }
.badge.status-met { background: #dcfae6; color: var(--ok); }
.note, .period { color: var(--muted); }
td.kind { white-space: nowrap; }
tr.block-heading th { background: #eef2f8; color: var(--ink); font-size: 15px; padding-top: 8px; border-top: 2px solid var(--line); }
tr.block-heading .group, tr.block-heading .count { color: var(--muted); font-weight: normal; margin-left: 8px; }
td.since { white-space: nowrap; }
table.actions td.title { min-width: 10em; }
table.actions td.days { color: var(--alert); font-weight: 600; }
figure.chart { margin: 0 0 8px; }
figure.chart figcaption { color: var(--muted); margin-bottom: 4px; }
figure.chart svg { width: 100%; max-width: 1100px; height: auto; }
td > p { margin: 0; }
ol.timeline { list-style: none; padding: 0; }
li.week { border-left: 3px solid var(--accent); padding-left: 12px; margin-bottom: 12px; }
li.week ul { padding-left: 16px; }
.count { color: var(--muted); font-weight: normal; }
ol.ladder { display: flex; gap: 4px; list-style: none; padding: 0; margin: 0; flex-wrap: wrap; }
.step { border: 1px solid var(--line); border-radius: 4px; padding: 0 6px; white-space: nowrap; }
.step.reached { background: #eef1f5; }
.step.current { border-color: var(--alert); background: #fee4e2; font-weight: 600; }
.step.ahead { color: var(--muted); border-style: dashed; }
p.explanation { white-space: pre-line; color: var(--muted); font-size: 13px; margin: 4px 0 0; }
.clause { border-top: 1px solid var(--line); padding: 4px 0; scroll-margin-top: 110px; }
.clause:target { background: #fff7d6; outline: 2px solid #f5c542; }
.clause-id { color: var(--accent); margin-right: 6px; }
a.cite { color: var(--accent); white-space: nowrap; }
.filter { display: block; margin-bottom: 8px; }
tr.hidden { display: none; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  header { position: static; border: 0; padding: 0 0 6px; }
  nav, .filter { display: none; }
  main { padding: 0; max-width: none; }
  section { border: 0; padding: 0; margin: 0 0 10mm; }
  #findings, #clauses { break-before: page; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, li.week h3, figure.chart { break-inside: avoid; }
  tr.block-heading { break-after: avoid; }
  th, td { padding: 2px 4px; }
  .step { font-size: 9pt; }
  details > summary { display: none; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * The report's one inline script: the findings table's status filter. Everything else, the chart
 * included, is in the page without it.
 */
export const reportScript = `
(function () {
  var select = document.getElementById("status-filter");
  if (!select) return;
  select.addEventListener("change", function () {
    var rows = document.querySelectorAll("tr.finding");
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      row.classList.toggle("hidden", select.value !== "" && row.getAttribute("data-column") !== select.value);
    }
  });
})();
`;
