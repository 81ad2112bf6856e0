/**
 * `@remit/app`: the application layer every host calls (the command line, the HTTP server, and
 * any later adapter such as an editor or a queue consumer). It finds a policy's entry, reads its
 * sources from disk, compiles it, evaluates with the facts' own `asOf` as the fallback date,
 * describes a policy, writes diagnostics as JSON and matches scenario findings, each once.
 * Node-only (it reads files); the browser-safe pieces live in `@remit/lang` and `@remit/engine`.
 * @packageDocumentation
 */
export {
  type ClauseCoverage,
  type CoverageScenario,
  type PolicyCoverage,
  policyCoverage,
  type RuleCoverage,
  renderCoverageMarkdown,
} from "./coverage.js";
export { type DescribablePolicy, describePolicy, type PolicyDescription } from "./describe.js";
export { diagnosticsDocument } from "./diagnostics.js";
export {
  collectSources,
  findPolicyEntry,
  isPolicySource,
  joinPath,
  type PathProblem,
  pathProblemMessage,
} from "./entry.js";
export {
  type Evaluable,
  type EvaluationRequest,
  evaluateFacts,
  hasEvaluationDate,
} from "./evaluate.js";
export {
  createNodeSourceHost,
  maxTextFileBytes,
  type NodeSourceHost,
  type ReadProblem,
  readTextFile,
  readTextFileChecked,
  stripBom,
  toPosix,
} from "./host.js";
export {
  capped,
  defaultServiceLimits,
  type LimitProblem,
  policyTokenCount,
  readServiceLimits,
  type ServiceLimitName,
  type ServiceLimitSetting,
  type ServiceLimits,
  serviceLimitSettings,
} from "./limits.js";
export { type BuiltPolicy, buildPolicy, buildPolicySources, type LoadedPolicy, loadPolicy } from "./load.js";
export {
  evaluationRecord,
  factsHash,
  policySources,
  type RecordContext,
  sha256Text,
} from "./record.js";
export { type Reload, reloadPolicy } from "./reload.js";
export { fixturePath, scenarioFiles, toScenario } from "./scenarios/files.js";
export {
  type BrokenScenario,
  describeFailure,
  type ExpectedFinding,
  type Failure,
  type FindingPattern,
  type FixtureLookup,
  findingsOf,
  isFixtureName,
  judge,
  type Mismatch,
  matchesPattern,
  mergeFacts,
  mismatchesOf,
  type PartialDeep,
  patternSubjectText,
  type ResultLike,
  type Scenario,
  type Search,
  scenarioFromJson,
  search,
  shown,
  subjectText,
} from "./scenarios/index.js";
export { type WriteProblem, writeFileAtomic } from "./write.js";
