/**
 * Each published package's README opens with an example a stranger can paste: the `ts example`
 * block is examples/<package>.ts word for word (so `pnpm typecheck` compiles it), and running it
 * prints the README's `text output` block that follows.
 */
import { readFileSync } from "node:fs";
import { format } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { fencedBlocks } from "../docs/src/fences.js";

const root = new URL("../../", import.meta.url);
const published = [
  "lang",
  "engine",
  "app",
  "cli",
  "server",
  "store",
  "lsp",
  "json-rules-engine",
  "testing",
] as const;

/** Runs an example module and returns what it printed with console.log. */
async function printedBy(folder: (typeof published)[number]): Promise<string> {
  const lines: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...values: unknown[]) => {
    lines.push(format(...values)); // as Node's console.log writes them
  });
  try {
    await import(`./examples/${folder}.ts`);
  } finally {
    log.mockRestore();
  }
  return lines.map((line) => `${line}\n`).join("");
}

for (const folder of published) {
  describe(`packages/${folder}/README.md`, () => {
    const blocks = fencedBlocks(readFileSync(new URL(`packages/${folder}/README.md`, root), "utf8"));
    const exampleAt = blocks.findIndex((block) => block.info === "ts example");

    it("shows examples/" + folder + ".ts as its example", () => {
      expect(exampleAt).toBeGreaterThanOrEqual(0);
      expect(blocks[exampleAt]?.text).toBe(
        readFileSync(new URL(`examples/${folder}.ts`, import.meta.url), "utf8"),
      );
    });

    it("prints what the README says it prints", async () => {
      const output = blocks[exampleAt + 1];
      expect(output?.info).toBe("text output");
      expect(await printedBy(folder)).toBe(output?.text);
    });
  });
}
