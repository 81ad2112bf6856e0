/**
 * `@remit/json-rules-engine`: Remit policies as json-rules-engine rules and back.
 *
 * - `exportPolicy(checked)` turns a checked policy into json-rules-engine rules (one per rule and
 *   status), with R70xx diagnostics for what json-rules-engine cannot express;
 * - `registerRemitOperators(engine, operators)` installs the custom operators those rules use;
 * - `subjectFacts` builds the facts of one run; `runExported` runs a whole facts document;
 * - `importRules(json)` turns a json-rules-engine rule set into Remit source.
 * @packageDocumentation
 */
export {
  type ExportedSubject,
  type ExportOptions,
  type ExportResult,
  exportPolicy,
  exportPolicyJson,
} from "./export.js";
export { type JreFacts, subjectFacts } from "./facts.js";
export { type ImportOptions, type ImportResult, importRules } from "./import.js";
export type {
  JreAllCondition,
  JreAnyCondition,
  JreCondition,
  JreEvent,
  JreEventParams,
  JreFactReference,
  JreJson,
  JreLeafCondition,
  JreNotCondition,
  JreRuleProperties,
  JreTopLevelCondition,
} from "./jre.js";
export {
  baseOperators,
  type Comparison,
  dateOperator,
  type OperatorHost,
  type OperatorSpec,
  operatorEvaluator,
  parseOperatorName,
  registerRemitOperators,
  type Shift,
  textOperator,
} from "./operators.js";
export { type JreDecision, type PreparedRules, prepareEngines, runExported } from "./runtime.js";
