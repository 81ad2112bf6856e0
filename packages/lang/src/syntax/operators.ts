/** The comparison operators of the language, and what each one's opposite is. */
export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

/** The comparison that holds exactly when `op` does not, between two values that compare. */
export const negatedComparison: Readonly<Record<ComparisonOperator, ComparisonOperator>> = {
  "=": "!=",
  "!=": "=",
  "<": ">=",
  "<=": ">",
  ">": "<=",
  ">=": "<",
};
