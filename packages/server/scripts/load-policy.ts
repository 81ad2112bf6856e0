/** The policy and facts the load test sends. */
import type { EnginePolicy } from "../src/index.js";
import { fakePolicy } from "../src/testing/fake-policy.js";

export interface LoadSubject {
  readonly label: string;
  readonly policy: EnginePolicy;
  readonly facts: unknown;
  readonly invalidFacts: unknown;
  readonly asOf: string;
}

export async function loadPolicy(): Promise<LoadSubject> {
  const hazards = Array.from({ length: 200 }, (_, i) => ({
    id: `H${i}`,
    foundOn: `2026-0${1 + (i % 9)}-1${i % 10}`,
    ...(i % 3 === 0 ? { listedOn: `2026-0${1 + (i % 9)}-2${i % 10}` } : {}),
  }));
  return {
    label: "stand-in hazards policy",
    policy: fakePolicy(),
    facts: { hazards },
    invalidFacts: { hazards: [{ id: 1 }] },
    asOf: "2026-10-31",
  };
}
