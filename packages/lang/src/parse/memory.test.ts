/**
 * The parser's memory per list element is a small constant. A policy with a million-element list
 * (`define k: list integer = [1,1,…]`, 2 MB) once took 4.2 GB: each element went through the ten
 * expression rules, ten tree nodes of about 5 KB in all. Lone literals are now tokens of the list
 * itself; measured with `node --expose-gc` (heap before and after), 767 bytes per element at the
 * peak and 708 kept (the syntax tree's node and span), against 4,800 before.
 */

import { GCProfiler } from "node:v8";
import type { CstNode } from "chevrotain";
import { describe, expect, it } from "vitest";
import { tokenize } from "../scan/lexer.js";
import type { Expr, Module } from "../syntax/ast.js";
import { RemitParser } from "./grammar.js";
import { errorMessageProvider } from "./messages.js";
import { parse } from "./parse.js";

const listOf = (n: number, element: (i: number) => string) =>
  `define k: list integer = [${Array.from({ length: n }, (_, i) => element(i)).join(",")}]\n`;

/** The elements of the list `k` is defined as. */
function listElements(module: Module): readonly Expr[] {
  const [declaration] = module.declarations;
  if (declaration?.kind !== "DefineDecl" || declaration.body.kind !== "ListLiteral")
    throw new Error("a list");
  return declaration.body.elements;
}

/** Nodes of the concrete syntax tree, counted with an explicit stack. */
function cstNodes(root: CstNode): number {
  let count = 0;
  const stack: CstNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    count++;
    for (const children of Object.values(node.children))
      for (const child of children) if ("children" in child) stack.push(child);
  }
  return count;
}

describe("the parser's memory per list element", () => {
  it("builds no tree nodes per literal element, and the same nodes as before for expressions", () => {
    const parser = new RemitParser(errorMessageProvider);
    const nodesFor = (text: string) => {
      parser.input = tokenize(text, "k.remit").tokens;
      const cst = parser.module();
      expect(parser.errors).toEqual([]);
      return cstNodes(cst);
    };
    const literals = (n: number) => nodesFor(listOf(n, (i) => (i % 2 === 0 ? "1" : '"一般"')));
    expect(literals(1000)).toBe(literals(10));
    // An element that is an expression still goes through the expression rules.
    const expressions = (n: number) => nodesFor(listOf(n, () => "1 + 1"));
    expect(expressions(20) - expressions(10)).toBeGreaterThanOrEqual(10 * 10);
  });

  it("keeps each element, literal or not, in source order", () => {
    const result = parse(
      listOf(6, (i) => ["1", "2 + 3", '"a"', "2026-01-01", "true", "-4"][i]!),
      "k.remit",
    );
    expect(result.diagnostics).toEqual([]);
    expect(listElements(result.module).map((e) => e.kind)).toEqual([
      "NumberLiteral",
      "BinaryExpr",
      "StringLiteral",
      "DateLiteral",
      "BoolLiteral",
      "UnaryExpr",
    ]);
  });

  it("parses a 100,000-element list within about 2 KB of heap per element at the peak", () => {
    const n = 100_000;
    const text = listOf(n, () => "1");
    const before = process.memoryUsage().heapUsed;
    const profiler = new GCProfiler();
    profiler.start();
    const result = parse(text, "k.remit");
    const atEnd = process.memoryUsage().heapUsed;
    const { statistics } = profiler.stop();
    const peak = Math.max(atEnd, ...statistics.map((s) => s.beforeGC.heapStatistics.usedHeapSize));
    expect(result.diagnostics).toEqual([]);
    expect(listElements(result.module)).toHaveLength(n);
    // Garbage from before the parse counts too, so the bound is loose: the old parser needed 4.8 KB.
    expect((peak - before) / n).toBeLessThan(2048);
  }, 60_000);
});
