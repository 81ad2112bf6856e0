import type { Finding } from "@remit/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ExpectedFinding, matches, mergeFacts, mismatches } from "./scenario.js";

const finding: Finding = {
  rule: "r",
  title: "t",
  kind: "duty",
  modality: "must",
  status: "overdue",
  subject: { collection: "townships", id: "T01" },
  due: "2026-06-30",
  overdueDays: 3,
  cites: ["2.1"],
  explanation: { holds: false, because: [] },
};
const fields = [
  "rule",
  "title",
  "kind",
  "modality",
  "status",
  "subject",
  "due",
  "overdueDays",
  "cites",
] as const;

describe("scenario patterns", () => {
  it("match on any subset of a finding's own fields, and name exactly the field changed", () => {
    fc.assert(
      fc.property(
        fc.subarray([...fields]),
        fc.constantFrom(...fields),
        fc.string(),
        (subset, changed, value) => {
          const pattern = Object.fromEntries(
            ["rule", ...subset].map((f) => [f, finding[f as keyof Finding]]),
          ) as ExpectedFinding;
          expect(matches(finding, pattern)).toBe(true);
          const wrong = {
            ...pattern,
            [changed]: `${JSON.stringify(finding[changed])}${value}x`,
          } as ExpectedFinding;
          expect(mismatches(finding, wrong).map((m) => m.field)).toEqual([changed]);
        },
      ),
    );
  });

  it("read false as absent for late and overdue, and null as absent for any field", () => {
    expect(matches(finding, { rule: "r", late: false, overdue: false, metOn: null })).toBe(true);
    expect(mismatches(finding, { rule: "r", due: null })).toEqual([
      { field: "due", expected: null, actual: "2026-06-30" },
    ]);
  });
});

describe("mergeFacts", () => {
  it("replaces arrays, merges objects, and starts a $from element from the base element", () => {
    const base = {
      county: { id: "ZY", name: "资源县" },
      townships: [
        { id: "T01", name: "资源镇", fires: 0 },
        { id: "T02", name: "梅溪镇", fires: 0 },
      ],
    };
    expect(mergeFacts(base, { county: { name: "新" }, townships: [{ $from: "T02", fires: 2 }] })).toEqual({
      county: { id: "ZY", name: "新" },
      townships: [{ id: "T02", name: "梅溪镇", fires: 2 }],
    });
  });

  it("leaves the base as it is when the patch is empty (property)", () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (base) => {
        expect(mergeFacts(base as never, {})).toEqual(base);
      }),
    );
  });
});
