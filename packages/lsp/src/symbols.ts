/**
 * The symbol index of a policy: every declaration and every place that names one, across all its
 * modules. Built from the syntax trees alone, so it is there even while the policy has errors
 * (the checker hands back a model only for a policy without errors); definitions, references,
 * rename, hover and completion all read it.
 */
import {
  type ClauseDecl,
  type CollectionDecl,
  type Declaration,
  type DefineDecl,
  type Expr,
  type FieldDecl,
  forEachChild,
  type Identifier,
  isExpression,
  type LetBinding,
  type Module,
  type Node,
  type ParamDecl,
  type QualifiedName,
  type RecordDecl,
  type Rule,
  ruleParts,
  type Span,
  type TypeDecl,
  type TypeExpr,
} from "@remit/lang";

/** What a symbol is; a closed set. */
export type SymbolKind =
  | "param"
  | "define"
  | "collection"
  | "record"
  | "type"
  | "field"
  | "clause"
  | "rule"
  | "module"
  | "local";

/** How a local name was bound. */
export type LocalBinding = "subject" | "let" | "aggregate" | "defineParam";

/** What a value is known to be, as far as the index can tell without the checker. */
export type Shape =
  | { readonly kind: "entity"; readonly collection: string }
  | { readonly kind: "entities"; readonly collection: string }
  | { readonly kind: "record"; readonly record: string };

export interface SymbolCommon {
  /** Unique across the policy: kind, file and name. */
  readonly key: string;
  readonly name: string;
  /** The file that declares it. */
  readonly file: string;
  /** The span of its name where declared (the start of the file for a module). */
  readonly nameSpan: Span;
}

export type PolicySymbol =
  | (SymbolCommon & { readonly kind: "param"; readonly decl: ParamDecl })
  | (SymbolCommon & { readonly kind: "define"; readonly decl: DefineDecl })
  | (SymbolCommon & { readonly kind: "collection"; readonly decl: CollectionDecl })
  | (SymbolCommon & { readonly kind: "record"; readonly decl: RecordDecl })
  | (SymbolCommon & { readonly kind: "type"; readonly decl: TypeDecl })
  | (SymbolCommon & {
      readonly kind: "field";
      /** The collection or record key the field belongs to. */
      readonly owner: string;
      readonly decl: FieldDecl;
      /** For a reference's navigation name (`as township`): the collection it leads to. */
      readonly leadsTo: string | undefined;
    })
  | (SymbolCommon & { readonly kind: "clause"; readonly decl: ClauseDecl })
  | (SymbolCommon & { readonly kind: "rule"; readonly decl: Rule })
  | (SymbolCommon & { readonly kind: "module"; readonly path: string })
  | (SymbolCommon & {
      readonly kind: "local";
      readonly binding: LocalBinding;
      /** Where the name can be used. */
      readonly scope: Span;
      /** What it holds, when known. */
      readonly shape: Shape | undefined;
      /** For a `let`, the bound expression. */
      readonly value: Expr | undefined;
    });

/** One place in the source that names a symbol. */
export interface Occurrence {
  readonly span: Span;
  readonly key: string;
  readonly declaration: boolean;
  /** `path`: the quoted path of an import, which names a module but is not renamed with it. */
  readonly role: "name" | "path";
}

export interface SymbolIndex {
  readonly symbols: ReadonlyMap<string, PolicySymbol>;
  /** By file, in source order. */
  readonly occurrences: ReadonlyMap<string, readonly Occurrence[]>;
  /** Names declared at the top of each module (params, types, collections, records, defines). */
  readonly topLevel: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Import aliases of each module: alias → module symbol key. */
  readonly aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Clause ids of each module: id → clause symbol key. */
  readonly clauses: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The fields of each collection or record key, navigation names included: name → field key. */
  readonly fields: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** For each collection key, the collections whose references lead to it (`t.villages`). */
  readonly inverses: ReadonlyMap<string, readonly string[]>;
}

export function moduleKey(path: string): string {
  return `module:${path}`;
}

/**
 * Indexes `modules`; `aliases` gives, per module file, each import alias and the path it names
 * (as `loadModules` reports them).
 * @example
 * ```ts
 * import { buildIndex } from "@remit/lsp";
 * import { loadModules, memoryHost } from "@remit/lang";
 * const text = 'policy "P"\ncollection teams { name: text }\n';
 * const loaded = loadModules("p.remit", memoryHost({ "p.remit": text }));
 * const index = buildIndex(loaded.modules, loaded.aliases);
 * console.log([...index.symbols.values()].map((s) => `${s.kind} ${s.name}`)); // [ 'module p.remit', 'collection teams', 'field name' ]
 * ```
 */
export function buildIndex(
  modules: readonly Module[],
  aliases: ReadonlyMap<string, ReadonlyMap<string, string>>,
): SymbolIndex {
  return new IndexBuilder(modules, aliases).build();
}

type Locals = ReadonlyMap<string, string>;

class IndexBuilder {
  private readonly symbols = new Map<string, PolicySymbol>();
  private readonly occurrences = new Map<string, Occurrence[]>();
  private readonly topLevel = new Map<string, Map<string, string>>();
  private readonly aliasKeys = new Map<string, Map<string, string>>();
  private readonly clauses = new Map<string, Map<string, string>>();
  private readonly fields = new Map<string, Map<string, string>>();
  /** Reference fields by target collection key: for inverse navigation (`t.villages`). */
  private readonly referencesTo = new Map<string, string[]>();

  constructor(
    private readonly modules: readonly Module[],
    private readonly importAliases: ReadonlyMap<string, ReadonlyMap<string, string>>,
  ) {}

  build(): SymbolIndex {
    for (const module of this.modules) this.declareModule(module);
    for (const module of this.modules) this.declareFields(module);
    for (const module of this.modules) this.visitModule(module);
    for (const list of this.occurrences.values())
      list.sort((a, b) => a.span.start.offset - b.span.start.offset);
    return {
      symbols: this.symbols,
      occurrences: this.occurrences,
      topLevel: this.topLevel,
      aliases: this.aliasKeys,
      clauses: this.clauses,
      fields: this.fields,
      inverses: this.referencesTo,
    };
  }

  private add(symbol: PolicySymbol): void {
    if (!this.symbols.has(symbol.key)) this.symbols.set(symbol.key, symbol);
  }

  private occur(span: Span, key: string, declaration = false, role: Occurrence["role"] = "name"): void {
    let list = this.occurrences.get(span.file);
    if (list === undefined) {
      list = [];
      this.occurrences.set(span.file, list);
    }
    list.push({ span, key, declaration, role });
  }

  private declareModule(module: Module): void {
    const file = module.file;
    const start = { offset: 0, line: 1, column: 1 };
    this.add({
      kind: "module",
      key: moduleKey(file),
      name: file,
      file,
      path: file,
      nameSpan: { file, start, end: start },
    });
    const aliases = new Map<string, string>();
    for (const [alias, path] of this.importAliases.get(file) ?? []) aliases.set(alias, moduleKey(path));
    this.aliasKeys.set(file, aliases);
    for (const imp of module.imports) {
      const key = aliases.get(imp.alias.name);
      if (key === undefined) continue;
      const path = key.slice("module:".length);
      if (!this.symbols.has(key)) {
        const begin = { offset: 0, line: 1, column: 1 };
        this.add({
          kind: "module",
          key,
          name: path,
          file: path,
          path,
          nameSpan: { file: path, start: begin, end: begin },
        });
      }
      this.occur(imp.path.span, key, false, "path");
      this.occur(imp.alias.span, key, true);
    }

    const names = new Map<string, string>();
    const clauses = new Map<string, string>();
    this.topLevel.set(file, names);
    this.clauses.set(file, clauses);
    for (const declaration of module.declarations) {
      const symbol = topLevelSymbol(declaration, file);
      if (symbol === undefined) continue;
      this.add(symbol);
      if (symbol.kind === "clause") {
        if (!clauses.has(symbol.name)) clauses.set(symbol.name, symbol.key);
      } else if (symbol.kind !== "rule" && !names.has(symbol.name)) {
        names.set(symbol.name, symbol.key);
      }
      this.occur(symbol.nameSpan, symbol.key, true);
    }
  }

  private declareFields(module: Module): void {
    for (const declaration of module.declarations) {
      if (declaration.kind !== "CollectionDecl" && declaration.kind !== "RecordDecl") continue;
      const owner = topLevelSymbol(declaration, module.file)?.key;
      if (owner === undefined) continue;
      const fields = new Map<string, string>();
      this.fields.set(owner, fields);
      for (const field of declaration.fields) {
        const key = `field:${owner}.${field.name.name}`;
        this.add({
          kind: "field",
          key,
          name: field.name.name,
          file: module.file,
          nameSpan: field.name.span,
          owner,
          decl: field,
          leadsTo: undefined,
        });
        if (!fields.has(field.name.name)) fields.set(field.name.name, key);
        this.occur(field.name.span, key, true);
        const reference = field.reference;
        if (reference === undefined) continue;
        const target = this.qualified(reference.target, module.file, new Map());
        const navigation = `field:${owner}.${reference.as.name}`;
        this.add({
          kind: "field",
          key: navigation,
          name: reference.as.name,
          file: module.file,
          nameSpan: reference.as.span,
          owner,
          decl: field,
          leadsTo: target,
        });
        if (!fields.has(reference.as.name)) fields.set(reference.as.name, navigation);
        this.occur(reference.as.span, navigation, true);
        if (target !== undefined) {
          const list = this.referencesTo.get(target) ?? [];
          list.push(owner);
          this.referencesTo.set(target, list);
        }
      }
    }
  }

  private visitModule(module: Module): void {
    const file = module.file;
    const none: Locals = new Map();
    if (module.header?.warning !== undefined) this.expr(module.header.warning, file, none);
    for (const declaration of module.declarations) {
      switch (declaration.kind) {
        case "ClauseDecl":
          break;
        case "ParamDecl":
          this.typeExpr(declaration.type, file);
          this.expr(declaration.default, file, none);
          break;
        case "TypeDecl":
          this.typeExpr(declaration.type, file);
          break;
        case "CollectionDecl":
        case "RecordDecl":
          for (const field of declaration.fields)
            if (field.type !== undefined) this.typeExpr(field.type, file);
          if (declaration.kind === "CollectionDecl" && declaration.since !== undefined) {
            const owner = this.topLevel.get(file)?.get(declaration.name.name);
            const key = owner === undefined ? undefined : this.fields.get(owner)?.get(declaration.since.name);
            if (key !== undefined) this.occur(declaration.since.span, key);
          }
          break;
        case "DefineDecl":
          this.define(declaration, file);
          break;
        case "DutyRule":
        case "EscalationRule":
        case "AccountabilityRule":
          this.rule(declaration, file);
          break;
        default:
          assertNever(declaration);
      }
    }
  }

  private define(decl: DefineDecl, file: string): void {
    const locals = new Map<string, string>();
    for (const param of decl.params) {
      this.typeExpr(param.type, file);
      const shape = this.shapeOfType(param.type, file);
      locals.set(param.name.name, this.local(param.name, "defineParam", decl.span, shape, undefined));
    }
    if (decl.returnType !== undefined) this.typeExpr(decl.returnType, file);
    this.expr(decl.body, file, locals);
  }

  private rule(rule: Rule, file: string): void {
    const clauses = this.clauses.get(file);
    for (const cite of rule.cites) {
      const key = clauses?.get(cite.id);
      if (key !== undefined) this.occur(cite.span, key);
    }
    const locals = new Map<string, string>();
    if (rule.subject !== undefined) {
      const { variable, source, filter } = rule.subject;
      const sourceShape = this.expr(source, file, locals);
      if (variable !== undefined) {
        locals.set(
          variable.name,
          this.local(variable, "subject", rule.span, elementShape(sourceShape), undefined),
        );
      }
      if (filter !== undefined) this.expr(filter, file, locals);
    }
    for (const binding of rule.lets) this.letBinding(binding, rule.span, file, locals);
    // Every other part only reads names: walked through the one enumeration of children, so a
    // part added to a rule is indexed without a change here.
    const visit = (node: Node): void => {
      if (isExpression(node)) this.expr(node, file, locals);
      else forEachChild(node, visit);
    };
    for (const part of ruleParts(rule)) {
      if (part.name === "subject" || part.name === "lets" || part.name === "cites") continue;
      for (const node of Array.isArray(part.value) ? part.value : [part.value]) visit(node);
    }
  }

  private letBinding(binding: LetBinding, scope: Span, file: string, locals: Map<string, string>): void {
    const shape = this.expr(binding.value, file, locals);
    const visible = { file, start: binding.span.start, end: scope.end };
    locals.set(binding.name.name, this.local(binding.name, "let", visible, shape, binding.value));
  }

  private local(
    name: Identifier,
    binding: LocalBinding,
    scope: Span,
    shape: Shape | undefined,
    value: Expr | undefined,
  ): string {
    const key = `local:${name.span.file}:${name.span.start.offset}`;
    this.add({
      kind: "local",
      key,
      name: name.name,
      file: name.span.file,
      nameSpan: name.span,
      binding,
      scope,
      shape,
      value,
    });
    this.occur(name.span, key, true);
    return key;
  }

  private typeExpr(type: TypeExpr, file: string): void {
    switch (type.kind) {
      case "PrimitiveType":
      case "EnumType":
        return;
      case "ListType":
        this.typeExpr(type.element, file);
        return;
      case "OptionalType":
        this.typeExpr(type.inner, file);
        return;
      case "RecordType":
        for (const field of type.fields) if (field.type !== undefined) this.typeExpr(field.type, file);
        return;
      case "NamedType":
        this.qualified(type.name, file, new Map());
        return;
      default:
        assertNever(type);
    }
  }

  private shapeOfType(type: TypeExpr, file: string): Shape | undefined {
    if (type.kind !== "NamedType") return undefined;
    const key = this.lookupQualified(type.name, file);
    return key === undefined ? undefined : this.shapeOfSymbol(key);
  }

  /** Records the occurrences along `a.b.c` and returns the key of what it names. */
  private qualified(name: QualifiedName, file: string, locals: Locals): string | undefined {
    let module = file;
    let key: string | undefined;
    for (const [i, part] of name.parts.entries()) {
      const last = i === name.parts.length - 1;
      const declared = this.topLevel.get(module)?.get(part.name);
      const alias = this.aliasKeys.get(module)?.get(part.name);
      const local = i === 0 ? locals.get(part.name) : undefined;
      key = local ?? (last ? (declared ?? alias) : (alias ?? declared));
      if (key === undefined) return undefined;
      this.occur(part.span, key);
      if (!key.startsWith("module:")) return last ? key : undefined;
      module = key.slice("module:".length);
    }
    return key;
  }

  private lookupQualified(name: QualifiedName, file: string): string | undefined {
    let module = file;
    for (const [i, part] of name.parts.entries()) {
      const last = i === name.parts.length - 1;
      const declared = this.topLevel.get(module)?.get(part.name);
      const alias = this.aliasKeys.get(module)?.get(part.name);
      const key = last ? (declared ?? alias) : (alias ?? declared);
      if (key === undefined) return undefined;
      if (last) return key;
      if (!key.startsWith("module:")) return undefined;
      module = key.slice("module:".length);
    }
    return undefined;
  }

  private shapeOfSymbol(key: string): Shape | undefined {
    return shapeOfSymbol(this.symbols, key);
  }

  /** Indexes an expression's names and returns what it is known to hold. */
  private expr(expr: Expr, file: string, locals: Locals): Shape | undefined {
    switch (expr.kind) {
      case "NumberLiteral":
      case "StringLiteral":
      case "BoolLiteral":
      case "DateLiteral":
      case "DurationLiteral":
      case "NoneLiteral":
        return undefined;
      case "ListLiteral":
        for (const element of expr.elements) this.expr(element, file, locals);
        return undefined;
      case "NameExpr": {
        const name = expr.name.name;
        const key =
          locals.get(name) ?? this.topLevel.get(file)?.get(name) ?? this.aliasKeys.get(file)?.get(name);
        if (key === undefined) return undefined;
        this.occur(expr.name.span, key);
        return this.shapeOfSymbol(key);
      }
      case "MemberExpr":
        return this.member(expr.object, expr.property, file, locals);
      case "CallExpr":
        this.qualified(expr.callee, file, locals);
        for (const arg of expr.args) this.expr(arg, file, locals);
        return undefined;
      case "UnaryExpr":
        this.expr(expr.operand, file, locals);
        return undefined;
      case "BinaryExpr":
        this.expr(expr.left, file, locals);
        this.expr(expr.right, file, locals);
        return undefined;
      case "IsSetExpr":
        this.expr(expr.operand, file, locals);
        return undefined;
      case "IfExpr": {
        this.expr(expr.condition, file, locals);
        const then = this.expr(expr.then, file, locals);
        const otherwise = this.expr(expr.else, file, locals);
        return then ?? otherwise;
      }
      case "AggregateExpr": {
        const source = this.expr(expr.source, file, locals);
        const inner = new Map(locals);
        inner.set(
          expr.variable.name,
          this.local(expr.variable, "aggregate", expr.span, elementShape(source), undefined),
        );
        if (expr.filter !== undefined) this.expr(expr.filter, file, inner);
        const value = expr.value === undefined ? undefined : this.expr(expr.value, file, inner);
        if (
          expr.operator === "latest" ||
          expr.operator === "earliest" ||
          expr.operator === "min" ||
          expr.operator === "max"
        ) {
          return expr.value === undefined ? elementShape(source) : value;
        }
        return undefined;
      }
      case "ParenExpr":
        return this.expr(expr.inner, file, locals);
      default:
        return assertNever(expr);
    }
  }

  private member(object: Expr, property: Identifier, file: string, locals: Locals): Shape | undefined {
    const module = this.moduleNamed(object, file, locals);
    if (module !== undefined) {
      const key =
        this.topLevel.get(module)?.get(property.name) ?? this.aliasKeys.get(module)?.get(property.name);
      if (key === undefined) return undefined;
      this.occur(property.span, key);
      return this.shapeOfSymbol(key);
    }
    const shape = this.expr(object, file, locals);
    const key = this.memberKey(shape, property.name);
    if (key === undefined) return undefined;
    this.occur(property.span, key);
    if (key.startsWith("collection:")) return { kind: "entities", collection: key };
    const field = this.shapeOfSymbol(key);
    if (field === undefined || shape?.kind !== "entities") return field;
    return field.kind === "entity" ? { kind: "entities", collection: field.collection } : field;
  }

  /** The field (or, for an inverse, the source collection) that `name` reads on `shape`. */
  private memberKey(shape: Shape | undefined, name: string): string | undefined {
    if (shape === undefined) return undefined;
    const owner = shape.kind === "record" ? shape.record : shape.collection;
    const field = this.fields.get(owner)?.get(name);
    if (field !== undefined) return field;
    if (shape.kind === "record") return undefined;
    return (this.referencesTo.get(owner) ?? []).find((source) => this.symbols.get(source)?.name === name);
  }

  /** The module file an alias path (`gbt`, `gbt.sub`) names, when `expr` is one. */
  private moduleNamed(expr: Expr, file: string, locals: Locals): string | undefined {
    if (expr.kind === "NameExpr") {
      const name = expr.name.name;
      if (locals.has(name) || this.topLevel.get(file)?.has(name)) return undefined;
      const key = this.aliasKeys.get(file)?.get(name);
      if (key === undefined) return undefined;
      this.occur(expr.name.span, key);
      return key.slice("module:".length);
    }
    if (expr.kind === "MemberExpr") {
      const outer = this.moduleNamed(expr.object, file, locals);
      if (outer === undefined) return undefined;
      const key = this.aliasKeys.get(outer)?.get(expr.property.name);
      if (key === undefined || this.topLevel.get(outer)?.has(expr.property.name)) return undefined;
      this.occur(expr.property.span, key);
      return key.slice("module:".length);
    }
    return undefined;
  }
}

/** What the symbol `key` holds, when the index can tell. */
export function shapeOfSymbol(symbols: ReadonlyMap<string, PolicySymbol>, key: string): Shape | undefined {
  const symbol = symbols.get(key);
  if (symbol === undefined) return undefined;
  switch (symbol.kind) {
    case "collection":
      return { kind: "entities", collection: key };
    case "record":
      return { kind: "record", record: key };
    case "local":
      return symbol.shape;
    case "field":
      return symbol.leadsTo === undefined ? undefined : { kind: "entity", collection: symbol.leadsTo };
    case "param":
    case "define":
    case "type":
    case "clause":
    case "rule":
    case "module":
      return undefined;
    default:
      return assertNever(symbol);
  }
}

function elementShape(shape: Shape | undefined): Shape | undefined {
  if (shape?.kind === "entities") return { kind: "entity", collection: shape.collection };
  return shape;
}

function topLevelSymbol(declaration: Declaration, file: string): PolicySymbol | undefined {
  switch (declaration.kind) {
    case "ClauseDecl":
      return {
        kind: "clause",
        key: `clause:${file}#${declaration.id.id}`,
        name: declaration.id.id,
        file,
        nameSpan: declaration.id.span,
        decl: declaration,
      };
    case "ParamDecl":
      return {
        kind: "param",
        key: `param:${file}#${declaration.name.name}`,
        ...named(declaration.name, file),
        decl: declaration,
      };
    case "TypeDecl":
      return {
        kind: "type",
        key: `type:${file}#${declaration.name.name}`,
        ...named(declaration.name, file),
        decl: declaration,
      };
    case "CollectionDecl":
      return {
        kind: "collection",
        key: `collection:${file}#${declaration.name.name}`,
        ...named(declaration.name, file),
        decl: declaration,
      };
    case "RecordDecl":
      return {
        kind: "record",
        key: `record:${file}#${declaration.name.name}`,
        ...named(declaration.name, file),
        decl: declaration,
      };
    case "DefineDecl":
      return {
        kind: "define",
        key: `define:${file}#${declaration.name.name}`,
        ...named(declaration.name, file),
        decl: declaration,
      };
    case "DutyRule":
    case "EscalationRule":
    case "AccountabilityRule":
      return {
        kind: "rule",
        key: `rule:${file}#${declaration.id.text}`,
        name: declaration.id.text,
        file,
        nameSpan: declaration.id.span,
        decl: declaration,
      };
    default:
      return assertNever(declaration);
  }
}

function named(name: Identifier, file: string): { name: string; file: string; nameSpan: Span } {
  return { name: name.name, file, nameSpan: name.span };
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

/**
 * The occurrence whose span contains `offset` in `file` (a cursor just after a name counts).
 * @example
 * ```ts
 * import { occurrenceAt, PolicyWorkspace } from "@remit/lsp";
 * const file = "/p/policy.remit";
 * const text = `policy "listing"
 * clause 1 "hazards are listed within a week"
 * param listingDays: duration = 7 days "days to list a hazard"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within listingDays of h.foundOn
 * `;
 * const workspace = new PolicyWorkspace((path) => (path === file ? text : undefined));
 * const analysis = workspace.analysisFor(file);
 * const use = text.lastIndexOf("listingDays") + 1;
 * const occurrence = occurrenceAt(analysis.index, file, use);
 * console.log(occurrence?.key, occurrence?.declaration); // param:/p/policy.remit#listingDays false
 * ```
 */
export function occurrenceAt(index: SymbolIndex, file: string, offset: number): Occurrence | undefined {
  const list = index.occurrences.get(file) ?? [];
  let found: Occurrence | undefined;
  for (const occurrence of list) {
    if (occurrence.span.start.offset > offset) break;
    if (offset <= occurrence.span.end.offset) found = occurrence;
  }
  return found;
}

/** Every occurrence of `key`, declarations first, across all files. */
export function occurrencesOf(index: SymbolIndex, key: string): Occurrence[] {
  const all: Occurrence[] = [];
  for (const list of index.occurrences.values()) for (const o of list) if (o.key === key) all.push(o);
  return all.sort((a, b) => Number(b.declaration) - Number(a.declaration));
}
