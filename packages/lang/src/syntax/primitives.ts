import type { PrimitiveTypeName } from "./ast.js";
import { primitiveTypeKeywords } from "./keywords.js";

/** The built-in type names, as the syntax tree writes them (each has its keywords in the table). */
export const primitiveTypeNames: readonly PrimitiveTypeName[] = Object.keys(
  primitiveTypeKeywords,
) as PrimitiveTypeName[];
