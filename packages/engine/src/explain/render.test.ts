import { describe, expect, it } from "vitest";
import { countyFacts } from "../testing/county.js";
import { countyPolicyCompiled, evaluateOk, findingOf } from "../testing/helpers.js";
import { renderExplanation } from "./render.js";

const result = evaluateOk(countyPolicyCompiled(), countyFacts());

describe("renderExplanation", () => {
  it("explains a late duty in English with the values that decided it", () => {
    const text = renderExplanation(findingOf(result, "major-hazard-listing", "H0303")!, "en");
    expect(text).toContain("major-hazard-listing (major hazard listing) for hazards H0303: met");
    expect(text).toContain("due 2026-10-08, met on 2026-10-20 (late)");
    expect(text).toContain("- h.listedOn ≤ h.foundOn + listing: no");
  });

  it("explains an unmet duty in Chinese with what is missing", () => {
    const text = renderExplanation(findingOf(result, "township-organised", "T03")!, "zh");
    expect(text).toContain("：未到期");
    expect(text).toContain("- hasTeam(t): 否");
    expect(text).toContain("尚缺：\n- hasTeam(t) 不成立");
  });

  it("explains an escalation and an accountability finding", () => {
    expect(renderExplanation(findingOf(result, "general-hazard-ladder", "H0501")!, "en")).toContain(
      "levels reached: grid on 2026-11-20, township on 2026-11-26 (overdue)",
    );
    const zh = renderExplanation(findingOf(result, "fire-accountability", "F0201")!, "zh");
    expect(zh).toContain("原因：no team；no leadership，按 2026-09-20 的情况判定");
    expect(zh).toContain("问责对象：梅溪镇 government");
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
