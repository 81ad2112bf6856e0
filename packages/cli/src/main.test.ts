import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** The built executable; `pnpm install` builds it (`prepare` runs `tsc -b`). */
const entry = fileURLToPath(new URL("../dist/main.js", import.meta.url));

function remit(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [entry, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { PATH: process.env["PATH"] ?? "", ...options.env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!existsSync(entry))("the built remit executable", () => {
  it("starts with a shebang so it runs as a bin", async () => {
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(entry, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("prints help and exits 0", () => {
    const { code, stdout } = remit(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("remit <command> [options]");
  });

  it("exits 2 on an unknown command, with the hint on stderr", () => {
    const { code, stdout, stderr } = remit(["frobnicate"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("unknown command 'frobnicate'");
  });

  it("checks a policy through a pipe without colours and exits 1 on errors", () => {
    const root = mkdtempSync(path.join(tmpdir(), "remit-bin-"));
    writeFileSync(path.join(root, "bad.remit"), 'policy "x"\n\ndefine y = 未知名称\n');
    const { code, stdout, stderr } = remit(["check", "bad.remit"], {
      cwd: root,
      env: { LANG: "zh_CN.UTF-8" },
    });
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout).toMatch(/^bad\.remit:3:12 错误\[R\d+\]：/m);
    expect(stdout).not.toContain("\u001b[");
  });

  it("evaluates through a pipe: JSON on stdout, exit 1 and no stack trace for invalid facts", () => {
    const root = mkdtempSync(path.join(tmpdir(), "remit-bin-"));
    const policy = [
      'policy "x"',
      'clause 1 "总则"',
      "collection townships {",
      "  name: text",
      "}",
      'duty named "乡镇有名称"',
      "  must",
      "  cites 1",
      "  for each t in townships",
      '  holder "县"',
      '  requires t.name != ""',
      "  by 2026-12-31",
      "",
    ].join("\n");
    writeFileSync(path.join(root, "policy.remit"), policy);
    writeFileSync(
      path.join(root, "good.json"),
      JSON.stringify({ townships: [{ id: "T01", name: "资源镇" }] }),
    );
    writeFileSync(path.join(root, "bad.json"), JSON.stringify({ townships: [{ id: "T01" }] }));
    const good = remit(["eval", ".", "--facts", "good.json", "--as-of", "2026-11-28", "--format", "json"], {
      cwd: root,
    });
    expect(good.stderr).toBe("");
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).findings[0].status).toBe("met");
    const bad = remit(["eval", ".", "--facts", "bad.json", "--as-of", "2026-11-28"], { cwd: root });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("townships[0]");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
