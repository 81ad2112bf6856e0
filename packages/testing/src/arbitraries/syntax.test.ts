import { type Expr, forEachChild, type Module, type Node } from "@remit/lang";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { stripParens, stripSpans } from "../compare.js";
import { astModule, expr } from "./syntax.js";

/** Every `kind` in a tree. */
function kinds(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const element of node) kinds(element, found);
  else if (node !== null && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (typeof record["kind"] === "string") found.add(record["kind"]);
    for (const value of Object.values(record)) kinds(value, found);
  }
  return found;
}

function depth(e: Expr): number {
  const children = Object.values(e).flatMap((value): Expr[] => {
    if (Array.isArray(value)) return value.filter(isExpr);
    return isExpr(value) ? [value] : [];
  });
  return 1 + Math.max(0, ...children.map(depth));
}

const exprKinds = new Set([
  "NumberLiteral",
  "StringLiteral",
  "BoolLiteral",
  "DateLiteral",
  "DurationLiteral",
  "NoneLiteral",
  "ListLiteral",
  "NameExpr",
  "MemberExpr",
  "CallExpr",
  "UnaryExpr",
  "BinaryExpr",
  "IsSetExpr",
  "IfExpr",
  "AggregateExpr",
  "ParenExpr",
]);

function isExpr(value: unknown): value is Expr {
  return (
    value !== null && typeof value === "object" && exprKinds.has(String((value as { kind?: unknown }).kind))
  );
}

describe("astModule", () => {
  const samples: Module[] = fc.sample(astModule(), { numRuns: 400, seed: 7 });

  test("covers every declaration and expression form, and comments", () => {
    const seen = new Set<string>();
    for (const module of samples) kinds(module, seen);
    for (const kind of [
      "PolicyHeader",
      "Import",
      "ClauseDecl",
      "ParamDecl",
      "TypeDecl",
      "CollectionDecl",
      "RecordDecl",
      "DefineDecl",
      "DutyRule",
      "EscalationRule",
      "AccountabilityRule",
      "ByDeadline",
      "WithinDeadline",
      "RecurringDeadline",
      "EnumType",
      "ListType",
      "OptionalType",
      "RecordType",
      "NamedType",
      "PrimitiveType",
      "ReferenceSpec",
      "Comment",
      ...exprKinds,
    ]) {
      expect(seen, kind).toContain(kind);
    }
  });

  test("mixes Chinese and English names and puts full-width punctuation in strings", () => {
    const text = JSON.stringify(samples);
    expect(text).toMatch(/"name":"[\p{Script=Han}]/u);
    expect(text).toMatch(/"name":"[a-z_]/);
    expect(text).toMatch(/"value":"[^"]*[（），：；]/);
  });

  test("stays within its bounds", () => {
    fc.assert(
      fc.property(astModule({ maxDeclarations: 3, maxDepth: 2 }), (module) => {
        expect(module.declarations.length).toBeLessThanOrEqual(3);
        const expressions: Expr[] = [];
        const collect = (node: unknown): void => {
          if (isExpr(node)) expressions.push(node);
          else if (Array.isArray(node)) node.forEach(collect);
          else if (node !== null && typeof node === "object") Object.values(node).forEach(collect);
        };
        collect(module);
        for (const e of expressions) expect(depth(e)).toBeLessThanOrEqual(3);
      }),
    );
  });

  test("orders comments and items by position", () => {
    fc.assert(
      fc.property(astModule(), (module) => {
        const offsets = module.comments.map((c) => c.span.start.offset);
        expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
        const items = [module.header, ...module.imports, ...module.declarations].filter(
          (i) => i !== undefined,
        );
        const starts = items.map((i) => i.span.start.offset);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }),
    );
  });
});

describe("forEachChild over generated trees", () => {
  /** How many times each node is met, reading every property of every object. */
  const bruteForce = (value: unknown, into = new Map<unknown, number>()): Map<unknown, number> => {
    if (Array.isArray(value)) for (const element of value) bruteForce(element, into);
    else if (value !== null && typeof value === "object") {
      if (typeof (value as { kind?: unknown }).kind === "string") into.set(value, (into.get(value) ?? 0) + 1);
      for (const field of Object.values(value)) bruteForce(field, into);
    }
    return into;
  };
  /** How many times each node is met through forEachChild. */
  const walked = (node: Node, into = new Map<unknown, number>()): Map<unknown, number> => {
    into.set(node, (into.get(node) ?? 0) + 1);
    forEachChild(node, (child) => {
      walked(child, into);
    });
    return into;
  };

  test("reaches every node of every form, as often as the tree holds it", () => {
    fc.assert(
      fc.property(astModule(), (module) => {
        const expected = bruteForce(module);
        const actual = walked(module);
        expect(actual.size).toBe(expected.size);
        for (const [node, times] of expected) expect(actual.get(node), (node as Node).kind).toBe(times);
      }),
      { numRuns: 100 },
    );
  });
});

describe("stripSpans and stripParens", () => {
  test("stripSpans leaves no span anywhere and keeps everything else", () => {
    fc.assert(
      fc.property(expr(3), (e) => {
        const stripped = JSON.stringify(stripSpans(e));
        expect(stripped).not.toContain('"span"');
        expect(kinds(stripSpans(e))).toEqual(kinds(e));
      }),
    );
  });

  test("stripParens removes exactly the parenthesised expressions", () => {
    fc.assert(
      fc.property(expr(3), (e) => {
        const bare = stripParens(e);
        const without = kinds(e);
        without.delete("ParenExpr");
        expect(kinds(bare)).not.toContain("ParenExpr");
        expect(kinds(bare)).toEqual(without);
      }),
    );
  });
});
