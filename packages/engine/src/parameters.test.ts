import { describe, expect, it } from "vitest";
import { type CompileInput, compile, type Policy } from "./policy.js";
import { evaluateOk } from "./testing/helpers.js";

const items = `collection items {
  opened: date
  done: optional date
}
duty d "d"
  must
  cites 1
  for each x in items
  holder "h"
  requires x.done
  within a of x.opened
`;

/** `a` names `b`, which names `c`: declared before the parameters they depend on. */
const chainOfThree = `policy "p"
clause 1 "c"
param a: duration = b
param b: duration = c
param c: duration = 5 days
${items}`;

/** The same chain, its last two links in an imported module. */
const acrossImport = {
  entry: "policy.remit",
  files: {
    "policy.remit": `policy "p"
import "./gbt.remit" as gbt
clause 1 "c"
param a: duration = gbt.x
${items}`,
    "gbt.remit": "param x: duration = y\nparam y: duration = 5 days\n",
  },
};

const facts = {
  asOf: "2026-01-10",
  items: [
    { id: "done-in-time", opened: "2026-01-01", done: "2026-01-04" },
    { id: "open-past-due", opened: "2026-01-01", done: null },
    { id: "open-not-due", opened: "2026-01-08", done: null },
  ],
};

function compiled(input: CompileInput): Policy {
  const out = compile(input);
  if (!("policy" in out)) throw new Error(out.diagnostics.map((d) => d.message.en).join("; "));
  return out.policy;
}

function statuses(policy: Policy, params?: Record<string, unknown>) {
  return evaluateOk(policy, facts, params ? { params } : {}).findings.map((f) => [
    f.subject.id,
    f.status,
    f.due,
  ]);
}

describe("parameter defaults", () => {
  it("follow a chain of three declared before its end: every link gets the last one's value", () => {
    const policy = compiled(chainOfThree);
    expect(statuses(policy)).toEqual([
      ["done-in-time", "met", "2026-01-06"],
      ["open-not-due", "due-soon", "2026-01-13"],
      ["open-past-due", "overdue", "2026-01-06"],
    ]);
    expect(evaluateOk(policy, facts).params).toEqual({ a: "5 days", b: "5 days", c: "5 days" });
    expect(policy.params.map((p) => [p.key, p.default])).toEqual([
      ["a", "5 days"],
      ["b", "5 days"],
      ["c", "5 days"],
    ]);
  });

  it("follow a chain into an imported module", () => {
    const policy = compiled(acrossImport);
    expect(statuses(policy)).toEqual([
      ["done-in-time", "met", "2026-01-06"],
      ["open-not-due", "due-soon", "2026-01-13"],
      ["open-past-due", "overdue", "2026-01-06"],
    ]);
    expect(evaluateOk(policy, facts).params).toEqual({ a: "5 days", "gbt.x": "5 days", "gbt.y": "5 days" });
  });

  it("read the overrides of the parameters they name; an overridden parameter keeps its override", () => {
    const policy = compiled(chainOfThree);
    expect(evaluateOk(policy, facts, { params: { c: "2 days" } }).params).toEqual({
      a: "2 days",
      b: "2 days",
      c: "2 days",
    });
    expect(statuses(policy, { c: "2 days" })[0]).toEqual(["done-in-time", "met", "2026-01-03"]);
    expect(evaluateOk(policy, facts, { params: { b: "9 days" } }).params).toEqual({
      a: "9 days",
      b: "9 days",
      c: "5 days",
    });
    expect(evaluateOk(policy, facts, { params: { a: "1 day", c: "2 days" } }).params).toEqual({
      a: "1 day",
      b: "2 days",
      c: "2 days",
    });
  });

  it("are rejected in a cycle, so no policy with one reaches the engine", () => {
    const out = compile(`policy "p"\nclause 1 "c"\nparam a: duration = b\nparam b: duration = a\n${items}`);
    expect("policy" in out).toBe(false);
    expect(out.diagnostics.map((d) => d.code)).toContain("R5017");
  });
});
