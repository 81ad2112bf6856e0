import fc from "fast-check";
import { enablePatches, produce } from "immer";
import { describe, expect, it } from "vitest";
import { chunkedArray, chunkedDocument, chunkedLength, fromChunks, toChunks } from "./chunked.js";

enablePatches();

type Op = { readonly label: string; readonly apply: (array: number[]) => unknown };

const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.integer().map((v) => ({ label: `push ${v}`, apply: (a: number[]) => a.push(v) })),
  fc.constant({ label: "pop", apply: (a: number[]) => a.pop() }),
  fc.constant({ label: "shift", apply: (a: number[]) => a.shift() }),
  fc.integer().map((v) => ({ label: `unshift ${v}`, apply: (a: number[]) => a.unshift(v) })),
  fc.tuple(fc.nat(20), fc.integer()).map(([i, v]) => ({
    label: `set ${i} ${v}`,
    apply: (a: number[]) => {
      if (a.length > 0) a[i % a.length] = v;
    },
  })),
  fc.tuple(fc.nat(20), fc.nat(4), fc.array(fc.integer(), { maxLength: 5 })).map(([at, remove, insert]) => ({
    label: `splice ${at} ${remove} ${insert.join(",")}`,
    apply: (a: number[]) => a.splice(at, remove, ...insert),
  })),
  fc.nat(20).map((n) => ({
    label: `length ${n}`,
    apply: (a: number[]) => {
      if (n <= a.length) a.length = n;
    },
  })),
  fc.constant({ label: "sort", apply: (a: number[]) => a.sort((x, y) => x - y) }),
  fc.constant({ label: "reverse", apply: (a: number[]) => a.reverse() }),
  fc.integer().map((v) => ({ label: `find ${v}`, apply: (a: number[]) => a.find((x) => x > v) })),
  fc.constant({ label: "spread", apply: (a: number[]) => [...a] }),
  fc.constant({ label: "filter", apply: (a: number[]) => a.filter((x) => x % 2 === 0) }),
  fc.constant({ label: "keys", apply: (a: number[]) => Object.keys(a) }),
  fc.constant({ label: "json", apply: (a: number[]) => JSON.stringify(a) }),
);

describe("chunked collections", () => {
  it("split and join back to the same elements", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 40 }), fc.integer({ min: 0, max: 4 }), (xs, bits) => {
        const chunks = toChunks(xs, bits);
        expect(fromChunks(chunks)).toEqual(xs);
        expect(chunkedLength(chunks, bits)).toBe(xs.length);
        expect(chunks.slice(0, -1).every((c) => c.length === 1 << bits)).toBe(true);
      }),
    );
  });

  it("behave as a plain array under any sequence of array operations", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 20 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(ops, { maxLength: 12 }),
        (start, bits, sequence) => {
          const plain = [...start];
          let chunks = toChunks(start, bits);
          const view = chunkedArray(() => chunks as unknown[][], bits) as number[];
          expect(Array.isArray(view)).toBe(true);
          for (const op of sequence) {
            expect(op.apply(view), op.label).toEqual(op.apply(plain));
            expect(view.length, op.label).toBe(plain.length);
            expect(fromChunks(chunks), op.label).toEqual(plain);
            // The invariant every index computation relies on: only the last chunk is short.
            expect(
              chunks.slice(0, -1).every((c) => c.length === 1 << bits),
              op.label,
            ).toBe(true);
          }
          chunks = toChunks(plain, bits);
          expect([...view]).toEqual(plain);
        },
      ),
    );
  });

  it("record one element's change under immer as a change to one chunk", () => {
    const base = { items: toChunks([1, 2, 3, 4, 5, 6, 7], 1), name: "n" };
    const next = produce(base, (root) => {
      const doc = chunkedDocument(root as unknown as Record<string, unknown>, new Set(["items"]), 1);
      const items = doc.items as number[];
      items[4] = 50;
      items.push(8);
      doc.name = "m";
    });
    expect(fromChunks(next.items)).toEqual([1, 2, 3, 4, 50, 6, 7, 8]);
    expect(next.name).toBe("m");
    expect(next.items[0]).toBe(base.items[0]);
    expect(next.items[1]).toBe(base.items[1]);
    expect(next.items[2]).not.toBe(base.items[2]);
  });

  it("store a whole new collection in chunks, even one built from the old", () => {
    const base = { items: toChunks([1, 2, 3, 4, 5], 1) };
    const next = produce(base, (root) => {
      const doc = chunkedDocument(root as unknown as Record<string, unknown>, new Set(["items"]), 1);
      doc.items = (doc.items as number[]).filter((x) => x !== 3);
    });
    expect(next.items).toEqual([
      [1, 2],
      [4, 5],
    ]);
    const again = produce(base, (root) => {
      const doc = chunkedDocument(root as unknown as Record<string, unknown>, new Set(["items"]), 1);
      doc.items = doc.items as number[];
    });
    expect(fromChunks(again.items)).toEqual([1, 2, 3, 4, 5]);
  });
});
