/**
 * A small real policy for exercising the HTTP layer: one duty ("list each hazard within
 * `listingDays` of finding it") over a `hazards` collection, compiled by the engine.
 */
import { buildPolicySources, type Evaluable } from "@remit/app";
import type { Policy } from "@remit/engine";
import type { EnginePolicy } from "../policies.js";

export function hazardsSource(name = "hazards"): string {
  return `policy "${name}"
  version "1.0.0"

clause 2.1.3 "挂牌督办" text "重大火灾隐患挂牌督办"

param listingDays: duration = 15 days "days to list a hazard"

collection hazards {
  foundOn: date
  listedOn: optional date
}

duty hazard-listing "隐患挂牌"
  must
  cites 2.1.3
  for each h in hazards
  holder "county"
  requires h.listedOn
  within listingDays of h.foundOn
`;
}

/** The hazards policy, compiled; `name` is its declared name (and so its default route). */
export function hazardsPolicy(name = "hazards"): Policy {
  const built = buildPolicySources({ "policy.remit": hazardsSource(name) }, "policy.remit");
  if (built.policy === undefined) {
    throw new Error(
      `the hazards policy does not compile: ${built.diagnostics.map((d) => d.message.en).join("; ")}`,
    );
  }
  return built.policy;
}

/** A policy whose evaluations wait until the test lets them finish. */
export function heldPolicy(name = "held"): {
  policy: EnginePolicy;
  started: Promise<void>;
  release: () => void;
} {
  const base = hazardsPolicy(name);
  let markStarted = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const evaluate: Evaluable["evaluate"] = async (facts, options) => {
    markStarted();
    await released;
    return base.evaluate(facts, options);
  };
  return { started, release, policy: { ...base, evaluate } };
}
