import {
  asOfNames,
  type CallableFunction,
  declarationOf,
  displayedParameterType,
  functionTable,
  periodMembers,
  periodNames,
} from "../builtins/index.js";
import * as codes from "../diagnostics/check-codes.js";
import {
  type Diagnostic,
  type DiagnosticDefinition,
  diagnostic,
  hasErrors,
} from "../diagnostics/diagnostic.js";
import { suggest } from "../diagnostics/suggest.js";
import type { LoadedModules } from "../modules/load.js";
import { fileStartSpan } from "../modules/load.js";
import type {
  AggregateExpr,
  BinaryExpr,
  CallExpr,
  DefineDecl,
  Expr,
  FieldDecl,
  Identifier,
  MemberExpr,
  Module,
  NameExpr,
  ParamDecl,
  QualifiedName,
  RecordDecl,
  Rule,
  Span,
  TypeExpr,
} from "../syntax/ast.js";
import { isLiteral } from "../syntax/literals.js";
import { primitiveTypeNames } from "../syntax/primitives.js";
import type {
  CheckedPolicy,
  CheckOptions,
  ClauseInfo,
  CollectionInfo,
  DefineInfo,
  FieldInfo,
  InverseInfo,
  ParamInfo,
  RecordInfo,
  Resolution,
  RuleInfo,
  Type,
} from "./model.js";
import type { Declared, ModuleScope } from "./scope.js";
import {
  assignable,
  boolType,
  type DurationMeasure,
  dateType,
  displayType,
  durationType,
  elementOf,
  entityType,
  errorType,
  isEventDate,
  isOptional,
  isTextLike,
  listType,
  measureOf,
  measuresCompatible,
  noneType,
  numberType,
  optionalIfAny,
  optionalType,
  periodType,
  stripOptional,
  textType,
  unify,
  unitsCompatible,
} from "./types.js";

/** What `check` returns: the model when the policy is free of errors, and every diagnostic. */
export interface CheckResult {
  readonly policy: CheckedPolicy | undefined;
  /** The loader's diagnostics followed by the checker's. */
  readonly diagnostics: readonly Diagnostic[];
}

type Local = { readonly slot: number; readonly type: Type };

/** Where an expression is checked: its module, the locals in scope and the frame they live in. */
interface Context {
  readonly scope: ModuleScope;
  readonly locals: ReadonlyMap<string, Local>;
  readonly frame: { size: number };
  /** Inside a recurring duty, where `period` means the period being judged. */
  readonly periodAllowed: boolean;
  /** The definition whose body is being checked, for the call graph. */
  readonly inDefine: string | undefined;
}

/** A text in both languages, for the "what" of a message. */
type What = readonly [en: string, zh: string];

const exactDays: Record<string, number> = { day: 1, week: 7 };
const calendarMonths: Record<string, number> = { month: 1, quarter: 3, year: 12 };

function typeArgs<K extends string>(key: K, type: Type): Record<K | `${K}Zh`, string> {
  return { [key]: displayType(type, "en"), [`${key}Zh`]: displayType(type, "zh") } as Record<
    K | `${K}Zh`,
    string
  >;
}

function whatArgs(what: What): { what: string; whatZh: string } {
  return { what: what[0], whatZh: what[1] };
}

function unwrapParens(expr: Expr): Expr {
  let current = expr;
  while (current.kind === "ParenExpr") current = current.inner;
  return current;
}

function qualifiedText(name: QualifiedName): string {
  return name.parts.map((part) => part.name).join(".");
}

/**
 * Resolves and type-checks loaded modules into the checked model (docs/language.md is the
 * reference). The model is returned only when no error was found, so the engine never sees an
 * ill-formed policy.
 */
export function check(loaded: LoadedModules, options: CheckOptions = {}): CheckResult {
  return new Checker(loaded, functionTable(options.functions ?? [])).run();
}

class Checker {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly scopes = new Map<string, ModuleScope>();
  private readonly types = new Map<Expr, Type>();
  private readonly resolutions = new Map<NameExpr | MemberExpr | CallExpr, Resolution>();
  private readonly slots = new Map<Identifier, number>();

  private readonly clauses = new Map<string, ClauseInfo>();
  private readonly params = new Map<string, ParamInfo>();
  private readonly collections = new Map<string, CollectionInfo>();
  private readonly records = new Map<string, RecordInfo>();
  private readonly defines = new Map<string, DefineInfo>();
  private readonly rules: RuleInfo[] = [];

  private readonly typeDecls = new Map<string, Type>();
  private readonly typeDeclsInProgress: string[] = [];
  private readonly recordsInProgress = new Set<string>();
  /** Reference fields and their targets, per source collection, for the inverses. */
  private readonly ambiguousInverses = new Map<string, Map<string, string[]>>();
  private readonly defineReturn = new Map<string, Type>();
  private readonly definesInProgress = new Set<string>();
  private readonly callGraph = new Map<string, { to: string; span: Span }[]>();
  private readonly usedParams = new Set<string>();
  private readonly paramTypes = new Map<string, Type>();

  constructor(
    private readonly loaded: LoadedModules,
    /** The built-in and host functions by spelling. */
    private readonly functions: ReadonlyMap<string, CallableFunction>,
  ) {}

  run(): CheckResult {
    const { loaded } = this;
    const entryModule = loaded.modules[0];
    if (entryModule === undefined) {
      return { policy: undefined, diagnostics: [...loaded.diagnostics] };
    }
    this.buildScopes();
    const scopes = [...this.scopes.values()];
    for (const scope of scopes) this.declareClauses(scope);
    for (const scope of scopes) this.declareCollections(scope);
    this.computeInverses();
    for (const scope of scopes) this.declareRecordsAndTypes(scope);
    for (const scope of scopes) this.declareParams(scope);
    for (const scope of scopes) this.declareDefines(scope);
    this.checkRecursion();

    const header = entryModule.header;
    if (header === undefined) {
      this.report(codes.missingPolicyHeader, fileStartSpan(entryModule.file), { file: entryModule.file });
    } else if (header.warning !== undefined) {
      const entryScope = this.scopeOf(entryModule);
      const type = this.expr(header.warning, this.moduleContext(entryScope));
      this.expectKind(type, "duration", header.warning.span, ["the warning window", "预警期"]);
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
          if (seenRuleIds.has(declaration.id.text)) {
            this.report(codes.duplicateRuleId, declaration.id.span, { id: declaration.id.text });
          } else {
            seenRuleIds.set(declaration.id.text, declaration);
          }
          this.rules.push(this.checkRule(declaration, scope));
        }
      }
    }

    for (const scope of scopes) {
      for (const declaration of scope.module.declarations) {
        if (declaration.kind !== "ParamDecl") continue;
        const key = scope.prefix + declaration.name.name;
        if (!this.usedParams.has(key) && scope.declared.get(declaration.name.name)?.decl === declaration) {
          this.report(codes.unusedParameter, declaration.name.span, { name: key });
        }
      }
    }

    const diagnostics = [...loaded.diagnostics, ...this.diagnostics];
    if (hasErrors(diagnostics) || header === undefined) return { policy: undefined, diagnostics };
    return { policy: this.model(entryModule), diagnostics };
  }

  private model(entryModule: Module): CheckedPolicy {
    const header = entryModule.header;
    const { types, resolutions, slots } = this;
    return {
      info: {
        name: header?.name.value ?? "",
        version: header?.version?.value,
        source: header?.source?.value,
        effective: header?.effective?.value,
        warning: header?.warning,
      },
      modules: this.loaded.modules,
      sources: this.loaded.sources,
      clauses: this.clauses,
      params: this.params,
      collections: this.collections,
      records: this.records,
      defines: this.defines,
      rules: this.rules,
      typeOf(expr) {
        const type = types.get(expr);
        if (type === undefined) throw new Error(`expression at ${describeSpan(expr.span)} was not checked`);
        return type;
      },
      resolve(node) {
        const resolution = resolutions.get(node);
        if (resolution === undefined)
          throw new Error(`no resolution for the node at ${describeSpan(node.span)}`);
        return resolution;
      },
      slotOf(binding) {
        const slot = slots.get(binding);
        if (slot === undefined)
          throw new Error(`'${binding.name}' at ${describeSpan(binding.span)} is not a bound variable`);
        return slot;
      },
    };
  }

  // ------------------------------------------------------------------------------------------
  // Diagnostics

  private report<A extends Record<string, string>>(
    definition: DiagnosticDefinition<A>,
    span: Span,
    args: A,
    suggestions: readonly string[] = [],
  ): void {
    this.diagnostics.push(diagnostic(definition, span, args, suggestions));
  }

  // ------------------------------------------------------------------------------------------
  // Scopes and declarations

  private scopeOf(module: Module): ModuleScope {
    const scope = this.scopes.get(module.file);
    if (scope === undefined) throw new Error(`module '${module.file}' has no scope`);
    return scope;
  }

  private buildScopes(): void {
    const { modules, aliases } = this.loaded;
    const byFile = new Map(modules.map((m) => [m.file, m]));
    // Breadth first from the entry: a module's key prefix is its shortest alias path.
    const queue: { module: Module; prefix: string }[] = [];
    const first = modules[0];
    if (first !== undefined) queue.push({ module: first, prefix: "" });
    const prefixes = new Map<string, string>();
    while (queue.length > 0) {
      const next = queue.shift();
      if (next === undefined) break;
      if (prefixes.has(next.module.file)) continue;
      prefixes.set(next.module.file, next.prefix);
      for (const [alias, target] of aliases.get(next.module.file) ?? []) {
        const module = byFile.get(target);
        if (module !== undefined && !prefixes.has(target))
          queue.push({ module, prefix: `${next.prefix}${alias}.` });
      }
    }
    for (const module of modules) {
      const prefix = prefixes.get(module.file) ?? `${module.file}.`;
      this.scopes.set(module.file, {
        file: module.file,
        module,
        prefix,
        aliases: new Map(),
        declared: new Map(),
        clauses: new Map(),
      });
    }
    for (const scope of this.scopes.values()) {
      const targets = aliases.get(scope.file) ?? new Map<string, string>();
      for (const imp of scope.module.imports) {
        if (scope.aliases.has(imp.alias.name)) {
          this.report(codes.duplicateAlias, imp.alias.span, { alias: imp.alias.name });
          continue;
        }
        const target = targets.get(imp.alias.name);
        scope.aliases.set(imp.alias.name, target === undefined ? undefined : this.scopes.get(target));
      }
      for (const declaration of scope.module.declarations) {
        let entry: Declared | undefined;
        switch (declaration.kind) {
          case "ParamDecl":
            entry = { kind: "param", key: scope.prefix + declaration.name.name, decl: declaration };
            break;
          case "TypeDecl":
            entry = { kind: "type", key: scope.prefix + declaration.name.name, decl: declaration };
            break;
          case "CollectionDecl":
            entry = { kind: "collection", key: scope.prefix + declaration.name.name, decl: declaration };
            break;
          case "RecordDecl":
            entry = { kind: "record", key: scope.prefix + declaration.name.name, decl: declaration };
            break;
          case "DefineDecl":
            entry = { kind: "define", key: scope.prefix + declaration.name.name, decl: declaration };
            break;
          default:
            entry = undefined;
        }
        if (entry === undefined) continue;
        const name = entry.decl.name;
        if (scope.declared.has(name.name) || scope.aliases.has(name.name)) {
          this.report(codes.duplicateDeclaration, name.span, { name: name.name });
          continue;
        }
        scope.declared.set(name.name, entry);
      }
    }
  }

  private declareClauses(scope: ModuleScope): void {
    for (const declaration of scope.module.declarations) {
      if (declaration.kind !== "ClauseDecl") continue;
      const id = declaration.id.id;
      if (scope.clauses.has(id)) {
        this.report(codes.duplicateClause, declaration.id.span, { id });
        continue;
      }
      scope.clauses.set(id, declaration);
      this.clauses.set(scope.prefix + id, {
        id: scope.prefix + id,
        title: declaration.title.value,
        text: declaration.text?.value,
        decl: declaration,
      });
    }
  }

  private declareCollections(scope: ModuleScope): void {
    for (const entry of scope.declared.values()) {
      if (entry.kind !== "collection") continue;
      const { decl } = entry;
      const fields = this.fields(decl.fields, scope);
      if (!fields.some((f) => f.name === "id")) {
        const idDecl: FieldDecl = {
          kind: "FieldDecl",
          name: { kind: "Identifier", name: "id", span: decl.name.span },
          type: {
            kind: "PrimitiveType",
            name: "text",
            unit: undefined,
            planned: false,
            span: decl.name.span,
          },
          reference: undefined,
          span: decl.name.span,
        };
        fields.unshift({ name: "id", type: textType, reference: undefined, decl: idDecl });
      }
      if (decl.since !== undefined) {
        const field = fields.find((f) => f.name === decl.since?.name);
        if (field === undefined || stripOptional(field.type).kind !== "date") {
          this.report(
            codes.badSinceField,
            decl.since.span,
            { name: decl.since.name, collection: entry.key },
            suggest(
              decl.since.name,
              fields.filter((f) => stripOptional(f.type).kind === "date").map((f) => f.name),
            ),
          );
        }
      }
      this.collections.set(entry.key, {
        name: entry.key,
        label: decl.label?.value,
        since: decl.since?.name,
        fields,
        inverses: [],
        decl,
      });
    }
  }

  /** `t.villages`: for each reference into a collection, the way back, named after its source. */
  private computeInverses(): void {
    const byTarget = new Map<string, Map<string, { source: string; fields: string[] }>>();
    for (const source of this.collections.values()) {
      const bareName = source.decl.name.name;
      for (const field of source.fields) {
        if (field.reference === undefined) continue;
        const inverses =
          byTarget.get(field.reference.target) ?? new Map<string, { source: string; fields: string[] }>();
        byTarget.set(field.reference.target, inverses);
        const existing = inverses.get(bareName);
        if (existing === undefined) inverses.set(bareName, { source: source.name, fields: [field.name] });
        else existing.fields.push(field.name);
      }
    }
    for (const [target, inverses] of byTarget) {
      const info = this.collections.get(target);
      if (info === undefined) continue;
      const list: InverseInfo[] = [];
      const ambiguous = new Map<string, string[]>();
      for (const [name, { source, fields }] of inverses) {
        // A field of the same name wins over the inverse.
        if (info.fields.some((f) => f.name === name || f.reference?.as === name)) continue;
        const [only] = fields;
        if (fields.length === 1 && only !== undefined) list.push({ name, source, field: only });
        else ambiguous.set(name, fields);
      }
      this.collections.set(target, { ...info, inverses: list });
      if (ambiguous.size > 0) this.ambiguousInverses.set(target, ambiguous);
    }
  }

  private declareRecordsAndTypes(scope: ModuleScope): void {
    for (const entry of scope.declared.values()) {
      if (entry.kind === "record") this.recordInfo(entry.key, scope, entry.decl);
      if (entry.kind === "type") this.typeDeclType(entry.key, scope, entry.decl.type, entry.decl.name.span);
    }
  }

  private recordInfo(key: string, scope: ModuleScope, decl: RecordDecl): RecordInfo {
    const existing = this.records.get(key);
    if (existing !== undefined) return existing;
    if (this.recordsInProgress.has(key)) {
      return { name: key, label: decl.label?.value, fields: [], decl };
    }
    this.recordsInProgress.add(key);
    const info: RecordInfo = {
      name: key,
      label: decl.label?.value,
      fields: this.fields(decl.fields, scope),
      decl,
    };
    this.recordsInProgress.delete(key);
    this.records.set(key, info);
    return info;
  }

  private typeDeclType(key: string, scope: ModuleScope, type: TypeExpr, at: Span): Type {
    const known = this.typeDecls.get(key);
    if (known !== undefined) return known;
    const cycleStart = this.typeDeclsInProgress.indexOf(key);
    if (cycleStart >= 0) {
      const cycle = [...this.typeDeclsInProgress.slice(cycleStart), key].map((k) => `'${k}'`).join(" -> ");
      this.report(codes.typeCycle, at, { cycle });
      return errorType;
    }
    this.typeDeclsInProgress.push(key);
    const resolved = this.typeExpr(type, scope);
    this.typeDeclsInProgress.pop();
    if (!this.typeDecls.has(key)) this.typeDecls.set(key, resolved);
    return this.typeDecls.get(key) ?? resolved;
  }

  private fields(decls: readonly FieldDecl[], scope: ModuleScope): FieldInfo[] {
    const fields: FieldInfo[] = [];
    const names = new Set<string>();
    for (const decl of decls) {
      const navigation = decl.reference?.as;
      for (const id of navigation === undefined ? [decl.name] : [decl.name, navigation]) {
        if (names.has(id.name)) this.report(codes.duplicateField, id.span, { name: id.name });
        names.add(id.name);
      }
      if (decl.reference !== undefined) {
        const target = this.lookupQualified(decl.reference.target, scope);
        let targetKey = "";
        if (target === "broken") {
          targetKey = qualifiedText(decl.reference.target);
        } else if (target?.kind === "collection") {
          targetKey = target.key;
        } else {
          this.report(
            codes.referenceTargetNotCollection,
            decl.reference.target.span,
            { name: qualifiedText(decl.reference.target) },
            suggest(qualifiedText(decl.reference.target), this.namesOfKind(scope, ["collection"])),
          );
        }
        const reference = {
          target: targetKey,
          as: decl.reference.as.name,
          optional: decl.reference.optional,
        };
        fields.push({
          name: decl.name.name,
          type: decl.reference.optional ? optionalType(textType) : textType,
          reference,
          decl,
        });
        continue;
      }
      const type = decl.type === undefined ? errorType : this.typeExpr(decl.type, scope);
      fields.push({ name: decl.name.name, type, reference: undefined, decl });
    }
    return fields;
  }

  private namesOfKind(scope: ModuleScope, kinds: readonly Declared["kind"][]): string[] {
    return [...scope.declared.values()].filter((d) => kinds.includes(d.kind)).map((d) => d.decl.name.name);
  }

  /**
   * A possibly module-qualified name: the declaration, `"broken"` when it goes through an import
   * that failed to load (already reported), or undefined when there is no such name.
   */
  private lookupQualified(name: QualifiedName, scope: ModuleScope): Declared | "broken" | undefined {
    let current: ModuleScope = scope;
    const parts = name.parts;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i];
      if (part === undefined || !current.aliases.has(part.name)) return undefined;
      const next = current.aliases.get(part.name);
      if (next === undefined) return "broken";
      current = next;
    }
    const last = parts[parts.length - 1];
    return last === undefined ? undefined : current.declared.get(last.name);
  }

  private typeExpr(type: TypeExpr, scope: ModuleScope): Type {
    switch (type.kind) {
      case "PrimitiveType":
        switch (type.name) {
          case "text":
            return textType;
          case "bool":
            return boolType;
          case "date":
            return dateType(type.planned);
          case "duration":
            return durationType(undefined);
          case "integer":
            return numberType(true, type.unit?.name);
          case "decimal":
            return numberType(false, type.unit?.name);
        }
        break;
      case "EnumType":
        return { kind: "enum", values: type.values.map((v) => v.value) };
      case "ListType":
        return listType(this.typeExpr(type.element, scope));
      case "OptionalType":
        return optionalType(this.typeExpr(type.inner, scope));
      case "RecordType":
        return { kind: "record", fields: this.fields(type.fields, scope) };
      case "NamedType": {
        const found = this.lookupQualified(type.name, scope);
        if (found === "broken") return errorType;
        if (found?.kind === "type") {
          const owner = this.ownerScope(type.name, scope);
          return this.typeDeclType(found.key, owner, found.decl.type, type.span);
        }
        if (found?.kind === "collection") return entityType(found.key);
        if (found?.kind === "record") {
          return {
            kind: "record",
            fields: this.recordInfo(found.key, this.ownerScope(type.name, scope), found.decl).fields,
          };
        }
        const text = qualifiedText(type.name);
        this.report(
          codes.unknownType,
          type.name.span,
          { name: text },
          suggest(text, [
            ...this.namesOfKind(scope, ["type", "collection", "record"]),
            ...primitiveTypeNames,
          ]),
        );
        return errorType;
      }
    }
    return errorType;
  }

  /** The module a qualified name's last part lives in. */
  private ownerScope(name: QualifiedName, scope: ModuleScope): ModuleScope {
    let current = scope;
    for (const part of name.parts.slice(0, -1)) {
      const next = current.aliases.get(part.name);
      if (next === undefined) return current;
      current = next;
    }
    return current;
  }

  private moduleContext(scope: ModuleScope): Context {
    return { scope, locals: new Map(), frame: { size: 0 }, periodAllowed: false, inDefine: undefined };
  }

  private declareParams(scope: ModuleScope): void {
    for (const entry of scope.declared.values()) {
      if (entry.kind !== "param") continue;
      const { decl, key } = entry;
      const declared = this.paramType(key, decl, scope);
      const defaultType = this.expr(decl.default, this.moduleContext(scope));
      if (!this.isConstant(decl.default)) {
        this.report(codes.nonConstantDefault, decl.default.span, { name: key });
      } else if (!assignable(declared, defaultType)) {
        this.report(codes.defaultTypeMismatch, decl.default.span, {
          name: key,
          ...typeArgs("expected", declared),
          ...typeArgs("found", defaultType),
        });
      } else {
        this.checkEnumValues(declared, decl.default);
      }
      this.params.set(key, {
        key,
        type: declared,
        default: decl.default,
        description: decl.description?.value,
        decl,
      });
    }
  }

  /** A parameter's declared type; a duration takes its default's measure (days or months). */
  private paramType(key: string, decl: ParamDecl, scope: ModuleScope): Type {
    const known = this.paramTypes.get(key);
    if (known !== undefined) return known;
    let type = this.typeExpr(decl.type, scope);
    if (type.kind === "duration")
      type = durationType(this.constantMeasure(decl.default, scope, new Set([key])));
    this.paramTypes.set(key, type);
    return type;
  }

  private constantMeasure(
    expr: Expr,
    scope: ModuleScope,
    visiting: Set<string>,
  ): DurationMeasure | undefined {
    const inner = unwrapParens(expr);
    if (inner.kind === "DurationLiteral") return inner.unit in exactDays ? "exact" : "calendar";
    if (inner.kind === "UnaryExpr") return this.constantMeasure(inner.operand, scope, visiting);
    if (inner.kind === "BinaryExpr") {
      return (
        this.constantMeasure(inner.left, scope, visiting) ??
        this.constantMeasure(inner.right, scope, visiting)
      );
    }
    const param = this.constantParam(inner, scope);
    if (param === undefined || visiting.has(param.key)) return undefined;
    visiting.add(param.key);
    return this.constantMeasure(param.decl.default, param.scope, visiting);
  }

  /** The parameter a name or `alias.name` refers to, for constant folding. */
  private constantParam(
    expr: Expr,
    scope: ModuleScope,
  ): { key: string; decl: ParamDecl; scope: ModuleScope } | undefined {
    const path: Identifier[] = [];
    let current: Expr = expr;
    while (current.kind === "MemberExpr") {
      path.unshift(current.property);
      current = current.object;
    }
    if (current.kind !== "NameExpr") return undefined;
    path.unshift(current.name);
    const name: QualifiedName = { kind: "QualifiedName", parts: path, span: expr.span };
    const found = this.lookupQualified(name, scope);
    if (found === undefined || found === "broken" || found.kind !== "param") return undefined;
    return { key: found.key, decl: found.decl, scope: this.ownerScope(name, scope) };
  }

  /** Literals, lists of them, arithmetic on them and other parameters. */
  private isConstant(expr: Expr): boolean {
    if (isLiteral(expr)) return true;
    switch (expr.kind) {
      case "ListLiteral":
        return expr.elements.every((e) => this.isConstant(e));
      case "ParenExpr":
        return this.isConstant(expr.inner);
      case "UnaryExpr":
        return this.isConstant(expr.operand);
      case "BinaryExpr":
        return this.isConstant(expr.left) && this.isConstant(expr.right);
      case "NameExpr":
      case "MemberExpr":
        return this.resolutions.get(expr)?.kind === "param";
      default:
        return false;
    }
  }

  private declareDefines(scope: ModuleScope): void {
    for (const entry of scope.declared.values()) {
      if (entry.kind === "define") this.defineType(entry.key, entry.decl, scope);
    }
  }

  /** Checks a definition once (on first use or in declaration order) and returns its type. */
  private defineType(key: string, decl: DefineDecl, scope: ModuleScope): Type {
    const known = this.defineReturn.get(key);
    if (known !== undefined) return known;
    const declaredReturn = decl.returnType === undefined ? undefined : this.typeExpr(decl.returnType, scope);
    // Recursion is reported from the call graph; here it only must not loop.
    if (this.definesInProgress.has(key)) return declaredReturn ?? errorType;
    this.definesInProgress.add(key);
    const frame = { size: 0 };
    const locals = new Map<string, Local>();
    const params: { name: string; type: Type; slot: number }[] = [];
    for (const param of decl.params) {
      const type = this.typeExpr(param.type, scope);
      if (locals.has(param.name.name))
        this.report(codes.duplicateLocal, param.name.span, { name: param.name.name });
      const slot = frame.size++;
      locals.set(param.name.name, { slot, type });
      this.slots.set(param.name, slot);
      params.push({ name: param.name.name, type, slot });
    }
    const context: Context = { scope, locals, frame, periodAllowed: false, inDefine: key };
    const bodyType = this.expr(decl.body, context);
    let returnType = declaredReturn ?? bodyType;
    if (declaredReturn !== undefined && !assignable(declaredReturn, bodyType)) {
      this.report(codes.returnTypeMismatch, decl.body.span, {
        name: key,
        ...typeArgs("expected", declaredReturn),
        ...typeArgs("found", bodyType),
      });
      returnType = declaredReturn;
    }
    this.definesInProgress.delete(key);
    this.defineReturn.set(key, returnType);
    this.defines.set(key, { key, params, returnType, body: decl.body, frameSize: frame.size, decl });
    return returnType;
  }

  private noteUse(context: Context, define: string, span: Span): void {
    if (context.inDefine === undefined) return;
    const edges = this.callGraph.get(context.inDefine) ?? [];
    edges.push({ to: define, span });
    this.callGraph.set(context.inDefine, edges);
  }

  /** Any cycle in the graph of definitions using one another is an error (termination). */
  private checkRecursion(): void {
    const state = new Map<string, "active" | "done">();
    const path: string[] = [];
    const reported = new Set<string>();
    const visit = (key: string): void => {
      state.set(key, "active");
      path.push(key);
      for (const edge of this.callGraph.get(key) ?? []) {
        const seen = state.get(edge.to);
        if (seen === "active") {
          const cycle = [...path.slice(path.indexOf(edge.to)), edge.to];
          const id = [...new Set(cycle)].sort().join("\n");
          if (!reported.has(id)) {
            reported.add(id);
            this.report(codes.recursiveDefinition, edge.span, {
              cycle: cycle.map((k) => `'${k}'`).join(" -> "),
            });
          }
        } else if (seen === undefined) {
          visit(edge.to);
        }
      }
      path.pop();
      state.set(key, "done");
    };
    // Declaration order, so a cycle is spelled from the definition written first.
    for (const scope of this.scopes.values()) {
      for (const entry of scope.declared.values()) {
        if (entry.kind === "define" && !state.has(entry.key)) visit(entry.key);
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Rules

  private checkRule(rule: Rule, scope: ModuleScope): RuleInfo {
    const id = rule.id.text;
    if (rule.cites.length === 0) this.report(codes.missingCites, rule.id.span, { id });
    for (const cite of rule.cites) {
      if (!scope.clauses.has(cite.id)) {
        this.report(codes.unknownClause, cite.span, { id: cite.id }, suggest(cite.id, scope.clauses.keys()));
      }
    }
    const frame = { size: 0 };
    const locals = new Map<string, Local>();
    const base: Context = { scope, locals, frame, periodAllowed: false, inDefine: undefined };
    let subject: RuleInfo["subject"];

    if (rule.subject !== undefined) {
      const { variable, source, filter } = rule.subject;
      const sourceType = this.expr(source, base);
      const resolution =
        source.kind === "NameExpr" || source.kind === "MemberExpr" ? this.resolutions.get(source) : undefined;
      if (variable !== undefined) {
        if (resolution?.kind === "collection") {
          subject = { kind: "collection", name: resolution.name };
        } else if (sourceType.kind !== "error") {
          this.report(codes.badSubject, source.span, {
            expected: "a collection",
            expectedZh: "集合",
            ...typeArgs("found", sourceType),
          });
        }
        const slot = frame.size++;
        this.slots.set(variable, slot);
        locals.set(variable.name, { slot, type: elementOf(sourceType) ?? errorType });
      } else if (resolution?.kind === "record") {
        subject = { kind: "record", name: resolution.name };
      } else if (sourceType.kind !== "error") {
        this.report(codes.badSubject, source.span, {
          expected: "a record",
          expectedZh: "记录",
          ...typeArgs("found", sourceType),
        });
      }
      if (filter !== undefined)
        this.expectBool(this.expr(filter, base), filter.span, ["the 'where' filter", "“满足”条件"]);
    }

    const recurring = rule.kind === "DutyRule" && rule.deadline?.kind === "RecurringDeadline";
    const context: Context = { ...base, periodAllowed: recurring };
    for (const binding of rule.lets) {
      const type = this.expr(binding.value, context);
      if (locals.has(binding.name.name)) {
        this.report(codes.duplicateLocal, binding.name.span, { name: binding.name.name });
      }
      const slot = frame.size++;
      this.slots.set(binding.name, slot);
      locals.set(binding.name.name, { slot, type });
    }
    if (rule.holder !== undefined) this.expectText(rule.holder, context, ["the holder", "责任主体"]);

    const common = {
      id,
      title: rule.title.value,
      modality: rule.modality?.value ?? "must",
      cites: rule.cites.map((cite) => scope.prefix + cite.id),
      subject,
    } as const;

    switch (rule.kind) {
      case "DutyRule": {
        if (rule.holder === undefined) this.report(codes.dutyWithoutHolder, rule.id.span, { id });
        if (rule.deadline === undefined) this.report(codes.dutyWithoutDeadline, rule.id.span, { id });
        let requirementKind: "date" | "bool" = "bool";
        if (rule.requirement !== undefined) {
          const type = stripOptional(this.expr(rule.requirement, context));
          if (type.kind === "date") requirementKind = "date";
          else if (type.kind !== "bool" && type.kind !== "error" && type.kind !== "none") {
            this.report(codes.badRequirement, rule.requirement.span, typeArgs("found", type));
          }
        }
        const deadline = rule.deadline;
        if (deadline?.kind === "ByDeadline") {
          this.expectDate(deadline.date, context, ["the 'by' date", "“截止”日期"]);
        } else if (deadline?.kind === "WithinDeadline") {
          this.expectKind(this.expr(deadline.duration, context), "duration", deadline.duration.span, [
            "the 'within' time",
            "“以内”时长",
          ]);
          this.expectDate(deadline.from, context, ["the 'of' date", "“自”日期"]);
        } else if (deadline?.kind === "RecurringDeadline") {
          // The period's bounds come from these dates, so they cannot refer to the period.
          this.expectDate(deadline.from, base, ["the 'from' date", "“从”日期"]);
          if (deadline.until !== undefined)
            this.expectDate(deadline.until, base, ["the 'until' date", "“直到”日期"]);
        }
        return { ...common, kind: "duty", requirementKind, rule, frameSize: frame.size };
      }
      case "EscalationRule": {
        if (rule.start === undefined) this.report(codes.escalationWithoutStart, rule.id.span, { id });
        else this.expectDate(rule.start, context, ["the 'starts' date", "“起算”日期"]);
        if (rule.levels.length === 0) this.report(codes.escalationWithoutLevels, rule.id.span, { id });
        const names = new Set<string>();
        let previous: { name: string; amount: number; measure: DurationMeasure } | undefined;
        for (const level of rule.levels) {
          if (names.has(level.name.name))
            this.report(codes.duplicateLevel, level.name.span, { name: level.name.name });
          names.add(level.name.name);
          if (level.after !== undefined) {
            const type = this.expr(level.after, context);
            this.expectKind(type, "duration", level.after.span, [
              "a level's 'after' time",
              "级别的“超过”时长",
            ]);
            const constant = this.constantDuration(level.after, scope);
            if (constant !== undefined) {
              if (previous !== undefined && previous.measure !== constant.measure) {
                this.report(codes.durationMeasureMismatch, level.after.span, { operator: "after" });
              } else if (previous !== undefined && constant.amount <= previous.amount) {
                this.report(codes.levelsNotIncreasing, level.after.span, {
                  level: level.name.name,
                  previous: previous.name,
                });
              }
              previous = { name: level.name.name, ...constant };
            }
          }
          if (level.when !== undefined) {
            this.expectBool(this.expr(level.when, context), level.when.span, [
              "a level's 'when' condition",
              "级别的“当”条件",
            ]);
          }
          if (level.holder !== undefined)
            this.expectText(level.holder, context, ["a level's holder", "级别的责任主体"]);
        }
        let closesKind: "date" | "bool" | undefined;
        if (rule.closes !== undefined) {
          const type = stripOptional(this.expr(rule.closes, context));
          if (type.kind === "date") closesKind = "date";
          else if (type.kind === "bool") closesKind = "bool";
          else if (type.kind !== "error" && type.kind !== "none") {
            this.report(codes.typeMismatch, rule.closes.span, {
              what: "'closes'",
              whatZh: "“办结”",
              expected: "a date or a condition",
              expectedZh: "日期或条件",
              ...typeArgs("found", type),
            });
          }
        }
        if (rule.overdueAfter !== undefined) {
          this.expectDate(rule.overdueAfter, context, ["the 'overdue after' date", "“逾期”日期"]);
        }
        return {
          ...common,
          kind: "escalation",
          levels: rule.levels.map((level) => level.name.name),
          closesKind,
          rule,
          frameSize: frame.size,
        };
      }
      case "AccountabilityRule": {
        if (rule.asAt === undefined) this.report(codes.accountabilityWithoutAsAt, rule.id.span, { id });
        else this.expectDate(rule.asAt, context, ["the 'as at' date", "“截至”日期"]);
        if (rule.causes.length === 0) this.report(codes.accountabilityWithoutCause, rule.id.span, { id });
        // Cause targets are checked like the rule's: each is text, an enum or a list of them.
        const targets: Expr[] = [];
        for (const cause of rule.causes) {
          this.expectBool(this.expr(cause.condition, context), cause.condition.span, [
            "a cause's condition",
            "原因的条件",
          ]);
          targets.push(...cause.targets);
        }
        targets.push(...rule.targets);
        // The grammar gives a list after the last cause to the rule; written on that cause's line,
        // it reads as the cause's own.
        const last = rule.causes.at(-1);
        const first = rule.targets[0];
        if (last !== undefined && first !== undefined && first.span.start.line === last.span.end.line)
          this.report(codes.targetsAfterLastCause, first.span, { label: last.label.value });
        for (const target of targets) {
          const type = this.expr(target, context);
          const element = elementOf(type);
          if (!isTextLike(element ?? type) && !this.silent(element ?? type)) {
            this.report(codes.holderNotText, target.span, {
              ...whatArgs(["a target", "问责对象"]),
              ...typeArgs("found", type),
            });
          }
        }
        return { ...common, kind: "accountability", rule, frameSize: frame.size };
      }
    }
  }

  /** An escalation threshold's value when it is a constant (a literal or a parameter's default). */
  private constantDuration(
    expr: Expr,
    scope: ModuleScope,
  ): { amount: number; measure: DurationMeasure } | undefined {
    const seen = new Set<string>();
    let current = unwrapParens(expr);
    let owner = scope;
    for (;;) {
      if (current.kind === "DurationLiteral") {
        const days = exactDays[current.unit];
        if (days !== undefined) return { amount: current.amount * days, measure: "exact" };
        const months = calendarMonths[current.unit];
        return months === undefined ? undefined : { amount: current.amount * months, measure: "calendar" };
      }
      const param = this.constantParam(current, owner);
      if (param === undefined || seen.has(param.key)) return undefined;
      seen.add(param.key);
      current = unwrapParens(param.decl.default);
      owner = param.scope;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Expectations

  private silent(type: Type): boolean {
    return type.kind === "error" || type.kind === "none";
  }

  private expectBool(type: Type, span: Span, what: What): void {
    const base = stripOptional(type);
    if (base.kind !== "bool" && !this.silent(base)) {
      this.report(codes.conditionNotBool, span, { ...whatArgs(what), ...typeArgs("found", type) });
    }
  }

  private expectText(expr: Expr, context: Context, what: What): void {
    const type = this.expr(expr, context);
    if (!isTextLike(type) && !this.silent(stripOptional(type))) {
      this.report(codes.holderNotText, expr.span, { ...whatArgs(what), ...typeArgs("found", type) });
    }
  }

  private expectDate(expr: Expr, context: Context, what: What): void {
    this.expectKind(this.expr(expr, context), "date", expr.span, what);
  }

  private expectKind(type: Type, kind: "date" | "duration", span: Span, what: What): void {
    const base = stripOptional(type);
    if (base.kind !== kind && !this.silent(base)) {
      const expected = kind === "date" ? dateType() : durationType(undefined);
      this.report(codes.typeMismatch, span, {
        ...whatArgs(what),
        ...typeArgs("expected", expected),
        ...typeArgs("found", type),
      });
    }
  }

  /** A string literal where an enum is expected must be one of its values. */
  private checkEnumValues(expected: Type, expr: Expr): void {
    const target = stripOptional(expected);
    const inner = unwrapParens(expr);
    if (target.kind === "enum" && inner.kind === "StringLiteral" && !target.values.includes(inner.value)) {
      this.report(codes.notAnEnumValue, inner.span, {
        value: inner.value,
        values: displayType(target, "en"),
      });
    }
    if (target.kind === "list" && inner.kind === "ListLiteral") {
      for (const element of inner.elements) this.checkEnumValues(target.element, element);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Expressions

  private expr(expr: Expr, context: Context): Type {
    const type = this.exprUncached(expr, context);
    this.types.set(expr, type);
    return type;
  }

  private exprUncached(expr: Expr, context: Context): Type {
    switch (expr.kind) {
      case "NumberLiteral":
        return numberType(!expr.raw.includes("."), undefined);
      case "StringLiteral":
        return textType;
      case "BoolLiteral":
        return boolType;
      case "DateLiteral":
        return dateType(true);
      case "DurationLiteral":
        return durationType(expr.unit in exactDays ? "exact" : "calendar");
      case "NoneLiteral":
        return noneType;
      case "ParenExpr":
        return this.expr(expr.inner, context);
      case "ListLiteral": {
        let element: Type = noneType;
        let mixed = false;
        for (const item of expr.elements) {
          const type = this.expr(item, context);
          const unified = unify(element, type);
          if (unified === undefined) {
            if (!mixed) {
              this.report(codes.typeMismatch, item.span, {
                what: "a list element",
                whatZh: "列表元素",
                ...typeArgs("expected", element),
                ...typeArgs("found", type),
              });
            }
            mixed = true;
          } else {
            element = unified;
          }
        }
        return listType(mixed ? errorType : element);
      }
      case "NameExpr":
        return this.name(expr, context);
      case "MemberExpr":
        return this.member(expr, context);
      case "CallExpr":
        return this.call(expr, context);
      case "UnaryExpr": {
        const operand = this.expr(expr.operand, context);
        const base = stripOptional(operand);
        if (expr.operator === "not") {
          this.expectBool(operand, expr.operand.span, ["the operand of 'not'", "“非”的操作数"]);
          return optionalIfAny(boolType, operand);
        }
        if (base.kind === "number" || base.kind === "duration" || this.silent(base)) return operand;
        this.report(codes.typeMismatch, expr.operand.span, {
          what: "the operand of '-'",
          whatZh: "“-”的操作数",
          expected: "a number or a duration",
          expectedZh: "数或时长",
          ...typeArgs("found", operand),
        });
        return errorType;
      }
      case "BinaryExpr":
        return this.binary(expr, context);
      case "IsSetExpr":
        this.expr(expr.operand, context);
        return boolType;
      case "IfExpr": {
        this.expectBool(this.expr(expr.condition, context), expr.condition.span, [
          "the condition of 'if'",
          "“如果”的条件",
        ]);
        const whenTrue = this.expr(expr.then, context);
        const whenFalse = this.expr(expr.else, context);
        const unified = unify(whenTrue, whenFalse);
        if (unified === undefined) {
          this.report(codes.ifBranchMismatch, expr.else.span, {
            ...typeArgs("then", whenTrue),
            ...typeArgs("else", whenFalse),
          });
          return errorType;
        }
        return unified;
      }
      case "AggregateExpr":
        return this.aggregate(expr, context);
    }
  }

  private bind(context: Context, variable: Identifier, type: Type): Context {
    const slot = context.frame.size++;
    this.slots.set(variable, slot);
    const locals = new Map(context.locals);
    locals.set(variable.name, { slot, type });
    return { ...context, locals };
  }

  private aggregate(expr: AggregateExpr, context: Context): Type {
    const sourceType = this.expr(expr.source, context);
    let element = elementOf(sourceType);
    if (element === undefined) {
      if (!this.silent(stripOptional(sourceType))) {
        this.report(codes.aggregateOverNonList, expr.source.span, {
          operator: expr.operator,
          ...typeArgs("found", sourceType),
        });
      }
      element = errorType;
    }
    const inner = this.bind(context, expr.variable, stripOptional(element));
    if (expr.filter !== undefined) {
      this.expectBool(this.expr(expr.filter, inner), expr.filter.span, [
        "an aggregate's 'where' filter",
        "聚合的“满足”条件",
      ]);
    }
    const value = expr.value === undefined ? undefined : this.expr(expr.value, inner);
    const valueSpan = expr.value?.span ?? expr.variable.span;
    switch (expr.operator) {
      case "count":
        return numberType(true, undefined);
      case "any":
      case "all":
        if (value !== undefined) {
          this.expectBool(value, valueSpan, [
            `the condition of '${expr.operator}'`,
            `“${expr.operator === "all" ? "全部" : "存在"}”的条件`,
          ]);
        } else if (expr.operator === "all") {
          this.report(codes.allWithoutCondition, expr.span, { operator: expr.operator });
        }
        return boolType;
      case "sum": {
        const summed = stripOptional(value ?? element);
        if (summed.kind === "number" || summed.kind === "duration" || this.silent(summed)) return summed;
        this.report(codes.typeMismatch, valueSpan, {
          what: "the value of 'sum'",
          whatZh: "“求和”的值",
          expected: "a number or a duration",
          expectedZh: "数或时长",
          ...typeArgs("found", value ?? element),
        });
        return errorType;
      }
      case "min":
      case "max": {
        const compared = stripOptional(value ?? element);
        if (compared.kind === "number" || compared.kind === "duration" || compared.kind === "date") {
          return optionalType(compared);
        }
        if (this.silent(compared)) return compared;
        this.report(codes.typeMismatch, valueSpan, {
          what: `the value of '${expr.operator}'`,
          whatZh: `“${expr.operator === "min" ? "最小" : "最大"}”的值`,
          expected: "a number, a date or a duration",
          expectedZh: "数、日期或时长",
          ...typeArgs("found", value ?? element),
        });
        return errorType;
      }
      case "latest":
      case "earliest": {
        const compared = stripOptional(value ?? element);
        if (compared.kind === "date") return optionalType(compared);
        if (this.silent(compared)) return compared;
        this.report(codes.typeMismatch, valueSpan, {
          what: `the value of '${expr.operator}'`,
          whatZh: `“${expr.operator === "latest" ? "最近" : "最早"}”的值`,
          ...typeArgs("expected", dateType()),
          ...typeArgs("found", value ?? element),
        });
        return errorType;
      }
    }
  }

  /** Names a user could have meant at this point, for "did you mean". */
  private namesInScope(context: Context): string[] {
    const names = [...context.locals.keys(), ...context.scope.declared.keys(), ...asOfNames];
    if (context.periodAllowed) names.push(...periodNames);
    return names;
  }

  private name(expr: NameExpr, context: Context): Type {
    const name = expr.name.name;
    const local = context.locals.get(name);
    if (local !== undefined) {
      this.resolutions.set(expr, { kind: "local", slot: local.slot });
      return local.type;
    }
    const declared = context.scope.declared.get(name);
    if (declared !== undefined) return this.declaredValue(expr, declared, context.scope, context);
    if (asOfNames.has(name)) {
      this.resolutions.set(expr, { kind: "asOf" });
      return dateType(true);
    }
    if (periodNames.has(name)) {
      if (!context.periodAllowed) {
        this.report(codes.periodOutsideRecurring, expr.span, { name });
        return errorType;
      }
      this.resolutions.set(expr, { kind: "period" });
      return periodType;
    }
    if (context.scope.aliases.has(name)) {
      this.report(codes.moduleAsValue, expr.span, { name });
      return errorType;
    }
    this.report(codes.unknownName, expr.span, { name }, suggest(name, this.namesInScope(context)));
    return errorType;
  }

  /** A top-level declaration used as a value, from `scope` (the module that declares it). */
  private declaredValue(
    expr: NameExpr | MemberExpr,
    declared: Declared,
    scope: ModuleScope,
    context: Context,
  ): Type {
    switch (declared.kind) {
      case "param":
        this.usedParams.add(declared.key);
        this.resolutions.set(expr, { kind: "param", key: declared.key });
        return this.paramType(declared.key, declared.decl, scope);
      case "collection":
        this.resolutions.set(expr, { kind: "collection", name: declared.key });
        return listType(entityType(declared.key));
      case "record": {
        this.resolutions.set(expr, { kind: "record", name: declared.key });
        return { kind: "record", fields: this.recordInfo(declared.key, scope, declared.decl).fields };
      }
      case "define": {
        if (declared.decl.params.length > 0) {
          this.report(codes.definitionNeedsArguments, expr.span, { name: declared.key });
          return errorType;
        }
        this.resolutions.set(expr, { kind: "define", key: declared.key });
        this.noteUse(context, declared.key, expr.span);
        return this.defineType(declared.key, declared.decl, scope);
      }
      case "type":
        this.report(codes.unknownName, expr.span, { name: declared.key });
        return errorType;
    }
  }

  /** The module an expression names when it is an alias path (`gbt`, `gbt.sub`), if any. */
  private moduleOf(expr: Expr, context: Context): ModuleScope | "broken" | undefined {
    if (expr.kind === "NameExpr") {
      const name = expr.name.name;
      if (context.locals.has(name) || context.scope.declared.has(name) || !context.scope.aliases.has(name)) {
        return undefined;
      }
      return context.scope.aliases.get(name) ?? "broken";
    }
    if (expr.kind === "MemberExpr") {
      const outer = this.moduleOf(expr.object, context);
      if (outer === undefined || outer === "broken") return outer;
      if (outer.declared.has(expr.property.name) || !outer.aliases.has(expr.property.name)) return undefined;
      return outer.aliases.get(expr.property.name) ?? "broken";
    }
    return undefined;
  }

  private member(expr: MemberExpr, context: Context): Type {
    const property = expr.property.name;
    const module = this.moduleOf(expr.object, context);
    if (module === "broken") return errorType;
    if (module !== undefined) {
      const declared = module.declared.get(property);
      if (declared !== undefined) return this.declaredValue(expr, declared, module, context);
      if (module.aliases.has(property)) {
        this.report(codes.moduleAsValue, expr.span, { name: property });
        return errorType;
      }
      this.report(
        codes.unknownName,
        expr.property.span,
        { name: property },
        suggest(property, module.declared.keys()),
      );
      return errorType;
    }

    const objectType = this.expr(expr.object, context);
    const object = stripOptional(objectType);
    if (this.silent(object)) return errorType;
    if (object.kind === "period") {
      const member = periodMembers.get(property);
      if (member !== undefined) {
        this.resolutions.set(expr, { kind: "periodMember", member });
        return dateType(true);
      }
      this.report(
        codes.unknownField,
        expr.property.span,
        { name: property, ...typeArgs("type", object) },
        suggest(property, periodMembers.keys()),
      );
      return errorType;
    }
    const overList = object.kind === "list";
    const target = overList && object.kind === "list" ? stripOptional(object.element) : object;
    if (this.silent(target)) return errorType;
    const found = this.memberOf(target, expr, overList);
    if (found === undefined) return errorType;
    if (overList) {
      const resultElement = elementOf(found) ?? stripOptional(found);
      return listType(stripOptional(resultElement));
    }
    return isOptional(objectType) ? optionalType(found) : found;
  }

  /** A field, reference or inverse of an entity or a record; reports and returns undefined if none. */
  private memberOf(target: Type, expr: MemberExpr, overList: boolean): Type | undefined {
    const property = expr.property.name;
    let fields: readonly FieldInfo[] = [];
    let collection: CollectionInfo | undefined;
    if (target.kind === "entity") {
      collection = this.collections.get(target.collection);
      if (collection === undefined) return undefined;
      fields = collection.fields;
    } else if (target.kind === "record") {
      fields = target.fields;
    } else {
      this.report(codes.unknownField, expr.property.span, { name: property, ...typeArgs("type", target) });
      return undefined;
    }
    const field = fields.find((f) => f.name === property);
    if (field !== undefined) {
      this.resolutions.set(expr, {
        kind: "field",
        name: property,
        overList,
        masked: isEventDate(field.type),
      });
      return field.type;
    }
    const reference = fields.find((f) => f.reference?.as === property);
    if (reference?.reference !== undefined) {
      const { target: targetCollection, optional } = reference.reference;
      this.resolutions.set(expr, {
        kind: "reference",
        field: reference.name,
        target: targetCollection,
        overList,
      });
      if (targetCollection === "") return errorType;
      const entity = entityType(targetCollection);
      return optional ? optionalType(entity) : entity;
    }
    if (collection !== undefined) {
      const inverse = collection.inverses.find((i) => i.name === property);
      if (inverse !== undefined) {
        this.resolutions.set(expr, {
          kind: "inverse",
          source: inverse.source,
          field: inverse.field,
          overList,
        });
        return listType(entityType(inverse.source));
      }
      const ambiguous = this.ambiguousInverses.get(collection.name)?.get(property);
      if (ambiguous !== undefined) {
        this.report(codes.ambiguousInverse, expr.property.span, {
          name: property,
          target: collection.name,
          fields: ambiguous.map((f) => `'${f}'`).join(", "),
        });
        return undefined;
      }
    }
    const candidates = [
      ...fields.map((f) => f.name),
      ...fields.flatMap((f) => (f.reference === undefined ? [] : [f.reference.as])),
      ...(collection?.inverses.map((i) => i.name) ?? []),
    ];
    this.report(
      codes.unknownField,
      expr.property.span,
      { name: property, ...typeArgs("type", target) },
      suggest(property, candidates),
    );
    return undefined;
  }

  private call(expr: CallExpr, context: Context): Type {
    const parts = expr.callee.parts;
    const text = qualifiedText(expr.callee);
    const first = parts[0];
    const argTypes = () => expr.args.map((arg) => this.expr(arg, context));
    if (parts.length === 1 && first !== undefined && context.locals.has(first.name)) {
      this.report(codes.notCallable, expr.callee.span, { name: text });
      argTypes();
      return errorType;
    }
    const found = this.lookupQualified(expr.callee, context.scope);
    if (found === "broken") {
      argTypes();
      return errorType;
    }
    if (found !== undefined) {
      if (found.kind !== "define") {
        this.report(codes.notCallable, expr.callee.span, { name: text });
        argTypes();
        return errorType;
      }
      const owner = this.ownerScope(expr.callee, context.scope);
      this.resolutions.set(expr, { kind: "define", key: found.key });
      this.noteUse(context, found.key, expr.span);
      const params = found.decl.params;
      const types = argTypes();
      if (types.length !== params.length) {
        this.report(codes.wrongArgumentCount, expr.span, {
          name: text,
          expected: String(params.length),
          found: String(types.length),
        });
      }
      params.forEach((param, index) => {
        const argType = types[index];
        const arg = expr.args[index];
        if (argType === undefined || arg === undefined) return;
        const expected = this.typeExpr(param.type, owner);
        if (!assignable(expected, argType)) {
          this.report(codes.argumentMismatch, arg.span, {
            name: text,
            position: String(index + 1),
            ...typeArgs("expected", expected),
            ...typeArgs("found", argType),
          });
        } else {
          this.checkEnumValues(expected, arg);
        }
      });
      return this.defineType(found.key, found.decl, owner);
    }
    const callable = parts.length === 1 && first !== undefined ? this.functions.get(first.name) : undefined;
    if (callable !== undefined) {
      this.resolutions.set(
        expr,
        callable.kind === "builtin"
          ? { kind: "builtin", name: callable.name }
          : { kind: "host", function: callable.function },
      );
      return this.builtinCall(callable, expr, text, argTypes());
    }
    const defines = [...context.scope.declared.values()]
      .filter((d) => d.kind === "define")
      .map((d) => d.decl.name.name);
    this.report(
      codes.unknownFunction,
      expr.callee.span,
      { name: text },
      suggest(text, [...defines, ...this.functions.keys()]),
    );
    argTypes();
    return errorType;
  }

  /** A call of a built-in or host function, checked against its signature in the registry. */
  private builtinCall(callable: CallableFunction, expr: CallExpr, text: string, args: Type[]): Type {
    const { parameters, result, propagatesNone } = declarationOf(callable).signature;
    if (args.length !== parameters.length) {
      this.report(codes.wrongArgumentCount, expr.span, {
        name: text,
        expected: String(parameters.length),
        found: String(args.length),
      });
      return errorType;
    }
    parameters.forEach((parameter, index) => {
      const type = args[index];
      const arg = expr.args[index];
      if (type === undefined || arg === undefined || parameter === "any") return;
      const base = stripOptional(type);
      const accepted = parameter === "list" ? base.kind === "list" : assignable(parameter, base);
      if (!accepted && !this.silent(base)) {
        this.report(codes.argumentMismatch, arg.span, {
          name: text,
          position: String(index + 1),
          ...typeArgs("expected", displayedParameterType(parameter)),
          ...typeArgs("found", type),
        });
      }
    });
    return propagatesNone ? optionalIfAny(result, ...args) : result;
  }

  private binary(expr: BinaryExpr, context: Context): Type {
    const leftType = this.expr(expr.left, context);
    const rightType = this.expr(expr.right, context);
    const left = stripOptional(leftType);
    const right = stripOptional(rightType);
    const operator = expr.operator;
    const mismatch = (): Type => {
      this.report(codes.operatorMismatch, expr.span, {
        operator,
        ...typeArgs("left", leftType),
        ...typeArgs("right", rightType),
      });
      return errorType;
    };
    const silent = this.silent(left) || this.silent(right);

    switch (operator) {
      case "and":
      case "or":
        this.expectBool(leftType, expr.left.span, [
          `the operand of '${operator}'`,
          `“${operator === "and" ? "且" : "或"}”的操作数`,
        ]);
        this.expectBool(rightType, expr.right.span, [
          `the operand of '${operator}'`,
          `“${operator === "and" ? "且" : "或"}”的操作数`,
        ]);
        return boolType;
      case "+":
      case "-":
      case "*":
      case "/": {
        if (silent)
          return left.kind === "none" || right.kind === "none"
            ? optionalIfAny(errorType, noneType)
            : errorType;
        const result = this.arithmetic(expr, left, right);
        return result === undefined ? errorType : optionalIfAny(result, leftType, rightType);
      }
      case "=":
      case "!=":
      case "<":
      case "<=":
      case ">":
      case ">=": {
        if (silent) return boolType;
        const ordered = operator !== "=" && operator !== "!=";
        if (!this.comparable(expr, left, right, ordered)) mismatch();
        return boolType;
      }
      case "in": {
        if (silent) return boolType;
        if (right.kind === "period") {
          if (left.kind !== "date") mismatch();
          return boolType;
        }
        const element = right.kind === "list" ? stripOptional(right.element) : undefined;
        if (element === undefined) return mismatch();
        if (element.kind === "none" || element.kind === "error") return boolType;
        if (!this.comparable(expr, left, element, false)) mismatch();
        else {
          this.checkEnumValues(listType(left), expr.right);
          this.checkEnumValues(element, expr.left);
        }
        return boolType;
      }
    }
  }

  /** Whether two (non-optional) types compare; reports unit and measure problems itself. */
  private comparable(expr: BinaryExpr, left: Type, right: Type, ordered: boolean): boolean {
    if (left.kind === "number" && right.kind === "number") {
      if (!unitsCompatible(left.unit, right.unit)) {
        this.report(codes.unitMismatch, expr.span, {
          operator: expr.operator,
          left: left.unit ?? "",
          right: right.unit ?? "",
        });
      }
      return true;
    }
    if (left.kind === "duration" && right.kind === "duration") {
      if (!measuresCompatible(measureOf(left), measureOf(right))) {
        this.report(codes.durationMeasureMismatch, expr.span, { operator: expr.operator });
      }
      return true;
    }
    if (left.kind === "date" && right.kind === "date") return true;
    if (ordered) return false;
    const textual = (t: Type) => t.kind === "text" || t.kind === "enum";
    if (textual(left) && textual(right)) {
      this.checkEnumValues(left, expr.right);
      this.checkEnumValues(right, expr.left);
      if (
        left.kind === "enum" &&
        right.kind === "enum" &&
        !left.values.some((v) => right.values.includes(v))
      ) {
        return false;
      }
      return true;
    }
    if (left.kind === "entity" && right.kind === "entity") return left.collection === right.collection;
    return left.kind === right.kind && (left.kind === "bool" || left.kind === "period");
  }

  private arithmetic(expr: BinaryExpr, left: Type, right: Type): Type | undefined {
    const operator = expr.operator;
    const mismatch = (): undefined => {
      this.report(codes.operatorMismatch, expr.span, {
        operator,
        ...typeArgs("left", left),
        ...typeArgs("right", right),
      });
      return undefined;
    };
    if (left.kind === "number" && right.kind === "number") {
      if (operator === "+" || operator === "-") {
        if (!unitsCompatible(left.unit, right.unit)) {
          this.report(codes.unitMismatch, expr.span, {
            operator,
            left: left.unit ?? "",
            right: right.unit ?? "",
          });
          return undefined;
        }
        return numberType(left.integer && right.integer, left.unit ?? right.unit);
      }
      if (operator === "*") {
        const unit =
          left.unit === undefined
            ? right.unit
            : right.unit === undefined
              ? left.unit
              : `${left.unit}*${right.unit}`;
        return numberType(left.integer && right.integer, unit);
      }
      const unit =
        left.unit === right.unit
          ? undefined
          : right.unit === undefined
            ? left.unit
            : `${left.unit ?? "1"}/${right.unit}`;
      return numberType(false, unit);
    }
    if (left.kind === "date" && right.kind === "duration" && (operator === "+" || operator === "-")) {
      return dateType(left.planned);
    }
    if (left.kind === "duration" && right.kind === "date" && operator === "+") return dateType(right.planned);
    if (left.kind === "date" && right.kind === "date" && operator === "-") {
      this.report(codes.dateMinusDate, expr.span, {});
      return undefined;
    }
    if (left.kind === "duration" && right.kind === "duration" && (operator === "+" || operator === "-")) {
      const [a, b] = [measureOf(left), measureOf(right)];
      if (!measuresCompatible(a, b)) {
        this.report(codes.durationMeasureMismatch, expr.span, { operator });
        return undefined;
      }
      return durationType(a ?? b);
    }
    if (operator === "*" && left.kind === "duration" && right.kind === "number" && right.integer) return left;
    if (operator === "*" && left.kind === "number" && left.integer && right.kind === "duration") return right;
    if (operator === "+" && left.kind === "text" && right.kind === "text") return textType;
    return mismatch();
  }
}

function describeSpan(span: Span): string {
  return `${span.file}:${span.start.line}:${span.start.column}`;
}
