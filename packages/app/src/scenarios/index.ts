/**
 * `@remit/app/scenarios`: scenario files read from JSON, and the one matcher that compares their
 * finding patterns with a result. Browser-safe (no `node:` imports), so a page runs the same
 * scenarios as `remit test`; the Node part that finds files on disk is in the main entry.
 * @packageDocumentation
 */
export {
  type FindingPattern,
  findingsOf,
  type Mismatch,
  matchesPattern,
  mismatchesOf,
  type PartialDeep,
  type ResultLike,
  type Search,
  search,
  shown,
} from "./match.js";
export {
  type BrokenScenario,
  describeFailure,
  type ExpectedFinding,
  type Failure,
  type FixtureLookup,
  isFixtureName,
  judge,
  mergeFacts,
  patternSubjectText,
  type Scenario,
  scenarioFromJson,
  subjectText,
} from "./scenario.js";
