/**
 * The bench's hazards policy as a GoRules Zen decision graph (JDM): one expression node giving
 * each rule's status for one hazard, or null where the rule does not apply. The conditions are
 * those of the policy (and of its json-rules-engine export): a hazard counts from `foundOn`;
 * a duty is met when its date is on or before the evaluation date, overdue after its deadline,
 * due soon within the 15-day warning; the ladder climbs a level after 15 and 30 days and one more
 * once past `rectifyBy`; the casualty review is judged as at `foundOn`. Dates stay ISO text and
 * Zen reads them with its own `date()` (seconds), as Remit reads them itself.
 */
import { ZenEngine } from "@gorules/zen-engine";

const day = 86_400;
const a = "date(asOf)";
const f = "date(foundOn)";
/** `field` is set and on or before `when`. */
const onOrBefore = (field: string, when: string): string =>
  `(${field} != null and date(${field}) <= ${when})`;

const expressions: Record<string, string> = {
  "major-hazard-listing": `${f} <= ${a} and level == "重大" ? (${onOrBefore("listedOn", a)} ? "met" : (${a} > ${f} + ${7 * day} ? "overdue" : (${a} >= ${f} + ${(7 - 15) * day} ? "due-soon" : "pending"))) : null`,
  "rectify-plan": `${f} <= ${a} and rectifyBy != null and kind in ["电气", "通道", "消防设施"] ? (${onOrBefore("rectifiedOn", a)} ? "met" : (${a} > date(rectifyBy) ? "overdue" : (${a} >= date(rectifyBy) - ${15 * day} ? "due-soon" : "pending"))) : null`,
  inspected: `${f} <= ${a} and venue.floors >= 10 ? (inspected == true or ${onOrBefore("rectifiedOn", a)} ? "met" : "overdue") : null`,
  "general-hazard-ladder": `${f} <= ${a} and level == "一般" ? (${onOrBefore("rectifiedOn", a)} ? "closed" : ((${a} > ${f} + ${30 * day}) or (rectifyBy != null and ${a} > date(rectifyBy) and ${a} > ${f} + ${15 * day}) ? "county" : ((rectifyBy != null and ${a} > date(rectifyBy)) or ${a} > ${f} + ${15 * day} ? "township" : "grid"))) : null`,
  casualty: `${f} <= ${a} and (deaths > 0 or injured >= 3) and ((level == "重大" and not ${onOrBefore("listedOn", f)}) or (rectifyBy != null and date(rectifyBy) < ${f} and not ${onOrBefore("rectifiedOn", f)})) ? "triggered" : null`,
};

/** The decision graph, as the Zen editor would save it. */
export const zenGraph = {
  nodes: [
    { id: "input", type: "inputNode", name: "hazard", position: { x: 0, y: 0 } },
    {
      id: "rules",
      type: "expressionNode",
      name: "statuses",
      position: { x: 300, y: 0 },
      content: {
        expressions: Object.entries(expressions).map(([key, value], i) => ({ id: String(i), key, value })),
      },
    },
    { id: "output", type: "outputNode", name: "statuses", position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: "in", sourceId: "input", targetId: "rules", type: "edge" },
    { id: "out", sourceId: "rules", targetId: "output", type: "edge" },
  ],
};

export const zenRules = Object.keys(expressions);

/** A decision ready to evaluate: each call judges one hazard as at `asOf`. */
export function zenDecision(): (
  hazard: Record<string, unknown>,
  asOf: string,
) => Promise<Record<string, string | null>> {
  const engine = new ZenEngine();
  const decision = engine.createDecision(Buffer.from(JSON.stringify(zenGraph)));
  return async (hazard, asOf) => {
    const response = await decision.evaluate({ ...hazard, asOf });
    return response.result as Record<string, string | null>;
  };
}
