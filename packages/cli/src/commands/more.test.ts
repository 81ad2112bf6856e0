import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { type CliIo, MemoryStream } from "../io.js";
import { run } from "../run.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "remit-cli-more-"));
});

function put(file: string, text: string): string {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
  return file;
}

async function remit(argv: string[], options: Partial<CliIo> & { stderrTTY?: boolean } = {}) {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream(options.stderrTTY === true);
  const code = await run(argv, { stdout, stderr, env: {}, cwd: root, ...options });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const policy = `policy "测试政策"
  version "0.1.0"
  warning 30 days

clause 2.1 "建立领导机制" text "乡镇应当建立消防工作领导机制。"

clause 3 "问责"

param mechanismDeadline: date = 2026-06-30 "领导机制建立期限"

collection townships "乡镇" {
  name: text
  mechanismOn: optional date
  fires: integer
}

duty leadership-mechanism "建立消防工作领导机制"
  must
  cites 2.1
  for each t in townships
  holder t.name
  requires t.mechanismOn
  by mechanismDeadline

accountability fire-review "火灾问责"
  must
  cites 3
  for each t in townships
  as at asOf
  cause "发生火灾" when t.fires > 0
`;

const facts = {
  asOf: "2026-11-28",
  townships: [
    { id: "T01", name: "资源镇", mechanismOn: "2026-03-01", fires: 0 },
    { id: "T02", name: "梅溪镇", mechanismOn: null, fires: 1 },
  ],
};

function scenario(name: string, body: Record<string, unknown>): string {
  return JSON.stringify({ name, asOf: "2026-11-28", ...body });
}

describe("remit test", () => {
  beforeEach(() => {
    put("p/policy.remit", policy);
    put("p/fixtures/base.json", JSON.stringify({ townships: facts.townships }));
    put(
      "p/tests/01-met.json",
      scenario("T01 has its mechanism", {
        facts: {},
        expect: [
          {
            rule: "leadership-mechanism",
            subject: { collection: "townships", id: "T01" },
            status: "met",
            late: false,
          },
        ],
      }),
    );
    put(
      "p/tests/02-from.json",
      scenario("T02 catches up, from the base element", {
        facts: { townships: [{ $from: "T02", mechanismOn: "2026-05-01" }] },
        expect: [
          { rule: "leadership-mechanism", subject: { collection: "townships", id: "T02" }, status: "met" },
        ],
        expectNoFinding: [{ rule: "leadership-mechanism", status: "overdue" }],
      }),
    );
    put(
      "p/tests/03-rejected.json",
      scenario("a name that is not text is rejected", {
        clauses: ["2.1"],
        facts: { townships: [{ $from: "T01", name: 5 }] },
        expectErrors: [{ path: "townships[0].name" }],
      }),
    );
  });

  it("reports to programs: JSON with failures in both languages, JUnit XML for CI", async () => {
    put(
      "p/tests/04-wrong.json",
      scenario("expects <the wrong> & status", {
        facts: {},
        expect: [
          { rule: "leadership-mechanism", subject: { collection: "townships", id: "T02" }, status: "met" },
        ],
      }),
    );
    const json = await remit(["test", "p", "--format", "json"]);
    expect(json.code).toBe(1);
    const document = JSON.parse(json.stdout) as {
      schemaVersion: number;
      total: number;
      failed: number;
      scenarios: {
        id: string;
        passed: boolean;
        failures: { kind: string; message: { en: string; zh: string } }[];
      }[];
    };
    expect(document).toMatchObject({ schemaVersion: 1, total: 4, failed: 1 });
    const wrong = document.scenarios.find((s) => s.id === "04-wrong");
    expect(wrong?.passed).toBe(false);
    expect(wrong?.failures[0]?.kind).toBe("mismatch");
    expect(wrong?.failures[0]?.message.en).toContain('status: expected "met", got "overdue"');
    expect(wrong?.failures[0]?.message.zh).toContain("status：应为");
    const junit = await remit(["test", "p", "--format", "junit"]);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="remit test" tests="4" failures="1"/,
    );
    expect(junit.stdout).toContain('name="04-wrong: expects &lt;the wrong&gt; &amp; status"');
    expect(junit.stdout.match(/<testcase /g)).toHaveLength(4);
    expect(junit.stdout.match(/<failure message="1 mismatch: leadership-mechanism/g)).toHaveLength(1);
    expect(junit.stdout).not.toContain("PASS");
  });

  it("reports clause coverage, and exits 1 while a rule has no scenario expecting its findings", async () => {
    const text = await remit(["coverage", "p"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("2.1 建立领导机制  1 rule, 2 scenarios");
    expect(text.stdout).toContain("3 问责  1 rule, 0 scenarios");
    expect(text.stdout).toContain("rules no scenario expects findings of (1): fire-review");
    const json = await remit(["coverage", "p", "--format", "json"]);
    const document = JSON.parse(json.stdout) as {
      schemaVersion: number;
      clauses: { id: string; exercisedBy: string[]; rules: { id: string; expectedBy: string[] }[] }[];
      dataScenarios: { id: string }[];
    };
    expect(document.schemaVersion).toBe(1);
    expect(document.clauses.map((c) => [c.id, c.rules.map((r) => [r.id, r.expectedBy])])).toEqual([
      ["2.1", [["leadership-mechanism", ["01-met", "02-from"]]]],
      ["3", [["fire-review", []]]],
    ]);
    // The rejected-facts scenario declares the clause but expects no finding of its rules: it is a
    // data scenario, not counted as exercising the clause.
    expect(document.clauses[0]?.exercisedBy).toEqual(["01-met", "02-from"]);
    expect(document.dataScenarios.map((s) => s.id)).toEqual(["03-rejected"]);
    put(
      "p/tests/04-review.json",
      scenario("no fire, no review", { facts: {}, expectNoFinding: [{ rule: "fire-review" }] }),
    );
    const covered = await remit(["coverage", "p", "--format", "markdown"]);
    expect(covered.code).toBe(0);
    expect(covered.stdout).toContain("| `fire-review` 火灾问责 | accountability | must | 3 | `04-review` |");
  });

  it("passes every scenario in the policy's tests folder and exits 0", async () => {
    const { code, stdout } = await remit(["test", "p"]);
    expect(code).toBe(0);
    expect(stdout).toContain("PASS 01-met  T01 has its mechanism");
    expect(stdout).toContain("PASS 02-from");
    expect(stdout).toContain("PASS 03-rejected");
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("3 scenarios: 3 passed, 0 failed");
  });

  it("compares only the subject fields a pattern gives, as `remit test --help` says", async () => {
    put(
      "p/tests/04-by-id.json",
      scenario("subjects named by id only", {
        facts: {},
        expect: [
          { rule: "leadership-mechanism", subject: { id: "T01" }, status: "met" },
          { rule: "leadership-mechanism", subject: "T02", status: "overdue" },
        ],
        expectNoFinding: [{ rule: "leadership-mechanism", subject: { id: "T01" }, status: "overdue" }],
      }),
    );
    const { code, stdout } = await remit(["test", "p"]);
    expect(stdout).toContain("PASS 04-by-id");
    expect(code).toBe(0);
    put(
      "p/tests/05-by-id-wrong.json",
      scenario("a subject named by id that has another status", {
        facts: {},
        expect: [{ rule: "leadership-mechanism", subject: { id: "T01" }, status: "overdue" }],
      }),
    );
    const failing = await remit(["test", "p"]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("FAIL 05-by-id-wrong");
    expect(failing.stdout).toContain('status: expected "overdue", got "met"');
  });

  it("lists the mismatching fields of a failing scenario and exits 1", async () => {
    put(
      "p/tests/04-wrong.json",
      scenario("expects the wrong status", {
        expect: [
          {
            rule: "leadership-mechanism",
            subject: { collection: "townships", id: "T02" },
            status: "met",
            due: "2026-06-30",
          },
        ],
      }),
    );
    const { code, stdout } = await remit(["test", "p"]);
    expect(code).toBe(1);
    expect(stdout).toContain("FAIL 04-wrong  expects the wrong status");
    expect(stdout).toContain("leadership-mechanism townships/T02:");
    expect(stdout).toContain('status: expected "met", got "overdue"');
    // A field that matched is not listed.
    expect(stdout).not.toContain("due: expected");
    expect(stdout).toContain("4 scenarios: 3 passed, 1 failed");
    const zh = await remit(["test", "p", "--lang", "zh"]);
    expect(zh.stdout).toContain("失败 04-wrong");
    expect(zh.stdout).toContain('status：应为 "met"，实际为 "overdue"');
    expect(zh.stdout).toContain("4 个场景：3 个通过，1 个失败");
  });

  it("reports unwanted findings, missing findings, unexpected acceptance and broken files", async () => {
    put(
      "p/tests/05-unwanted.json",
      scenario("no overdue", { expectNoFinding: [{ rule: "leadership-mechanism", status: "overdue" }] }),
    );
    put(
      "p/tests/06-missing.json",
      scenario("no such subject", {
        expect: [{ rule: "leadership-mechanism", subject: { collection: "townships", id: "T09" } }],
      }),
    );
    put(
      "p/tests/07-accepted.json",
      scenario("should be rejected", { expectErrors: [{ path: "townships[0].name" }] }),
    );
    put("p/tests/08-broken.json", "{ not json");
    put("p/tests/09-no-date.json", JSON.stringify({ name: "no date" }));
    const { code, stdout } = await remit(["test", "p"]);
    expect(code).toBe(1);
    expect(stdout).toContain("unexpected finding: leadership-mechanism townships/T02 (overdue)");
    expect(stdout).toContain(
      "no finding of 'leadership-mechanism' townships/T09; the rule has findings for: townships/T01, townships/T02",
    );
    expect(stdout).toContain("expected the facts to be rejected, but they were accepted");
    expect(stdout).toMatch(/FAIL 08-broken\n +scenario file 'p\/tests\/08-broken\.json' is not valid JSON/);
    expect(stdout).toContain("missing 'asOf' date");
    expect(stdout).toContain("8 scenarios: 3 passed, 5 failed");
  });

  it("takes --scenarios DIR, and exits 2 when there is no scenarios folder", async () => {
    put("q/policy.remit", policy);
    put(
      "elsewhere/01.json",
      scenario("met", { base: null, facts, expect: [{ rule: "fire-review", status: "triggered" }] }),
    );
    const given = await remit(["test", "q", "--scenarios", "elsewhere"]);
    expect(given.code).toBe(0);
    expect(given.stdout).toContain("1 scenario: 1 passed, 0 failed");
    const none = await remit(["test", "q"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no scenarios folder 'q/tests': pass --scenarios DIR");
    const missing = await remit(["test", "q", "--scenarios", "nowhere"]);
    expect(missing.code).toBe(2);
  });

  it("documents the scenario format and the exit codes in its help", async () => {
    const { code, stdout } = await remit(["test", "--help"]);
    expect(code).toBe(0);
    for (const field of [
      "asOf",
      "params",
      "base",
      "facts",
      "expect",
      "expectNoFinding",
      "expectErrors",
      "$from",
    ])
      expect(stdout).toContain(field);
    expect(stdout).toContain("Exit codes:");
  });

  it("passes the Ziyuan policy's scenario corpus", async () => {
    const stdout = new MemoryStream();
    const stderr = new MemoryStream();
    const argv = ["test", "policies/ziyuan-2026", "--scenarios", "tests/ziyuan/scenarios"];
    const code = await run(argv, { stdout, stderr, env: {}, cwd: repoRoot });
    expect(stderr.text).toBe("");
    expect(stdout.text).not.toContain("FAIL");
    expect(stdout.text).toMatch(/\n(\d+) scenarios: \1 passed, 0 failed\n$/);
    expect(code).toBe(0);
  });
});

describe("remit explain", () => {
  beforeEach(() => {
    put("p/policy.remit", policy);
    put("facts.json", JSON.stringify(facts));
  });

  it("prints one finding's explanation by id or collection/id", async () => {
    const byId = await remit([
      "explain",
      "p",
      "--facts",
      "facts.json",
      "leadership-mechanism",
      "T02",
      "--lang",
      "en",
    ]);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain("leadership-mechanism");
    expect(byId.stdout).toContain("乡镇 T02: overdue");
    expect(byId.stdout).toContain("Missing: no mechanismOn yet.");
    const byPath = await remit([
      "explain",
      "p",
      "--facts",
      "facts.json",
      "leadership-mechanism",
      "townships/T02",
      "--lang",
      "en",
    ]);
    expect(byPath.stdout).toBe(byId.stdout);
    const zh = await remit([
      "explain",
      "p",
      "--facts",
      "facts.json",
      "leadership-mechanism",
      "T02",
      "--lang",
      "zh",
    ]);
    expect(zh.stdout).not.toBe(byId.stdout);
  });

  it("exits 1 when there is no such finding, listing the rule's findings", async () => {
    const { code, stdout, stderr } = await remit([
      "explain",
      "p",
      "--facts",
      "facts.json",
      "leadership-mechanism",
      "T07",
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "error: no finding of 'leadership-mechanism' for 'T07'; its findings: townships/T01, townships/T02\n",
    );
    const rule = await remit(["explain", "p", "--facts", "facts.json", "no-such-rule", "T01"]);
    expect(rule.code).toBe(1);
    expect(rule.stderr).toContain(
      "no rule 'no-such-rule' in the policy, nor one with a similar id (it has 2 rules)",
    );
    const typo = await remit(["explain", "p", "--facts", "facts.json", "leadership-mechansim", "T01"]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toBe(
      "error: no rule 'leadership-mechansim' in the policy; did you mean 'leadership-mechanism'?\n",
    );
  });

  it("exits 2 on a missing rule or subject, and 1 with no evaluation date", async () => {
    expect((await remit(["explain", "p", "--facts", "facts.json", "leadership-mechanism"])).code).toBe(2);
    expect((await remit(["explain", "p", "leadership-mechanism", "T01"])).code).toBe(2);
    const { asOf: _, ...undated } = facts;
    put("undated.json", JSON.stringify(undated));
    const undatedRun = await remit([
      "explain",
      "p",
      "--facts",
      "undated.json",
      "leadership-mechanism",
      "T01",
    ]);
    expect(undatedRun.code).toBe(1);
    expect(undatedRun.stderr).toContain("no evaluation date");
  });
});

describe("remit export and import", () => {
  it("exports a policy to json-rules-engine rules on stdout or to --out", async () => {
    put("p/policy.remit", policy);
    const { code, stdout, stderr } = await remit(["export", "--to", "json-rules-engine", "p"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const exported = JSON.parse(stdout) as { rules: { name: string }[] };
    expect(exported.rules.map((r) => r.name)).toContain("fire-review:triggered");
    const out = await remit(["export", "--to", "json-rules-engine", "p", "--out", "rules.json"]);
    expect(out).toMatchObject({ code: 0, stdout: "" });
    expect(readFileSync(path.join(root, "rules.json"), "utf8")).toBe(stdout);
  });

  it("reports what json-rules-engine cannot express with a code frame, exits 1, and still writes the rest", async () => {
    put(
      "r/policy.remit",
      `${policy}
accountability many-fires "多起火灾"
  must
  cites 3
  for each t in townships
  as at asOf
  cause "多起火灾" when count(u in townships where u.fires > 0) > 1
`,
    );
    const { code, stdout, stderr } = await remit(["export", "--to", "json-rules-engine", "r"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^r\/policy\.remit:\d+:\d+ error\[R70\d\d\]: /m);
    expect(stderr).toMatch(/\n\d+ \| .*count\(/);
    expect(stderr).toMatch(/\n +\| +\^~+/);
    const names = (JSON.parse(stdout) as { rules: { name: string }[] }).rules.map((r) => r.name);
    expect(names).toContain("fire-review:triggered");
    expect(names.some((n) => n.startsWith("many-fires"))).toBe(false);
  });

  it("imports json-rules-engine rules as a Remit policy that checks", async () => {
    put(
      "rules.json",
      JSON.stringify([
        {
          name: "big fire",
          conditions: { all: [{ fact: "deaths", operator: "greaterThan", value: 2 }] },
          event: { type: "review" },
        },
      ]),
    );
    const { code, stdout } = await remit([
      "import",
      "--from",
      "json-rules-engine",
      "rules.json",
      "--name",
      "火灾",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('policy "火灾"');
    expect(stdout).toContain("deaths: decimal");
    put("imported/policy.remit", stdout);
    expect((await remit(["check", "imported"])).code).toBe(0);
    const written = await remit([
      "import",
      "--from",
      "json-rules-engine",
      "rules.json",
      "--out",
      "out.remit",
    ]);
    expect(written).toMatchObject({ code: 0, stdout: "" });
    expect(readFileSync(path.join(root, "out.remit"), "utf8")).toContain("accountability big-fire");
  });

  it("reports rules it cannot import with the code frame of the rules file and exits 1", async () => {
    put(
      "odd.json",
      '[{"conditions": {"all": [{"fact": "x", "operator": "regexMatch", "value": "a"}]}, "event": {"type": "odd"}}]',
    );
    const { code, stderr } = await remit(["import", "--from", "json-rules-engine", "odd.json"]);
    expect(code).toBe(1);
    expect(stderr).toContain("odd.json:1:1 error[R7102]: the operator 'regexMatch' cannot be imported");
    expect(stderr).toContain('1 | [{"conditions"');
    const notJson = await remit(["import", "--from", "json-rules-engine", put("bad.json", "[")]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain("rules file 'bad.json' is not valid JSON");
  });

  it("exits 2 without --to/--from, with another format, or a missing file", async () => {
    put("p/policy.remit", policy);
    for (const argv of [
      ["export", "p"],
      ["export", "--to", "drools", "p"],
      ["import", "rules.json"],
      ["import", "--from", "json-rules-engine", "missing.json"],
    ]) {
      const result = await remit(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr).toContain(`run 'remit ${argv[0]} --help' for usage`);
    }
  });
});

describe("remit serve", () => {
  it("serves the policies until stopped, then closes and exits 0", async () => {
    put("p/policy.remit", policy);
    put("q/policy.remit", policy.replace('policy "测试政策"', 'policy "另一政策"'));
    const stop = new AbortController();
    const stdout = new MemoryStream();
    const stderr = new MemoryStream();
    const running = run(["serve", "p", "q", "--port", "0"], {
      stdout,
      stderr,
      env: {},
      cwd: root,
      stop: stop.signal,
    });
    // The listening line carries the chosen port; poll the collected output for it.
    let url: string | undefined;
    let exited: number | undefined;
    void running.then((code) => {
      exited = code;
    });
    while (url === undefined && exited === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      url = /serving p at (http:\/\/[^/]+)\//.exec(stderr.text)?.[1];
    }
    expect(stderr.text).toContain("serving p at");
    expect(stderr.text).toContain("serving q at");
    const listed = (await (await fetch(`${url}/v1/policies`)).json()) as unknown;
    expect(JSON.stringify(listed)).toContain("另一政策");
    const response = await fetch(`${url}/v1/policies/p/evaluate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ facts }),
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { findings: { subject: { id: string }; status: string }[] };
    expect(result.findings.find((f) => f.subject.id === "T02")?.status).toBe("overdue");
    stop.abort();
    expect(await running).toBe(0);
    // One JSON log line per request, on stdout.
    const lines = stdout.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { path: string });
    expect(lines.map((l) => l.path)).toEqual(["/v1/policies", "/v1/policies/p/evaluate"]);
  });

  it("exits 1 on a policy with errors and 2 on a bad port or duplicate names", async () => {
    put("bad/policy.remit", 'policy "x"\n\ndefine y = 未知名称\n');
    put("p/policy.remit", policy);
    put("other/p/policy.remit", policy);
    const bad = await remit(["serve", "bad", "--port", "0"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/error\[R\d+\]/);
    expect((await remit(["serve", "p", "--port", "http"])).code).toBe(2);
    expect((await remit(["serve", "p", "--port", "70000"])).code).toBe(2);
    const twice = await remit(["serve", "p", "other/p"]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("two policies would be served as 'p'");
    expect((await remit(["serve"])).code).toBe(2);
  });
});

describe("progress on standard error", () => {
  /** A clock that moves two seconds at every reading: every batch looks slow. */
  function slowClock(): () => number {
    let t = 0;
    return () => (t += 2000);
  }

  it("draws and clears a bar for slow batches on a terminal, never mixing it into stdout", async () => {
    put("p/policy.remit", policy);
    put("p/tests/01.json", scenario("one", { base: null, facts, expect: [{ rule: "fire-review" }] }));
    put("p/tests/02.json", scenario("two", { base: null, facts, expect: [{ rule: "fire-review" }] }));
    const { code, stdout, stderr } = await remit(["test", "p"], { stderrTTY: true, now: slowClock() });
    expect(code).toBe(0);
    expect(stderr).toContain("] 0/2 01");
    expect(stderr).toContain("] 1/2 02");
    // Every bar drawn is erased again.
    expect(stderr.endsWith("\r\u001b[2K")).toBe(true);
    expect(stdout).not.toContain("\r");
  });

  it("draws nothing with --quiet, on a pipe, or for a batch under a second", async () => {
    put("p/policy.remit", policy);
    put("facts.json", JSON.stringify(facts));
    const quiet = await remit(["eval", "p", "--facts", "facts.json", "--quiet"], {
      stderrTTY: true,
      now: slowClock(),
    });
    expect(quiet.stderr).toBe("");
    const pipe = await remit(["eval", "p", "--facts", "facts.json"], { now: slowClock() });
    expect(pipe.stderr).toBe("");
    const fast = await remit(["eval", "p", "--facts", "facts.json"], { stderrTTY: true, now: () => 0 });
    expect(fast.stderr).toBe("");
    const slow = await remit(["eval", "p", "--facts", "facts.json"], { stderrTTY: true, now: slowClock() });
    expect(slow.stderr).toContain("subjects evaluated");
    expect(slow.stdout).toBe(fast.stdout);
    // A program reading JSON gets no bar, even when standard error is a terminal.
    const json = await remit(["eval", "p", "--facts", "facts.json", "--format", "json"], {
      stderrTTY: true,
      now: slowClock(),
    });
    expect(json.stderr).toBe("");
  });

  it("moves with the work on eval: the facts' bytes read, then the subjects evaluated", async () => {
    put("p/policy.remit", policy);
    const townships = Array.from({ length: 600 }, (_, i) => ({
      id: `T${String(i).padStart(4, "0")}`,
      name: `镇${i}`,
      mechanismOn: i % 2 === 0 ? "2026-03-01" : null,
      fires: i % 3,
    }));
    put("facts.json", JSON.stringify({ asOf: "2026-11-28", townships }));
    const size = Buffer.byteLength(JSON.stringify({ asOf: "2026-11-28", townships }));
    const { code, stdout, stderr } = await remit(["eval", "p", "--facts", "facts.json"], {
      stderrTTY: true,
      now: slowClock(),
    });
    expect(code).toBe(0);
    const megabytes = (size / (1024 * 1024)).toFixed(1);
    expect(stderr).toContain(`] 0.0/${megabytes} MB facts.json`);
    expect(stderr).toContain(`] ${megabytes}/${megabytes} MB facts.json`);
    // Every rule's subjects: each rule over the 600 townships, counted as they are evaluated.
    const counts = [...stderr.matchAll(/\] (\d+)\/(\d+) subjects evaluated/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    const total = counts[0]![1]!;
    expect(total % 600).toBe(0);
    expect(counts.map(([done]) => done)).toEqual(
      [0, 256, 512, 768, 1024].filter((n) => n < total).concat(total),
    );
    expect(stderr.endsWith("\r\u001b[2K")).toBe(true);
    expect(stdout).not.toContain("\r");
  });

  it("formats many files with a bar that NO_COLOR leaves uncoloured", async () => {
    for (const n of [1, 2, 3]) put(`many/f${n}.remit`, `policy   "测试${n}"\n`);
    const coloured = await remit(["fmt", "--check", "many"], {
      stderrTTY: true,
      now: slowClock(),
      env: { FORCE_COLOR: "1" },
    });
    expect(coloured.stderr).toContain("\u001b[36m");
    const plain = await remit(["fmt", "--check", "many"], {
      stderrTTY: true,
      now: slowClock(),
      env: { NO_COLOR: "1" },
    });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain("] 2/3 many/f3.remit");
    expect(plain.stderr).not.toContain("\u001b[3");
    expect(plain.stdout).toBe("many/f1.remit\nmany/f2.remit\nmany/f3.remit\n");
  });
});

describe("help", () => {
  it("lists every command, and every command's help documents its exit codes", async () => {
    const general = await remit(["--help"]);
    for (const command of [
      "check",
      "fmt",
      "eval",
      "test",
      "explain",
      "export",
      "import",
      "serve",
      "playground",
      "lsp",
    ]) {
      expect(general.stdout).toContain(`  ${command} `);
      for (const lang of ["en", "zh"]) {
        const { code, stdout } = await remit([command, "--help", "--lang", lang]);
        expect(code).toBe(0);
        expect(stdout).toContain(
          lang === "en"
            ? "Exit codes:\n  0  ok\n  1  problems found: "
            : "退出码：\n  0  正常\n  1  发现问题：",
        );
        expect(stdout).toContain(lang === "en" ? "2  usage error" : "2  用法错误");
      }
    }
  });
});
