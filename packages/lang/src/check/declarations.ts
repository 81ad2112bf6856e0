/**
 * Scopes and declarations: each module's names and import aliases, clauses, collections (with
 * their inverses), records, type declarations, field lists, type expressions and definitions
 * (with the call graph that rules out recursion).
 */
import * as codes from "../diagnostics/check-codes.js";
import { suggest } from "../diagnostics/suggest.js";
import type {
  DefineDecl,
  Expr,
  FieldDecl,
  Module,
  QualifiedName,
  RecordDecl,
  Span,
  TypeExpr,
} from "../syntax/ast.js";
import { primitiveTypeNames } from "../syntax/primitives.js";
import { type Dependency, dependencyOrder, spellCycle } from "./graph.js";
import type { FieldInfo, InverseInfo, RecordInfo, Type } from "./model.js";
import { type Declared, type ModuleScope, qualifiedText } from "./scope.js";
import { CheckState, type Context, type Local, typeArgs } from "./state.js";
import {
  assignable,
  boolType,
  dateType,
  durationType,
  entityType,
  errorType,
  listType,
  numberType,
  optionalType,
  stripOptional,
  textType,
} from "./types.js";

/** The checker's first layer: what top-level names mean and the types declarations give them. */
export abstract class DeclarationChecker extends CheckState {
  readonly typeDecls = new Map<string, Type>();
  readonly typeDeclsInProgress: string[] = [];
  readonly recordsInProgress = new Set<string>();
  /** Reference fields and their targets, per source collection, for the inverses. */
  readonly ambiguousInverses = new Map<string, Map<string, string[]>>();
  readonly defineReturn = new Map<string, Type>();
  readonly definesInProgress = new Set<string>();
  readonly callGraph = new Map<string, Dependency[]>();

  /** Types an expression (expression typing completes the checker). */
  abstract expr(expr: Expr, context: Context): Type;

  scopeOf(module: Module): ModuleScope {
    const scope = this.scopes.get(module.file);
    if (scope === undefined) throw new Error(`module '${module.file}' has no scope`);
    return scope;
  }

  buildScopes(): void {
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

  declareClauses(scope: ModuleScope): void {
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

  declareCollections(scope: ModuleScope): void {
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
          label: undefined,
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
  computeInverses(): void {
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

  declareRecordsAndTypes(scope: ModuleScope): void {
    for (const entry of scope.declared.values()) {
      if (entry.kind === "record") this.recordInfo(entry.key, scope, entry.decl);
      if (entry.kind === "type") this.typeDeclType(entry.key, scope, entry.decl.type, entry.decl.name.span);
    }
  }

  recordInfo(key: string, scope: ModuleScope, decl: RecordDecl): RecordInfo {
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

  typeDeclType(key: string, scope: ModuleScope, type: TypeExpr, at: Span): Type {
    const known = this.typeDecls.get(key);
    if (known !== undefined) return known;
    const cycleStart = this.typeDeclsInProgress.indexOf(key);
    if (cycleStart >= 0) {
      this.report(codes.typeCycle, at, {
        cycle: spellCycle([...this.typeDeclsInProgress.slice(cycleStart), key]),
      });
      return errorType;
    }
    this.typeDeclsInProgress.push(key);
    const resolved = this.typeExpr(type, scope);
    this.typeDeclsInProgress.pop();
    if (!this.typeDecls.has(key)) this.typeDecls.set(key, resolved);
    return this.typeDecls.get(key) ?? resolved;
  }

  fields(decls: readonly FieldDecl[], scope: ModuleScope): FieldInfo[] {
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

  namesOfKind(scope: ModuleScope, kinds: readonly Declared["kind"][]): string[] {
    return [...scope.declared.values()].filter((d) => kinds.includes(d.kind)).map((d) => d.decl.name.name);
  }

  /**
   * A possibly module-qualified name: the declaration, `"broken"` when it goes through an import
   * that failed to load (already reported), or undefined when there is no such name.
   */
  lookupQualified(name: QualifiedName, scope: ModuleScope): Declared | "broken" | undefined {
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

  typeExpr(type: TypeExpr, scope: ModuleScope): Type {
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
        this.reportUnknown(
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
  ownerScope(name: QualifiedName, scope: ModuleScope): ModuleScope {
    let current = scope;
    for (const part of name.parts.slice(0, -1)) {
      const next = current.aliases.get(part.name);
      if (next === undefined) return current;
      current = next;
    }
    return current;
  }

  moduleContext(scope: ModuleScope): Context {
    return { scope, locals: new Map(), frame: { size: 0 }, periodAllowed: false, inDefine: undefined };
  }

  declareDefines(scope: ModuleScope): void {
    for (const entry of scope.declared.values()) {
      if (entry.kind === "define") this.defineType(entry.key, entry.decl, scope);
    }
  }

  /** Checks a definition once (on first use or in declaration order) and returns its type. */
  defineType(key: string, decl: DefineDecl, scope: ModuleScope): Type {
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

  noteUse(context: Context, define: string, span: Span): void {
    if (context.inDefine === undefined) return;
    const edges = this.callGraph.get(context.inDefine) ?? [];
    edges.push({ to: define, span });
    this.callGraph.set(context.inDefine, edges);
  }

  /** Any cycle in the graph of definitions using one another is an error (termination). */
  checkRecursion(): void {
    // Declaration order, so a cycle is spelled from the definition written first.
    const defines = [...this.scopes.values()].flatMap((scope) =>
      [...scope.declared.values()].filter((entry) => entry.kind === "define").map((entry) => entry.key),
    );
    dependencyOrder(
      defines,
      (key) => this.callGraph.get(key) ?? [],
      (cycle, closing) => this.report(codes.recursiveDefinition, closing.span, { cycle: spellCycle(cycle) }),
    );
  }
}
