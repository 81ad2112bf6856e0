import { dateType, type HostFunction, numberType } from "@remit/lang";
import { describe, expect, it } from "vitest";
import { formatIsoDate, parseIsoDate } from "../calendar/index.js";
import { compile } from "../policy.js";
import { evaluateOk, findingOf } from "../testing/helpers.js";

const isWeekend = (day: number): boolean => [2, 3].includes(((day % 7) + 7) % 7); // 1970-01-01 was a Thursday

/** `addWorkingDays(d, n)`: a calendar's function, as a host plugs it in. */
function addWorkingDays(calls: { count: number }): HostFunction {
  return {
    name: "addWorkingDays",
    spellings: { en: "addWorkingDays", zh: "加工作日" },
    signature: {
      parameters: [dateType(), numberType(true, undefined)],
      result: dateType(true),
      propagatesNone: true,
    },
    docs: {
      parameters: ["d", "n"],
      meaning: { en: "`n` working days after `d`", zh: "`d` 之后第 `n` 个工作日" },
    },
    implementation: ([start, count]) => {
      calls.count++;
      let day = start as number;
      for (let left = count as number; left > 0; ) {
        day++;
        if (!isWeekend(day)) left--;
      }
      return day;
    },
  };
}

function policyWith(fn: HostFunction, requirement: string) {
  const source = `policy "p"
clause 1 "c"
collection cases { opened: optional date  closed: optional date }
duty d "d" must cites 1 for each c in cases requires ${requirement}
`;
  // Through the public entry point: `compile` hands the host's functions to the checker.
  const compiled = compile(source, { functions: [fn] });
  if (!("policy" in compiled)) throw new Error(compiled.diagnostics.map((d) => d.message.en).join("; "));
  return compiled.policy;
}

describe("host functions", () => {
  it("are run by the engine where the policy calls them, in either spelling", () => {
    for (const spelling of ["addWorkingDays", "加工作日"]) {
      const policy = policyWith(addWorkingDays({ count: 0 }), `c.closed by ${spelling}(c.opened, 3)`);
      // Friday 2026-12-04 + 3 working days: Wednesday 2026-12-09.
      const facts = { cases: [{ id: "a", opened: "2026-12-04", closed: "2026-12-09" }] };
      const finding = findingOf(evaluateOk(policy, facts, { asOf: "2026-12-31" }), "d", "a");
      expect(finding).toMatchObject({ status: "met", due: "2026-12-09", metOn: "2026-12-09" });
    }
  });

  it("see dates as epoch days and give them back as such", () => {
    const calls = { count: 0 };
    const fn = addWorkingDays(calls);
    const friday = parseIsoDate("2026-12-04")!;
    expect(formatIsoDate(fn.implementation([friday, 1]) as number)).toBe("2026-12-07");
    expect(calls.count).toBe(1);
  });

  it("are not called with none when their signature propagates it: the result is none", () => {
    const calls = { count: 0 };
    const policy = policyWith(addWorkingDays(calls), `c.closed by addWorkingDays(c.opened, 3)`);
    const facts = { cases: [{ id: "a", opened: null, closed: "2026-12-09" }] };
    const finding = findingOf(evaluateOk(policy, facts, { asOf: "2026-12-31" }), "d", "a");
    expect(calls.count).toBe(0);
    expect(finding?.due).toBeUndefined();
  });
});
