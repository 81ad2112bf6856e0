/** The comparison operators of the language, and what each one's opposite is. */
export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

/**
 * The comparison that holds exactly when `op` does not, between two values that compare.
 * @example
 * ```ts
 * import { negatedComparison } from "@remit/lang";
 * console.log(negatedComparison["<"], negatedComparison["="]); // >= !=
 * ```
 */
export const negatedComparison: Readonly<Record<ComparisonOperator, ComparisonOperator>> = {
  "=": "!=",
  "!=": "=",
  "<": ">=",
  "<=": ">",
  ">": "<=",
  ">=": "<",
};
