// The playground's figures, measured (not a timed test): the built page's size (raw and gzip),
// its time to first findings in headless Chromium (median of 5 cold loads), and the latency of a
// check on edit in the page (median of 10 edits of the policy and 10 of the facts).
//   pnpm build && pnpm --filter @remit/playground bench
// Serves the page with `remit playground` (the bundled command), drives /usr/bin/chromium with
// playwright-core, and prints one JSON document; `--out FILE` also writes it to FILE.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, "..", "dist");
const remit = path.join(here, "..", "..", "cli", "dist", "remit.js");
const loads = 5;
const edits = 10;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}

/** Every file of the built page with its raw and gzip (level 9) size in bytes. */
function bundleSize() {
  const files = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else {
        const bytes = readFileSync(file);
        files.push({
          file: path.relative(dist, file),
          raw: bytes.length,
          gzip: gzipSync(bytes, { level: 9 }).length,
        });
      }
    }
  };
  walk(dist);
  const total = (key) => files.reduce((sum, f) => sum + f[key], 0);
  return { files, raw: total("raw"), gzip: total("gzip") };
}

/** `remit playground --port 0`, resolved with its URL once it listens. */
function servePage() {
  const child = spawn(process.execPath, [remit, "playground", "--port", "0", "--lang", "en"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      const url = /playground at (http:\/\/\S+)\//.exec(stderr)?.[1];
      if (url !== undefined) resolve({ url, stop: () => child.kill("SIGTERM") });
    });
    child.on("exit", (code) => reject(new Error(`remit playground exited ${code}: ${stderr}`)));
  });
}

async function refreshes(page) {
  return Number(await page.locator("html").getAttribute("data-refreshes"));
}

/** Types one character at the end of the open file; the page's own timings of the check it causes. */
async function editOnce(page) {
  const before = await refreshes(page);
  await page.keyboard.insertText(" ");
  await page.waitForFunction((n) => Number(document.documentElement.dataset.refreshes) > n, before);
  const data = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  return { check: Number(data.checkMs), shown: Number(data.editToFindingsMs) };
}

const size = bundleSize();
const server = await servePage();
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const firstFindings = [];
  for (let i = 0; i < loads; i++) {
    // A new context each time: nothing cached, as a first visit.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => performance.getEntriesByName("remit:first-findings").length > 0, null, {
      timeout: 60_000,
    });
    firstFindings.push(
      await page.evaluate(() => performance.getEntriesByName("remit:first-findings")[0].startTime),
    );
    await context.close();
  }

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector("html[data-refreshes]");
  const measure = async (tab) => {
    await page.click(`#tabs button[data-file="${tab}"]`);
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    await editOnce(page); // warm-up
    const runs = [];
    for (let i = 0; i < edits; i++) runs.push(await editOnce(page));
    return {
      checkAndEvaluateMs: round(median(runs.map((r) => r.check))),
      editToFindingsShownMs: round(median(runs.map((r) => r.shown))),
    };
  };
  const policyEdit = await measure("policies/ziyuan-2026/policy.remit.md");
  const factsEdit = await measure("facts.json");
  await context.close();

  const report = {
    bundle: {
      rawBytes: size.raw,
      gzipBytes: size.gzip,
      files: size.files,
    },
    timeToFirstFindingsMs: { median: round(median(firstFindings)), runs: firstFindings.map(round) },
    checkOnEdit: {
      debounceMs: 200,
      policyEdit,
      factsEdit,
    },
    chromium: browser.version(),
    cpus: (await import("node:os")).cpus().length,
  };
  const text = `${JSON.stringify(report, null, 2)}\n`;
  process.stdout.write(text);
  const out = process.argv.indexOf("--out");
  if (out !== -1 && process.argv[out + 1] !== undefined) writeFileSync(process.argv[out + 1], text);
} finally {
  await browser.close();
  server.stop();
}
