import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveRelative, type SourceHost } from "../modules/host.js";
import { loadModules } from "../modules/load-default.js";
import { parse } from "../parse/index.js";
import type { Module, Node, Rule } from "./ast.js";
import { childExpressions, childrenOf, forEachChild, isExpression, ruleParts } from "./children.js";

const root = new URL("../../../../", import.meta.url);

const diskHost: SourceHost = {
  readFile: (path) => {
    try {
      return readFileSync(new URL(path, root), "utf8");
    } catch {
      return undefined;
    }
  },
  resolve: resolveRelative,
};

function modulesOf(entry: string): readonly Module[] {
  const loaded = loadModules(entry, diskHost);
  expect(loaded.diagnostics).toEqual([]);
  return loaded.modules;
}

/** Every node below `node` (itself included), found by reading every property of every object. */
function bruteForce(value: unknown, into: Node[] = []): Node[] {
  if (Array.isArray(value)) {
    for (const element of value) bruteForce(element, into);
  } else if (value !== null && typeof value === "object") {
    const record = value as Readonly<Record<string, unknown>>;
    if (typeof record["kind"] === "string") into.push(value as Node);
    for (const field of Object.values(record)) bruteForce(field, into);
  }
  return into;
}

/** Every node below `node` (itself included), found through `forEachChild`. */
function walk(node: Node, into: Node[] = []): Node[] {
  into.push(node);
  forEachChild(node, (child) => {
    walk(child, into);
  });
  return into;
}

function timesReached(nodes: readonly Node[]): Map<Node, number> {
  const counts = new Map<Node, number>();
  for (const node of nodes) counts.set(node, (counts.get(node) ?? 0) + 1);
  return counts;
}

const corpora = [
  ["the Ziyuan policy", "policies/ziyuan-2026/policy.remit.md"],
  ["examples/every-construct", "examples/every-construct/policy.remit.md"],
] as const;

describe.each(corpora)("forEachChild over %s", (_name, entry) => {
  const modules = modulesOf(entry);

  it("reaches every node exactly once", () => {
    let total = 0;
    for (const module of modules) {
      const reached = timesReached(walk(module));
      const everyNode = timesReached(bruteForce(module));
      total += reached.size;
      expect([...reached.values()].every((n) => n === 1)).toBe(true);
      expect(reached.size).toBe(everyNode.size);
      expect([...everyNode.keys()].filter((node) => !reached.has(node))).toEqual([]);
    }
    expect(total).toBeGreaterThan(1000);
  });

  it("gives each node's children in source order", () => {
    for (const module of modules) {
      for (const node of walk(module)) {
        // A module's comments are a list of their own, beside its declarations.
        if (node.kind === "Module") continue;
        const starts = childrenOf(node).map((child) => child.span.start.offset);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }
    }
  });

  it("gives each rule's parts as its children, named by their fields", () => {
    const rules = modules.flatMap((m) =>
      m.declarations.filter(
        (d): d is Rule =>
          d.kind === "DutyRule" || d.kind === "EscalationRule" || d.kind === "AccountabilityRule",
      ),
    );
    expect(new Set(rules.map((r) => r.kind)).size).toBe(3);
    for (const rule of rules) {
      const parts = ruleParts(rule);
      for (const part of parts) expect(Reflect.get(rule, part.name)).toBe(part.value);
      expect(parts.flatMap((part) => (Array.isArray(part.value) ? part.value : [part.value]))).toEqual(
        childrenOf(rule),
      );
    }
  });
});

describe("forEachChild", () => {
  const { module } = parse("define f(x: integer): integer = if x > 1 then g(x, 2) else -(x)\n", "f.remit");
  const body = module.declarations[0]?.kind === "DefineDecl" ? module.declarations[0].body : undefined;

  it("stops at the first truthy result and returns it", () => {
    if (body === undefined) throw new Error("no definition body");
    const seen: string[] = [];
    const found = forEachChild(body, (child) => {
      seen.push(child.kind);
      return child.kind === "CallExpr" ? child : undefined;
    });
    expect(found?.kind).toBe("CallExpr");
    expect(seen).toEqual(["BinaryExpr", "CallExpr"]);
  });

  it("lists expressions apart from names", () => {
    if (body?.kind !== "IfExpr") throw new Error("not a conditional");
    const call = childExpressions(body)[1];
    expect(call?.kind).toBe("CallExpr");
    if (call === undefined) return;
    expect(childrenOf(call).map((c) => c.kind)).toEqual(["QualifiedName", "NameExpr", "NumberLiteral"]);
    expect(childExpressions(call).map((c) => c.kind)).toEqual(["NameExpr", "NumberLiteral"]);
    expect(childrenOf(call).filter(isExpression)).toEqual(childExpressions(call));
  });
});
