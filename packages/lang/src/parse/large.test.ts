import { describe, expect, it } from "vitest";
import { analyze } from "../check/analyze.js";
import { memoryHost } from "../modules/host.js";
import { parse } from "./parse.js";

/** Seven declarations, every name and clause id carrying `n`, so copies do not clash. */
function declarations(n: number): string {
  return `
clause ${n}.1 "隐患整改 ${n}" text "重大火灾隐患限期整改"

param listing${n}: duration = 7 days "挂牌督办期限"

type Level${n} = enum("一般", "重大")

collection hazards${n} "火灾隐患" since foundOn {
  level: Level${n}
  foundOn: date
  listedOn: optional date
  fixedBy: optional planned date
}

define isMajor${n}(h: hazards${n}): bool = h.level = "重大" and not (h.listedOn is set)

duty list-major${n} "重大隐患挂牌 ${n}"
  must
  cites ${n}.1
  for each h in hazards${n} where isMajor${n}(h)
  holder "乡镇政府"
  requires h.listedOn is set
  within listing${n} of h.foundOn

escalation fix-c${n} "隐患整改 ${n}"
  must
  cites ${n}.1
  for each h in hazards${n}
  holder "网格员"
  starts h.foundOn
  level grid "网格" after 0 days
  level county "县" after 15 days
  closes h.fixedBy
`;
}

const perCopy = 7;

function largePolicy(minimumLength: number): { text: string; copies: number } {
  const parts = ['policy "大文件"\n  version "1.0.0"\n'];
  let length = parts[0]?.length ?? 0;
  let copies = 0;
  while (length < minimumLength) {
    const part = declarations(copies + 1);
    parts.push(part);
    length += part.length;
    copies++;
  }
  return { text: parts.join(""), copies };
}

// Generous time limits: these read megabytes, and the suite may share the machine.
describe("a large policy", () => {
  it("parses 2 MB into every declaration, in order", () => {
    const { text, copies } = largePolicy(2 * 1024 * 1024);
    const result = parse(text, "large.remit");
    expect(result.diagnostics).toEqual([]);
    const declared = result.module.declarations;
    expect(declared).toHaveLength(copies * perCopy);
    expect(declared.filter((d) => d.kind === "DutyRule")).toHaveLength(copies);
    const last = declared[declared.length - 1];
    expect(last?.kind === "EscalationRule" ? last.id.text : undefined).toBe(`fix-c${copies}`);
    expect(last?.span.end.line).toBe(text.slice(0, last?.span.end.offset).split("\n").length);
    const starts = declared.map((d) => d.span.start.offset);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  }, 300_000);

  it("checks a policy of many declarations without a diagnostic", () => {
    const { text, copies } = largePolicy(200 * 1024);
    const result = analyze("policy.remit", memoryHost({ "policy.remit": text }));
    expect(result.diagnostics).toEqual([]);
    expect(result.policy?.rules).toHaveLength(copies * 2);
  }, 300_000);
});
