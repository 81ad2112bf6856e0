export { compileAccountability } from "./accountability.js";
export type { CompiledRule, RuleEnv } from "./common.js";
export { compileDuty, dutyStatus } from "./duty.js";
export { compileEscalation } from "./escalation.js";
export {
  compareIds,
  type EvaluationProgress,
  evaluateAll,
  evaluateInOrder,
  evaluateRule,
  findingsOf,
  orderFindings,
} from "./evaluate.js";
export { statusKeyOf, summarize, summaryKeyOf } from "./summary.js";
