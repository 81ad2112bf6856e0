import type { CheckedPolicy } from "@remit/lang";
import { describe, expect, it } from "vitest";
import { compile } from "../policy.js";
import type { EvaluationResult, Finding } from "../result.js";
import { type PolicyLabels, policyLabels } from "./labels.js";
import { findingStatusWords, renderExplanation } from "./render.js";
import { subjectWords } from "./subjects.js";

const source = `policy "两条阶梯"
  readers chinese

clause 1 "隐患处置"

collection venues "场所" named name { name: text }

collection hazards "火灾隐患" named venue.name {
  venueId -> venues as venue
  level: enum("一般", "重大")
  foundOn: date
  rectifiedOn: optional date
}

escalation general-ladder "一般隐患逐级处置" must cites 1
  for each h in hazards where h.level = "一般"
  holder "网格员"
  starts h.foundOn
  level grid "网格"
  level county "县" after 10 days holder "县人民政府"
  closes h.rectifiedOn

escalation major-ladder "重大隐患挂牌督办" must cites 1
  for each h in hazards where h.level = "重大"
  holder "乡（镇）人民政府"
  starts h.foundOn
  level township
  level county "县级挂牌督办" after 5 days holder "县人民政府"
  closes h.rectifiedOn
`;

function evaluated(): { result: EvaluationResult; labels: PolicyLabels; checked: CheckedPolicy } {
  const compiled = compile(source);
  if (!("policy" in compiled)) throw new Error(compiled.diagnostics.map((d) => d.message.en).join("\n"));
  const facts = {
    venues: [{ id: "V1", name: "甲厂" }],
    hazards: [
      { id: "H1", venueId: "V1", level: "重大", foundOn: "2026-11-01", rectifiedOn: null },
      { id: "H2", venueId: "V1", level: "一般", foundOn: "2026-11-01", rectifiedOn: null },
    ],
  };
  const outcome = compiled.policy.evaluate(facts, { asOf: "2026-11-30" });
  if ("errors" in outcome) throw new Error("the facts are rejected");
  const checked = compiled.policy.checked;
  return { result: outcome.result, labels: policyLabels(checked), checked };
}

describe("policyLabels", () => {
  const { result, labels, checked } = evaluated();
  const finding = (rule: string): Finding => result.findings.find((f) => f.rule === rule)!;

  it("keeps the subjects' labels, each ladder's level labels under its own rule, and the readers", () => {
    expect(labels).toEqual({
      readers: "zh",
      subjects: { venues: "场所", hazards: "火灾隐患" },
      // `township` has no label, so none is kept for it.
      levels: {
        "general-ladder": { grid: "网格", county: "县" },
        "major-ladder": { county: "县级挂牌督办" },
      },
    });
  });

  it("words findings from kept labels, read back as JSON, exactly as from the policy", () => {
    const kept = JSON.parse(JSON.stringify(labels)) as PolicyLabels;
    for (const f of result.findings) {
      for (const lang of ["zh", "en"] as const) {
        expect(findingStatusWords(f, lang, kept)).toBe(findingStatusWords(f, lang, checked));
        expect(subjectWords(kept, f.subject, lang)).toBe(subjectWords(checked, f.subject, lang));
        expect(renderExplanation(f, lang, kept)).toBe(renderExplanation(f, lang, checked));
      }
    }
    expect(findingStatusWords(finding("major-ladder"), "zh", kept)).toBe("县级挂牌督办");
    expect(findingStatusWords(finding("general-ladder"), "en", kept)).toBe("县");
    expect(subjectWords(kept, finding("major-ladder").subject, "zh")).toBe("火灾隐患 H1（甲厂）");
  });

  it("words an earlier status of a rule by that rule's own level labels", () => {
    const major = finding("major-ladder");
    const earlier = { kind: major.kind, rule: major.rule, modality: major.modality, status: "county" };
    expect(findingStatusWords(earlier, "zh", labels)).toBe("县级挂牌督办");
    expect(findingStatusWords({ ...earlier, rule: "general-ladder" }, "zh", labels)).toBe("县");
    // A level without a label, and no labels at all (a record made before they were kept): its name.
    expect(findingStatusWords({ ...earlier, status: "township" }, "zh", labels)).toBe("township");
    expect(findingStatusWords(earlier, "zh")).toBe("county");
    const none: PolicyLabels = { readers: "en", subjects: {}, levels: {} };
    expect(subjectWords(none, major.subject, "zh")).toBe("hazards H1（甲厂）");
  });
});
