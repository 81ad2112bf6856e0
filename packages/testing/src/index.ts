/**
 * `@remit/testing`: fast-check arbitraries and helpers for testing Remit tools and policies —
 * random syntax trees (`astModule`), random policy text (`policySource`), tree comparison up to
 * positions (`stripSpans`) and precedence parentheses (`stripParens`); valid and broken facts
 * documents for a policy (`factsFor`, `invalidFactsFor`); and scenario assertions on evaluation
 * results (`expectFinding`, `expectNoFinding`, `atDates`, and `toHaveFinding` from
 * `@remit/testing/vitest`).
 * @packageDocumentation
 */
export { type PolicySourceOptions, policySource } from "./arbitraries/source.js";
export {
  type AstModuleOptions,
  astModule,
  declaration,
  expr,
  identifier,
  stringLiteral,
} from "./arbitraries/syntax.js";
export { stripParens, stripSpans, type WithoutSpans } from "./compare.js";
export {
  type Boundaries,
  boundariesOf,
  type CollectionSize,
  type FactsDocument,
  type FactsOptions,
  factsFor,
  type InvalidFacts,
  type InvalidFactsOptions,
  type InvalidKind,
  invalidFactsFor,
  invalidKinds,
  type PolicyLike,
} from "./facts/index.js";
export {
  atDates,
  describeFinding,
  expectFinding,
  expectNoFinding,
  FindingAssertionError,
  type FindingPattern,
  type Mismatch,
  mismatchesOf,
  type PartialDeep,
  type ResultLike,
} from "./scenario/index.js";
