import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";
import { displayWidth } from "../terminal/width.js";

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "remit-cli-"));
});

function put(file: string, text: string): string {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
  return file;
}

async function remit(argv: string[], env: Record<string, string> = {}) {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const code = await run(argv, { stdout, stderr, env, cwd: root });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const policy = `policy "测试政策"
  version "0.1.0"
  warning 30 days

clause 2.1 "建立领导机制"

param mechanismDeadline: date = 2026-06-30 "领导机制建立期限"

collection townships "乡镇" {
  name: text
  mechanismOn: optional date
}

duty leadership-mechanism "建立消防工作领导机制"
  must
  cites 2.1
  for each t in townships
  holder t.name
  requires t.mechanismOn
  by mechanismDeadline
`;

const facts = {
  asOf: "2026-11-28",
  townships: [
    { id: "T01", name: "资源镇", mechanismOn: "2026-03-01" },
    { id: "T02", name: "梅溪镇", mechanismOn: null },
  ],
};

/** A policy whose only error is an unknown name written in Chinese, after Chinese text on its line. */
const broken = `${policy}
duty village-pact "村防火公约"
  must
  cites 2.1
  for each t in townships
  holder t.name
  requires "资源" = 村庄名称
  by 2026-06-30
`;

describe("remit check", () => {
  it("answers the campaign's stack-overflow inputs with diagnostics, 100 frames at most, each line short", async () => {
    // 200,000 full-width （ once overflowed the stack, then took hours printing a 600 KB line per
    // diagnostic; 5,000 + terms and 200,000 unknown names overflowed the checker.
    put("paren.remit", "（".repeat(200_000));
    put("terms.remit", `define x = ${Array.from({ length: 5_000 }, () => "1").join("+")}\n`);
    put("names.remit", `define x = ${Array.from({ length: 200_000 }, () => "未知").join(" + ")}\n`);
    const paren = await remit(["check", "paren.remit"]);
    expect(paren.code).toBe(1);
    expect(paren.stdout.match(/^paren\.remit:\d+:\d+ error\[R\d+\]/gm)).toHaveLength(100);
    expect(paren.stdout).toContain("199902 more diagnostics not shown");
    expect(paren.stdout).toMatch(/200002 errors, 0 warnings\n$/);
    expect(Math.max(...paren.stdout.split("\n").map((line) => line.length))).toBeLessThan(400);
    for (const file of ["terms.remit", "names.remit"]) {
      const { code, stdout } = await remit(["check", file]);
      expect(code, file).toBe(1);
      expect(stdout, file).toMatch(/error\[R9004\]/);
    }
  }, 60_000);

  it("exits 0 on a clean policy file or folder and prints what it checked and the count line", async () => {
    put("p/policy.remit", policy);
    const file = await remit(["check", "p/policy.remit"]);
    expect(file).toMatchObject({
      code: 0,
      stdout: "checked 1 rule in 1 clause:\n  2.1 建立领导机制: 1 rule\n0 errors, 0 warnings\n",
    });
    const folder = await remit(["check", "p", "--lang", "zh"]);
    expect(folder).toMatchObject({
      code: 0,
      stdout: "已检查 1 个条款、1 条规则：\n  2.1 建立领导机制：1 条规则\n0 个错误，0 个警告\n",
    });
  });

  it("lists a clause heading whose rules were deleted, and warns about it", async () => {
    put(
      "md/policy.remit.md",
      [
        "```remit",
        policy.replace('clause 2.1 "建立领导机制"\n', ""),
        "```",
        "",
        "## 2.1 建立领导机制",
        "",
        "## 3.1 切实加强组织领导",
        "",
        "不可机器判定：组织部署层面的要求。",
        "",
        "## 3.2 落实消防经费保障",
        "",
        "县级财政应……足额纳入县级财政预算管理。",
        "",
      ].join("\n"),
    );
    const { code, stdout } = await remit(["check", "md", "--lang", "zh"]);
    expect(code).toBe(0);
    expect(stdout).toContain("警告[R5019]：条款 3.2“落实消防经费保障”没有规则，也没有说明为何不作判定");
    expect(stdout).toContain(
      "已检查 3 个条款、1 条规则：\n  2.1 建立领导机制：1 条规则\n  3.1 切实加强组织领导：不可机器判定\n  3.2 落实消防经费保障：没有规则\n",
    );
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("0 个错误，1 个警告");
  });

  it("exits 1 with a code frame whose caret sits under the CJK name", async () => {
    put("bad.remit", broken);
    const { code, stdout } = await remit(["check", "bad.remit"]);
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    const heading = lines.findIndex((line) => /^bad\.remit:\d+:\d+ error\[R\d+\]: /.test(line));
    expect(heading).toBeGreaterThanOrEqual(0);
    const sourceLine = lines[heading + 1] ?? "";
    const underline = lines[heading + 2] ?? "";
    expect(sourceLine).toContain('requires "资源" = 村庄名称');
    // The caret's terminal column is the name's terminal column in the line above it.
    const caretColumn = displayWidth(underline.slice(0, underline.indexOf("^")));
    const nameColumn = displayWidth(sourceLine.slice(0, sourceLine.indexOf("村庄名称")));
    expect(caretColumn).toBe(nameColumn);
    expect(underline.slice(underline.indexOf("^"))).toBe("^~~~~~~~");
    expect(lines.at(-2)).toMatch(/^1 error, 0 warnings$/);
  });

  it("speaks Chinese with --lang zh and from LANG", async () => {
    put("bad.remit", broken);
    const flag = await remit(["check", "bad.remit", "--lang", "zh"]);
    expect(flag.stdout).toMatch(/^bad\.remit:\d+:\d+ 错误\[R\d+\]：/m);
    expect(flag.stdout).toContain("1 个错误，0 个警告");
    const env = await remit(["check", "bad.remit"], { LANG: "zh_CN.UTF-8" });
    expect(env.stdout).toBe(flag.stdout);
    const overridden = await remit(["check", "bad.remit", "--lang", "en"], { LANG: "zh_CN.UTF-8" });
    expect(overridden.stdout).toContain("1 error, 0 warnings");
  });

  it("prints JSON diagnostics with every field in both languages", async () => {
    put("bad.remit", broken);
    const { code, stdout } = await remit(["check", "bad.remit", "--format", "json"]);
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout) as { diagnostics: Record<string, unknown>[] };
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    for (const d of parsed.diagnostics) {
      expect(Object.keys(d).sort()).toEqual([
        "code",
        "hint",
        "message",
        "related",
        "severity",
        "span",
        "suggestions",
      ]);
      expect(d["message"]).toEqual({ en: expect.any(String), zh: expect.any(String) });
      expect(d["span"]).toMatchObject({ file: "bad.remit", start: { line: expect.any(Number) } });
    }
  });

  it("exits 2 on a missing file, a folder with no entry, a bad format and extra arguments", async () => {
    mkdirSync(path.join(root, "empty"));
    for (const argv of [
      ["check", "missing.remit"],
      ["check", "empty"],
      ["check"],
      ["check", "a", "b"],
      ["check", "x", "--format", "xml"],
      ["check", "x", "--bogus"],
    ]) {
      const result = await remit(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr).toContain("run 'remit check --help' for usage");
    }
  });

  it("prints its help", async () => {
    const { code, stdout } = await remit(["check", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("remit check PATH");
    expect(stdout).toContain("Exit codes:");
  });
});

describe("remit fmt", () => {
  const messy = 'policy   "测试"\n\n\nclause 1 "总则"\n';

  it("--check lists files that would change and exits 1, changing nothing", async () => {
    put("p/a.remit", messy);
    const { code, stdout, stderr } = await remit(["fmt", "--check", "p"]);
    expect(code).toBe(1);
    expect(stdout).toBe("p/a.remit\n");
    expect(stderr).toContain("1 file would be reformatted");
    expect(readFileSync(path.join(root, "p/a.remit"), "utf8")).toBe(messy);
  });

  it("--write rewrites the file, after which --check is clean", async () => {
    put("p/a.remit", messy);
    const write = await remit(["fmt", "--write", "p/a.remit"]);
    expect(write.code).toBe(0);
    const formatted = readFileSync(path.join(root, "p/a.remit"), "utf8");
    expect(formatted).not.toBe(messy);
    const check = await remit(["fmt", "--check", "p"]);
    expect(check).toMatchObject({ code: 0, stdout: "" });
  });

  it("formats a symbolically linked file through the link, which stays a link", async () => {
    put("real/a.remit", messy);
    mkdirSync(path.join(root, "p"), { recursive: true });
    symlinkSync(path.join("..", "real", "a.remit"), path.join(root, "p/link.remit"));
    const check = await remit(["fmt", "--check", "p"]);
    expect(check).toMatchObject({ code: 1, stdout: "p/link.remit\n" });
    const write = await remit(["fmt", "--write", "p"]);
    expect(write.code).toBe(0);
    expect(lstatSync(path.join(root, "p/link.remit")).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(root, "real/a.remit"), "utf8")).toContain('policy "测试"\n');
    expect((await remit(["fmt", "--check", "p", "real"])).code).toBe(0);
  });

  it("--stdout prints the formatted text and leaves the file alone", async () => {
    put("a.remit", messy);
    const { code, stdout } = await remit(["fmt", "--stdout", "a.remit"]);
    expect(code).toBe(0);
    expect(stdout).toContain('policy "测试"');
    expect(readFileSync(path.join(root, "a.remit"), "utf8")).toBe(messy);
  });

  it("reports a file that does not parse and exits 1 without touching it", async () => {
    put("bad.remit", "policy (\n");
    const { code, stderr } = await remit(["fmt", "--write", "bad.remit"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^bad\.remit:\d+:\d+ error\[/m);
    expect(readFileSync(path.join(root, "bad.remit"), "utf8")).toBe("policy (\n");
  });

  it("exits 2 on combined modes, no paths and a missing path", async () => {
    put("a.remit", messy);
    for (const argv of [["fmt", "--check", "--write", "a.remit"], ["fmt"], ["fmt", "nope.remit"]]) {
      const result = await remit(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr).toContain("remit fmt --help");
    }
  });
});

describe("remit fmt --fix", () => {
  // Full-width punctuation, a “…” string, and names misspelt with one candidate each: the
  // parameter of the policy itself and one of an imported module.
  const standard = 'param listingDays: duration = 7 days "挂牌期限"\n';
  const typed = policy
    .replace("  warning 30 days", '  warning 30 days\n\nimport "std.remit" as std')
    .replace("mechanismOn: optional date", "mechanismOn： optional date")
    .replace('"领导机制建立期限"', "“领导机制建立期限”")
    .replace("by mechanismDeadline", "by mechanismDeadlin")
    .replace("requires t.mechanismOn", "requires t.mechanismOn is set or std.listingDay > 0 days");
  const fixed = policy
    .replace("  warning 30 days", '  warning 30 days\n\nimport "std.remit" as std')
    .replace("requires t.mechanismOn", "requires t.mechanismOn is set or std.listingDays > 0 days");

  it("fixes, formats and rewrites the file in place, listing each fix under it", async () => {
    put("p/policy.remit", typed);
    put("p/std.remit", standard);
    const { code, stdout, stderr } = await remit(["fmt", "--fix", "p"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(readFileSync(path.join(root, "p/policy.remit"), "utf8")).toBe(fixed);
    expect(stdout).toBe(
      [
        "p/policy.remit",
        "  Change '“领导机制建立期限”' to '\"领导机制建立期限\"'",
        "  Change '：' to ':'",
        "  Change 'listingDay' to 'listingDays'",
        "  Change 'mechanismDeadlin' to 'mechanismDeadline'",
        "",
      ].join("\n"),
    );
    // Written through a temporary file renamed over the original: nothing else is left behind.
    expect(readdirSync(path.join(root, "p")).sort()).toEqual(["policy.remit", "std.remit"]);
    expect((await remit(["check", "p"])).code).toBe(0);
    expect(await remit(["fmt", "--fix", "--check", "p"])).toMatchObject({ code: 0, stdout: "" });
  });

  it("--check and --stdout change nothing; the fixes are named in the chosen language", async () => {
    put("p/policy.remit", typed);
    put("p/std.remit", standard);
    const check = await remit(["fmt", "--fix", "--check", "--lang", "zh", "p"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("  将“mechanismDeadlin”改为“mechanismDeadline”\n");
    const printed = await remit(["fmt", "--fix", "--stdout", "p/policy.remit"]);
    expect(printed).toMatchObject({ code: 0, stdout: fixed });
    expect(readFileSync(path.join(root, "p/policy.remit"), "utf8")).toBe(typed);
  });

  it("leaves a file whose errors the fixes do not settle as it is, reporting them as written", async () => {
    const unsettled = typed.replace("clause 2.1", "clause (");
    put("p/policy.remit", unsettled);
    put("p/std.remit", standard);
    const { code, stdout, stderr } = await remit(["fmt", "--fix", "p"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^p\/policy\.remit: \d+ fixes could be made, but a syntax error would remain, so the file is unchanged/m,
    );
    expect(stderr).toMatch(/^p\/policy\.remit:7:8 error\[/m);
    expect(stderr).toMatch(/^p\/policy\.remit:\d+:\d+ error\[R1002\]: full-width '：'/m);
    expect(readFileSync(path.join(root, "p/policy.remit"), "utf8")).toBe(unsettled);
  });

  it("without --fix, a fixable file is reported and left alone", async () => {
    put("p/policy.remit", typed);
    put("p/std.remit", standard);
    const { code, stderr } = await remit(["fmt", "p"]);
    expect(code).toBe(1);
    expect(stderr).toContain("error[R1002]");
    expect(readFileSync(path.join(root, "p/policy.remit"), "utf8")).toBe(typed);
  });
});

describe("remit eval", () => {
  beforeEach(() => {
    put("p/policy.remit", policy);
    put("facts.json", JSON.stringify(facts));
  });

  it("prints a pretty, stable JSON result", async () => {
    const first = await remit(["eval", "p", "--facts", "facts.json", "--format", "json", "--pretty"]);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result.asOf).toBe("2026-11-28");
    const statuses = Object.fromEntries(
      (result.findings as { subject: { id: string }; status: string }[]).map((f) => [f.subject.id, f.status]),
    );
    expect(statuses).toEqual({ T01: "met", T02: "overdue" });
    expect(first.stdout).toBe(`${JSON.stringify(result, null, 2)}\n`);
    const second = await remit(["eval", "p", "--facts", "facts.json", "--format", "json", "--pretty"]);
    expect(second.stdout).toBe(first.stdout);
  });

  it("reports a malformed asOf in the facts instead of guessing a date", async () => {
    put("odd.json", JSON.stringify({ ...facts, asOf: "2026-13-01" }));
    const { code, stderr } = await remit(["eval", "p", "--facts", "odd.json"]);
    expect(code).toBe(1);
    expect(stderr).toContain("asOf");
  });

  it("refuses to guess a date when neither --as-of nor the facts give one", async () => {
    const { asOf: _, ...undated } = facts;
    put("undated.json", JSON.stringify(undated));
    const en = await remit(["eval", "p", "--facts", "undated.json", "--format", "json"]);
    expect(en.code).toBe(1);
    expect(JSON.parse(en.stdout).errors[0].message.en).toBe(
      "no evaluation date: pass --as-of or put asOf in the facts",
    );
    expect(en.stderr).toBe("error: no evaluation date: pass --as-of or put asOf in the facts\n");
    const zh = await remit(["eval", "p", "--facts", "undated.json", "--lang", "zh"]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toBe("错误：没有评估日期：请使用 --as-of 或在事实数据中提供 asOf\n");
    const given = await remit([
      "eval",
      "p",
      "--facts",
      "undated.json",
      "--as-of",
      "2026-11-28",
      "--format",
      "json",
    ]);
    expect(given.code).toBe(0);
    expect(JSON.parse(given.stdout).asOf).toBe("2026-11-28");
  });

  it("takes --as-of over the facts' date", async () => {
    const { stdout } = await remit([
      "eval",
      "p",
      "--facts",
      "facts.json",
      "--format",
      "json",
      "--as-of",
      "2026-06-15",
    ]);
    const result = JSON.parse(stdout);
    expect(result.asOf).toBe("2026-06-15");
    expect(result.findings.find((f: { subject: { id: string } }) => f.subject.id === "T02").status).toBe(
      "due-soon",
    );
  });

  it("prints a table in English and in Chinese", async () => {
    const en = await remit(["eval", "p", "--facts", "facts.json"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(
      /建立消防工作领导机制 +leadership-mechanism +must +乡镇 T02 +overdue +2026-06-30 +151 days overdue/,
    );
    expect(en.stdout).toContain("Summary");
    const zh = await remit(["eval", "p", "--facts", "facts.json", "--lang", "zh"]);
    expect(zh.stdout).toMatch(/必须 +乡镇 T02 +逾期 +2026-06-30 +逾期 151 天/);
    expect(zh.stdout).toContain("已完成");
    expect(zh.stdout).toContain("汇总");
  });

  it("explains the findings that ask for action with --explain actions, all of them with all", async () => {
    const { code, stdout } = await remit(["eval", "p", "--facts", "facts.json", "--explain", "actions"]);
    expect(code).toBe(0);
    const explanations = stdout.slice(stdout.indexOf("Explanations"));
    expect(explanations).toContain("乡镇 T02");
    expect(explanations).not.toContain("乡镇 T01");
    const all = await remit(["eval", "p", "--facts", "facts.json", "--explain", "all"]);
    expect(all.stdout.slice(all.stdout.indexOf("Explanations"))).toContain("乡镇 T01");
    expect((await remit(["eval", "p", "--facts", "facts.json"])).stdout).not.toContain("Explanations");
  });

  it("gives JSON a schema version and the explanations of findings that ask for action", async () => {
    const { code, stdout } = await remit(["eval", "p", "--facts", "facts.json", "--format", "json"]);
    expect(code).toBe(0);
    // Not a terminal: one line.
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    const result = JSON.parse(stdout) as { schemaVersion: number; findings: Record<string, unknown>[] };
    expect(result.schemaVersion).toBe(1);
    const explained = result.findings.map((f) => [f["status"], "explanation" in f]);
    expect(explained).toEqual([
      ["met", false],
      ["overdue", true],
    ]);
    const none = await remit(["eval", "p", "--facts", "facts.json", "--format", "json", "--explain", "none"]);
    expect(JSON.parse(none.stdout).findings.some((f: object) => "explanation" in f)).toBe(false);
    const pretty = await remit(["eval", "p", "--facts", "facts.json", "--format", "json", "--pretty"]);
    expect(pretty.stdout).toContain('\n  "schemaVersion": 1,\n');
    const bad = await remit(["eval", "p", "--facts", "facts.json", "--explain", "some"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--explain' must be none|actions|all, not 'some'");
  });

  it("evaluates only the rules --rules names, and rejects one the policy does not declare", async () => {
    const only = await remit([
      "eval",
      "p",
      "--facts",
      "facts.json",
      "--format",
      "json",
      "--rules",
      "leadership-mechanism",
    ]);
    expect(only.code).toBe(0);
    expect(JSON.parse(only.stdout).findings).toHaveLength(2);
    const unknown = await remit([
      "eval",
      "p",
      "--facts",
      "facts.json",
      "--rules",
      "leadership-mechanism,nope",
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown rule "nope"');
  });

  it("writes a JSON error document for a facts file that is not JSON under --format json", async () => {
    put("broken.json", "{ townships: ");
    const { code, stdout, stderr } = await remit(["eval", "p", "--facts", "broken.json", "--format", "json"]);
    expect(code).toBe(1);
    const document = JSON.parse(stdout) as { schemaVersion: number; errors: { code: string }[] };
    expect(document.schemaVersion).toBe(1);
    expect(document.errors.map((e) => e.code)).toEqual(["invalid-facts-document"]);
    expect(stderr).toContain("is not valid JSON");
  });

  it("writes in the policy's readers' language unless --lang says otherwise", async () => {
    put("r/policy.remit", policy.replace("  warning 30 days", "  warning 30 days\n  readers chinese"));
    const english = { LANG: "en_US.UTF-8" };
    const readers = await remit(["eval", "r", "--facts", "facts.json"], english);
    expect(readers.stdout).toContain("汇总");
    expect(readers.stdout).toMatch(/必须 +乡镇 T02 +逾期/);
    const asked = await remit(["eval", "r", "--facts", "facts.json", "--lang", "en"], english);
    expect(asked.stdout).toContain("Summary");
    const explained = await remit(
      ["explain", "r", "--facts", "facts.json", "leadership-mechanism", "T02"],
      english,
    );
    expect(explained.stdout).toContain("尚缺：尚无mechanismOn。");
    // Without a readers clause, the keywords' language: this policy is written in English.
    expect((await remit(["eval", "p", "--facts", "facts.json"], { LANG: "zh_CN.UTF-8" })).stdout).toContain(
      "Summary",
    );
  });

  it("explains the findings that ask for action with --explain", async () => {
    const { code, stdout } = await remit(["eval", "p", "--facts", "facts.json", "--explain", "actions"]);
    expect(code).toBe(0);
    const explanations = stdout.slice(stdout.indexOf("Explanations"));
    expect(explanations).toContain("乡镇 T02: overdue");
    expect(explanations).toContain("Overdue by 151 days.");
    expect(explanations).not.toContain("乡镇 T01");
  });

  it("reports invalid facts by JSON path and exits 1 without a stack trace", async () => {
    put(
      "wrong.json",
      JSON.stringify({ asOf: "2026-11-28", townships: [{ id: "T01", name: 5, mechanismOn: null }] }),
    );
    const { code, stderr } = await remit(["eval", "p", "--facts", "wrong.json"]);
    expect(code).toBe(1);
    expect(stderr).toContain("townships[0].name");
    expect(stderr).not.toMatch(/\n\s+at /);
    const zh = await remit(["eval", "p", "--facts", "wrong.json", "--lang", "zh"]);
    expect(zh.stderr).toContain("townships[0].name");
    expect(zh.stderr).toContain("事实数据无效：1 处错误");
  });

  it("reports a facts file that is not JSON and exits 1", async () => {
    put("not.json", "{ townships: ");
    const { code, stderr } = await remit(["eval", "p", "--facts", "not.json"]);
    expect(code).toBe(1);
    expect(stderr).toContain("facts file 'not.json' is not valid JSON");
  });

  it("exits 2 on a bad date, a missing facts file or option, and an unknown format", async () => {
    for (const argv of [
      ["eval", "p", "--facts", "facts.json", "--as-of", "2026-02-30"],
      ["eval", "p", "--facts", "missing.json"],
      ["eval", "p"],
      ["eval", "p", "--facts", "facts.json", "--format", "yaml"],
      ["eval", "missing", "--facts", "facts.json"],
    ]) {
      const result = await remit(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr).toContain("run 'remit eval --help' for usage");
    }
  });

  it("applies --params overrides and rejects a params file that is not an object", async () => {
    put("later.json", JSON.stringify({ mechanismDeadline: "2026-12-15" }));
    const later = await remit([
      "eval",
      "p",
      "--facts",
      "facts.json",
      "--params",
      "later.json",
      "--format",
      "json",
    ]);
    expect(later.code).toBe(0);
    const result = JSON.parse(later.stdout);
    expect(result.findings.find((f: { subject: { id: string } }) => f.subject.id === "T02").status).toBe(
      "due-soon",
    );
    put("params.json", JSON.stringify([1]));
    const bad = await remit(["eval", "p", "--facts", "facts.json", "--params", "params.json"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("params file 'params.json' must hold a JSON object");
  });

  it("reports policy errors before evaluating", async () => {
    put("bad/policy.remit", broken);
    const { code, stdout, stderr } = await remit(["eval", "bad", "--facts", "facts.json"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/error\[R\d+\]/);
    const json = await remit(["eval", "bad", "--facts", "facts.json", "--format", "json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).diagnostics[0].code).toMatch(/^R\d+$/);
  });

  it("prints invalid facts as JSON with --format json", async () => {
    put(
      "wrong.json",
      JSON.stringify({ asOf: "2026-11-28", townships: [{ id: "T01", name: 5, mechanismOn: null }] }),
    );
    const { code, stdout } = await remit([
      "eval",
      "p",
      "--facts",
      "wrong.json",
      "--format",
      "json",
      "--lang",
      "zh",
    ]);
    expect(code).toBe(1);
    const { errors } = JSON.parse(stdout) as {
      errors: { path: string; message: { en: string; zh: string } }[];
    };
    expect(errors.map((e) => e.path)).toContain("townships[0].name");
    expect(errors[0]?.message.zh).toEqual(expect.any(String));
  });
});

describe("remit fmt on literate policies", () => {
  it("formats only the code blocks of a .remit.md file and keeps the prose", async () => {
    const prose = "# 资源县方案\n\n方案原文，不是代码。\n\n";
    put("p/policy.remit.md", `${prose}\`\`\`remit\npolicy   "测试"\n\`\`\`\n`);
    const { code, stdout } = await remit(["fmt", "--stdout", "p"]);
    expect(code).toBe(0);
    expect(stdout.startsWith(prose)).toBe(true);
    expect(stdout).toContain('policy "测试"');
    expect(stdout).not.toContain('policy   "测试"');
  });
});
