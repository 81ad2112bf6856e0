import type {
  ClauseDecl,
  CollectionDecl,
  DefineDecl,
  Identifier,
  Module,
  ParamDecl,
  QualifiedName,
  RecordDecl,
  TypeDecl,
} from "../syntax/ast.js";

/** A top-level declaration a name can refer to, with its policy-wide key. */
export type Declared =
  | { readonly kind: "param"; readonly key: string; readonly decl: ParamDecl }
  | { readonly kind: "type"; readonly key: string; readonly decl: TypeDecl }
  | { readonly kind: "collection"; readonly key: string; readonly decl: CollectionDecl }
  | { readonly kind: "record"; readonly key: string; readonly decl: RecordDecl }
  | { readonly kind: "define"; readonly key: string; readonly decl: DefineDecl };

/**
 * One module's names. Declarations of imported modules are keyed by their alias path from the
 * entry (`gbt.requiredClass`), so keys are unique across the policy.
 */
export interface ModuleScope {
  readonly file: string;
  readonly module: Module;
  /** `""` for the entry, `gbt.` for a module the entry imports as `gbt`. */
  readonly prefix: string;
  /** Import aliases; undefined when the imported file could not be loaded (already reported). */
  readonly aliases: Map<string, ModuleScope | undefined>;
  readonly declared: Map<string, Declared>;
  readonly clauses: Map<string, ClauseDecl>;
}

/** The name node of a declaration that has one. */
export function declaredName(entry: Declared): Identifier {
  return entry.decl.name;
}

/** A qualified name as written: `gbt.requiredClass`. */
export function qualifiedText(name: QualifiedName): string {
  return name.parts.map((part) => part.name).join(".");
}
