import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countyFacts } from "../testing/county.js";
import { countyPolicyCompiled } from "../testing/helpers.js";
import { quickCheckOfDocument } from "./check.js";

const policy = countyPolicyCompiled();
const quick = quickCheckOfDocument(policy.checked)!;

type Container = Record<string, unknown> | unknown[];

/** Every object and array in the document, with the keys they hold. */
function containers(value: unknown, out: Container[] = []): Container[] {
  if (value === null || typeof value !== "object") return out;
  out.push(value as Container);
  for (const child of Object.values(value)) containers(child, out);
  return out;
}

const values: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    0,
    -0,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    "",
    "2026-02-30",
    "2026-02-28",
    "15 days",
    "1 quarter",
    "15 天",
    "一般",
    "重大",
    "专职",
    "T01",
    "P0002",
    [],
    {},
    ["2026-01-01"],
    [null],
  ),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.jsonValue({ maxDepth: 2 }),
);

type Mutation = (document: Record<string, unknown>) => void;

/**
 * A fresh copy of a generated value: `constantFrom` hands out the same `{}` and `[]` each time, and
 * inserting one instance twice could put a container inside itself, a cycle no JSON document has.
 */
function fresh(value: unknown): unknown {
  return typeof value === "object" && value !== null ? structuredClone(value) : value;
}

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat(), values).map(
    ([at, key, value]): Mutation =>
      (document) => {
        const all = containers(document);
        const target = all[at % all.length]!;
        const keys = Object.keys(target);
        if (keys.length === 0) return;
        (target as Record<string, unknown>)[keys[key % keys.length]!] = fresh(value);
      },
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([at, key]): Mutation =>
      (document) => {
        const all = containers(document);
        const target = all[at % all.length]!;
        const keys = Object.keys(target);
        if (keys.length > 0) delete (target as Record<string, unknown>)[keys[key % keys.length]!];
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom("extra", "__proto__", "constructor", "0", "toString"), values).map(
    ([at, key, value]): Mutation =>
      (document) => {
        const all = containers(document);
        const target = all[at % all.length]!;
        Object.defineProperty(target, key, {
          value: fresh(value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      },
  ),
);

describe("the quick facts check", () => {
  it("passes the sample document", () => {
    expect(quick(countyFacts())).toBe(true);
    expect(quick({ ...countyFacts(), asOf: "2026-11-28" })).toBe(true);
  });

  it("passes only documents the schema accepts, and every one it accepts when unmutated", () => {
    fc.assert(
      fc.property(fc.array(mutations, { minLength: 1, maxLength: 3 }), (sequence) => {
        const document = countyFacts() as unknown as Record<string, unknown>;
        for (const mutate of sequence) mutate(document);
        const accepted = policy.schema.safeParse(document).success;
        if (quick(document)) expect(accepted).toBe(true);
        // A JSON round trip gives plain data, where the two must agree exactly.
        const plain: unknown = JSON.parse(JSON.stringify(document) ?? "null");
        expect(quick(plain)).toBe(policy.schema.safeParse(plain).success);
      }),
      { numRuns: 2000 },
    );
  });

  it("rejects a null collection or asOf, which the schema rejects too", () => {
    const facts = countyFacts() as unknown as Record<string, unknown>;
    expect(quick({ ...facts, hazards: null })).toBe(false);
    expect(quick({ ...facts, asOf: null })).toBe(false);
    const { hazards: _hazards, ...withoutHazards } = facts;
    // `hazards` is not declared optional: leaving it out is an error; `incidents` is.
    expect(quick(withoutHazards)).toBe(false);
    expect(policy.schema.safeParse(withoutHazards).success).toBe(false);
    const { incidents: _incidents, ...withoutIncidents } = facts;
    expect(quick(withoutIncidents)).toBe(true);
    expect(policy.schema.safeParse(withoutIncidents).success).toBe(true);
  });
});
