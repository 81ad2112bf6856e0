import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { StdioClient } from "@remit/lsp/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, extensionRoot } from "./bundle.js";
import { grammarFiles } from "./grammar-files.js";

interface Manifest {
  readonly main: string;
  readonly contributes: {
    readonly languages: readonly {
      readonly id: string;
      readonly extensions: readonly string[];
      readonly configuration: string;
    }[];
    readonly grammars: readonly {
      readonly scopeName: string;
      readonly path: string;
      readonly injectTo?: readonly string[];
    }[];
  };
}

const manifest = JSON.parse(readFileSync(join(extensionRoot, "package.json"), "utf8")) as Manifest;

describe("the extension manifest", () => {
  it("contributes the generated grammars under their own scope names", () => {
    const generated = grammarFiles().map(({ url, text }) => ({
      path: url.pathname,
      scopeName: (JSON.parse(text) as { scopeName: string }).scopeName,
    }));
    const contributed = manifest.contributes.grammars.map((g) => ({
      path: join(extensionRoot, g.path),
      scopeName: g.scopeName,
    }));
    expect(contributed).toEqual(generated);
    expect(manifest.contributes.grammars.find((g) => g.injectTo !== undefined)?.injectTo).toEqual([
      "text.html.markdown",
    ]);
  });

  it("auto-closes full-width quotes and brackets in .remit files", () => {
    const [language] = manifest.contributes.languages;
    expect(language?.extensions).toEqual([".remit"]);
    const configuration = JSON.parse(
      readFileSync(join(extensionRoot, language?.configuration ?? ""), "utf8"),
    ) as {
      comments: { lineComment: string };
      autoClosingPairs: { open: string; close: string }[];
    };
    expect(configuration.comments.lineComment).toBe("#");
    const pairs = configuration.autoClosingPairs.map((p) => p.open + p.close);
    expect(pairs).toEqual(expect.arrayContaining(['""', "“”", "（）", "{}", "[]", "()"]));
  });
});

describe("the bundled extension", () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), "remit-vscode-"));
    await bundle(outDir);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("writes the entry the manifest names", () => {
    expect(manifest.main).toBe("./out/extension.cjs");
    expect(existsSync(join(outDir, "extension.cjs"))).toBe(true);
  });

  it("carries a server that answers over stdio on its own, without node_modules", async () => {
    const client = await StdioClient.start({ serverScript: join(outDir, "server.cjs"), locale: "zh-cn" });
    const uri = pathToFileURL(join(outDir, "policy.remit")).href;
    const diagnostics = await client.open(uri, '政策 "试"\n\n参数 期限: 时长 = 七天\n');
    expect(diagnostics.map((d) => d.range.start.line)).toContain(2);
    expect(await client.stop()).toBe(0);
  });
});
