// biome-ignore-all lint/performance/useDomNodeTextContent: Locator.innerText is what a person sees, which is what this test checks
/**
 * The HTML report as a person sees it, in headless Chromium: the title, the township counts, an
 * overdue finding, a clause link that leads to the clause, and a page that fetches nothing.
 * Needs /usr/bin/chromium (`apt-get install -y chromium`); skipped where it is missing.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { EvaluationResult } from "@remit/engine";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";

const chromiumPath = "/usr/bin/chromium";
const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

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
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  /** Every request the page tried to make that would leave it. */
  const leaving: string[] = [];

  beforeAll(async () => {
    result = JSON.parse(await remit([...evalArgs, "--format", "json"])) as EvaluationResult;
    const html = await remit([...evalArgs, "--format", "html"]);
    profile = mkdtempSync(path.join(tmpdir(), "remit-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 1280, height: 800 },
    });
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
    await context?.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  it("is titled with the policy's name and the evaluation date, in Chinese", async () => {
    expect(await page.title()).toBe(`${result.policy.name} — 评估报告 ${result.asOf}`);
    expect(await page.locator("h2").first().innerText()).toBe("分组汇总");
  });

  it("shows each township's counts as the result's summary gives them", async () => {
    const townships = Object.keys(result.summary.byGroup);
    expect(townships.length).toBeGreaterThan(1);
    for (const township of townships) {
      const counts = result.summary.byGroup[township] ?? {};
      const row = page.locator(`#summary tr[data-group="${township}"]`);
      await expect(row.isVisible()).resolves.toBe(true);
      for (const status of ["met", "due-soon", "overdue", "triggered"]) {
        const shown = await row.locator(`td[data-status="${status}"]`).innerText();
        expect(Number(shown), `${township} ${status}`).toBe(counts[status] ?? 0);
      }
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
      expect(Number(await row.locator('td[data-status="total"]').innerText())).toBe(total);
    }
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
    await page.selectOption("#status-filter", "overdue");
    const statuses = await page
      .locator("#findings tr.finding:visible")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-status")));
    expect(statuses.length).toBe(result.findings.filter((f) => f.status === "overdue").length);
    expect(new Set(statuses)).toEqual(new Set(["overdue"]));
    await page.selectOption("#status-filter", "");
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
