/**
 * `@remit/testing`: fast-check arbitraries and helpers for testing Remit tools — random syntax
 * trees (`astModule`), random policy text (`policySource`) and tree comparison up to positions
 * (`stripSpans`) and precedence parentheses (`stripParens`).
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
