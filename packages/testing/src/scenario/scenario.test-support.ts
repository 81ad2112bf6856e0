/** A small policy whose findings are easy to predict, for the scenario helpers' tests. */
import { compile, type EvaluateOutcome, type Policy } from "@remit/engine";

const source = `policy "scenario fixture"
  effective 2026-01-01
  warning 30 days

clause 1 "general"

param listing: duration = 7 days "listing window"

record county {
  id: text
  meetings: list date
}

collection hazards since foundOn {
  level: enum("一般", "重大")
  foundOn: date
  listedOn: optional date
}

duty listing "major hazards are listed"
  must
  cites 1
  for each h in hazards where h.level = "重大"
  holder "county"
  requires h.listedOn
  within listing of h.foundOn

duty analysis "quarterly analysis"
  must
  cites 1
  for county
  holder "county"
  requires latest(d in county.meetings where d in period)
  every quarter from 2026-01-01
`;

let cached: Policy | undefined;

export function scenarioPolicy(): Policy {
  if (cached !== undefined) return cached;
  const out = compile(source);
  if (!("policy" in out)) throw new Error(out.diagnostics.map((d) => d.message.en).join("; "));
  cached = out.policy;
  return cached;
}

export const scenarioFacts = {
  county: { id: "C", meetings: ["2026-02-10", "2026-08-20"] },
  hazards: [
    { id: "H1", level: "重大", foundOn: "2026-10-01", listedOn: null },
    { id: "H2", level: "重大", foundOn: "2026-09-01", listedOn: "2026-09-10" },
    { id: "H3", level: "一般", foundOn: "2026-09-05" },
  ],
};

export function evaluateAt(asOf: string, facts: unknown = scenarioFacts): EvaluateOutcome {
  return scenarioPolicy().evaluate(facts, { asOf });
}
