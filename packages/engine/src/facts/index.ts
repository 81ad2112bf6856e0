export { describeType, formatPath } from "./describe.js";
export {
  type FactsSchema,
  factsCalendarDaysKey,
  factsSchema,
  schemaOfFields,
  schemaOfType,
} from "./schema.js";
export { type ValidationOutcome, type ValidFacts, validateElement, validateFacts } from "./validate.js";
