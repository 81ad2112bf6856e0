import { describe, expect, it } from "vitest";
import { format } from "../format/index.js";
import { durationUnitSpelling, keywordSpellings, type OneLanguageKeyword } from "../format/keywords.js";
import { parse } from "../parse/index.js";
import { keywordMeanings } from "./keyword-meanings.js";
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

  it("says what each keyword means in English and in Chinese, and nothing more", () => {
    expect(Object.keys(keywordMeanings).sort()).toEqual(keywords.map((k) => k.name).sort());
    for (const k of keywords) {
      const { en, zh } = keywordMeanings[k.name];
      expect(en).toMatch(/^[a-z`]/);
      expect(zh).toMatch(/^[\p{Script=Han}`]/u);
    }
  });

  it("says what each unit measures, and the formatter prints its first spellings", () => {
    expect(durationUnitKeywords.quarter.measure).toEqual({ unit: "month", factor: 3 });
    expect(durationUnitKeywords.week.measure).toEqual({ unit: "day", factor: 7 });
    expect(durationUnitSpelling("quarter", 2, "en")).toBe("quarters");
    expect(durationUnitSpelling("day", 1, "zh")).toBe("天");
    expect(keywordSpellings.overdueAfter).toEqual({ en: "overdue after", zh: "逾期 超过" });
  });

  it("lets the formatter print every keyword spelt in both languages by its name, and names the others", () => {
    const oneLanguage: readonly OneLanguageKeyword[] = [
      "EveryWeek",
      "EveryMonth",
      "EveryQuarter",
      "EveryHalfYear",
      "EveryYear",
      "MustNot",
      "Half",
      "ClauseText",
      "Every",
      "At",
      "AsAt",
      "Is",
      "Set",
      "Missing",
      "IsSet",
      "IsMissing",
      "Working",
    ];
    const spelt = keywordSpellings as Readonly<Record<string, { en: string; zh: string } | undefined>>;
    for (const k of keywords) {
      const key = `${k.name.charAt(0).toLowerCase()}${k.name.slice(1)}`;
      if (k.en.length === 0 || k.zh.length === 0) {
        expect(oneLanguage, k.name).toContain(k.name);
      } else {
        expect(oneLanguage, k.name).not.toContain(k.name);
        expect(spelt[key], k.name).toEqual({ en: k.en[0], zh: k.zh[0] });
      }
    }
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
