import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decide } from "./src/compare.js";
import { type DifferentialCase, differentialCase } from "./src/policies.js";

const regressions = join(dirname(fileURLToPath(import.meta.url)), "regressions");

/** Saves a shrunk counterexample so that it is replayed from now on; returns its file name. */
function save(c: DifferentialCase): string {
  const text = `${JSON.stringify(c, null, 2)}\n`;
  const name = `${createHash("sha256").update(text).digest("hex").slice(0, 12)}.json`;
  mkdirSync(regressions, { recursive: true });
  writeFileSync(join(regressions, name), text);
  return name;
}

describe("Remit and json-rules-engine decide alike", () => {
  test("on random policies and facts", async () => {
    const property = fc.asyncProperty(differentialCase, async (c) => {
      const { remit, jre } = await decide(c);
      expect(jre).toEqual(remit);
    });
    const details = await fc.check(property, { numRuns: 150 });
    if (details.failed && details.counterexample) {
      const file = save(details.counterexample[0]);
      throw new Error(`${fc.defaultReportMessage(details)}\nsaved as regressions/${file}`);
    }
    expect(details.failed).toBe(false);
  });

  const saved = readdirSync(regressions).filter((f) => f.endsWith(".json"));
  test.each(saved.length > 0 ? saved : ["(none)"])("regression %s", async (file) => {
    if (file === "(none)") return;
    const c = JSON.parse(readFileSync(join(regressions, file), "utf8")) as DifferentialCase;
    const { remit, jre } = await decide(c);
    expect(jre).toEqual(remit);
  });
});
