/**
 * Findings for people carry no program code. Every finding of the example county and of the
 * every-construct example is rendered in Chinese as a reader meets it — the table, `eval
 * --explain`, `explain` and the HTML report — and the text must hold no dotted identifier, no
 * `is set`, no `if`/`then`/`else`/`and`/`or`/`not`, no comparison operator and no raw JSON.
 * Rule ids, subject ids and clause numbers are allowed: they are how findings are cited.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { EvaluationResult } from "@remit/engine";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";
import { idsIn } from "../testing/ids.js";

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

/**
 * What changed between recorded evaluations, as `remit diff` tells officials: in Chinese no code,
 * no English and no id but the subjects'; in either language no rule's, level's, change's or
 * status's id (English prose may say "not", so the code check reads the Chinese only). The example county is recorded on three dates (every kind of change happens
 * between them), and so is the weekly-briefing policy, whose two ladders both have a `county`.
 */
describe("what changed reads without code or ids", () => {
  const recordedIn = mkdtempSync(path.join(tmpdir(), "remit-readable-diff-"));
  afterAll(() => rmSync(recordedIn, { recursive: true, force: true }));
  async function recorded(argv: string[]): Promise<string> {
    const stdout = new MemoryStream();
    const stderr = new MemoryStream();
    const code = await run([...argv, "--data", recordedIn], { stdout, stderr, env: {}, cwd: repo });
    expect(code, stderr.text).toBe(0);
    return stdout.text;
  }
  const weekly = "packages/cli/src/commands/testdata/diff";
  const runs = [
    ...["2026-06-01", "2026-11-12", "2026-12-01"].map((asOf) => [
      "policies/ziyuan-2026",
      "--facts",
      "examples/ziyuan-county/facts.json",
      "--as-of",
      asOf,
    ]),
    ...["week1", "week2"].map((week) => [weekly, "--facts", `${weekly}/${week}.json`]),
  ];
  const pairs = [
    ["1", "3"],
    ["2", "3"],
    ["4", "5"],
  ];

  it("words every change of the example county and the weekly briefing in the policy's labels", async () => {
    const findings: EvaluationResult["findings"][number][] = [];
    for (const target of runs) {
      await recorded(["eval", ...target, "--record"]);
      const result = JSON.parse(await recorded(["eval", ...target, "--format", "json"])) as EvaluationResult;
      findings.push(...result.findings);
    }
    const subjects = new Set(findings.map((f) => f.subject.id));
    const ids = [
      ...new Set([
        ...findings.map((f) => f.rule),
        ...findings.flatMap((f) => Object.keys(f.reached ?? {})),
        ...findings.map((f) => f.status),
        "newly-overdue",
        "accountability-triggered",
      ]),
    ];
    // The English words of statuses are allowed in English, their hyphenated ids are not.
    const spelledAlike = new Set([
      "met",
      "pending",
      "overdue",
      "missed",
      "violated",
      "advisory",
      "closed",
      "triggered",
    ]);
    const kinds = new Set<string>();
    for (const [before, after] of pairs) {
      const changes = JSON.parse(await recorded(["diff", before!, after!, "--format", "json"])) as {
        changes: { kind: string }[];
      };
      for (const change of changes.changes) kinds.add(change.kind);
      const zh = await recorded(["diff", before!, after!, "--lang", "zh"]);
      const en = await recorded(["diff", before!, after!, "--lang", "en"]);
      expect(zh.split("\n").length, zh).toBeGreaterThan(4);
      expect(codeLeaks(zh, subjects), zh).toEqual([]);
      expect(englishLeaks(zh, subjects), zh).toEqual([]);
      expect(idsIn(zh, ids), zh).toEqual([]);
      expect(
        idsIn(en, ids).filter((id) => !spelledAlike.has(id)),
        en,
      ).toEqual([]);
    }
    expect([...kinds].sort()).toEqual(["accountability-triggered", "escalated", "newly-overdue", "resolved"]);
    expect(ids).toEqual(
      expect.arrayContaining(["general-hazard-ladder", "grid", "township", "county", "major-ladder"]),
    );
  }, 180_000);
});

/**
 * Runs a command that is refused (exit 1) with the user's locale English and no `--lang`: the
 * Ziyuan policy's readers are Chinese, so its refusals are too.
 */
async function refused(argv: string[]): Promise<string> {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const code = await run(argv, { stdout, stderr, env: { LANG: "en_US.UTF-8" }, cwd: repo });
  expect(code, stderr.text).toBe(1);
  return stderr.text;
}

/**
 * The lines of `text` with English in them, once what may stay is blanked out: ids, the JSON path
 * an error line starts with, option and field names the reader types, and the reader's own input
 * quoted back.
 */
export function englishLeaks(text: string, allowed: ReadonlySet<string>): string[] {
  const byLength = [...allowed].sort((a, b) => b.length - a.length);
  return text.split("\n").filter((line) => {
    let checked = line.replace(/^[\w.[\]"-]+：/, "").replace(/"[^"]*"/g, " ");
    for (const word of byLength) checked = checked.split(word).join(" ");
    return /[A-Za-z]{2,}/.test(checked);
  });
}

describe("refusals, limits and warnings read in the readers' language", () => {
  const ziyuan = ["policies/ziyuan-2026", "--facts", "examples/ziyuan-county/facts.json"];
  const policyIds = (): Set<string> => {
    const text = readFileSync(path.join(repo, "policies/ziyuan-2026/policy.remit.md"), "utf8");
    return new Set([...text.matchAll(/^(?:duty|escalation|accountability) ([\w-]+)/gm)].map((m) => m[1]!));
  };
  const words = ["--as-of", "asOf", "--period", "cn-mainland", "YYYY-MM-DD", "details"];

  it("finds English where it leaks", () => {
    const allowed = new Set(["department-special-inspections"]);
    expect(
      englishLeaks("asOf：评估日过远：规则“专项检查”（department-special-inspections）", allowed),
    ).toEqual([]);
    expect(englishLeaks('params.x：应为整数，实际为 "1.5 days"', allowed)).toEqual([]);
    expect(englishLeaks("asOf: rule would judge 3 periods", allowed)).toHaveLength(1);
    expect(englishLeaks("invalid facts: 1 error", allowed)).toHaveLength(1);
  });

  it("words the far-future refusal, bad parameters, a missing date and an unknown finding in Chinese", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "remit-readers-"));
    const params = path.join(folder, "params.json");
    writeFileSync(
      params,
      JSON.stringify({ specialInspectionsPerQuarter: -1, gridDays: "1.5 days", nope: 1 }),
    );
    const facts = JSON.parse(readFileSync(path.join(repo, "examples/ziyuan-county/facts.json"), "utf8")) as {
      asOf?: string;
    };
    delete facts.asOf;
    const undated = path.join(folder, "facts.json");
    writeFileSync(undated, JSON.stringify(facts));
    const outputs: [string, string][] = [
      ["eval --as-of 9999-12-31", await refused(["eval", ...ziyuan, "--as-of", "9999-12-31"])],
      [
        "explain --as-of 9999-12-31",
        await refused(["explain", ...ziyuan, "--as-of", "9999-12-31", "fire-accountability", "F0201"]),
      ],
      ["eval --params", await refused(["eval", ...ziyuan, "--params", params])],
      ["eval without a date", await refused(["eval", "policies/ziyuan-2026", "--facts", undated])],
      ["explain of no finding", await refused(["explain", ...ziyuan, "nope", "X"])],
      ["explain of no such subject", await refused(["explain", ...ziyuan, "fire-accountability", "nobody"])],
    ];
    for (const [where, text] of outputs) expect(text, where).toMatch(/[\u4e00-\u9fff]/);
    expect(outputs[0]![1]).toContain("评估未进行：超出上限");
    // `collection/id`, as `explain` takes a subject.
    const allowed = new Set([
      ...policyIds(),
      ...words,
      "nope",
      "nobody",
      "incidents/F0101",
      "incidents/F0201",
      "incidents/F0501",
      "F0201",
    ]);
    const leaks = outputs.flatMap(([where, text]) =>
      englishLeaks(text, allowed).map((l) => `${where}: ${l}`),
    );
    expect(leaks).toEqual([]);
  }, 60_000);

  it("words the calendar's coverage warnings in Chinese, in the table and the explanations", async () => {
    const common = ["examples/gov-info-disclosure", "--facts", "examples/gov-info-disclosure/facts.json"];
    const result = JSON.parse(
      await remit(["eval", ...common, "--as-of", "2027-02-01", "--format", "json", "--explain", "all"]),
    ) as EvaluationResult;
    const warned = result.findings.filter((f) => f.warnings !== undefined);
    expect(warned.length).toBeGreaterThan(0);
    const table = await remit(["eval", ...common, "--as-of", "2027-02-01", "--explain", "all"]);
    const warnings = table.slice(table.indexOf("警告"), table.indexOf("汇总"));
    expect(warnings.split("\n").filter((l) => l.includes("cn-mainland")).length).toBe(
      warned.reduce((n, f) => n + (f.warnings?.length ?? 0), 0),
    );
    const ids = new Set([...result.findings.flatMap((f) => [f.rule, f.subject.id]), ...words]);
    expect(englishLeaks(warnings, ids)).toEqual([]);
    for (const finding of warned)
      expect(englishLeaks((finding.warnings ?? []).map((w) => w.message.zh).join("\n"), ids)).toEqual([]);
  }, 60_000);
});

/**
 * The summary counts escalations by rule and level, in the JSON result and in the terminal table
 * alike: two ladders that both have a level `county` — an ordinary hazard's 县 and a major
 * hazard's 县级挂牌督办, a formal act — are two counts, and every count adds up. The example
 * county has one ladder, so the two-ladder policy in testdata shows it.
 */
const ladders = [
  "packages/cli/src/evaluation/testdata/two-ladders",
  "--facts",
  "packages/cli/src/evaluation/testdata/two-ladders/facts.json",
];
const county = ["policies/ziyuan-2026", "--facts", "examples/ziyuan-county/facts.json"];
const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe("the summary", () => {
  it("counts each ladder's levels under its own rule in the JSON summary, and every count adds up", async () => {
    for (const target of [ladders, county]) {
      const result = JSON.parse(await remit(["eval", ...target, "--format", "json"])) as EvaluationResult;
      const { summary, findings } = result;
      const byRuleAndLevel: Record<string, number> = {};
      for (const f of findings.filter((f) => f.kind === "escalation")) {
        const key = `${f.rule}:${f.status}`;
        byRuleAndLevel[key] = (byRuleAndLevel[key] ?? 0) + 1;
      }
      expect(summary.byKind.escalation).toEqual(byRuleAndLevel);
      expect(sum(Object.fromEntries(Object.entries(summary.byKind).map(([k, row]) => [k, sum(row)])))).toBe(
        summary.total,
      );
      for (const [group, counts] of Object.entries(summary.byGroup))
        expect(sum(counts)).toBe(findings.filter((f) => (f.group ?? "") === group).length);
    }
    const { summary } = JSON.parse(await remit(["eval", ...ladders, "--format", "json"])) as EvaluationResult;
    expect(summary.byKind.escalation).toEqual({
      "general-ladder:grid": 1,
      "general-ladder:county": 2,
      "major-ladder:county": 1,
    });
    // 乙镇 (T02) has ordinary hazards at the county level and no major hazard.
    expect(summary.byGroup.T02).toEqual({
      "escalation:general-ladder:grid": 1,
      "escalation:general-ladder:county": 1,
    });
  });

  it("words each ladder's level by its own label in the table, and each group's row adds up", async () => {
    const table = await remit(["eval", ...ladders, "--lang", "zh"]);
    const summary = table.slice(table.indexOf("汇总："));
    expect(summary).toMatch(/升级：一般隐患逐级处置 +网格 +1\n +县 +2\n/);
    expect(summary).toMatch(/升级：重大隐患挂牌督办 +县级挂牌督办 +1\n/);
    const lines = summary.split("\n");
    const header = lines.find((line) => line.trim().startsWith("乡（镇）") && line.includes("合计"))!;
    const columns = header.trim().split(/\s+/);
    const row = (name: string) => {
      const cells = lines
        .find((line) => line.trim().startsWith(name))!
        .trim()
        .split(/\s+/);
      return (column: string) => Number(cells[columns.indexOf(column)]);
    };
    expect(row("乙镇")("升级至县")).toBe(1);
    expect(row("乙镇")("升级至县级挂牌督办")).toBe(0);
    expect(row("甲镇")("升级至县级挂牌督办")).toBe(1);
    const countyTable = await remit(["eval", ...county, "--lang", "zh"]);
    for (const text of [summary, countyTable.slice(countyTable.indexOf("汇总："))]) {
      for (const line of text.split("\n").filter((l) => /（T0\d）|^ +县级 /.test(l))) {
        const numbers = line.trim().split(/\s+/).slice(1).map(Number);
        expect(numbers.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(numbers.at(-1));
      }
    }
  });
});
