import { describe, expect, it } from "vitest";
import { format } from "../format/index.js";
import { durationUnitSpelling, keywordSpellings } from "../format/keywords.js";
import { parse } from "../parse/index.js";
import { durationUnitKeywords, keywords, modalityKeywords, recurrenceKeywords } from "./keywords.js";

describe("the keyword table", () => {
  it("gives every spelling to one keyword only", () => {
    const spellings = keywords.flatMap((k) => [...k.en, ...k.zh]);
    expect(spellings.length).toBe(new Set(spellings).size);
  });

  it("spells every keyword in at least one language, and its groups are entries of it", () => {
    for (const k of keywords) expect(k.en.length + k.zh.length).toBeGreaterThan(0);
    for (const group of [modalityKeywords, durationUnitKeywords, recurrenceKeywords]) {
      for (const k of Object.values(group)) expect(keywords).toContain(k);
    }
  });

  it("says what each unit measures, and the formatter prints its first spellings", () => {
    expect(durationUnitKeywords.quarter.measure).toEqual({ unit: "month", factor: 3 });
    expect(durationUnitKeywords.week.measure).toEqual({ unit: "day", factor: 7 });
    expect(durationUnitSpelling("quarter", 2, "en")).toBe("quarters");
    expect(durationUnitSpelling("day", 1, "zh")).toBe("天");
    expect(keywordSpellings.overdueAfter).toEqual({ en: "overdue after", zh: "逾期 超过" });
  });

  it("drives the lexer, the builder and the formatter alike: a policy's keywords translate both ways", () => {
    const source = `policy "p"
clause 1 "c"
collection items { opened: date  done: optional date }
duty d "d" should cites 1 for each x in items requires x.done within 2 quarters of x.opened
`;
    const zh = format(source, "p.remit", { keywords: "zh" });
    expect(zh.diagnostics).toEqual([]);
    expect(zh.text).toContain("宜");
    expect(zh.text).toContain("2 个季度");
    expect(parse(zh.text, "p.remit").diagnostics).toEqual([]);
    expect(format(zh.text, "p.remit", { keywords: "en" }).text).toBe(format(source, "p.remit").text);
  });
});
