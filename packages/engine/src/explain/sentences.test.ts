/**
 * Golden explanations, one or more per rule kind, in both languages: a duty met late (due date
 * derived from a `within`), a `should` duty past its date, a recurring duty met and one pending,
 * an escalation moved up for being overdue, and an accountability finding. The policy and facts
 * are in testdata/; a change to the wording shows here as a diff to review.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../policy.js";
import type { Finding } from "../result.js";
import { periodWords, valueWords } from "./words.js";

const read = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), "utf8");
const compiled = compile(read("sentences.remit"));
if (!("policy" in compiled)) throw new Error(compiled.diagnostics.map((d) => d.message.en).join("\n"));
const outcome = compiled.policy.evaluate(JSON.parse(read("sentences.facts.json")));
if ("errors" in outcome) throw new Error(JSON.stringify(outcome.errors));
const findings = outcome.result.findings;

function text(rule: string, period?: string): Finding["explanation"]["text"] {
  return findings.find((f) => f.rule === rule && f.period === period)?.explanation.text;
}

describe("explanations in sentences", () => {
  it("a duty met late: the due date derived from its start, how late it was met", () => {
    expect(text("listing")).toEqual({
      zh: [
        "要求（必须）：有挂牌日期。",
        "期限：发现日期 2026-10-01 起 7 天内，即 2026-10-08 前。",
        "事实：挂牌日期 2026-10-20，晚于期限 12 天。",
        "已完成，逾期完成。",
      ].join("\n"),
      en: [
        "Requires (must): 挂牌日期 recorded.",
        "Due: within 7 days of 发现日期 2026-10-01, that is by 2026-10-08.",
        "The facts show: 挂牌日期 2026-10-20, 12 days after the due date.",
        "Done, late.",
      ].join("\n"),
    });
  });

  it("a should duty past its date: what holds, what is not yet met, advisory", () => {
    expect(text("team")).toEqual({
      zh: [
        "要求（宜）：已建立消防队，且研判会议日期中数量多于 1。",
        "期限：2026-06-30 前。",
        "事实：并非已建立消防队；研判会议日期中数量（1）不超过 1。",
        "尚未满足：已建立消防队；研判会议日期中数量多于 1。",
        "尚未完成，已过期限 151 天：属建议性要求，不属违规。",
      ].join("\n"),
      en: [
        "Requires (should): 已建立消防队 and the number of 研判会议日期 is more than 1.",
        "Due: by 2026-06-30.",
        "The facts show: not 已建立消防队; the number of 研判会议日期 (1) is at most 1.",
        "Not yet met: 已建立消防队; the number of 研判会议日期 is more than 1.",
        "Not done, 151 days past the date: advisory, not a violation.",
      ].join("\n"),
    });
  });

  it("a recurring duty: the period in words, met on the day its condition was reached", () => {
    expect(text("analysis", "2026-Q3")?.zh.split("\n")).toEqual([
      "要求（必须）：研判会议日期中该项在本周期内的数量不少于每季度检查次数（以研判会议日期中该项在本周期内的最晚一项为完成日期）。",
      "期限：每季度一次；2026年第三季度的期限为 2026-09-30。",
      "事实：研判会议日期中该项在本周期内的最晚一项 2026-08-01，在期限内。",
      "已完成。",
    ]);
    expect(text("analysis", "2026-Q4")?.en.split("\n")).toEqual([
      "Requires (must): the number of 研判会议日期 where it is in the period is at least 每季度检查次数 (done on the latest of 研判会议日期 where it is in the period).",
      "Due: once every quarter; for Q4 2026, by 2026-12-31.",
      "The facts show: the number of 研判会议日期 where it is in the period (0) is less than 每季度检查次数 (1).",
      "Not done yet, not yet due.",
    ]);
  });

  it("an escalation: its start, each level with its label and date, closing and overdue", () => {
    expect(text("ladder")).toEqual({
      zh: [
        "起算：发现日期 2026-10-01。",
        "级别：网格（起算即处于，2026-10-01 到达）；乡（镇）（超过 15 天，2026-10-17 到达）；县（超过 30 天，2026-11-01 到达）。",
        "尚未办结：尚无整改完成日期。",
        "整改期限 2026-11-10 已过，逾期上升一级。",
        "现处于：县，由网格员负责。",
      ].join("\n"),
      en: [
        "Starts: 发现日期 2026-10-01.",
        "Levels: 网格 (from the start; reached 2026-10-01); 乡（镇） (after 15 days; reached 2026-10-17); 县 (after 30 days; reached 2026-11-01).",
        "Not closed: no 整改完成日期 yet.",
        "整改期限 2026-11-10 has passed: moved up one level.",
        "Now at: 县, held by 网格员.",
      ].join("\n"),
    });
  });

  it("accountability: the event described and each cause in words", () => {
    expect(text("fire")).toEqual({
      zh: [
        "事件：2026-08-03，火灾 F01（资源镇）：死亡人数（1）多于 0。",
        "按 2026-08-03 的情况判定。",
        "原因“消防队不健全”成立：并非已建立消防队。",
        "原因“无研判会议”不成立：研判会议日期中该项不晚于发生日期的数量（1）不为 0。",
        "问责对象：资源镇人民政府。",
      ].join("\n"),
      en: [
        "The event: on 2026-08-03, 火灾 F01 (资源镇): 死亡人数 (1) is more than 0.",
        "Judged as at 2026-08-03.",
        'Cause "消防队不健全" holds: not 已建立消防队.',
        'Cause "无研判会议" does not hold: the number of 研判会议日期 where it is on or before 发生日期 (1) is not 0.',
        "Held to account: 资源镇人民政府.",
      ].join("\n"),
    });
  });

  it("names the subject by the collection's named path, through a reference", () => {
    expect(findings.find((f) => f.rule === "listing")?.subject).toEqual({
      collection: "hazards",
      id: "H01",
      name: "竹木加工厂",
    });
    expect(findings.find((f) => f.rule === "fire")?.subject.name).toBe("资源镇");
  });

  it("words periods and durations", () => {
    expect(periodWords("2026-Q1", "zh")).toBe("2026年第一季度");
    expect(periodWords("2026-07", "en")).toBe("July 2026");
    expect(periodWords("2026-W27", "zh")).toBe("2026年第27周");
    expect(periodWords("2026", "zh")).toBe("2026年");
    expect(valueWords("6 months", "zh")).toBe("6 个月");
    expect(valueWords(null, "zh")).toBe("空");
  });
});
