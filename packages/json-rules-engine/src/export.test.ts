import { analyze, boolType, type CheckedPolicy, dateType, type HostFunction, memoryHost } from "@remit/lang";
import { describe, expect, test } from "vitest";
import { exportPolicy, exportPolicyJson } from "./export.js";

const header = `policy "p"
clause 1 "c"
param limit: integer = 3
collection towns {
  name: text
}
collection items since opened {
  n: integer
  m: optional integer
  ok: bool
  opened: date
  done: optional date
  townId -> towns as town
  nums: list integer
}
`;

function checked(rules: string): CheckedPolicy {
  const analyzed = analyze("p.remit", memoryHost({ "p.remit": `${header}${rules}\n` }));
  const errors = analyzed.diagnostics.filter((d) => d.severity === "error");
  if (!analyzed.policy || errors.length > 0) throw new Error(errors.map((d) => d.message.en).join("; "));
  return analyzed.policy;
}

function refusal(rule: string): { code: string; text: string; en: string; zh: string } {
  const policy = checked(rule);
  const { diagnostics, rules } = exportPolicy(policy);
  expect(rules).toEqual([]);
  expect(diagnostics).toHaveLength(1);
  const d = diagnostics[0]!;
  expect(d.severity).toBe("error");
  const source = policy.sources.get(d.span.file)!;
  return {
    code: d.code,
    text: source.slice(d.span.start.offset, d.span.end.offset),
    en: d.message.en,
    zh: d.message.zh,
  };
}

describe("exportPolicy", () => {
  test("one json-rules-engine rule per status, events named <rule>:<status> carrying rule, cites and modality", () => {
    const policy = checked(`duty d "d" must cites 1 for each x in items where x.n > limit requires x.ok
duty w "w" should cites 1 for each x in items requires x.done within 10 days of x.opened
duty a "a" may cites 1 for each x in items requires x.ok
escalation e "e" must cites 1 for each x in items starts x.opened level low level high after 5 days
accountability c "c" must cites 1 for each x in items as at x.opened cause "k" when x.m is missing`);
    const { rules, diagnostics, subjects } = exportPolicy(policy);
    expect(diagnostics).toEqual([]);
    expect(rules.map((r) => r.name)).toEqual([
      "d:met",
      "d:overdue",
      "w:met",
      "w:overdue",
      "w:due-soon",
      "w:pending",
      "a:met",
      "a:advisory",
      // No `closes`: no rule for `closed`, a status that cannot arise.
      "e:low",
      "e:high",
      "c:triggered",
    ]);
    for (const r of rules) expect(r.event.type).toBe(r.name);
    expect(rules[0]!.event.params).toEqual({ rule: "d", cites: ["1"], modality: "must" });
    expect(rules.find((r) => r.name === "c:triggered")!.event.params.causes).toEqual(["k"]);
    expect(subjects).toEqual([{ kind: "collection", name: "items", rules: rules.map((r) => r.name) }]);
  });

  test("targets, the rule's and each cause's, leave the exported rules unchanged", () => {
    const plain = `accountability c "c" must cites 1 for each x in items as at x.opened cause "k" when x.m is missing cause "j" when not x.ok`;
    const targeted = `accountability c "c" must cites 1 for each x in items as at x.opened cause "k" when x.m is missing targets x.town.name, "county" cause "j" when not x.ok targets "bureau" targets "office"`;
    const exported = exportPolicy(checked(targeted));
    expect(exported.diagnostics).toEqual([]);
    expect(exported.rules).toEqual(exportPolicy(checked(plain)).rules);
    expect(exported.rules[0]!.event.params.causes).toEqual(["k", "j"]);
  });

  test("parameters are inlined, and may be overridden at export", () => {
    const policy = checked(`duty d "d" must cites 1 for each x in items requires x.n > limit`);
    const leafOf = (params?: Record<string, unknown>) =>
      JSON.stringify(exportPolicy(policy, params ? { params } : {}).rules[0]!.conditions);
    expect(leafOf()).toContain('"operator":"greaterThan","value":3');
    expect(leafOf({ limit: 7 })).toContain('"operator":"greaterThan","value":7');
    const bad = exportPolicy(policy, { params: { limit: "seven" } });
    expect(bad.diagnostics.map((d) => d.code)).toEqual(["R7010"]);
  });

  test("a date moved by a duration becomes a shifted operator the export lists", () => {
    const { rules, operators } = exportPolicy(
      checked(`duty d "d" must cites 1 for each x in items requires x.opened + 1 month <= asOf - 2 days`),
    );
    expect(JSON.stringify(rules[0]!.conditions)).toContain(
      '"operator":"dateLessThanOrEqual(+1m;-2d)","value":{"fact":"asOf"}',
    );
    expect(operators.map((o) => o.name)).toContain("dateLessThanOrEqual(+1m;-2d)");
  });

  test("a rule that cannot be exported gets a diagnostic; the others still export", () => {
    const { rules, diagnostics } = exportPolicy(
      checked(`duty d "d" must cites 1 for each x in items requires x.ok
duty e "e" must cites 1 for each x in items requires x.town.name = "a"`),
    );
    expect(rules.map((r) => r.name)).toEqual(["d:met", "d:overdue"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["R7002"]);
  });

  test.each([
    ["R7001", `count(y in items where y.ok) > 2`, "count"],
    ["R7002", `x.town.name = "a"`, "x.town.name"],
    ["R7004", `x.n + x.m > 3`, "x.n + x.m"],
    ["R7005", `year(x.opened) = 2026`, "year(x.opened)"],
    ["R7005", `length(x.nums) > 0`, "length(x.nums)"],
    [
      "R7006",
      `2 in x.nums and (if x.ok then x.n else x.m) in [1, 2]`,
      "(if x.ok then x.n else x.m) in [1, 2]",
    ],
  ])("refuses %s, naming the construct and its span", (code, requirement, text) => {
    const r = refusal(`duty d "d" must cites 1 for each x in items requires ${requirement}`);
    expect(r.code).toBe(code);
    expect(r.text).toBe(code === "R7001" ? `count(y in items where y.ok)` : text);
    expect(r.en).toContain(text);
    expect(r.zh).toContain(text);
    expect(r.en).toMatch(/^[a-z'].*[^.]$/);
  });

  test("refuses a host function's call, naming the function in both languages", () => {
    // Any host function will do: json-rules-engine cannot run the host's code.
    const isHoliday: HostFunction = {
      name: "isHoliday",
      spellings: { en: "isHoliday", zh: "是假日" },
      signature: { parameters: [dateType()], result: boolType, propagatesNone: true },
      docs: { parameters: ["d"], meaning: { en: "whether d is a holiday", zh: "d 是否为假日" } },
      implementation: () => false,
    };
    const source = `${header}duty d "d" must cites 1 for each x in items requires x.ok or isHoliday(x.opened)\n`;
    const analyzed = analyze("p.remit", memoryHost({ "p.remit": source }), { functions: [isHoliday] });
    const { rules, diagnostics } = exportPolicy(analyzed.policy!);
    expect(rules).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.message.en, d.message.zh])).toEqual([
      [
        "R7011",
        "the host function 'isHoliday' runs only in the Remit engine and cannot be exported to json-rules-engine",
        "宿主函数“isHoliday”只在 Remit 引擎中运行，无法导出为 json-rules-engine 规则",
      ],
    ]);
    expect(diagnostics[0]!.hint?.zh).toContain("Remit 引擎");
  });

  test("refuses rules that need the policy's calendar once each (R7012), and exports the others", () => {
    const withCalendar = header.replace('policy "p"', 'policy "p" calendar "cn-mainland"');
    const source = `${withCalendar}param answerDays: duration = 20 working days
define due(x: items) = x.opened + answerDays
duty a "a" must cites 1 for each x in items requires x.done within 20 working days of x.opened
duty b "b" must cites 1 for each x in items requires x.done by due(x)
duty c "c" must cites 1 for each x in items requires x.done within 20 days of x.opened excluding x.opened to x.done
duty d "d" must cites 1 for each x in items requires x.done within 20 days of x.opened
`;
    const analyzed = analyze("p.remit", memoryHost({ "p.remit": source }));
    expect(analyzed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const { rules, diagnostics } = exportPolicy(analyzed.policy!);
    expect(diagnostics.map((d) => [d.code, d.span.start.line, d.message.en])).toEqual([
      [
        "R7012",
        18,
        "'20 working days' counts working days or pauses on the policy's calendar and cannot be exported to json-rules-engine",
      ],
      [
        "R7012",
        19,
        "'due(x)' counts working days or pauses on the policy's calendar and cannot be exported to json-rules-engine",
      ],
      [
        "R7012",
        20,
        "'excluding x.opened to x.done' counts working days or pauses on the policy's calendar and cannot be exported to json-rules-engine",
      ],
    ]);
    expect(diagnostics[0]!.message.zh).toContain("按政策的日历计算工作日或扣除期间");
    expect(new Set(rules.map((r) => (r.event.params as { rule: string }).rule))).toEqual(new Set(["d"]));
  });

  test("refuses every within deadline of a policy that rolls a last day off over (R7012)", () => {
    const source = `${header.replace('policy "p"', 'policy "p" calendar "cn-mainland" rollover')}duty d "d" must cites 1 for each x in items requires x.done within 20 days of x.opened
`;
    const analyzed = analyze("p.remit", memoryHost({ "p.remit": source }));
    expect(exportPolicy(analyzed.policy!).diagnostics.map((d) => d.code)).toEqual(["R7012"]);
  });

  test("folds a built-in call on constants to its value, computed by the engine's implementation", () => {
    const folded = exportPolicy(
      checked(
        `duty d "d" must cites 1 for each x in items requires x.n > year(2026-03-31) - 2000 + month(endOfQuarter(2026-02-01)) + daysBetween(2026-01-01, 2026-01-11) + length([1, 2])`,
      ),
    );
    const plain = exportPolicy(checked(`duty d "d" must cites 1 for each x in items requires x.n > 41`));
    expect(folded.diagnostics).toEqual([]);
    // 26 + 3 + 10 + 2
    expect(JSON.stringify(folded.rules)).toBe(JSON.stringify(plain.rules));
  });

  test("refuses a construct inside a definition once, however many rules call it", () => {
    const { rules, diagnostics } = exportPolicy(
      checked(`define busy(x: items): bool = count(y in items where y.ok) > 2
duty d "d" must cites 1 for each x in items requires busy(x)
duty e "e" must cites 1 for each x in items requires busy(x) and x.ok
duty f "f" must cites 1 for each x in items requires x.ok`),
    );
    expect(rules.map((r) => r.name)).toEqual(["f:met", "f:overdue"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["R7001"]);
  });

  test("translates a prohibition: violated once the forbidden date is on or before asOf, or the condition holds", () => {
    const byDate = exportPolicy(checked(`duty d "d" must not cites 1 for each x in items forbids x.done`));
    expect(byDate.diagnostics).toEqual([]);
    expect(byDate.rules.map((r) => r.name)).toEqual(["d:met", "d:violated"]);
    const byCondition = exportPolicy(checked(`duty d "d" must not cites 1 for each x in items forbids x.ok`));
    expect(byCondition.rules.map((r) => r.name)).toEqual(["d:met", "d:violated"]);
  });

  test("refuses a recurring deadline with an offset after the period's end, like any recurring one", () => {
    expect(
      refusal(
        `duty d "d" must cites 1 for each x in items requires x.ok every half year from 2026-01-01 within 15 days after end`,
      ).code,
    ).toBe("R7003");
  });

  test("refuses recurring deadlines, subjects that are not a collection, and computed event dates", () => {
    expect(
      refusal(`duty d "d" must cites 1 for each x in items requires x.ok every month from 2026-01-01`).code,
    ).toBe("R7003");
    expect(
      refusal(
        `accountability c "c" must cites 1 for each x in items as at x.opened + 1 day cause "k" when x.ok`,
      ).code,
    ).toBe("R7009");
  });

  test("refuses a field that would shadow the asOf fact", () => {
    const analyzed = analyze(
      "p.remit",
      memoryHost({
        "p.remit": `policy "p"\nclause 1 "c"\ncollection xs { asOf: date }\nduty d "d" must cites 1 for each x in xs requires x.asOf is set\n`,
      }),
    );
    const { diagnostics } = exportPolicy(analyzed.policy!);
    expect(diagnostics.map((d) => d.code)).toEqual(["R7008"]);
  });

  test("JSON text holds rules, operators and subjects", () => {
    const { json, diagnostics } = exportPolicyJson(
      checked(`duty d "d" must cites 1 for each x in items requires x.done is set`),
    );
    expect(diagnostics).toEqual([]);
    const parsed = JSON.parse(json) as {
      rules: unknown[];
      operators: { name: string }[];
      subjects: unknown[];
    };
    expect(parsed.rules).toHaveLength(2);
    expect(parsed.operators.map((o) => o.name)).toEqual(["dateLessThanOrEqual", "isSet"]);
    expect(json.endsWith("\n")).toBe(true);
  });
});

describe("subjects other than a collection's elements", () => {
  test("a top-level record and the policy itself are judged once, like Remit", async () => {
    const { compileChecked } = await import("@remit/engine");
    const { prepareEngines, runExported } = await import("./runtime.js");
    const analyzed = analyze(
      "p.remit",
      memoryHost({
        "p.remit": `policy "p"
clause 1 "c"
record county { id: text published: optional date size: integer }
duty published "published" must cites 1 for county requires county.published by 2026-03-01
duty large "large" should cites 1 for county requires county.size > 10
duty started "started" must cites 1 requires asOf >= 2026-02-01
`,
      }),
    );
    const policy = analyzed.policy!;
    const exported = exportPolicy(policy);
    expect(exported.diagnostics).toEqual([]);
    expect(exported.subjects.map((s) => `${s.kind} ${s.name}`)).toEqual(["record county", "policy p"]);
    const prepared = prepareEngines(exported);
    for (const [asOf, published, size] of [
      ["2026-01-15", null, 3],
      ["2026-02-15", "2026-02-20", 11],
      ["2026-03-02", "2026-02-20", 10],
      ["2026-03-02", null, 12],
    ] as const) {
      const facts = { asOf, county: { id: "ZY", published, size } };
      const outcome = compileChecked(policy).evaluate(facts);
      if (!("result" in outcome)) throw new Error(JSON.stringify(outcome.errors));
      const remit = outcome.result.findings
        .map((f) => `${f.rule} ${f.subject.collection}/${f.subject.id} ${f.status}`)
        .sort();
      const jre = (await runExported(policy, prepared, facts, asOf))
        .map((d) => `${d.rule} ${d.subject.collection}/${d.subject.id} ${d.status}`)
        .sort();
      expect(jre).toEqual(remit);
      expect(jre).toHaveLength(3);
    }
  });
});
