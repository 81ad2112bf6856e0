/** Helpers to compare syntax trees whose positions differ. */

/** A node with every `span` left out, recursively. */
export type WithoutSpans<T> = T extends readonly (infer Element)[]
  ? readonly WithoutSpans<Element>[]
  : T extends object
    ? { readonly [K in keyof T as K extends "span" ? never : K]: WithoutSpans<T[K]> }
    : T;

/**
 * The node without its spans (nor those of its descendants), for comparing trees.
 * @example
 * ```ts
 * import { isDeepStrictEqual } from "node:util";
 * import { parse } from "@remit/lang";
 * import { stripSpans } from "@remit/testing";
 * const compact = parse("define total = 1+2\n", "a.remit").module.declarations;
 * const spaced = parse("define   total = 1 + 2\n", "b.remit").module.declarations;
 * console.log(isDeepStrictEqual(compact, spaced)); // false
 * console.log(isDeepStrictEqual(stripSpans(compact), stripSpans(spaced))); // true
 * ```
 */
export function stripSpans<T>(node: T): WithoutSpans<T> {
  return mapTree(node, (value) => value, "span") as WithoutSpans<T>;
}

/**
 * The node with every parenthesised expression replaced by its inner expression: the printer
 * adds the parentheses precedence needs, so trees are compared up to those.
 * @example
 * ```ts
 * import { isDeepStrictEqual } from "node:util";
 * import { parse } from "@remit/lang";
 * import { stripParens, stripSpans } from "@remit/testing";
 * const bare = parse("define total = 1 + 2 * 3\n", "a.remit").module.declarations;
 * const bracketed = parse("define total = (1 + (2 * 3))\n", "a.remit").module.declarations;
 * const other = parse("define total = (1 + 2) * 3\n", "a.remit").module.declarations;
 * console.log(isDeepStrictEqual(stripSpans(stripParens(bare)), stripSpans(stripParens(bracketed)))); // true
 * console.log(isDeepStrictEqual(stripSpans(stripParens(bare)), stripSpans(stripParens(other)))); // false
 * ```
 */
export function stripParens<T>(node: T): T {
  return mapTree(node, unwrapParens, undefined) as T;
}

function unwrapParens(value: unknown): unknown {
  let current = value;
  while (isRecord(current) && current["kind"] === "ParenExpr") current = current["inner"];
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function mapTree(value: unknown, rewrite: (value: unknown) => unknown, dropKey: string | undefined): unknown {
  const node = rewrite(value);
  if (Array.isArray(node)) return node.map((element) => mapTree(element, rewrite, dropKey));
  if (!isRecord(node)) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) {
    if (key === dropKey) continue;
    copy[key] = mapTree(child, rewrite, dropKey);
  }
  return copy;
}
