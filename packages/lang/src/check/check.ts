/**
 * The check stage: loaded modules in, the checked model out (docs/language.md is the reference).
 * The work is split by concern: scopes and declarations (declarations.ts), parameters
 * (parameters.ts), expression typing (expressions.ts), one file per rule kind (rules.ts and the
 * kinds' files) and lints (lints.ts); this file runs them in order and builds the model.
 */
import { functionTable } from "../builtins/index.js";
import * as codes from "../diagnostics/check-codes.js";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import { suggest } from "../diagnostics/suggest.js";
import type { LoadedModules } from "../modules/load.js";
import { fileStartSpan } from "../modules/load.js";
import type { Declaration, Grouping, Module, PolicyHeader, Rule } from "../syntax/ast.js";
import { keywordsByName } from "../syntax/keywords.js";
import { assembleChecked, type CheckedContent } from "./assemble.js";
import { Checker } from "./expressions.js";
import { lint } from "./lints.js";
import type { CheckedPolicy, CheckOptions } from "./model.js";
import { checkRule } from "./rules.js";
import type { ModuleScope } from "./scope.js";

/** What `check` returns: the model when the policy is free of errors, and every diagnostic. */
export interface CheckResult {
  readonly policy: CheckedPolicy | undefined;
  /** The loader's diagnostics followed by the checker's. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Resolves and type-checks loaded modules into the checked model. The model is returned only when
 * no error was found, so the engine never sees an ill-formed policy.
 * @example
 * ```ts
 * import { check, loadModules, memoryHost } from "@remit/lang";
 * const text = 'policy "P" version "2.1"\nclause 1 "first" text "Not machine-checkable: a preamble"\n';
 * const { policy, diagnostics } = check(loadModules("p.remit", memoryHost({ "p.remit": text })));
 * console.log(policy?.info.name, policy?.info.version, policy?.info.readers, diagnostics.length); // P 2.1 en 0
 * // A clause that no rule cites and whose text does not say why is a warning (R5019).
 * const bare = check(loadModules("p.remit", memoryHost({ "p.remit": 'policy "P"\nclause 1 "first"\n' })));
 * console.log(bare.diagnostics.map((d) => d.code).join()); // R5019
 * ```
 */
export function check(loaded: LoadedModules, options: CheckOptions = {}): CheckResult {
  const entryModule = loaded.modules[0];
  if (entryModule === undefined) {
    return { policy: undefined, diagnostics: [...loaded.diagnostics] };
  }
  const checker = new Checker(loaded, functionTable(options.functions ?? []));
  checker.buildScopes();
  const scopes = [...checker.scopes.values()];
  for (const scope of scopes) checker.declareClauses(scope);
  for (const scope of scopes) checker.declareCollections(scope);
  checker.computeInverses();
  for (const scope of scopes) checker.declareRecordsAndTypes(scope);
  for (const scope of scopes) checker.declareParams(scope);
  checker.orderParams();
  for (const scope of scopes) checker.declareDefines(scope);
  checker.checkRecursion();

  const header = entryModule.header;
  if (header === undefined) {
    checker.report(codes.missingPolicyHeader, fileStartSpan(entryModule.file), { file: entryModule.file });
  } else {
    const entryScope = checker.scopeOf(entryModule);
    if (header.warning !== undefined) {
      const type = checker.expr(header.warning, checker.moduleContext(entryScope));
      checker.expectKind(type, "duration", header.warning.span, ["the warning window", "预警期"]);
    }
    if (header.grouping !== undefined) checkGrouping(checker, header.grouping, entryScope);
    if (header.rollOver !== undefined && header.calendar === undefined) {
      checker.report(codes.workingDaysWithoutCalendar, header.rollOver.span, {});
    }
    const known = options.calendarNames;
    if (header.calendar !== undefined && known !== undefined && !known.includes(header.calendar.value)) {
      checker.report(codes.unknownCalendar, header.calendar.span, {
        name: header.calendar.value,
        known: known.join(", "),
      });
    }
  }

  // Imported modules' rules first, the entry's last; a repeated rule id is reported where it repeats.
  const seenRuleIds = new Map<string, Rule>();
  for (const scope of [...scopes].reverse()) {
    for (const declaration of scope.module.declarations) {
      if (
        declaration.kind === "DutyRule" ||
        declaration.kind === "EscalationRule" ||
        declaration.kind === "AccountabilityRule"
      ) {
        const first = seenRuleIds.get(declaration.id.text);
        if (first) {
          checker.report(
            codes.duplicateRuleId,
            declaration.id.span,
            { id: declaration.id.text },
            [],
            [{ message: { en: "first defined here", zh: "首次定义于此" }, span: first.id.span }],
          );
        } else {
          seenRuleIds.set(declaration.id.text, declaration);
        }
        checker.rules.push(checkRule(checker, declaration, scope));
      }
    }
  }

  lint(checker);
  checker.finishUnknown();

  const diagnostics = [
    ...loaded.diagnostics,
    ...withoutPartsHiddenBySyntaxErrors(checker.diagnostics, loaded.diagnostics, loaded.modules),
  ];
  if (hasErrors(diagnostics) || header === undefined) return { policy: undefined, diagnostics };
  return { policy: model(checker, entryModule), diagnostics };
}

/** Parts of a rule the checker reports missing: a syntax error in the rule may have hidden them. */
const missingPartCodes: ReadonlySet<string> = new Set([
  codes.missingCites.code,
  codes.dutyWithoutHolder.code,
  codes.dutyWithoutDeadline.code,
  codes.escalationWithoutStart.code,
  codes.escalationWithoutLevels.code,
  codes.accountabilityWithoutAsAt.code,
  codes.accountabilityWithoutCause.code,
]);

/** What only reading the whole policy can tell: a parameter nothing uses, a clause no rule cites. */
const wholePolicyCodes: ReadonlySet<string> = new Set([
  codes.unusedParameter.code,
  codes.clauseWithoutRules.code,
]);

/**
 * Syntax errors the parser could not mend: it skipped from them to the next declaration, so what
 * follows them in the rule was not read (the mended mistakes, R2012–R2015, leave the rule whole).
 */
const unmendedSyntaxErrors: ReadonlySet<string> = new Set(["R2001", "R2002", "R2005", "R2006"]);

/**
 * `checked` without the "no holder", "no deadline", "cites no clause", "no levels" and the like of
 * a rule in which the parser stopped: the part is often there, after the mistake (`rule cites no
 * clause` although `cites` is written, `no levels` when `starts` is missing before them), and the
 * syntax error, which says what is missing where, is the one message the author needs.
 */
function withoutPartsHiddenBySyntaxErrors(
  checked: readonly Diagnostic[],
  parsed: readonly Diagnostic[],
  modules: readonly Module[],
): Diagnostic[] {
  const stops = parsed.filter((d) => unmendedSyntaxErrors.has(d.code));
  if (stops.length === 0) return [...checked];
  // The policy is not read whole: a use of a parameter or a citation of a clause may be in the
  // unread part (`参数“期限”未被使用`, `条款 1 没有规则` although a broken rule uses and cites them).
  return checked.filter((d) => {
    if (wholePolicyCodes.has(d.code)) return false;
    if (!missingPartCodes.has(d.code)) return true;
    const declarations = modules.find((m) => m.file === d.span.file)?.declarations ?? [];
    const at = d.span.start.offset;
    const index = declarations.findIndex(
      (decl) => decl.span.start.offset <= at && at <= decl.span.end.offset,
    );
    if (index < 0) return true;
    const start = (declarations[index] as Declaration).span.start.offset;
    const end = declarations[index + 1]?.span.start.offset ?? Number.POSITIVE_INFINITY;
    return !stops.some(
      (s) => s.span.file === d.span.file && s.span.start.offset >= start && s.span.start.offset < end,
    );
  });
}

/** `group by` names a collection of the entry module (an imported module's would be `gbt.x`). */
function checkGrouping(checker: Checker, grouping: Grouping, scope: ModuleScope): void {
  const name = grouping.collection.name;
  if (scope.declared.get(name)?.kind === "collection") return;
  const collections = [...scope.declared.values()]
    .filter((d) => d.kind === "collection")
    .map((d) => d.decl.name.name);
  checker.report(
    codes.unknownGroupCollection,
    grouping.collection.span,
    { name },
    suggest(name, collections),
  );
}

function model(checker: Checker, entryModule: Module): CheckedPolicy {
  const header = entryModule.header;
  const { types, resolutions, slots } = checker;
  const content: CheckedContent = {
    info: {
      name: header?.name.value ?? "",
      version: header?.version?.value,
      source: header?.source?.value,
      effective: header?.effective?.value,
      warning: header?.warning,
      grouping:
        header?.grouping === undefined
          ? undefined
          : { collection: header.grouping.collection.name, others: header.grouping.others?.value },
      calendar: header?.calendar?.value,
      rollOver: header?.rollOver !== undefined,
      readers:
        header?.readers?.language ?? keywordLanguageOf(header, checker.loaded.sources.get(entryModule.file)),
    },
    modules: checker.loaded.modules,
    sources: checker.loaded.sources,
    clauses: checker.clauses,
    params: checker.params,
    paramOrder: checker.paramOrder,
    collections: checker.collections,
    records: checker.records,
    defines: checker.defines,
    rules: checker.rules,
  };
  return assembleChecked(content, { types, resolutions, slots });
}

/** The language the header's `policy` keyword is spelt in. */
function keywordLanguageOf(header: PolicyHeader | undefined, source: string | undefined): "en" | "zh" {
  if (header === undefined || source === undefined) return "en";
  const start = header.span.start.offset;
  return keywordsByName.Policy.zh.some((spelling) => source.startsWith(spelling, start)) ? "zh" : "en";
}
