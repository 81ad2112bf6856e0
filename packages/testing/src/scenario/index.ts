export { atDates, expectFinding, expectNoFinding, FindingAssertionError } from "./expect.js";
export {
  describeFinding,
  type FindingPattern,
  type Mismatch,
  mismatchesOf,
  type PartialDeep,
  type ResultLike,
} from "./match.js";
