/**
 * `remit lsp --stdio`, driven over standard input and output as an editor drives it. It runs the
 * bundled executable (`dist/remit.js`, which `pnpm install` builds), so the language server is
 * checked as the bundle ships it.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { StdioClient } from "@remit/lsp/client";
import { describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";

const entry = fileURLToPath(new URL("../../dist/remit.js", import.meta.url));

const policy = `policy "测试政策"

clause 1 "总则"

param listingDays: duration = 7 days "挂牌期限"

collection hazards "隐患" {
  foundOn: date
  listedOn: optional date
}

duty listing "挂牌督办"
  must
  cites 1
  for each h in hazards
  holder "县政府"
  requires h.listedOn is set
  within listingDays of h.foundOn
`;

describe.skipIf(!existsSync(entry))("remit lsp --stdio", () => {
  it("initializes, publishes diagnostics as the document changes, and exits 0 after shutdown", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "remit-lsp-"));
    const file = path.join(folder, "policy.remit");
    writeFileSync(file, policy);
    const uri = pathToFileURL(file).href;
    const client = await StdioClient.start({ serverScript: entry, serverArgs: ["lsp"], locale: "zh-cn" });
    try {
      expect(await client.open(uri, policy)).toEqual([]);
      const line = policy.split("\n").findIndex((text) => text.startsWith("  within listingDays"));
      const start = { line, character: "  within ".length };
      const end = { line, character: start.character + "listingDays".length };
      const diagnostics = await client.change(uri, { start, end }, "listingDay");
      const errors = diagnostics.filter((d) => d.severity === 1);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.range).toEqual({ start, end: { line, character: end.character - 1 } });
      expect(errors[0]?.message).toContain("“listingDay”");
      expect(errors[0]?.message).toMatch(/是否想写 “listingDays”/);
      const fixed = await client.change(
        uri,
        { start, end: { line, character: end.character - 1 } },
        "listingDays",
      );
      expect(fixed).toEqual([]);
    } finally {
      expect(await client.stop()).toBe(0);
    }
  });
});

describe("remit lsp without a transport", () => {
  async function remit(argv: string[]) {
    const stdout = new MemoryStream();
    const stderr = new MemoryStream();
    const code = await run(argv, { stdout, stderr, env: {}, cwd: tmpdir() });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  it("needs --stdio, and standard streams to serve on", async () => {
    const bare = await remit(["lsp"]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("pass --stdio");
    const inProcess = await remit(["lsp", "--stdio"]);
    expect(inProcess.code).toBe(2);
    expect(inProcess.stderr).toContain("no standard input and output");
  });

  it("has help in both languages", async () => {
    const en = await remit(["help", "lsp"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("remit lsp --stdio");
    const zh = await remit(["lsp", "--help", "--lang", "zh"]);
    expect(zh.stdout).toContain("语言服务器");
  });
});
