/** The report's inline stylesheet: no fonts or images fetched, print-friendly. */
export const reportStyle = `
:root { --ink: #1d2430; --muted: #5b6474; --line: #d9dde4; --alert: #b42318; --warn: #b54708; --ok: #067647; --accent: #1f4f99; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: var(--ink); background: #f7f8fa; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 16px 24px 8px; position: sticky; top: 0; z-index: 1; }
h1 { margin: 0; font-size: 22px; }
.meta { margin: 4px 0 8px; color: var(--muted); }
nav a { margin-right: 16px; color: var(--accent); text-decoration: none; }
main { padding: 8px 24px 48px; max-width: 1280px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 16px 0; scroll-margin-top: 110px; }
h2 { font-size: 18px; margin: 4px 0 12px; }
h3 { font-size: 15px; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.alert { color: var(--alert); font-weight: 600; }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; background: #eef1f5; white-space: nowrap; }
.badge.status-overdue, .badge.status-triggered, .badge.alert { background: #fee4e2; color: var(--alert); }
.badge.status-due-soon { background: #fef0c7; color: var(--warn); }
.badge.status-met { background: #dcfae6; color: var(--ok); }
.note, .period { color: var(--muted); }
ol.timeline { list-style: none; padding: 0; }
li.week { border-left: 3px solid var(--accent); padding-left: 12px; margin-bottom: 12px; }
li.week ul { padding-left: 16px; }
.count { color: var(--muted); font-weight: normal; }
ol.ladder { display: flex; gap: 8px; list-style: none; padding: 0; flex-wrap: wrap; }
.step { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; display: flex; flex-direction: column; min-width: 110px; }
.step.reached { background: #eef1f5; }
.step.current { border-color: var(--alert); background: #fee4e2; font-weight: 600; }
.step.ahead { color: var(--muted); border-style: dashed; }
.case, .trigger { border-top: 1px solid var(--line); padding-top: 4px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
dt { color: var(--muted); }
dd { margin: 0; }
pre.explanation { white-space: pre-wrap; background: #f3f4f6; padding: 8px; border-radius: 4px; font: 13px/1.5 ui-monospace, monospace; }
.clause { border-top: 1px solid var(--line); padding: 4px 0; scroll-margin-top: 110px; }
.clause:target { background: #fff7d6; outline: 2px solid #f5c542; }
.clause-id { color: var(--accent); margin-right: 6px; }
a.cite { color: var(--accent); }
.filter { display: block; margin-bottom: 8px; }
tr.hidden { display: none; }
@media print { header { position: static; } nav, .filter { display: none; } }
`;

/** The report's inline script: the findings table's status filter; the page reads fine without it. */
export const reportScript = `
(function () {
  var select = document.getElementById("status-filter");
  if (!select) return;
  select.addEventListener("change", function () {
    var rows = document.querySelectorAll("tr.finding");
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      row.classList.toggle("hidden", select.value !== "" && row.getAttribute("data-status") !== select.value);
    }
  });
})();
`;
