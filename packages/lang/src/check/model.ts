/**
 * The checked model: what the checker hands to the engine. Names, imports, references, types,
 * units and citations are resolved; the engine never looks a name up again. The syntax tree is
 * kept as is, with side tables (`typeOf`, `resolve`, `slotOf`) keyed by its nodes.
 */
import type { BuiltinFunction, HostFunction } from "../builtins/functions.js";
import type {
  AccountabilityRule,
  CallExpr,
  ClauseDecl,
  CollectionDecl,
  DefineDecl,
  DutyRule,
  EscalationRule,
  Expr,
  FieldDecl,
  Identifier,
  MemberExpr,
  Modality,
  Module,
  NameExpr,
  ParamDecl,
  RecordDecl,
} from "../syntax/ast.js";

export type Type =
  | { readonly kind: "text" }
  | { readonly kind: "number"; readonly integer: boolean; readonly unit: string | undefined }
  | { readonly kind: "bool" }
  /** `planned` dates are deadlines: not hidden when they lie after the as-at date. */
  | { readonly kind: "date"; readonly planned: boolean }
  | { readonly kind: "duration" }
  | { readonly kind: "period" }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "list"; readonly element: Type }
  | { readonly kind: "optional"; readonly inner: Type }
  | { readonly kind: "record"; readonly fields: readonly FieldInfo[] }
  /** An element of a collection. */
  | { readonly kind: "entity"; readonly collection: string }
  /** The type of `none` before it meets an optional. */
  | { readonly kind: "none" }
  /** After an error was reported: silences follow-on errors. */
  | { readonly kind: "error" };

export interface ReferenceInfo {
  /** The target collection's name. */
  readonly target: string;
  /** The navigation name. */
  readonly as: string;
  readonly optional: boolean;
}

export interface FieldInfo {
  readonly name: string;
  /** For a reference field: text (the id), optional when the reference is. */
  readonly type: Type;
  readonly reference: ReferenceInfo | undefined;
  readonly decl: FieldDecl;
}

/** The way back along a reference: `t.villages` lists the villages whose `townshipId` is `t.id`. */
export interface InverseInfo {
  readonly name: string;
  readonly source: string;
  readonly field: string;
}

export interface CollectionInfo {
  readonly name: string;
  readonly label: string | undefined;
  /** The date field from which an element exists. */
  readonly since: string | undefined;
  /** Always includes `id` (text). */
  readonly fields: readonly FieldInfo[];
  readonly inverses: readonly InverseInfo[];
  readonly decl: CollectionDecl;
}

export interface RecordInfo {
  readonly name: string;
  readonly label: string | undefined;
  readonly fields: readonly FieldInfo[];
  readonly decl: RecordDecl;
}

export interface ClauseInfo {
  readonly id: string;
  readonly title: string;
  readonly text: string | undefined;
  readonly decl: ClauseDecl;
}

export interface ParamInfo {
  /** The name callers override it by: `gridDays`, or `gbt.minMembersFirstClass` from an import. */
  readonly key: string;
  readonly type: Type;
  /** A constant expression (literals and other parameters only). */
  readonly default: Expr;
  readonly description: string | undefined;
  readonly decl: ParamDecl;
}

export interface DefineInfo {
  /** Unique across modules: `hasTeam`, `gbt.requiredClass`. */
  readonly key: string;
  readonly params: readonly { readonly name: string; readonly type: Type; readonly slot: number }[];
  readonly returnType: Type;
  readonly body: Expr;
  /** Number of local slots (parameters and aggregate variables) the body needs. */
  readonly frameSize: number;
  readonly decl: DefineDecl;
}

interface RuleInfoCommon {
  readonly id: string;
  readonly title: string;
  readonly modality: Modality;
  readonly cites: readonly string[];
  /** What the rule iterates over: a collection, a top-level record, or nothing (the policy). */
  readonly subject:
    | { readonly kind: "collection"; readonly name: string }
    | { readonly kind: "record"; readonly name: string }
    | undefined;
  /** Number of local slots (subject variable, lets, aggregate variables) the rule needs. */
  readonly frameSize: number;
}

export interface DutyInfo extends RuleInfoCommon {
  readonly kind: "duty";
  /** `date` when the requirement is the date the duty was done, `bool` for a condition. */
  readonly requirementKind: "date" | "bool";
  readonly rule: DutyRule;
}

export interface EscalationInfo extends RuleInfoCommon {
  readonly kind: "escalation";
  /** Level names in order, lowest first. */
  readonly levels: readonly string[];
  readonly closesKind: "date" | "bool" | undefined;
  readonly rule: EscalationRule;
}

export interface AccountabilityInfo extends RuleInfoCommon {
  readonly kind: "accountability";
  readonly rule: AccountabilityRule;
}

export type RuleInfo = DutyInfo | EscalationInfo | AccountabilityInfo;

/** What a name, a member access or a call refers to. */
export type Resolution =
  /** A local: subject variable, `let`, aggregate variable or define parameter, by frame slot. */
  | { readonly kind: "local"; readonly slot: number }
  | { readonly kind: "param"; readonly key: string }
  | { readonly kind: "define"; readonly key: string }
  | { readonly kind: "collection"; readonly name: string }
  | { readonly kind: "record"; readonly name: string }
  /** `asOf` (the as-at date: the evaluation date, or the event's date in accountability). */
  | { readonly kind: "asOf" }
  /** `period` inside a recurring duty. */
  | { readonly kind: "period" }
  | { readonly kind: "periodMember"; readonly member: "start" | "end" }
  /**
   * A field read. `overList`: the object is a list, the read maps over it (and flattens lists).
   * `masked`: an event date (or list of them), hidden when it lies after the as-at date.
   */
  | { readonly kind: "field"; readonly name: string; readonly overList: boolean; readonly masked: boolean }
  | {
      readonly kind: "reference";
      readonly field: string;
      readonly target: string;
      readonly overList: boolean;
    }
  | { readonly kind: "inverse"; readonly source: string; readonly field: string; readonly overList: boolean }
  | { readonly kind: "builtin"; readonly name: BuiltinFunction }
  /** A function the host added through the check options. */
  | { readonly kind: "host"; readonly function: HostFunction };

/** What the host adds to the language when a policy is checked. */
export interface CheckOptions {
  /** The host's own functions, callable from policies beside the built-ins. */
  readonly functions?: readonly HostFunction[];
  /**
   * The names of the calendars a policy header may name (`calendar "cn-mainland"`); when absent,
   * any name passes the checker and the engine judges it.
   */
  readonly calendarNames?: readonly string[];
}

export interface PolicyInfo {
  readonly name: string;
  readonly version: string | undefined;
  readonly source: string | undefined;
  readonly effective: string | undefined;
  /** The due-soon window (a duration expression), when the header sets one. */
  readonly warning: Expr | undefined;
  /** The calendar working days are counted on, when the header names one. */
  readonly calendar: string | undefined;
  /** 第二百零三条: a period whose last day is a day off ends on the next working day. */
  readonly rollOver: boolean;
  /**
   * The language the policy's readers use: the header's `readers` clause, else the language of
   * its keywords (that of the header's `policy` keyword). Reports follow it unless asked otherwise.
   */
  readonly readers: "en" | "zh";
  /** How findings are grouped, when the header declares it (`group by townships others "县级"`). */
  readonly grouping: GroupingInfo | undefined;
}

export interface GroupingInfo {
  /** The collection whose elements are the groups. */
  readonly collection: string;
  /** The name of the findings whose subject leads to no element of it. */
  readonly others: string | undefined;
}

export interface CheckedPolicy {
  readonly info: PolicyInfo;
  /** The parsed modules, the entry first. */
  readonly modules: readonly Module[];
  /** Every file's text, by path: the policy's content hash is taken over these. */
  readonly sources: ReadonlyMap<string, string>;
  readonly clauses: ReadonlyMap<string, ClauseInfo>;
  readonly params: ReadonlyMap<string, ParamInfo>;
  /**
   * Every parameter's key, each after the parameters its default names: computing the defaults
   * in this order, each once, gives every default its value (the checker rejects cycles).
   */
  readonly paramOrder: readonly string[];
  readonly collections: ReadonlyMap<string, CollectionInfo>;
  readonly records: ReadonlyMap<string, RecordInfo>;
  readonly defines: ReadonlyMap<string, DefineInfo>;
  /** In source order, entry module last-to-first imports resolved first. */
  readonly rules: readonly RuleInfo[];
  typeOf(expr: Expr): Type;
  resolve(node: NameExpr | MemberExpr | CallExpr): Resolution;
  /** The frame slot of a bound variable (subject, let, aggregate, define parameter). */
  slotOf(binding: Identifier): number;
}
