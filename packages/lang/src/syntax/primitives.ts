import type { PrimitiveTypeName } from "./ast.js";
import { primitiveTypeKeywords } from "./keywords.js";

/**
 * The built-in type names, as the syntax tree writes them (each has its keywords in the table).
 * @example
 * ```ts
 * import { primitiveTypeNames } from "@remit/lang";
 * console.log(primitiveTypeNames.join(" ")); // text integer decimal bool date duration
 * ```
 */
export const primitiveTypeNames: readonly PrimitiveTypeName[] = Object.keys(
  primitiveTypeKeywords,
) as PrimitiveTypeName[];
