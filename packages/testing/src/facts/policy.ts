import { compileChecked, type Policy } from "@remit/engine";
import type { CheckedPolicy } from "@remit/lang";

/** What the fact arbitraries accept: the engine's compiled policy or the checker's model. */
export type PolicyLike = Policy | CheckedPolicy;

function isCompiled(policy: PolicyLike): policy is Policy {
  return "checked" in policy && typeof (policy as Policy).evaluate === "function";
}

/** Compiled once per checked model: the arbitraries read parameter defaults from the policy. */
const compiledByModel = new WeakMap<CheckedPolicy, Policy>();

export function compiledPolicy(policy: PolicyLike): Policy {
  if (isCompiled(policy)) return policy;
  let compiled = compiledByModel.get(policy);
  if (compiled === undefined) {
    compiled = compileChecked(policy);
    compiledByModel.set(policy, compiled);
  }
  return compiled;
}
