import type { Span } from "../syntax/ast.js";

/** A use of one declaration by another: `to` is used at `span`. */
export interface Dependency {
  readonly to: string;
  readonly span: Span;
}

/**
 * Depth first from `roots`, in their order: every node comes after the nodes it depends on. Each
 * cycle is handed to `onCycle` once (spelled from the node visited first, its first node repeated
 * at the end), with the dependency that closes it; its nodes still appear in the order.
 */
export function dependencyOrder(
  roots: Iterable<string>,
  dependencies: (node: string) => readonly Dependency[],
  onCycle: (cycle: readonly string[], closing: Dependency) => void,
): string[] {
  const state = new Map<string, "active" | "done">();
  const path: string[] = [];
  const reported = new Set<string>();
  const order: string[] = [];
  const visit = (node: string): void => {
    state.set(node, "active");
    path.push(node);
    for (const edge of dependencies(node)) {
      const seen = state.get(edge.to);
      if (seen === "active") {
        const cycle = [...path.slice(path.indexOf(edge.to)), edge.to];
        const id = [...new Set(cycle)].sort().join("\n");
        if (!reported.has(id)) {
          reported.add(id);
          onCycle(cycle, edge);
        }
      } else if (seen === undefined) {
        visit(edge.to);
      }
    }
    path.pop();
    state.set(node, "done");
    order.push(node);
  };
  for (const root of roots) if (!state.has(root)) visit(root);
  return order;
}

/** `'a' -> 'b' -> 'a'`, as cycle diagnostics spell a cycle. */
export function spellCycle(cycle: readonly string[]): string {
  return cycle.map((node) => `'${node}'`).join(" -> ");
}
