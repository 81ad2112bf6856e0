import type { PrimitiveTypeName } from "./ast.js";

/** The built-in type names, as written in English (each has a Chinese keyword too). */
export const primitiveTypeNames: readonly PrimitiveTypeName[] = [
  "text",
  "integer",
  "decimal",
  "bool",
  "date",
  "duration",
];
