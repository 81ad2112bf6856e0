/**
 * The runtime entry (`@remit/engine/runtime`, what browsers load) against the full entry: the
 * Ziyuan plan compiled from its text, written with `serializePolicy` and read back with
 * `loadPolicy`, gives the same results, byte for byte as JSON, at every date of the year.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileChecked, serializePolicy } from "@remit/engine";
import { loadPolicy } from "@remit/engine/runtime";
import { analyze } from "@remit/lang";
import { describe, expect, test } from "vitest";
import { policiesHost, repositoryRoot } from "./src/repository.js";

const full = compileChecked(analyze("ziyuan-2026/policy.remit.md", policiesHost).policy!);
const text = serializePolicy(full);
const loaded = loadPolicy(text);
const facts: unknown = JSON.parse(
  readFileSync(join(repositoryRoot, "examples/ziyuan-county/facts.json"), "utf8"),
);

describe("the Ziyuan plan compiled ahead of time", () => {
  test("loads, as JSON text, with the same identity, rules and parameters", () => {
    if (!("policy" in loaded)) throw new Error(JSON.stringify(loaded.errors));
    expect(() => JSON.parse(text)).not.toThrow();
    expect(loaded.policy.info).toEqual(full.info);
    expect(loaded.policy.rules).toEqual(full.rules);
    expect(loaded.policy.params).toEqual(full.params);
  });

  test.each(["2026-02-13", "2026-03-31", "2026-06-30", "2026-10-09", "2026-12-31", "2027-06-30"])(
    "finds what the full engine finds as at %s",
    (asOf) => {
      if (!("policy" in loaded)) throw new Error(JSON.stringify(loaded.errors));
      const expected = full.evaluate(facts, { asOf });
      const actual = loaded.policy.evaluate(facts, { asOf });
      if (!("result" in expected)) throw new Error(JSON.stringify(expected.errors));
      expect(expected.result.findings.length).toBeGreaterThan(0);
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
    },
  );

  test("rejects the same facts with the same errors", () => {
    if (!("policy" in loaded)) throw new Error(JSON.stringify(loaded.errors));
    const broken = { asOf: "2026-13-01", townships: [{ id: 1 }] };
    const expected = full.evaluate(broken);
    expect("errors" in expected).toBe(true);
    expect(loaded.policy.evaluate(broken)).toEqual(expected);
  });
});
