import { formatModule } from "@remit/lang";
import fc from "fast-check";
import { type AstModuleOptions, astModule } from "./syntax.js";

export interface PolicySourceOptions extends AstModuleOptions {
  /** The keyword language; by default English or Chinese at random. */
  readonly keywords?: "en" | "zh";
}

/** Random well-formed policy text: a printed `astModule()`, for fuzzing parsers and tools. */
export function policySource(options: PolicySourceOptions = {}): fc.Arbitrary<string> {
  const language =
    options.keywords === undefined
      ? fc.constantFrom("en" as const, "zh" as const)
      : fc.constant(options.keywords);
  return fc
    .tuple(astModule(options), language)
    .map(([module, keywords]) => formatModule(module, { keywords }));
}
