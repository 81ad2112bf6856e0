/**
 * The rules docs/language.zh.md states in words, each checked against the implementation with a
 * small Chinese-keyword policy: the deadline and escalation boundaries, the due-soon window,
 * calendar arithmetic, "as at" reading, and the errors the reference promises.
 */
import { addDays, compile, type Finding, formatIsoDate, parseIsoDate } from "@remit/engine";
import { analyze, memoryHost, parse, tokenize } from "@remit/lang";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorsOf, showDiagnostics } from "./src/show.js";

/** The entry module must open with a header; these tests add one unless the policy has its own. */
function withHeader(policy: string): string {
  return policy.trimStart().startsWith("政策") ? policy : `政策 "示例"\n${policy}`;
}

function findingsOf(policy: string, facts: unknown, asOf: string): readonly Finding[] {
  const compiled = compile(withHeader(policy));
  if (!("policy" in compiled))
    throw new Error(`policy does not compile: ${showDiagnostics(compiled.diagnostics)}`);
  const outcome = compiled.policy.evaluate(facts, { asOf });
  if ("errors" in outcome) throw new Error(`facts rejected: ${JSON.stringify(outcome.errors)}`);
  return outcome.result.findings;
}

/** The codes of the errors `analyze` reports for a one-file policy. */
function checkErrors(policy: string): string[] {
  return errorsOf(
    analyze("policy.remit", memoryHost({ "policy.remit": withHeader(policy) })).diagnostics,
  ).map((d) => d.code);
}

/** `start` moved by `days`, as an ISO date. */
function plus(start: string, days: number): string {
  const epoch = parseIsoDate(start);
  if (epoch === undefined) throw new Error(`not a date: '${start}'`);
  return formatIsoDate(addDays(epoch, days));
}

const start = "2026-03-01";

describe("以内 N 天 自 X: day X+N is still in time", () => {
  const policy = (days: number) => `
条款 1 "示例"
集合 隐患 { 发现日期: 日期  挂牌日期: 可选 日期 }
职责 挂牌 "挂牌督办"
  必须
  依据 1
  对于 每个 h 属于 隐患
  要求 h.挂牌日期
  以内 ${days} 天 自 h.发现日期
`;

  it("holds for any N and any day the duty was done", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 90 }), (days, doneAfter) => {
        const facts = { 隐患: [{ id: "H1", 发现日期: start, 挂牌日期: plus(start, doneAfter) }] };
        const [finding] = findingsOf(policy(days), facts, "2026-12-31");
        expect(finding).toMatchObject({
          status: "met",
          due: plus(start, days),
          metOn: plus(start, doneAfter),
        });
        expect(finding?.late ?? false).toBe(doneAfter > days);
      }),
      { numRuns: 40 },
    );
  });
});

describe("status against the due date and the warning window", () => {
  const policy = (warning: number) => `政策 "示例" 预警 ${warning} 天
条款 1 "示例"
记录 县 { 已办: 布尔 }
职责 办理 "办理"
  必须
  依据 1
  对于 县
  要求 县.已办
  截止 2026-03-31
`;
  const facts = { 县: { 已办: false } };

  it("follows the worked example: 31 days before is pending, 30 days before and the due day are due-soon", () => {
    const status = (asOf: string) => findingsOf(policy(30), facts, asOf)[0]?.status;
    expect(status("2026-02-28")).toBe("pending");
    expect(status("2026-03-01")).toBe("due-soon");
    expect(status("2026-03-31")).toBe("due-soon");
    expect(status("2026-04-01")).toBe("overdue");
  });

  it("is overdue from the day after, due-soon within W days, else pending", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: -90, max: 30 }), (warning, offset) => {
        const asOf = plus("2026-03-31", offset);
        const [finding] = findingsOf(policy(warning), facts, asOf);
        const expected = offset > 0 ? "overdue" : -offset <= warning ? "due-soon" : "pending";
        expect(finding?.status).toBe(expected);
        if (offset > 0) expect(finding?.overdueDays).toBe(offset);
      }),
      { numRuns: 40 },
    );
  });
});

describe("升级: a level with 超过 N is reached on day start + N + 1", () => {
  const policy = (days: number) => `
条款 1 "示例"
集合 隐患 { 发现日期: 日期 }
升级 处置 "逐级处置"
  必须
  依据 1
  对于 每个 h 属于 隐患
  起算 h.发现日期
  级别 网格 "网格"
  级别 乡镇 "乡镇" 超过 ${days} 天
`;

  it("follows the worked example: 15 days from 03-01 is still grid on 03-16, township on 03-17", () => {
    const facts = { 隐患: [{ id: "H1", 发现日期: start }] };
    expect(findingsOf(policy(15), facts, "2026-03-16")[0]?.status).toBe("网格");
    expect(findingsOf(policy(15), facts, "2026-03-17")[0]).toMatchObject({
      status: "乡镇",
      reached: { 网格: start, 乡镇: "2026-03-17" },
    });
  });

  it("holds for any N and any evaluation day, and nothing is found before the start", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -5, max: 60 }), (days, age) => {
        const facts = { 隐患: [{ id: "H1", 发现日期: start }] };
        const findings = findingsOf(policy(days), facts, plus(start, age));
        if (age < 0) expect(findings).toEqual([]);
        else expect(findings[0]?.status).toBe(age >= days + 1 ? "乡镇" : "网格");
      }),
      { numRuns: 40 },
    );
  });
});

describe("dates and time", () => {
  it("clamps calendar units to the month's end", () => {
    const policy = `
条款 1 "示例"
记录 县 { 已办: 布尔 }
职责 办理 "办理" 必须 依据 1 对于 县 要求 县.已办 截止 2026-01-31 + 1 个月
`;
    expect(findingsOf(policy, { 县: { 已办: false } }, "2026-01-01")[0]?.due).toBe("2026-02-28");
  });

  it("reads an event date after the as-at date as none, and a planned date as is", () => {
    const policy = `
条款 1 "示例"
集合 隐患 { 发现日期: 日期  整改期限: 计划 日期  整改完成日期: 可选 日期 }
职责 整改 "整改" 必须 依据 1 对于 每个 h 属于 隐患 要求 h.整改完成日期 截止 h.整改期限
`;
    const facts = {
      隐患: [{ id: "H1", 发现日期: start, 整改期限: "2026-12-31", 整改完成日期: "2026-10-20" }],
    };
    expect(findingsOf(policy, facts, "2026-10-15")[0]).toMatchObject({
      status: "pending",
      due: "2026-12-31",
    });
    expect(findingsOf(policy, facts, "2026-10-20")[0]).toMatchObject({ status: "met", metOn: "2026-10-20" });
  });

  it("hides an element of a collection declared 始于 before its date", () => {
    const policy = `
条款 1 "示例"
集合 隐患 始于 发现日期 { 发现日期: 日期  挂牌日期: 可选 日期 }
职责 挂牌 "挂牌" 必须 依据 1 对于 每个 h 属于 隐患 要求 h.挂牌日期 以内 7 天 自 h.发现日期
`;
    const facts = { 隐患: [{ id: "H1", 发现日期: "2026-10-13", 挂牌日期: null }] };
    expect(findingsOf(policy, facts, "2026-10-12")).toEqual([]);
    expect(findingsOf(policy, facts, "2026-10-13")).toHaveLength(1);
  });
});

describe("none", () => {
  it("makes a condition that does not hold, and so does its negation", () => {
    const policy = `
条款 1 "示例"
集合 队伍 { 人数: 可选 整数 }
职责 够 "人数够" 必须 依据 1 对于 每个 t 属于 队伍 要求 t.人数 >= 8 截止 2026-12-31
职责 不够 "人数不够" 必须 依据 1 对于 每个 t 属于 队伍 要求 非 (t.人数 >= 8) 截止 2026-12-31
职责 缺 "人数缺失" 必须 依据 1 对于 每个 t 属于 队伍 要求 t.人数 缺失 截止 2026-12-31
`;
    const findings = findingsOf(policy, { 队伍: [{ id: "T1", 人数: null }] }, "2026-01-01");
    expect(findings.map((f) => [f.rule, f.status])).toEqual([
      ["够", "pending"],
      ["不够", "pending"],
      ["缺", "met"],
    ]);
  });
});

describe("lexical rules", () => {
  it("reads words that start with or contain a keyword as names", () => {
    const { tokens } = tokenize("自建房 年度预算 周期性检查 等级属于", "names.remit");
    expect(tokens.map((t) => [t.image, t.tokenType.name])).toEqual([
      ["自建房", "Identifier"],
      ["年度预算", "Identifier"],
      ["周期性检查", "Identifier"],
      ["等级属于", "Identifier"],
    ]);
  });

  it("names the ASCII character for full-width punctuation and parses on", () => {
    const { module, diagnostics } = parse("参数 期限：时长 = 7 天\n", "p.remit");
    expect(diagnostics.map((d) => d.code)).toEqual(["R1002"]);
    expect(diagnostics[0]?.message.en).toContain("':'");
    expect(module.declarations.map((d) => d.kind)).toEqual(["ParamDecl"]);
  });

  it("calls the built-ins spelt like keywords (text, year, month)", () => {
    expect(
      checkErrors("定义 甲 = text(1)\n定义 乙 = year(2026-01-01)\n定义 丙 = month(2026-01-01)\n"),
    ).toEqual([]);
  });

  it("rejects a date that is not on the calendar", () => {
    expect(checkErrors("定义 甲 = 2026-02-30\n")).toEqual(["R1005"]);
  });

  it("does not chain comparisons", () => {
    const { diagnostics } = parse("定义 甲 = 1 < 2 < 3\n", "p.remit");
    expect(errorsOf(diagnostics).map((d) => d.code)).toEqual(["R2006"]);
  });
});

describe("errors the reference promises", () => {
  it("rejects recursion, direct or through another definition", () => {
    expect(checkErrors("定义 甲(x: 整数): 整数 = 甲(x)\n")).toEqual(["R5008"]);
    expect(checkErrors("定义 甲(x: 整数): 整数 = 乙(x)\n定义 乙(x: 整数): 整数 = 甲(x)\n")).toEqual([
      "R5008",
    ]);
  });

  it("requires a header in the entry module only", () => {
    const files = { "a.remit": '导入 "./b.remit" 作为 乙\n', "b.remit": "定义 甲 = 1\n" };
    expect(errorsOf(analyze("a.remit", memoryHost(files)).diagnostics).map((d) => d.code)).toEqual(["R5009"]);
    const withEntryHeader = { ...files, "a.remit": `政策 "甲"\n${files["a.remit"]}` };
    expect(errorsOf(analyze("a.remit", memoryHost(withEntryHeader)).diagnostics)).toEqual([]);
  });

  it("rejects an import cycle", () => {
    const files = {
      "a.remit": '政策 "甲"\n导入 "./b.remit" 作为 乙\n',
      "b.remit": '导入 "./a.remit" 作为 甲\n',
    };
    expect(errorsOf(analyze("a.remit", memoryHost(files)).diagnostics).map((d) => d.code)).toEqual(["R3002"]);
  });

  it("rejects date minus date, mixed units and exact against calendar durations", () => {
    expect(checkErrors("定义 甲 = 2026-03-01 - 2026-02-01\n")).toEqual(["R4013"]);
    expect(
      checkErrors("参数 人数: 整数 [人] = 1\n参数 面积: 小数 [km2] = 1.0\n定义 甲 = 人数 < 面积\n"),
    ).toEqual(["R4003"]);
    expect(checkErrors("定义 甲 = 30 天 < 1 个月\n")).toEqual(["R4004"]);
  });

  it("accepts a bare literal against a number with a unit", () => {
    expect(checkErrors("参数 人数: 整数 [人] = 1\n定义 甲 = 人数 >= 15\n")).toEqual([]);
  });
});
