/**
 * The summary counts escalations by rule and level, in the JSON result and in the terminal table
 * alike: on the example county the general-hazard ladder's `county` (县) and the major-hazard
 * ladder's `county` (县级挂牌督办, a formal act) are two counts, and every count adds up.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { EvaluationResult } from "@remit/engine";
import { describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const county = ["policies/ziyuan-2026", "--facts", "examples/ziyuan-county/facts.json"];

async function remit(argv: string[]): Promise<string> {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const code = await run(argv, { stdout, stderr, env: { LANG: "en_US.UTF-8" }, cwd: repo });
  expect(stderr.text).toBe("");
  expect(code).toBe(0);
  return stdout.text;
}

const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe("the summary of the example county", () => {
  it("counts each ladder's levels under its own rule in the JSON summary, and every count adds up", async () => {
    const result = JSON.parse(await remit(["eval", ...county, "--format", "json"])) as EvaluationResult;
    const { summary, findings } = result;
    const escalations = findings.filter((f) => f.kind === "escalation");
    const at = (rule: string, level: string) =>
      escalations.filter((f) => f.rule === rule && f.status === level).length;
    expect(at("general-hazard-ladder", "county")).toBeGreaterThan(0);
    expect(at("major-hazard-supervision", "county")).toBeGreaterThan(0);
    expect(summary.byKind.escalation).toMatchObject({
      "general-hazard-ladder:county": at("general-hazard-ladder", "county"),
      "major-hazard-supervision:county": at("major-hazard-supervision", "county"),
    });
    expect(summary.byKind.escalation).not.toHaveProperty("county");
    expect(sum(Object.fromEntries(Object.entries(summary.byKind).map(([k, row]) => [k, sum(row)])))).toBe(
      summary.total,
    );
    for (const [group, counts] of Object.entries(summary.byGroup))
      expect(sum(counts)).toBe(findings.filter((f) => (f.group ?? "") === group).length);
    // 梅溪镇 (T03) has general hazards at the county level and no major hazard.
    const meixi = summary.byGroup.T03!;
    expect(meixi["escalation:general-hazard-ladder:county"]).toBe(
      escalations.filter(
        (f) => f.group === "T03" && f.rule === "general-hazard-ladder" && f.status === "county",
      ).length,
    );
    expect(Object.keys(meixi).some((key) => key.startsWith("escalation:major-hazard-supervision:"))).toBe(
      false,
    );
  });

  it("words each ladder's level by its own label in the table, and each group's row adds up", async () => {
    const table = await remit(["eval", ...county, "--lang", "zh"]);
    const summary = table.slice(table.indexOf("汇总："));
    expect(summary).toMatch(/升级：挂牌督办重大火灾隐患逾期由上一级督办 +县级挂牌督办 +2\n/);
    expect(summary).toMatch(/升级：一般隐患逐级处置 +网格 +1\n +乡（镇） +2\n +县 +3\n/);
    const lines = summary.split("\n");
    const header = lines.find((line) => line.trim().startsWith("乡（镇）") && line.includes("合计"))!;
    const columns = header.trim().split(/\s+/);
    const meixi = lines
      .find((line) => line.trim().startsWith("梅溪镇"))!
      .trim()
      .split(/\s+/);
    const cell = (name: string) => Number(meixi[columns.indexOf(name)]);
    expect(cell("升级至县")).toBe(2);
    expect(cell("升级至县级挂牌督办")).toBe(0);
    for (const line of lines.filter((l) => /（T0\d）|^ +县级 /.test(l))) {
      const numbers = line.trim().split(/\s+/).slice(1).map(Number);
      expect(numbers.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(numbers.at(-1));
    }
  });
});
