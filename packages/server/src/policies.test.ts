import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describePolicy, type EnginePolicy, type ParamLike } from "./policies.js";

const at = { offset: 0, line: 1, column: 1 };
const span = { file: "p.remit", start: at, end: at };

function policyWith(params: readonly ParamLike[] | ReadonlyMap<string, ParamLike>): EnginePolicy {
  return {
    info: { name: "p", version: undefined, hash: "h" },
    rules: new Map([["r", { id: "r", title: "R", kind: "duty", modality: "should", cites: ["1"] }]]),
    params,
    evaluate: () => ({ errors: [] }),
  };
}

describe("describePolicy", () => {
  it("turns constant default expressions into the JSON an override would use", () => {
    const params: ParamLike[] = [
      {
        key: "gridDays",
        default: { kind: "DurationLiteral", amount: 15, unit: "day", span },
        type: { kind: "duration" },
      },
      { key: "oneQuarter", default: { kind: "DurationLiteral", amount: 1, unit: "quarter", span } },
      {
        key: "members",
        default: {
          kind: "UnaryExpr",
          operator: "-",
          operand: { kind: "NumberLiteral", value: 5, raw: "5", span },
          span,
        },
        type: { kind: "number", integer: true, unit: "人" },
      },
      {
        key: "deadline",
        default: { kind: "ParenExpr", inner: { kind: "DateLiteral", value: "2026-12-31", span }, span },
        type: { kind: "date", planned: true },
      },
      {
        key: "same",
        default: { kind: "NameExpr", name: { kind: "Identifier", name: "gridDays", span }, span },
      },
      {
        key: "levels",
        default: { kind: "ListLiteral", elements: [{ kind: "StringLiteral", value: "一般", span }], span },
        type: { kind: "list", element: { kind: "enum", values: ["一般", "重大"] } },
      },
      { key: "computed", default: { kind: "BinaryExpr", span } },
      { key: "given", defaultValue: 3, default: { kind: "NumberLiteral", value: 9, raw: "9", span } },
    ];
    const description = describePolicy(policyWith(params));
    expect(description.version).toBeNull();
    expect(description.clauses).toEqual([]);
    expect(description.rules).toEqual([
      { id: "r", title: "R", kind: "duty", modality: "should", cites: ["1"] },
    ]);
    expect(description.parameters.map((p) => [p.key, p.default, p.type])).toEqual([
      ["gridDays", "15 days", "duration"],
      ["oneQuarter", "1 quarter", null],
      ["members", -5, "integer [人]"],
      ["deadline", "2026-12-31", "date"],
      ["same", "15 days", null],
      ["levels", ["一般"], 'list enum("一般", "重大")'],
      ["computed", null, null],
      ["given", 3, null],
    ]);
  });

  it("does not loop on parameters whose defaults name each other", () => {
    const name = (n: string) => ({ kind: "NameExpr", name: { kind: "Identifier", name: n, span }, span });
    const description = describePolicy(
      policyWith([
        { key: "a", default: name("b") },
        { key: "b", default: name("a") },
      ]),
    );
    expect(description.parameters.map((p) => p.default)).toEqual([null, null]);
  });

  it("passes JSON defaults through and never leaks non-JSON values", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.constant(undefined),
          fc.constant(Number.NaN),
          fc.date(),
          fc.constant([-0]),
        ),
        (value) => {
          const [param] = describePolicy(policyWith([{ key: "k", default: value }])).parameters;
          // The description is JSON, so it equals the value after a JSON round trip (`-0` reads `0`).
          const expected =
            value === undefined || value instanceof Date || Number.isNaN(value)
              ? null
              : JSON.parse(JSON.stringify(value));
          expect(param?.default).toEqual(expected);
          expect(JSON.parse(JSON.stringify(param?.default))).toEqual(param?.default);
        },
      ),
    );
  });
});
