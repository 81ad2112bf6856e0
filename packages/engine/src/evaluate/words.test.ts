import { describe, expect, it } from "vitest";
import { compile } from "../policy.js";
import { evaluateOk, findingOf } from "../testing/helpers.js";

const source = (keywords: "en" | "zh"): string =>
  keywords === "zh"
    ? `政策 "试点"
条款 1 "建队"
集合 乡镇 {
  名称: 文本
  建队日期: 可选 日期
  发现日期: 日期
}
职责 建队 "乡镇建立消防队"
  必须
  依据 1
  对于 每个 t 属于 乡镇
  责任主体 t.名称
  要求 t.建队日期
  截止 2026-12-31
升级 督办 "逐级督办"
  必须
  依据 1
  对于 每个 t 属于 乡镇
  责任主体 t.名称
  起算 t.发现日期
  级别 网格
  级别 乡镇级 超过 15 天
  办结 t.建队日期
`
    : `policy "pilot"
clause 1 "teams"
collection towns {
  name: text
  teamOn: optional date
  foundOn: date
}
duty team "towns set up a team"
  must
  cites 1
  for each t in towns
  holder t.name
  requires t.teamOn
  by 2026-12-31
escalation ladder "ladder"
  must
  cites 1
  for each t in towns
  holder t.name
  starts t.foundOn
  level grid
  level town after 15 days
  closes t.teamOn
`;

function tests(keywords: "en" | "zh"): string[] {
  const out = compile(source(keywords));
  if (!("policy" in out)) throw new Error(out.diagnostics.map((d) => d.message.en).join("; "));
  const collection = keywords === "zh" ? "乡镇" : "towns";
  const town =
    keywords === "zh"
      ? { id: "T1", 名称: "甲镇", 建队日期: null, 发现日期: "2026-10-01" }
      : { id: "T1", name: "A", teamOn: null, foundOn: "2026-10-01" };
  const result = evaluateOk(out.policy, { asOf: "2026-11-28", [collection]: [town] });
  const [duty, ladder] = out.policy.rules.map((r) => findingOf(result, r.id, "T1")!);
  return [...duty!.explanation.because, ...ladder!.explanation.because].map((b) => b.test);
}

describe("the words explanations add to a rule's text", () => {
  it("are the rule's keywords: English for a rule written in English", () => {
    expect(tests("en")).toEqual([
      "t.teamOn is set",
      "t.teamOn ≤ 2026-12-31",
      "t.foundOn",
      "t.teamOn is set",
      "level town after 15 days",
    ]);
  });

  it("and Chinese for a rule written in Chinese", () => {
    expect(tests("zh")).toEqual([
      "t.建队日期 有值",
      "t.建队日期 ≤ 2026-12-31",
      "t.发现日期",
      "t.建队日期 有值",
      "级别 乡镇级 超过 15 天",
    ]);
  });
});
