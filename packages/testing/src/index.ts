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
