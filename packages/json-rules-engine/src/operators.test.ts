import fc from "fast-check";
import { Engine } from "json-rules-engine";
import { describe, expect, test } from "vitest";
import {
  type Comparison,
  dateOperator,
  operatorEvaluator,
  parseOperatorName,
  registerRemitOperators,
  type Shift,
  textOperator,
} from "./operators.js";

const comparison = fc.constantFrom<Comparison>("=", "!=", "<", "<=", ">", ">=");
const shift = fc.record({
  amount: fc.integer({ min: -40, max: 40 }),
  unit: fc.constantFrom<Shift["unit"]>("day", "month"),
});

describe("operator names", () => {
  test("a date operator's name parses back to the same operator", () => {
    fc.assert(
      fc.property(
        comparison,
        fc.array(shift, { maxLength: 3 }),
        fc.array(shift, { maxLength: 3 }),
        (c, f, v) => {
          const spec = dateOperator(c, f, v);
          expect(parseOperatorName(spec.name)).toEqual(spec);
        },
      ),
    );
  });

  test("text operators and isSet parse; other names do not", () => {
    expect(parseOperatorName("textLessThan")).toEqual(textOperator("<"));
    expect(parseOperatorName("isSet")).toEqual({ name: "isSet", kind: "presence" });
    for (const name of [
      "equal",
      "dateBefore",
      "dateLessThan(;)",
      "dateLessThan(+1x;)",
      "dateLessThan(1d;)",
      "not:dateEqual",
    ]) {
      expect(parseOperatorName(name)).toBeUndefined();
    }
  });
});

describe("operator evaluation", () => {
  test("date comparisons shift either side before comparing", () => {
    const later15 = operatorEvaluator(dateOperator(">", [], [{ amount: 15, unit: "day" }]));
    expect(later15("2026-01-17", "2026-01-01")).toBe(true);
    expect(later15("2026-01-16", "2026-01-01")).toBe(false);
    // Calendar months clamp to the month's end, as in Remit.
    const monthOn = operatorEvaluator(dateOperator("=", [{ amount: 1, unit: "month" }]));
    expect(monthOn("2026-01-31", "2026-02-28")).toBe(true);
    expect(monthOn("2026-01-28", "2026-02-28")).toBe(true);
    expect(monthOn("2026-01-27", "2026-02-28")).toBe(false);
  });

  test("every operator is false when a side is missing or not a date", () => {
    fc.assert(
      fc.property(comparison, fc.constantFrom(null, undefined, "", "2026-02-30", 20260101), (c, missing) => {
        const evaluate = operatorEvaluator(dateOperator(c));
        expect(evaluate(missing, "2026-01-01")).toBe(false);
        expect(evaluate("2026-01-01", missing)).toBe(false);
        if (typeof missing !== "string") expect(operatorEvaluator(textOperator(c))(missing, "a")).toBe(false);
      }),
    );
    expect(operatorEvaluator({ name: "isSet", kind: "presence" })(null, true)).toBe(false);
    expect(operatorEvaluator({ name: "isSet", kind: "presence" })(0, true)).toBe(true);
  });
});

describe("registerRemitOperators", () => {
  test("installs the base operators and the listed shifted ones into an engine", async () => {
    const engine = new Engine();
    registerRemitOperators(engine, ["dateGreaterThan(;+7d)"]);
    engine.addRule({
      conditions: {
        all: [
          { fact: "asOf", operator: "dateGreaterThan(;+7d)", value: { fact: "foundOn" } },
          { fact: "note", operator: "isSet", value: true },
        ],
      },
      event: { type: "late" },
    });
    const late = await engine.run({ asOf: "2026-03-09", foundOn: "2026-03-01", note: "x" });
    expect(late.events.map((e) => e.type)).toEqual(["late"]);
    const inTime = await engine.run({ asOf: "2026-03-08", foundOn: "2026-03-01", note: "x" });
    expect(inTime.events).toEqual([]);
  });

  test("refuses a name that is not one of Remit's operators", () => {
    expect(() => registerRemitOperators(new Engine(), ["dateSoon"])).toThrow(
      'unknown remit operator "dateSoon"',
    );
  });
});
