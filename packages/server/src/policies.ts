/**
 * The policies a server answers for: each compiled policy under its route name, with its
 * description (the application layer's), its sources' hashes and its labels (for records) and its
 * text (for worker threads), computed once per version. A reload replaces a version in place.
 */
import {
  type DescribablePolicy,
  describePolicy,
  type Evaluable,
  type PolicyDescription,
  policySources,
} from "@remit/app";
import { type Policy, type PolicyLabels, policyLabels } from "@remit/engine";
import type { PolicySource } from "@remit/store";
import type { PolicyText } from "./worker.js";

/** A compiled policy as the server calls it: described by the application layer, evaluated on request. */
export type EnginePolicy = DescribablePolicy & Evaluable & Pick<Policy, "schema">;

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
  readonly sources: readonly PolicySource[];
  /** Its labels for subjects and escalation levels, kept with each record. */
  readonly labels: PolicyLabels;
  readonly text: PolicyText;
}

function serve(route: string, policy: EnginePolicy): ServedPolicy {
  const { checked } = policy;
  return {
    route,
    policy,
    description: describePolicy(policy),
    sources: policySources(checked),
    labels: policyLabels(checked),
    text: {
      hash: policy.info.hash,
      entry: checked.modules[0]?.file ?? "policy.remit",
      files: Object.fromEntries(checked.sources),
    },
  };
}

/**
 * The served policies, in the order given; the first answers the unprefixed routes.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { PolicySet } from "@remit/server";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * // The same policy under its own name and under a second route.
 * const set = new PolicySet([compiled.policy, { name: "county", policy: compiled.policy }]);
 * console.log(set.routes, set.first.route, set.get("county")?.description.name); // [ 'listing', 'county' ] listing listing
 * try {
 *   new PolicySet([compiled.policy, compiled.policy]);
 * } catch (error) {
 *   console.log(String(error)); // Error: two policies are served as 'listing'
 * }
 * ```
 */
export class PolicySet {
  readonly #byRoute = new Map<string, ServedPolicy>();

  constructor(entries: readonly PolicyEntry[]) {
    for (const entry of entries) {
      const policy = "evaluate" in entry ? entry : entry.policy;
      const route = "evaluate" in entry ? entry.info.name : entry.name;
      if (this.#byRoute.has(route)) throw new Error(`two policies are served as '${route}'`);
      this.#byRoute.set(route, serve(route, policy));
    }
    if (this.#byRoute.size === 0) throw new Error("a server needs at least one policy");
  }

  get first(): ServedPolicy {
    return this.#byRoute.values().next().value as ServedPolicy;
  }

  get(route: string): ServedPolicy | undefined {
    return this.#byRoute.get(route);
  }

  get routes(): string[] {
    return [...this.#byRoute.keys()];
  }

  all(): ServedPolicy[] {
    return [...this.#byRoute.values()];
  }

  /** Serves a new version under an existing route; the requests already running keep the old one. */
  replace(route: string, policy: EnginePolicy): ServedPolicy {
    if (!this.#byRoute.has(route)) throw new Error(`no policy is served as '${route}'`);
    const served = serve(route, policy);
    this.#byRoute.set(route, served);
    return served;
  }
}
