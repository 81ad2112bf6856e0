export { type RuleDependencies, ruleDependencies } from "./dependencies.js";
export {
  type FactsDraft,
  type FindingsDiff,
  Session,
  type UpdateOutcome,
  type UpdateStats,
} from "./session.js";
