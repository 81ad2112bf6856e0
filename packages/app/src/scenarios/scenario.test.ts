import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Finding } from "@remit/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixturePath, toScenario } from "./files.js";
import { matchesPattern as matches, mismatchesOf as mismatches } from "./match.js";
import { type ExpectedFinding, judge, mergeFacts, type Scenario } from "./scenario.js";

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

  it("compare only the subject fields given: an id alone matches whatever the collection", () => {
    expect(matches(finding, { rule: "r", subject: { id: "T01" } })).toBe(true);
    expect(matches(finding, { rule: "r", subject: "T01" })).toBe(true);
    expect(matches(finding, { rule: "r", subject: { collection: "townships" } })).toBe(true);
    expect(mismatches(finding, { rule: "r", subject: { id: "T02" } }).map((m) => m.field)).toEqual([
      "subject",
    ]);
  });

  it("judge a scenario whose pattern names the subject by id only as passed", () => {
    const scenario: Scenario = {
      id: "s",
      name: "s",
      clauses: [],
      asOf: "2026-07-03",
      params: {},
      facts: {},
      expect: [{ rule: "r", subject: { id: "T01" }, status: "overdue" }],
      expectNoFinding: [{ rule: "r", subject: { id: "T02" } }],
      expectErrors: undefined,
    };
    const outcome = {
      result: {
        policy: { name: "p", version: null, hash: "h" },
        asOf: "2026-07-03",
        params: {},
        findings: [finding],
        summary: { total: 1, byKind: {}, byGroup: {} },
      },
    };
    expect(judge(scenario, outcome)).toEqual([]);
    const wrong = { ...scenario, expect: [{ rule: "r", subject: { id: "T01" }, status: "met" }] };
    expect(judge(wrong, outcome)).toEqual([
      {
        kind: "mismatch",
        pattern: wrong.expect[0],
        finding,
        fields: [{ field: "status", expected: "met", actual: "overdue" }],
      },
    ]);
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

describe("scenario fixtures", () => {
  it("never load a base from outside the fixtures folders", () => {
    const root = mkdtempSync(path.join(tmpdir(), "remit-fixtures-"));
    const scenarios = path.join(root, "scenarios");
    mkdirSync(path.join(scenarios, "fixtures"), { recursive: true });
    writeFileSync(path.join(scenarios, "fixtures", "base.json"), "{}");
    writeFileSync(path.join(root, "secret.json"), '{"secret": true}');
    const read: string[] = [];
    const readFixture = (file: string) => {
      read.push(file);
      return {};
    };
    for (const base of ["../../secret", "../secret", "/etc/passwd", "..", "a\\b"]) {
      const scenario = toScenario("s", { asOf: "2026-01-01", base }, scenarios, readFixture);
      expect("problem" in scenario && scenario.problem.en).toMatch(/must name a fixture/);
      expect(fixturePath(scenarios, base)).toBeUndefined();
    }
    expect(read).toEqual([]);
    expect(fixturePath(scenarios, "base")).toBe(path.join(scenarios, "fixtures", "base.json"));
  });
});
