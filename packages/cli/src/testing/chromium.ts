/**
 * Headless Chromium for the browser tests (the HTML report, the playground): Debian's
 * `/usr/bin/chromium` driven by playwright-core, no browser download. `.ci/system-deps` installs
 * it with the CJK fonts; where it is missing the browser tests are skipped.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";

/** A fresh headless browser with its own throwaway profile; `close` removes the profile too. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), "remit-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
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
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
