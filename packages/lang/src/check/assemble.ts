/**
 * The one place a checked model is put together from its content and its side tables: the
 * checker builds it this way, and so does reading a policy compiled ahead of time. The tables
 * stay reachable from the model (for writing it out) without widening the public type.
 */
import type { CallExpr, Expr, Identifier, MemberExpr, NameExpr, Span } from "../syntax/ast.js";
import type { CheckedPolicy, Resolution, Type } from "./model.js";

/** The side tables keyed by syntax nodes that `typeOf`, `resolve` and `slotOf` read. */
export interface SideTables {
  readonly types: ReadonlyMap<Expr, Type>;
  readonly resolutions: ReadonlyMap<NameExpr | MemberExpr | CallExpr, Resolution>;
  readonly slots: ReadonlyMap<Identifier, number>;
}

/** Everything in the checked model but its lookups. */
export type CheckedContent = Omit<CheckedPolicy, "typeOf" | "resolve" | "slotOf">;

const tablesByPolicy = new WeakMap<CheckedPolicy, SideTables>();

export function assembleChecked(content: CheckedContent, tables: SideTables): CheckedPolicy {
  const { types, resolutions, slots } = tables;
  const policy: CheckedPolicy = {
    ...content,
    typeOf(expr) {
      const type = types.get(expr);
      if (type === undefined) throw new Error(`expression at ${describeSpan(expr.span)} was not checked`);
      return type;
    },
    resolve(node) {
      const resolution = resolutions.get(node);
      if (resolution === undefined)
        throw new Error(`no resolution for the node at ${describeSpan(node.span)}`);
      return resolution;
    },
    slotOf(binding) {
      const slot = slots.get(binding);
      if (slot === undefined)
        throw new Error(`'${binding.name}' at ${describeSpan(binding.span)} is not a bound variable`);
      return slot;
    },
  };
  tablesByPolicy.set(policy, tables);
  return policy;
}

/** The side tables of a model built by {@link assembleChecked}; undefined for any other object. */
export function sideTablesOf(policy: CheckedPolicy): SideTables | undefined {
  return tablesByPolicy.get(policy);
}

function describeSpan(span: Span): string {
  return `${span.file}:${span.start.line}:${span.start.column}`;
}
