import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIsoDate, parseIsoDate } from "../calendar/index.js";
import { countyFacts } from "../testing/county.js";
import { countyPolicyCompiled } from "../testing/helpers.js";
import { Data } from "./data.js";
import type { FactObject } from "./values.js";

const checked = countyPolicyCompiled().checked;
const day = (n: number): string => formatIsoDate(parseIsoDate("2026-01-01")! + n);

function dataOf(hazards: FactObject[]): Data {
  return new Data(
    checked,
    { hazards },
    new Map([["hazards", hazards]]),
    new Map([["hazards", new Map(hazards.map((h) => [h.id as string, h]))]]),
  );
}

const byDefinition = (data: Data, asAt: number): FactObject[] =>
  (data.collections.get("hazards") ?? []).filter((h) => {
    const from = data.existsFrom("hazards", h);
    return from === undefined || from <= asAt;
  });

describe("elements existing as at a date", () => {
  it("are those whose start date has come, in order, before and after elements are replaced", () => {
    const template = countyFacts().hazards[0]!;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(12), fc.integer({ min: 0, max: 60 })), { maxLength: 5 }),
        fc.array(fc.integer({ min: -5, max: 65 }), { minLength: 1, maxLength: 6 }),
        (starts, replacements, asAts) => {
          const hazards: FactObject[] = starts.map((s, i) => ({ ...template, id: `H${i}`, foundOn: day(s) }));
          const data = dataOf(hazards);
          const check = (): void => {
            for (const n of asAts) {
              const asAt = parseIsoDate(day(n))!;
              expect(data.existingAsAt("hazards", asAt)).toEqual(byDefinition(data, asAt));
            }
          };
          check();
          for (const [at, start] of replacements) {
            const position = at % (hazards.length + 1);
            const before = hazards[position];
            const after = {
              ...template,
              id: before ? (before.id as string) : `N${position}`,
              foundOn: day(start),
            };
            hazards[position] = after;
            data.replace("hazards", hazards, position, before, after);
            check();
          }
        },
      ),
    );
  });

  it("are the collection itself once every element has started", () => {
    const hazards = countyFacts().hazards as unknown as FactObject[];
    const data = dataOf(hazards);
    expect(data.existingAsAt("hazards", parseIsoDate("2030-01-01")!)).toBe(hazards);
  });
});
