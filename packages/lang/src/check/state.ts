/**
 * What every part of the checker shares: the tables it fills for the checked model, the side
 * tables keyed by syntax nodes, the reporting of diagnostics, and the context an expression is
 * checked in.
 */
import type { CallableFunction } from "../builtins/index.js";
import { type ExpectedValue, unknownName, unknownNameArgs } from "../diagnostics/check-codes.js";
import {
  type Diagnostic,
  type DiagnosticDefinition,
  diagnostic,
  type Localized,
  type RelatedLocation,
} from "../diagnostics/diagnostic.js";
import type { LoadedModules } from "../modules/load.js";
import type { CallExpr, Expr, Identifier, MemberExpr, NameExpr, Span } from "../syntax/ast.js";
import type {
  ClauseInfo,
  CollectionInfo,
  DefineInfo,
  ParamInfo,
  RecordInfo,
  Resolution,
  RuleInfo,
  Type,
} from "./model.js";
import type { ModuleScope } from "./scope.js";
import { displayType } from "./types.js";

export type Local = { readonly slot: number; readonly type: Type };

/** Where an expression is checked: its module, the locals in scope and the frame they live in. */
export interface Context {
  readonly scope: ModuleScope;
  readonly locals: ReadonlyMap<string, Local>;
  readonly frame: { size: number };
  /** Inside a recurring duty, where `period` means the period being judged. */
  readonly periodAllowed: boolean;
  /** The definition whose body is being checked, for the call graph. */
  readonly inDefine: string | undefined;
}

/** A text in both languages, for the "what" of a message. */
export type What = readonly [en: string, zh: string];

/** A type as message arguments in both languages: `found` and `foundZh`. */
export function typeArgs<K extends string>(key: K, type: Type): Record<K | `${K}Zh`, string> {
  return { [key]: displayType(type, "en"), [`${key}Zh`]: displayType(type, "zh") } as Record<
    K | `${K}Zh`,
    string
  >;
}

/** What a message is about, as its arguments in both languages. */
export function whatArgs(what: What): { what: string; whatZh: string } {
  return { what: what[0], whatZh: what[1] };
}

/** The expression inside any parentheses. */
export function unwrapParens(expr: Expr): Expr {
  let current = expr;
  while (current.kind === "ParenExpr") current = current.inner;
  return current;
}

/** The tables one run of the checker fills, and its diagnostics. */
export abstract class CheckState {
  readonly diagnostics: Diagnostic[] = [];
  readonly scopes = new Map<string, ModuleScope>();
  readonly types = new Map<Expr, Type>();
  readonly resolutions = new Map<NameExpr | MemberExpr | CallExpr, Resolution>();
  readonly slots = new Map<Identifier, number>();

  readonly clauses = new Map<string, ClauseInfo>();
  readonly params = new Map<string, ParamInfo>();
  readonly collections = new Map<string, CollectionInfo>();
  readonly records = new Map<string, RecordInfo>();
  readonly defines = new Map<string, DefineInfo>();
  readonly rules: RuleInfo[] = [];

  constructor(
    readonly loaded: LoadedModules,
    /** The built-in and host functions by spelling. */
    readonly functions: ReadonlyMap<string, CallableFunction>,
  ) {}

  report<A extends Record<string, string>>(
    definition: DiagnosticDefinition<A>,
    span: Span,
    args: A,
    suggestions: readonly string[] = [],
    related: readonly RelatedLocation[] = [],
  ): void {
    this.diagnostics.push(diagnostic(definition, span, args, suggestions, related));
  }

  /** Unknown names by code and name: each reported once, at its first use. */
  private readonly unknown = new Map<string, { name: string; diagnostic: Diagnostic; uses: Span[] }>();
  /** Unknown names whose hint already declares them with the type a use expects. */
  private readonly typedUnknown = new Set<string>();

  /**
   * Reports a name (or a clause id) that is not declared once however often it is used, the other
   * uses as related locations: deleting a section that others use gives one message per missing
   * name, not one per use.
   */
  reportUnknown<A extends { name: string } | { id: string }>(
    definition: DiagnosticDefinition<A>,
    span: Span,
    args: A,
    suggestions: readonly string[] = [],
  ): void {
    const key = `${definition.code}\u0000${"name" in args ? args.name : args.id}`;
    const seen = this.unknown.get(key);
    if (seen) {
      const same = (other: Span) => other.file === span.file && other.start.offset === span.start.offset;
      if (!same(seen.diagnostic.span) && !seen.uses.some(same)) seen.uses.push(span);
      return;
    }
    const first = diagnostic(definition, span, args, suggestions);
    this.unknown.set(key, { name: "name" in args ? args.name : args.id, diagnostic: first, uses: [] });
    this.diagnostics.push(first);
  }

  /**
   * The unknown name used at `span`, if one is, stands where a value of `expected` must: the
   * parameter its hint declares has that type (`param limit: duration = 15 days`), as the first
   * such use says.
   */
  unknownUsedAs(span: Span, expected: ExpectedValue): void {
    for (const [key, entry] of this.unknown) {
      const at = (other: Span) =>
        other.file === span.file &&
        other.start.offset === span.start.offset &&
        other.end.offset === span.end.offset;
      if (entry.diagnostic.code !== unknownName.code || this.typedUnknown.has(key)) continue;
      if (!at(entry.diagnostic.span) && !entry.uses.some(at)) continue;
      const typed = diagnostic(
        unknownName,
        entry.diagnostic.span,
        unknownNameArgs(entry.name, expected),
        entry.diagnostic.suggestions,
      );
      this.diagnostics[this.diagnostics.indexOf(entry.diagnostic)] = typed;
      entry.diagnostic = typed;
      this.typedUnknown.add(key);
      return;
    }
  }

  /** Gives each unknown name's diagnostic its other uses; call once, after checking. */
  finishUnknown(): void {
    for (const { diagnostic: first, uses } of this.unknown.values()) {
      if (uses.length === 0) continue;
      const index = this.diagnostics.indexOf(first);
      this.diagnostics[index] = {
        ...first,
        related: uses.map((span) => ({ message: alsoUsedHere, span })),
      };
    }
    this.unknown.clear();
  }
}

const alsoUsedHere: Localized = { en: "also used here", zh: "此处也用到了它" };
