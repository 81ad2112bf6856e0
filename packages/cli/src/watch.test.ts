import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { MemoryStream } from "./io.js";
import { run } from "./run.js";

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const count = (text: string, part: string): number => text.split(part).length - 1;

describe("--watch", () => {
  it("checks again when the policy changes, reports each run, and stops when asked", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "remit-watch-"));
    writeFileSync(path.join(root, "p.remit"), 'policy "x"\n');
    const stdout = new MemoryStream();
    const stderr = new MemoryStream();
    const stop = new AbortController();
    const done = run(["check", "p.remit", "--watch"], {
      stdout,
      stderr,
      env: {},
      cwd: root,
      stop: stop.signal,
    });
    await until(() => stderr.text.includes("watching for changes"), "the watcher");
    expect(count(stdout.text, "0 errors")).toBe(1);
    writeFileSync(path.join(root, "p.remit"), 'policy "x"\n\ndefine y = 未知名称\n');
    await until(() => stdout.text.includes("1 error"), "the second run");
    expect(stderr.text).toContain("p.remit changed, running again");
    stop.abort();
    // The last run found an error: that is the exit code.
    expect(await done).toBe(1);
  }, 30_000);

  it("refuses to watch standard input", async () => {
    const stderr = new MemoryStream();
    const code = await run(["check", "-", "--watch"], {
      stdout: new MemoryStream(),
      stderr,
      env: {},
      cwd: tmpdir(),
    });
    expect(code).toBe(2);
    expect(stderr.text).toContain("--watch cannot watch standard input");
  });
});
