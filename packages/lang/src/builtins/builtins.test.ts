import { describe, expect, it } from "vitest";
import { analyze } from "../check/analyze.js";
import { dateType, numberType } from "../check/types.js";
import { memoryHost } from "../modules/host.js";
import type { CallExpr, DutyRule } from "../syntax/ast.js";
import { builtinDocsTable } from "./docs.js";
import { builtinFunctionDeclarations, type HostFunction } from "./functions.js";
import { functionTable } from "./table.js";

describe("the docs table", () => {
  it("list every built-in by both spellings", () => {
    const en = builtinDocsTable("en");
    const zh = builtinDocsTable("zh");
    for (const f of builtinFunctionDeclarations) {
      expect(en).toContain(`\`${f.spellings.en}(`);
      expect(zh).toContain(`\`${f.spellings.zh}(`);
    }
  });
});

/** Whole days from `a` to `b`, weekends left out: what a host might add. */
const weekdaysBetween: HostFunction = {
  name: "weekdaysBetween",
  spellings: { en: "weekdaysBetween", zh: "相隔周内日" },
  signature: {
    parameters: [dateType(), dateType()],
    result: numberType(true, undefined),
    propagatesNone: true,
  },
  docs: {
    parameters: ["a", "b"],
    meaning: { en: "weekdays from `a` to `b`", zh: "从 `a` 到 `b` 的周一至周五天数" },
  },
  implementation: ([a, b]) => {
    let count = 0;
    for (let day = a as number; day < (b as number); day++) {
      const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
      if (weekday !== 0 && weekday !== 6) count++;
    }
    return count;
  },
};

function policyCalling(call: string): string {
  return `policy "p"
clause 1 "c"
collection cases {
  opened: date
  closed: optional date
  tag: text
}
duty d "d" must cites 1 for each x in cases requires ${call} < 5
`;
}

function analyzeWith(call: string, functions: readonly HostFunction[] = [weekdaysBetween]) {
  return analyze("p.remit", memoryHost({ "p.remit": policyCalling(call) }), { functions });
}

function errors(call: string, functions?: readonly HostFunction[]) {
  return analyzeWith(call, functions).diagnostics.filter((d) => d.severity === "error");
}

function codes(call: string, functions?: readonly HostFunction[]): string[] {
  return errors(call, functions).map((d) => d.code);
}

describe("host functions", () => {
  it("are called by either spelling and resolve to the host's entry, typed by its signature", () => {
    for (const spelling of ["weekdaysBetween", "相隔周内日"]) {
      const { policy, diagnostics } = analyzeWith(`${spelling}(x.opened, x.closed)`);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const rule = policy?.modules[0]?.declarations.find((d): d is DutyRule => d.kind === "DutyRule");
      const requirement = rule?.requirement;
      if (requirement?.kind !== "BinaryExpr") throw new Error("expected a comparison");
      const call = requirement.left as CallExpr;
      expect(policy?.resolve(call)).toEqual({ kind: "host", function: weekdaysBetween });
      // `closed` is optional: none in, none out.
      expect(policy?.typeOf(call)).toEqual({ kind: "optional", inner: numberType(true, undefined) });
    }
  });

  it("are unknown to a policy checked without them", () => {
    expect(codes("weekdaysBetween(x.opened, x.opened)", [])).toEqual(["R3006"]);
  });

  it("check their arguments against the signature", () => {
    expect(codes(`weekdaysBetween(x.opened, x.tag)`)).toEqual(["R4014"]);
    expect(codes(`weekdaysBetween(x.opened)`)).toEqual(["R3013"]);
  });

  it("are suggested for a misspelt call", () => {
    const [unknown] = errors("weekdaysBetwen(x.opened, x.opened)");
    expect(unknown?.suggestions).toContain("weekdaysBetween");
  });

  it("may not take a spelling that is already taken", () => {
    expect(() => functionTable([{ ...weekdaysBetween, spellings: { en: "year", zh: "年数" } }])).toThrow(
      /the built-in 'year'/,
    );
    expect(() => functionTable([weekdaysBetween, { ...weekdaysBetween, name: "again" }])).toThrow(
      /'weekdaysBetween'/,
    );
  });
});
