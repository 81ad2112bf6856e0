import { dateType, type HostFunction, numberType } from "@remit/lang";
import { describe, expect, it } from "vitest";
import { parseCalendar } from "./calendar/index.js";
import { loadPolicy } from "./load.js";
import { compile, serializePolicy } from "./policy.js";
import { evaluateOk, findingOf } from "./testing/helpers.js";

/** `plusDays(d, n)`, a host function whose implementation the loading host must pass again. */
const plusDays: HostFunction = {
  name: "plusDays",
  spellings: { en: "plusDays", zh: "加天数" },
  signature: {
    parameters: [dateType(), numberType(true, undefined)],
    result: dateType(true),
    propagatesNone: true,
  },
  docs: { parameters: ["d", "n"], meaning: { en: "`n` days after `d`", zh: "`d` 之后 `n` 天" } },
  implementation: ([day, count]) => (day as number) + (count as number),
};

function compiled(source: string, options: Parameters<typeof compile>[1] = {}) {
  const outcome = compile(source, options);
  if (!("policy" in outcome)) throw new Error(outcome.diagnostics.map((d) => d.message.en).join("; "));
  return outcome.policy;
}

const withHostFunction = `policy "p"
clause 1 "c"
collection cases { opened: optional date  closed: optional date }
duty d "d" must cites 1 for each c in cases requires c.closed by plusDays(c.opened, 3)
`;

describe("loadPolicy", () => {
  it("runs a host function the loading host passes again, by name", () => {
    const text = serializePolicy(compiled(withHostFunction, { functions: [plusDays] }));
    const loaded = loadPolicy(text, { functions: [plusDays] });
    if (!("policy" in loaded)) throw new Error(JSON.stringify(loaded.errors));
    const facts = {
      asOf: "2026-06-30",
      cases: [
        { id: "a", opened: "2026-06-01", closed: "2026-06-04" },
        { id: "b", opened: "2026-06-01", closed: "2026-06-05" },
      ],
    };
    const result = evaluateOk(loaded.policy, facts);
    expect(findingOf(result, "d", "a")).toMatchObject({ status: "met", due: "2026-06-04" });
    expect(findingOf(result, "d", "b")).toMatchObject({ due: "2026-06-04", metOn: "2026-06-05" });
  });

  it("names a host function the loading host left out, in English and Chinese", () => {
    const text = serializePolicy(compiled(withHostFunction, { functions: [plusDays] }));
    const loaded = loadPolicy(text);
    expect(loaded).toEqual({
      errors: [
        {
          code: "missing-host-function",
          message: {
            en: 'the policy calls the host function "plusDays", which options.functions does not provide',
            zh: "政策调用了宿主函数“plusDays”，但 options.functions 未提供",
          },
        },
      ],
    });
  });

  it("needs a host calendar again, and says so when it is missing", () => {
    const base = parseCalendar({
      name: "county",
      source: "test",
      years: { "2026": { daysOff: {}, workingDays: {} } },
    });
    if ("errors" in base) throw new Error("valid calendar");
    const text = serializePolicy(compiled('policy "p" calendar "county"\n', { calendars: [base.calendar] }));
    expect("policy" in loadPolicy(text, { calendars: [base.calendar] })).toBe(true);
    expect(loadPolicy(text)).toEqual({
      errors: [
        {
          code: "unknown-calendar",
          message: {
            en: 'the policy names the calendar "county", which is neither built in nor in options.calendars',
            zh: "政策指定的日历“county”既非内置日历，也不在 options.calendars 中",
          },
        },
      ],
    });
  });

  it("refuses text that is not a compiled policy, and another format version", () => {
    for (const text of ["", "{}", "[1]", "not json", JSON.stringify({ format: "x" })])
      expect(loadPolicy(text)).toMatchObject({ errors: [{ code: "malformed-checked-policy" }] });
    const text = serializePolicy(compiled('policy "p"\n'));
    const older = text.replace(/"version":\d+/, "").replace(/,"version"/, ""); // drop the field
    expect(loadPolicy(older)).toMatchObject({ errors: [{ code: "malformed-checked-policy" }] });
    const graph = JSON.parse(text) as unknown[];
    const envelope = graph[0] as Record<string, number>;
    graph[envelope.version!] = 99;
    expect(loadPolicy(JSON.stringify(graph))).toEqual({
      errors: [
        {
          code: "unsupported-checked-policy",
          message: {
            en: "the checked policy is in format version 99; this version of Remit reads version 1: compile the policy again",
            zh: "已检查政策的格式版本为 99，本版本 Remit 读取版本 1：请重新编译政策",
          },
        },
      ],
    });
  });
});
