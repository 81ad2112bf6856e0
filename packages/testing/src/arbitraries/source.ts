import { formatModule } from "@remit/lang";
import fc from "fast-check";
import { type AstModuleOptions, astModule } from "./syntax.js";

export interface PolicySourceOptions extends AstModuleOptions {
  /** The keyword language; by default English or Chinese at random. */
  readonly keywords?: "en" | "zh";
}

/**
 * Random well-formed policy text: a printed `astModule()`, for fuzzing parsers and tools.
 * @example
 * ```ts
 * import { parse } from "@remit/lang";
 * import { policySource } from "@remit/testing";
 * import fc from "fast-check";
 * const texts = fc.sample(policySource({ keywords: "zh", maxDeclarations: 3 }), { numRuns: 30, seed: 5 });
 * console.log(texts.every((text) => parse(text, "p.remit").diagnostics.length === 0)); // true
 * console.log(texts.some((text) => text.includes("政策"))); // true
 * ```
 */
export function policySource(options: PolicySourceOptions = {}): fc.Arbitrary<string> {
  const language =
    options.keywords === undefined
      ? fc.constantFrom("en" as const, "zh" as const)
      : fc.constant(options.keywords);
  return fc
    .tuple(astModule(options), language)
    .map(([module, keywords]) => formatModule(module, { keywords }));
}
