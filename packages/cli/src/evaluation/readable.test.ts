/**
 * Findings for people carry no program code. Every finding of the example county and of the
 * every-construct example is rendered in Chinese as a reader meets it — the table, `eval
 * --explain`, `explain` and the HTML report — and the text must hold no dotted identifier, no
 * `is set`, no `if`/`then`/`else`/`and`/`or`/`not`, no comparison operator and no raw JSON.
 * Rule ids, subject ids and clause numbers are allowed: they are how findings are cited.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { EvaluationResult } from "@remit/engine";
import { describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

async function remit(argv: string[]): Promise<string> {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const code = await run(argv, { stdout, stderr, env: { LANG: "en_US.UTF-8" }, cwd: repo });
  expect(stderr.text).toBe("");
  expect(code).toBe(0);
  return stdout.text;
}

const codePatterns: readonly [string, RegExp][] = [
  ["a dotted identifier", /[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_]/],
  ["is set / is missing", /\bis (set|missing)\b/],
  ["a keyword of the language", /\b(if|then|else|and|or|not)\b/],
  ["a comparison operator", /[≤≥]|<=|>=|!=/],
  ["raw JSON", /[{}[\]]|"[^"\n]*"\s*:/],
];

/** The lines of `text` that leak code, each with what leaked; ids are blanked out first. */
export function codeLeaks(text: string, ids: ReadonlySet<string>): string[] {
  const byLength = [...ids].sort((a, b) => b.length - a.length);
  const leaks: string[] = [];
  for (const line of text.split("\n")) {
    let checked = line;
    for (const id of byLength) checked = checked.split(id).join(" ");
    for (const [what, pattern] of codePatterns) if (pattern.test(checked)) leaks.push(`${what}: ${line}`);
  }
  return leaks;
}

/** The words of an HTML page: no styles, no tags, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, "\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

const examples = [
  { policy: "policies/ziyuan-2026", facts: "examples/ziyuan-county/facts.json" },
  { policy: "examples/every-construct", facts: "examples/every-construct/facts.json" },
] as const;

describe("findings read without code", () => {
  it("finds code where it leaks", () => {
    const ids = new Set(["major-hazard-listing"]);
    expect(codeLeaks("挂牌日期 2026-10-20，依据 2.1.3，major-hazard-listing", ids)).toEqual([]);
    expect(codeLeaks("h.listedOn ≤ h.foundOn", ids)).toHaveLength(2);
    expect(codeLeaks("尚缺：h 的 rectifyBy is set 不成立", ids)).toHaveLength(1);
    expect(codeLeaks("not hasTeam(t)：是", ids)).toHaveLength(1);
    expect(codeLeaks('符合的 = {"year":2026}', ids)).toHaveLength(1);
  });

  for (const example of examples) {
    it(`reads ${example.policy} in Chinese: table, --explain, explain and the HTML report`, async () => {
      const common = [example.policy, "--facts", example.facts, "--lang", "zh"];
      const result = JSON.parse(
        await remit(["eval", ...common, "--format", "json", "--explain", "all"]),
      ) as EvaluationResult;
      expect(result.findings.length).toBeGreaterThan(0);
      const ids = new Set(result.findings.flatMap((f) => [f.rule, f.subject.id]));
      const outputs: [string, string][] = [
        ["table", await remit(["eval", ...common])],
        ["--explain", await remit(["eval", ...common, "--explain", "all"])],
        ["html", htmlText(await remit(["eval", ...common, "--format", "html"]))],
      ];
      // `explain` for one finding of each rule (each one compiles the policy anew).
      const firstOfRule = new Map(result.findings.map((f) => [f.rule, f] as const));
      for (const finding of firstOfRule.values()) {
        const period = finding.period === undefined ? [] : ["--period", finding.period];
        const subject = `${finding.subject.collection}/${finding.subject.id}`;
        outputs.push([
          `explain ${finding.rule}`,
          await remit(["explain", ...common, finding.rule, subject, ...period]),
        ]);
      }
      // Every finding's sentences, as `explain` and the report show them.
      for (const finding of result.findings) {
        expect(finding.explanation.text?.zh, `${finding.rule} ${finding.subject.id}`).toBeTruthy();
        outputs.push([
          `${finding.rule} ${finding.subject.id} ${finding.period ?? ""}`,
          finding.explanation.text?.zh ?? "",
        ]);
      }
      const leaks = outputs.flatMap(([where, text]) =>
        codeLeaks(text, ids).map((leak) => `${where}: ${leak}`),
      );
      expect(leaks).toEqual([]);
    }, 120_000);
  }
});
