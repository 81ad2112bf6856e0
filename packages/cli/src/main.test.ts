import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** The bundled executable, as `bin` ships it; `pnpm install` builds it (`prepare` runs `tsc -b` and the bundle). */
const entry = fileURLToPath(new URL("../dist/remit.js", import.meta.url));
/** `remit serve` alone, bundled into one file (the `remit-server` bin). */
const serverEntry = fileURLToPath(new URL("../dist/remit-server.js", import.meta.url));

function remit(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const result = spawnSync(process.execPath, [entry, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { PATH: process.env["PATH"] ?? "", ...options.env },
    encoding: "utf8",
    ...(options.input === undefined ? {} : { input: options.input }),
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

  it("ends quietly with exit 0 when the reader closes the pipe early", () => {
    const repo = fileURLToPath(new URL("../../../", import.meta.url));
    const line = `"${process.execPath}" "${entry}" eval policies/ziyuan-2026 --facts examples/ziyuan-county/facts.json --format json --explain all --pretty | head -c 10; echo " status=\${PIPESTATUS[0]}"`;
    const result = spawnSync("bash", ["-c", line], { cwd: repo, encoding: "utf8" });
    expect(result.stdout).toBe('{\n  "schem status=0\n');
    expect(result.stderr).toBe("");
  });

  it("reads standard input for '-': facts, a policy to check, a file to format", () => {
    const root = mkdtempSync(path.join(tmpdir(), "remit-bin-"));
    const checked = remit(["check", "-"], { cwd: root, input: 'policy "x"\n\ndefine y = 未知名称\n' });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^<stdin>:3:12 error\[R\d+\]/m);
    const formatted = remit(["fmt", "--stdout", "-"], { cwd: root, input: 'policy   "x"\n' });
    expect(formatted.code).toBe(0);
    expect(formatted.stdout).toBe('policy "x"\n');
    writeFileSync(
      path.join(root, "p.remit"),
      'policy "x"\nclause 1 "总则"\ncollection townships {\n  name: text\n}\nduty named "乡镇有名称"\n  must\n  cites 1\n  for each t in townships\n  holder "县"\n  requires t.name != ""\n  by 2026-12-31\n',
    );
    const facts = JSON.stringify({ asOf: "2026-11-28", townships: [{ id: "T01", name: "资源镇" }] });
    const evaluated = remit(["eval", "p.remit", "--facts", "-", "--format", "json"], {
      cwd: root,
      input: facts,
    });
    expect(evaluated.code).toBe(0);
    expect(JSON.parse(evaluated.stdout).findings[0].status).toBe("met");
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

  it("bundles remit-server as one file: no chunk of the remit executable, none of its other commands", () => {
    const text = readFileSync(serverEntry, "utf8");
    expect(text.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(text).not.toMatch(/from\s*"\.\/chunks\//);
    expect(text).not.toContain("exceljs"); // the spreadsheet report of `remit eval`
    const help = spawnSync(process.execPath, [serverEntry, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("remit serve POLICY...");
  });

  it.each([
    ["remit serve", [entry, "serve"]],
    ["remit-server", [serverEntry]],
  ])(
    "%s serves over HTTP until SIGTERM, finishes the request in flight, then exits 0",
    async (_, command) => {
      const repository = fileURLToPath(new URL("../../../", import.meta.url));
      const child = spawn(
        process.execPath,
        [...command, "policies/ziyuan-2026/policy.remit.md", "--port", "0", "--lang", "en"],
        {
          cwd: repository,
          env: { PATH: process.env["PATH"] ?? "", REMIT_RECORDS: "off" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stderr = "";
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      const origin = await new Promise<string>((resolve, reject) => {
        child.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString("utf8");
          const found = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
          if (found) resolve(found[1]!);
        });
        void exited.then(() => reject(new Error(`exited before listening: ${stderr}`)));
      });

      // A request whose body arrives in two parts, with the signal sent between them.
      const facts = JSON.parse(readFileSync(`${repository}examples/ziyuan-county/facts.json`, "utf8"));
      const body = Buffer.from(JSON.stringify({ facts, asOf: "2026-11-28" }));
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const sent = request(
          `${origin}/v1/evaluate`,
          { method: "POST", headers: { "content-type": "application/json", "content-length": body.length } },
          (response) => {
            let text = "";
            response.on("data", (chunk: Buffer) => {
              text += chunk.toString("utf8");
            });
            response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
          },
        );
        sent.on("error", reject);
        sent.write(body.subarray(0, 100));
        setTimeout(() => {
          child.kill("SIGTERM");
          setTimeout(() => sent.end(body.subarray(100)), 200);
        }, 300);
      });
      const { status, text } = await answer;
      expect(status).toBe(200);
      expect(JSON.parse(text).findings.length).toBeGreaterThan(0);
      expect(await exited).toBe(0);
      expect(stderr).toContain("stopping: finishing requests in flight");
    },
  );
});
