/**
 * Prohibitions (`must not … forbids`) decide alike in Remit and, through the export, in
 * json-rules-engine: violated once the forbidden date is on or before the evaluation date (a
 * planned date after it has not happened), or while the forbidden condition holds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide } from "./src/compare.js";

const source = `policy "prohibitions"
clause 1 "c"
collection items { blockedOn: optional planned date  locked: bool }
duty by-date "t" must not cites 1 for each i in items forbids i.blockedOn
duty by-condition "t" must not cites 1 for each i in items forbids i.locked`;

const day = fc
  .integer({ min: 0, max: 60 })
  .map((n) => new Date(Date.UTC(2026, 9, 1 + n)).toISOString().slice(0, 10));

describe("prohibitions through the json-rules-engine export", () => {
  it("decide as Remit does", async () => {
    await fc.assert(
      fc.asyncProperty(
        day,
        fc.array(fc.record({ blockedOn: fc.option(day, { nil: null }), locked: fc.boolean() }), {
          maxLength: 4,
        }),
        async (asOf, rows) => {
          const items = rows.map((row, i) => ({ id: `i${i}`, ...row }));
          const { remit, jre } = await decide({ source, facts: { asOf, items } });
          expect(jre).toEqual(remit);
        },
      ),
      { numRuns: 40 },
    );
  });
});
