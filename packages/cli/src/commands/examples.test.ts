import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

describe("the working-day example examples/gov-info-disclosure", () => {
  it("passes every scenario: Spring Festival and National Day make-up days, pauses, a capped extension, a restart", async () => {
    const stdout = new MemoryStream();
    const stderr = new MemoryStream();
    const code = await run(["test", "examples/gov-info-disclosure/policy.remit.md", "--quiet"], {
      stdout,
      stderr,
      env: {},
      cwd: repoRoot,
    });
    expect(stderr.text).toBe("");
    expect(stdout.text.trimEnd().split("\n").at(-1)).toBe("11 scenarios: 11 passed, 0 failed");
    expect(code).toBe(0);
  });

  it("prints the warning of a date outside the calendar with the findings", async () => {
    const facts = JSON.parse(readFileSync(`${repoRoot}examples/gov-info-disclosure/facts.json`, "utf8"));
    facts.申请.push({
      id: "A07",
      收到日期: "2026-12-20",
      内容不明确: false,
      告知补正日期: null,
      收到补正日期: null,
      延长至: null,
      答复日期: null,
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "remit-workdays-")), "facts.json");
    writeFileSync(file, JSON.stringify(facts));
    const stdout = new MemoryStream();
    const code = await run(
      [
        "eval",
        "examples/gov-info-disclosure/policy.remit.md",
        "--facts",
        file,
        "--as-of",
        "2026-12-31",
        "--lang",
        "en",
      ],
      { stdout, stderr: new MemoryStream(), env: {}, cwd: repoRoot },
    );
    expect(code).toBe(0);
    expect(stdout.text).toContain(
      'Warnings\n  答复 申请 A07: the calendar "cn-mainland" covers 2004–2026; 2027-01-01 lies outside it',
    );
  });
});
