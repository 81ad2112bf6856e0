export { type Boundaries, boundariesOf } from "./boundaries.js";
export { type CollectionSize, type FactsDocument, type FactsOptions, factsFor } from "./facts.js";
export {
  type InvalidFacts,
  type InvalidFactsOptions,
  type InvalidKind,
  invalidFactsFor,
  invalidKinds,
} from "./invalid.js";
export type { PolicyLike } from "./policy.js";
