// biome-ignore-all lint/performance/useDomNodeTextContent: Locator.innerText is what a person sees, which is what this test checks
/**
 * The HTML report as a person sees it, in headless Chromium: the actions first and sorted, the
 * chart, summary counts that add up, dates on one line, an overdue finding, a clause link that
 * leads to the clause, and a page that fetches nothing. A full-page screenshot and an A4 print are
 * written to `.ci-out/report/` (git-ignored) for people to look at.
 * Needs /usr/bin/chromium and CJK fonts (`.ci/system-deps`); skipped where Chromium is missing.
 */
import { existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { EvaluationResult } from "@remit/engine";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupOf } from "../evaluation/groups.js";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";
import { chromiumPath, launchChromium } from "../testing/chromium.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const artifacts = path.join(repoRoot, ".ci-out", "report");

async function remit(argv: string[]): Promise<string> {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const code = await run(argv, { stdout, stderr, env: {}, cwd: repoRoot });
  if (code !== 0) throw new Error(`remit ${argv.join(" ")} exited ${code}: ${stderr.text}`);
  return stdout.text;
}

describe.skipIf(!existsSync(chromiumPath))("the HTML report in a browser", () => {
  const evalArgs = ["eval", "policies/ziyuan-2026", "--facts", "examples/ziyuan-county/facts.json"];
  let result: EvaluationResult;
  let close: (() => Promise<void>) | undefined;
  let context: BrowserContext;
  let page: Page;
  /** Every request the page tried to make that would leave it. */
  const leaving: string[] = [];

  beforeAll(async () => {
    result = JSON.parse(await remit([...evalArgs, "--format", "json"])) as EvaluationResult;
    const html = await remit([...evalArgs, "--format", "html"]);
    ({ context, close } = await launchChromium());
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("data:") || url.startsWith("about:")) return route.continue();
      leaving.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.setContent(html, { waitUntil: "load" });
  }, 120_000);

  afterAll(async () => {
    await close?.();
  });

  it("is titled with the policy's name and the evaluation date, in Chinese, the actions first", async () => {
    expect(await page.title()).toBe(`${result.policy.name} — 评估报告 ${result.asOf}`);
    expect(await page.locator("main > section").first().getAttribute("id")).toBe("actions");
    expect(await page.locator("h2").first().innerText()).toBe("待处理事项");
  });

  it("lists every action once, by responsible unit and township, the most overdue first", async () => {
    const blocks = await page
      .locator("#actions tbody.action-block")
      .evaluateAll((bodies) =>
        bodies.map((body) =>
          [...body.querySelectorAll("tr.action")].map((row) => Number(row.getAttribute("data-days"))),
        ),
      );
    const expected = result.findings.filter(
      (f) =>
        (f.kind === "duty" && ["overdue", "missed", "violated"].includes(f.status)) ||
        (f.kind === "escalation" && f.status !== "closed") ||
        (f.kind === "accountability" && f.status === "triggered"),
    );
    expect(blocks.flat().length).toBe(expected.length);
    expect(blocks.length).toBeGreaterThan(2);
    for (const days of blocks) expect(days).toEqual([...days].sort((a, b) => b - a));
    const firsts = blocks.map((days) => days[0] ?? 0);
    expect(firsts).toEqual([...firsts].sort((a, b) => b - a));
    // The first action is the one waiting longest, and it says for how long.
    const longest = Math.max(...blocks.flat());
    expect(firsts[0]).toBe(longest);
    expect(await page.locator("#actions tr.action").first().innerText()).toContain(`${longest} 天`);
  });

  it("draws the chart of overdue, due-soon and met duties per township, inline", async () => {
    const chart = page.locator("#summary figure.chart svg");
    expect(await chart.count()).toBe(1);
    const box = await chart.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(400);
    expect(box?.height ?? 0).toBeGreaterThan(150);
    const labels = await chart.locator("text").allTextContents();
    for (const legend of ["逾期", "即将到期", "已完成"]) expect(labels).toContain(legend);
    expect(labels.some((label) => label.startsWith("梅溪镇"))).toBe(true);
    // One green bar for each township with met duties, and the legend's mark.
    const metGroups = new Set(
      result.findings.filter((f) => f.kind === "duty" && f.status === "met").map(groupOf),
    );
    expect(await chart.locator('path[fill="#12b76a"]').count()).toBe(metGroups.size + 1);
  });

  it("counts every finding once per table: rows, columns and the total add up", async () => {
    for (const id of ["by-group", "by-rule"]) {
      const numbers = (rows: string) =>
        page
          .locator(`#${id} ${rows}`)
          .evaluateAll((trs) =>
            trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent))),
          );
      const table = { rows: await numbers("tbody tr"), foot: (await numbers("tfoot tr"))[0] ?? [] };
      expect(table.rows.length).toBeGreaterThan(1);
      for (const row of table.rows) {
        expect(
          row.slice(0, -1).reduce((a, b) => a + b, 0),
          id,
        ).toBe(row.at(-1));
      }
      table.foot.forEach((sum, column) => {
        expect(
          table.rows.reduce((a, row) => a + (row[column] ?? 0), 0),
          `${id} column ${column}`,
        ).toBe(sum);
      });
      expect(table.foot.at(-1)).toBe(result.summary.total);
    }
    // Each township's row total is the number of its findings.
    const rows = page.locator("#by-group tbody tr");
    for (const row of await rows.all()) {
      const group = (await row.getAttribute("data-group")) ?? "";
      const total = Number(await row.locator('td[data-column="total"]').innerText());
      expect(total, group).toBe(result.findings.filter((f) => groupOf(f) === group).length);
    }
  });

  it("never wraps a date", async () => {
    const wrapped = await page
      .locator("time")
      .evaluateAll((times) =>
        times
          .filter((t) => t.getClientRects().length > 1 || t.getBoundingClientRect().height > 30)
          .map((t) => t.textContent),
      );
    expect(wrapped).toEqual([]);
    expect(await page.locator("time").count()).toBeGreaterThan(100);
  });

  it("shows an overdue finding's row, and a clause link leads to the clause's text", async () => {
    const overdue = result.findings.find((f) => f.status === "overdue" && f.cites.length > 0);
    expect(overdue).toBeDefined();
    if (overdue === undefined) return;
    const row = page
      .locator(`#findings tr.finding[data-rule="${overdue.rule}"][data-subject="${overdue.subject.id}"]`)
      .filter({ hasText: "逾期" })
      .first();
    expect(await row.isVisible()).toBe(true);
    expect(await row.innerText()).toContain(overdue.title);

    const clauseId = overdue.cites[0] ?? "";
    await row.locator("a.cite", { hasText: clauseId }).first().click();
    const target = page.locator(":target");
    expect(await target.count()).toBe(1);
    expect(await target.locator(".clause-id").innerText()).toBe(clauseId);
    // The clause is scrolled into view, below the sticky header.
    const box = await target.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect(box?.y ?? 9999).toBeLessThan(800);
  });

  it("filters the findings by status with its inline script", async () => {
    await page.selectOption("#status-filter", "duty:overdue");
    const statuses = await page
      .locator("#findings tr.finding:visible")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-status")));
    expect(statuses.length).toBe(result.findings.filter((f) => f.status === "overdue").length);
    expect(new Set(statuses)).toEqual(new Set(["overdue"]));
    await page.selectOption("#status-filter", "");
  });

  it("writes a full-page screenshot and an A4 print for people to look at", async () => {
    mkdirSync(artifacts, { recursive: true });
    const png = path.join(artifacts, "report.png");
    const pdf = path.join(artifacts, "report-a4.pdf");
    await page.screenshot({ path: png, fullPage: true });
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    expect(existsSync(png) && existsSync(pdf)).toBe(true);
  });

  it("makes no request that leaves the page", async () => {
    expect(leaving).toEqual([]);
    // The guard itself works: a page that does fetch something is caught.
    const probe = await context.newPage();
    await probe.setContent('<img src="http://remit.invalid/probe.png">', { waitUntil: "load" });
    await probe.close();
    expect(leaving).toEqual(["http://remit.invalid/probe.png"]);
  });
});
