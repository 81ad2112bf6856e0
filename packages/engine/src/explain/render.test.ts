import { describe, expect, it } from "vitest";
import { countyFacts } from "../testing/county.js";
import { countyPolicyCompiled, evaluateOk, findingOf } from "../testing/helpers.js";
import { findingStatusWords, renderExplanation } from "./render.js";

const result = evaluateOk(countyPolicyCompiled(), countyFacts());

describe("renderExplanation", () => {
  it("heads a finding with its title, rule, modality, subject and status, then its sentences", () => {
    const finding = findingOf(result, "major-hazard-listing", "H0303")!;
    const en = renderExplanation(finding, "en").split("\n");
    expect(en[0]).toBe("major hazard listing (major-hazard-listing, must) — hazards H0303: met (late)");
    expect(en).toContain("Done, late.");
    const zh = renderExplanation(finding, "zh").split("\n");
    expect(zh[0]).toBe(
      "major hazard listing（major-hazard-listing，必须）——hazards H0303：已完成（逾期完成）",
    );
    expect(zh.slice(-(finding.explanation.text?.zh.split("\n").length ?? 0))).toEqual(
      finding.explanation.text?.zh.split("\n"),
    );
  });

  it("shows a should-duty past its date as not done (advisory), never as overdue", () => {
    const finding = findingOf(result, "major-hazard-listing", "H0303")!;
    const advisory = { ...finding, modality: "should" as const, status: "overdue" as const, late: undefined };
    expect(findingStatusWords(advisory, "zh")).toBe("未完成（建议）");
    expect(findingStatusWords(advisory, "en")).toBe("not done (advisory)");
  });

  it("falls back to the condition tree for a finding made without sentences", () => {
    const finding = findingOf(result, "township-organised", "T03")!;
    const { text: _text, ...tree } = finding.explanation;
    const zh = renderExplanation({ ...finding, explanation: tree }, "zh");
    expect(zh).toContain("- hasTeam(t): 否");
    expect(zh).toContain("尚缺：\n- hasTeam(t) 不成立");
  });

  it("records the fact values a condition read", () => {
    const finding = findingOf(result, "major-hazard-listing", "H0303")!;
    expect(finding.explanation.because[0]).toEqual({ test: "h.listedOn is set", value: "2026-10-20" });
    expect(finding.explanation.because[1]).toEqual({
      test: "h.listedOn ≤ h.foundOn + listing",
      value: false,
      values: { "h.foundOn + listing": "2026-10-08" },
    });
  });
});
