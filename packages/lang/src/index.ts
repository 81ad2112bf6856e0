/**
 * `@remit/lang`: the Remit policy language, from source text to a checked model.
 *
 * The pipeline: source → tokens (`tokenize`) → syntax tree (`parse`) → modules loaded through a
 * {@link SourceHost} (`loadModules`) → checked model (`check`, or `analyze` for load + check).
 * The formatter (`format`) prints the canonical layout. Browser-safe: nothing here reads files
 * itself; hosts supply the text.
 * @packageDocumentation
 */

export {
  asOfNames,
  type Bilingual,
  type BuiltinFunction,
  builtinFunctionDeclarations,
  builtinFunctionsByName,
  builtinFunctionTable,
  builtinNameDeclarations,
  type CallableFunction,
  type FunctionDeclaration,
  type FunctionDocs,
  type FunctionSignature,
  functionTable,
  type HostFunction,
  type JsonRulesEngineTranslation,
  type ParameterType,
  type RuntimeValue,
} from "./builtins/index.js";
export {
  type AccountabilityInfo,
  type AnalyzeResult,
  analyze,
  type CheckedPolicy,
  type CheckOptions,
  type CheckResult,
  type ClauseInfo,
  type CollectionInfo,
  check,
  checkedFormatVersion,
  type DefineInfo,
  type DeserializeError,
  type DeserializeOptions,
  type DutyInfo,
  deserializeChecked,
  displayType,
  type EscalationInfo,
  type FieldInfo,
  type GroupingInfo,
  type InverseInfo,
  notJudgedLines,
  type ParamInfo,
  type PolicyInfo,
  type RecordInfo,
  type ReferenceInfo,
  type Resolution,
  type RuleInfo,
  serializeChecked,
  type Type,
} from "./check/index.js";
/** Type constructors, for a host function's signature. */
export {
  boolType,
  dateType,
  durationType,
  listType,
  numberType,
  optionalType,
  textType,
} from "./check/types.js";

export {
  type CalendarDate,
  daysInMonth,
  isCalendarDate,
  isLeapYear,
  parseCalendarDate,
} from "./dates/index.js";
export {
  type Diagnostic,
  type DiagnosticDefinition,
  type DiagnosticJson,
  diagnosticCatalog,
  diagnosticToJson,
  editDistance,
  hasErrors,
  type Language,
  type Localized,
  type RelatedLocation,
  type RelatedLocationJson,
  type Severity,
  sortDiagnostics,
  suggest,
} from "./diagnostics/index.js";
export {
  applyFixes,
  type CodeBlock,
  displayWidth,
  documentLanguage,
  type Fix,
  type FixesApplied,
  type FormatOptions,
  type FormatResult,
  type FormatTextOptions,
  fixAll,
  fixFor,
  format,
  formatModule,
  type KeywordLanguage,
  remitBlocks,
  type TextEdit,
} from "./format/index.js";
export { extractLiterate, type LiterateResult } from "./literate/index.js";
export {
  dirname,
  entryFileNames,
  findEntry,
  type LoadedModules,
  loadModules,
  memoryHost,
  normalizePath,
  relativePath,
  resolveRelative,
  type SourceHost,
} from "./modules/index.js";
export { assertNever } from "./never.js";
export {
  maxExpressionDepth,
  maxFileLength,
  maxNestingDepth,
  type ParseResult,
  parse,
} from "./parse/index.js";
export { keywordTokens, spanOfRange, type TokenizeResult, tokenize } from "./scan/index.js";
export type * from "./syntax/ast.js";
export {
  type ChildKey,
  childExpressions,
  childrenOf,
  forEachChild,
  isExpression,
  type NodeKind,
  type NodeOfKind,
  type NodePart,
  partsOf,
  type RulePart,
  type RulePartName,
  ruleParts,
} from "./syntax/children.js";
export { keywordMeanings } from "./syntax/keyword-meanings.js";
export {
  aggregateKeywords,
  declarationKeywords,
  durationUnitKeywords,
  type KeywordName,
  type KeywordSpelling,
  keywords,
  keywordsByName,
  modalityKeywords,
  periodUnitKeywords,
  primitiveTypeKeywords,
  recurrenceKeywords,
  spellingsOf,
  type UnitKeyword,
  type UnitMeasure,
} from "./syntax/keywords.js";
export { isLiteral } from "./syntax/literals.js";
export { type ComparisonOperator, negatedComparison } from "./syntax/operators.js";
export { primitiveTypeNames } from "./syntax/primitives.js";
