// biome-ignore-all lint/performance/useDomNodeTextContent: Locator.innerText is what a person sees, which is what this test checks
/**
 * `remit playground` as a person uses it, in headless Chromium: the page the command serves loads
 * the Ziyuan plan and the example county and finds what `remit eval` finds; a mistake typed into
 * a policy file gets its diagnostic at its line, and its quick fix removes it; a date changed in
 * the facts changes a finding's status; the scenarios pass; a link carries the edits. A
 * screenshot is written to `.ci-out/playground/` (git-ignored) for people to look at.
 * Needs /usr/bin/chromium and CJK fonts (`.ci/system-deps`) and the built page (`pnpm build`);
 * skipped where Chromium is missing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { EvaluationResult } from "@remit/engine";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";
import { chromiumPath, launchChromium } from "../testing/chromium.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const artifacts = path.join(repoRoot, ".ci-out", "playground");
const factsFile = path.join(repoRoot, "examples/ziyuan-county/facts.json");

/** How many times the page has checked and evaluated (it counts on `<html data-refreshes>`). */
async function refreshes(page: Page): Promise<number> {
  return Number(await page.locator("html").getAttribute("data-refreshes"));
}

/** Waits until the page has checked and evaluated again after `before`. */
async function nextRefresh(page: Page, before: number): Promise<void> {
  // A string, evaluated in the page: this suite's types have no DOM.
  await page.waitForFunction(`Number(document.documentElement.dataset.refreshes) > ${before}`);
}

/** `remit playground ARGS` on any free port, once it listens: its URL, and `stop` for its exit code. */
async function startPlayground(
  args: readonly string[],
): Promise<{ url: string; stop: () => Promise<number> }> {
  const stop = new AbortController();
  const stderr = new MemoryStream();
  const running = run(["playground", ...args, "--port", "0", "--lang", "en"], {
    stdout: new MemoryStream(),
    stderr,
    env: {},
    cwd: repoRoot,
    stop: stop.signal,
  });
  let exited: number | undefined;
  void running.then((code) => {
    exited = code;
  });
  let url: string | undefined;
  while (url === undefined && exited === undefined) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    url = /playground at (http:\/\/\S+)\//.exec(stderr.text)?.[1];
  }
  if (url === undefined) throw new Error(`remit playground exited ${exited}: ${stderr.text}`);
  return {
    url,
    stop: () => {
      stop.abort();
      return running;
    },
  };
}

describe.skipIf(!existsSync(chromiumPath))("remit playground in a browser", () => {
  let expected: EvaluationResult;
  let url: string;
  let stopServing: (() => Promise<number>) | undefined;
  let close: (() => Promise<void>) | undefined;
  let context: BrowserContext;
  let page: Page;
  /** Every request the page tried to make that would leave the local server. */
  const leaving: string[] = [];

  beforeAll(async () => {
    const stdout = new MemoryStream();
    const evaluated = await run(
      ["eval", "policies/ziyuan-2026", "--facts", "examples/ziyuan-county/facts.json", "--format", "json"],
      { stdout, stderr: new MemoryStream(), env: {}, cwd: repoRoot },
    );
    expect(evaluated).toBe(0);
    expected = JSON.parse(stdout.text) as EvaluationResult;

    const started = await startPlayground([]);
    url = started.url;
    stopServing = started.stop;

    ({ context, close } = await launchChromium());
    await context.route("**/*", (route) => {
      const requested = route.request().url();
      if (requested.startsWith(url) || requested.startsWith("data:")) return route.continue();
      leaving.push(requested);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}/#`, { waitUntil: "load" });
    await page.waitForSelector("html[data-refreshes]", { timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await close?.();
    expect(await stopServing?.()).toBe(0);
  });

  it("loads the Ziyuan plan and the example county and finds what remit eval finds", async () => {
    expect(await page.locator("#tabs button[aria-selected=true]").innerText()).toBe("policy.remit.md");
    const rows = await page
      .locator("#findings tr.finding")
      .evaluateAll((trs) =>
        trs.map(
          (tr) =>
            `${tr.getAttribute("data-rule")} ${tr.getAttribute("data-subject")} ${tr.getAttribute("data-status")}`,
        ),
      );
    expect(rows).toEqual(expected.findings.map((f) => `${f.rule} ${f.subject.id} ${f.status}`));
    expect(await page.locator("#problems li[data-code]").count()).toBe(0);
    // Keywords are highlighted from the keyword table, inside the Markdown's remit blocks too.
    expect(await page.locator(".cm-content span", { hasText: /^policy$/ }).count()).toBeGreaterThan(0);
  });

  it("explains the finding picked, in the language of the page", async () => {
    const row = page.locator(
      '#findings tr.finding[data-rule="major-hazard-case-closing"][data-subject="H0201"]',
    );
    await row.click();
    const text = await page.locator("#explanation").innerText();
    expect(text).toContain("H0201");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.click("#lang");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.locator("#findings thead").innerText()).toContain("状态");
    expect(await page.locator("#explanation").innerText()).not.toBe(text);
    await page.click("#lang");
  });

  it("shows a typed mistake's diagnostic at its line, and its quick fix removes it", async () => {
    const file = "policies/standards/key-units.remit";
    // The file ends with a line break: the cursor starts on the empty line after its last line.
    const lastLine = readFileSync(path.join(repoRoot, file), "utf8").split("\n").length;
    await page.click(`#tabs button[data-file="${file}"]`);
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    const before = await refreshes(page);
    await page.keyboard.insertText("define playgroundDays = 3");
    await page.keyboard.press("Enter");
    await page.keyboard.insertText("define laterDays = playgroundDay + 1");
    await nextRefresh(page, before);
    const mistakeLine = lastLine + 1;
    const problem = page.locator(`#problems li[data-file="${file}"]`);
    expect(await problem.count()).toBe(1);
    expect(await problem.getAttribute("data-line")).toBe(String(mistakeLine));
    expect(await problem.innerText()).toContain(`key-units.remit:${mistakeLine}:`);
    // Underlined in the editor on that line, with an error mark in the gutter.
    const underlined = page.locator(".cm-line", { has: page.locator(".cm-lintRange-error") });
    expect(await underlined.count()).toBe(1);
    expect(await underlined.innerText()).toBe("define laterDays = playgroundDay + 1");
    expect(await page.locator(".cm-lint-marker-error").count()).toBe(1);
    expect(await page.locator("#tabs button.has-errors").innerText()).toBe("key-units.remit");
    // The findings stay, marked as those of the last policy without errors.
    expect(await page.locator("#findings-note").isVisible()).toBe(true);

    // The lint panel offers the one "did you mean" fix; applying it clears the diagnostic.
    await page.keyboard.press("Control+Shift+M");
    const fix = page.locator(".cm-panel.cm-panel-lint button", { hasText: "playgroundDays" });
    const fixed = await refreshes(page);
    await fix.click();
    await nextRefresh(page, fixed);
    expect(await page.locator("#problems li[data-code]").count()).toBe(0);
    expect(await page.locator("#findings-note").isVisible()).toBe(false);
    expect(await page.locator(".cm-line").last().innerText()).toBe("define laterDays = playgroundDays + 1");
  });

  it("changes a finding's status when a date in the facts changes", async () => {
    const row = page.locator(
      '#findings tr.finding[data-rule="major-hazard-case-closing"][data-subject="H0201"]',
    );
    expect(await row.getAttribute("data-status")).toBe("overdue");
    const facts = JSON.parse(readFileSync(factsFile, "utf8")) as {
      hazards: { id: string; rectifiedOn: unknown; closedOn?: unknown }[];
    };
    const hazard = facts.hazards.find((h) => h.id === "H0201");
    if (hazard === undefined) throw new Error("the example county has no hazard H0201");
    // The venue rectified it and the county closed the case, both before the deadline.
    hazard.rectifiedOn = "2026-10-25";
    hazard.closedOn = "2026-10-28";
    await page.click('#tabs button[data-file="facts.json"]');
    await page.click(".cm-content");
    await page.keyboard.press("Control+a");
    const before = await refreshes(page);
    await page.keyboard.insertText(JSON.stringify(facts, null, 2));
    await nextRefresh(page, before);
    expect(await row.getAttribute("data-status")).toBe("met");
    expect(await row.locator("td.status").innerText()).toBe("met");
  });

  it("re-evaluates on the date picked", async () => {
    const row = page.locator(
      '#findings tr.finding[data-rule="major-hazard-case-closing"][data-subject="H0201"]',
    );
    const before = await refreshes(page);
    await page.fill("#as-of", "2026-10-10");
    await page.dispatchEvent("#as-of", "change");
    await nextRefresh(page, before);
    // Before its case was closed, within the warning window of its deadline.
    expect(await row.getAttribute("data-status")).toBe("due-soon");
  });

  it("runs the policy's scenarios in the page, as remit test does", async () => {
    await page.click("#run-scenarios");
    const items = page.locator("#scenarios li");
    const total = await items.count();
    const files = readdirSync(path.join(repoRoot, "tests/ziyuan/scenarios")).filter((f) =>
      f.endsWith(".json"),
    );
    expect(total).toBe(files.length);
    expect(await page.locator('#scenarios li[data-passed="false"]').count()).toBe(0);
    expect(await page.locator("#scenario-summary").innerText()).toBe(`${total} passed, 0 failed`);
  });

  it("carries the edits, the date and the language in its link", async () => {
    const link = new URL(page.url());
    expect(link.hash).toMatch(/^#s=/);
    const other = await context.newPage();
    await other.goto(link.href, { waitUntil: "load" });
    await other.waitForSelector("html[data-refreshes]");
    expect(await other.locator("#as-of").inputValue()).toBe("2026-10-10");
    const row = other.locator(
      '#findings tr.finding[data-rule="major-hazard-case-closing"][data-subject="H0201"]',
    );
    expect(await row.getAttribute("data-status")).toBe("due-soon");
    // Without a date picked, the facts' own date: the edited facts have H0201 rectified and its case closed by then.
    const before = await refreshes(other);
    await other.fill("#as-of", "");
    await other.dispatchEvent("#as-of", "change");
    await nextRefresh(other, before);
    expect(await row.getAttribute("data-status")).toBe("met");
    await other.click('#tabs button[data-file="policies/standards/key-units.remit"]');
    expect(await other.locator(".cm-content").innerText()).toContain("define playgroundDays = 3");
    await other.close();
  });

  it("writes a screenshot for people to look at", async () => {
    mkdirSync(artifacts, { recursive: true });
    const png = path.join(artifacts, "playground.png");
    await page.click('#tabs button[data-file="policies/ziyuan-2026/policy.remit.md"]');
    await page.locator('#findings tr.finding[data-rule="major-hazard-case-closing"]').first().click();
    await page.screenshot({ path: png });
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
  });

  it("makes no request that leaves the local server", () => {
    expect(leaving).toEqual([]);
  });
});

describe("remit playground's server", () => {
  /** Runs `remit playground ARGS` until `use` is done with its URL; returns the exit code. */
  async function serving(args: string[], use: (url: string) => Promise<void>): Promise<number> {
    const { url, stop } = await startPlayground(args);
    try {
      await use(url);
    } catch (error) {
      await stop();
      throw error;
    }
    return stop();
  }

  it("serves the page, and the policy, facts and scenarios given as its workspace", async () => {
    const code = await serving(
      [
        "policies/ziyuan-2026",
        "--facts",
        "examples/ziyuan-county/facts.json",
        "--scenarios",
        "tests/ziyuan/scenarios",
      ],
      async (url) => {
        const page = await fetch(`${url}/`);
        expect(page.status).toBe(200);
        expect(page.headers.get("content-type")).toContain("text/html");
        expect(await page.text()).toContain('<div id="editor">');
        const workspace = (await (await fetch(`${url}/workspace.json`)).json()) as {
          files: Record<string, string>;
          entry: string;
          facts: string;
          scenarios: { id: string }[];
          fixtures: Record<string, string>;
        };
        expect(workspace.entry).toBe("policies/ziyuan-2026/policy.remit.md");
        // The entry and every module it imports, as read from disk.
        expect(Object.keys(workspace.files).sort()).toEqual([
          "policies/standards/gbt-35547-2017.remit",
          "policies/standards/key-units.remit",
          "policies/standards/nine-small-venues.remit",
          "policies/ziyuan-2026/policy.remit.md",
        ]);
        expect(workspace.facts).toBe(readFileSync(factsFile, "utf8"));
        const files = readdirSync(path.join(repoRoot, "tests/ziyuan/scenarios")).filter((f) =>
          f.endsWith(".json"),
        );
        expect(workspace.scenarios.map((s) => `${s.id}.json`)).toEqual(files.sort());
        expect(Object.keys(workspace.fixtures)).toEqual(["base"]);
      },
    );
    expect(code).toBe(0);
  });

  it("serves nothing outside the page, and only GET and HEAD", async () => {
    const code = await serving([], async (url) => {
      expect((await fetch(`${url}/workspace.json`)).status).toBe(404);
      expect((await fetch(`${url}/..%2f..%2fpackage.json`)).status).toBe(404);
      expect((await fetch(`${url}/%E0%A4%A`)).status).toBe(404);
      expect((await fetch(`${url}/`, { method: "POST", body: "{}" })).status).toBe(405);
    });
    expect(code).toBe(0);
  });

  it("refuses a second policy and a missing one as usage errors", async () => {
    const options = { stdout: new MemoryStream(), stderr: new MemoryStream(), env: {}, cwd: repoRoot };
    expect(await run(["playground", "policies/ziyuan-2026", "policies/standards"], options)).toBe(2);
    expect(await run(["playground", "no/such/policy"], options)).toBe(2);
    expect(await run(["playground", "--port", "http"], options)).toBe(2);
  });
});
