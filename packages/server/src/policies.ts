/**
 * The policies a server answers for: each compiled policy under its route name, with its
 * description (the application layer's) computed once.
 */
import { type DescribablePolicy, describePolicy, type Evaluable, type PolicyDescription } from "@remit/app";

/** A compiled policy as the server calls it: described by the application layer, evaluated on request. */
export type EnginePolicy = DescribablePolicy & Evaluable;

/** A policy served under a route name other than its own (`/v1/policies/ziyuan/…`). */
export interface NamedPolicy {
  readonly name: string;
  readonly policy: EnginePolicy;
}

export type PolicyEntry = EnginePolicy | NamedPolicy;

export interface ServedPolicy {
  /** The name in `/v1/policies/{name}/…`. */
  readonly route: string;
  readonly policy: EnginePolicy;
  readonly description: PolicyDescription;
}

export function servePolicies(entries: readonly PolicyEntry[]): readonly ServedPolicy[] {
  const served = entries.map((entry): ServedPolicy => {
    const policy = "evaluate" in entry ? entry : entry.policy;
    const route = "evaluate" in entry ? entry.info.name : entry.name;
    return { route, policy, description: describePolicy(policy) };
  });
  const seen = new Set<string>();
  for (const s of served) {
    if (seen.has(s.route)) throw new Error(`two policies are served as '${s.route}'`);
    seen.add(s.route);
  }
  return served;
}
