/**
 * The syntax tree of a Remit module: what the parser produces and the formatter prints.
 * Every node carries the span of the source it came from; positions are 1-based lines and
 * columns (columns count UTF-16 code units) and 0-based offsets into the original file, so a
 * `.remit.md` file reports positions in the Markdown text itself.
 */

export interface Position {
  /** 0-based offset into the file text. */
  readonly offset: number;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export interface Span {
  readonly file: string;
  readonly start: Position;
  /** Exclusive end. */
  readonly end: Position;
}

export interface Identifier {
  readonly kind: "Identifier";
  readonly name: string;
  readonly span: Span;
}

/** A comment kept for the formatter; `text` excludes the leading `#`. */
export interface Comment {
  readonly kind: "Comment";
  readonly text: string;
  readonly span: Span;
}

export interface Module {
  readonly kind: "Module";
  readonly file: string;
  readonly header: PolicyHeader | undefined;
  readonly imports: readonly Import[];
  readonly declarations: readonly Declaration[];
  readonly comments: readonly Comment[];
  readonly span: Span;
}

/** `policy "name" version "1.0.0" source "…" effective 2026-02-13 warning 30 days` */
export interface PolicyHeader {
  readonly kind: "PolicyHeader";
  readonly name: StringLiteral;
  readonly version: StringLiteral | undefined;
  readonly source: StringLiteral | undefined;
  readonly effective: DateLiteral | undefined;
  /** The due-soon window for dated duties (an expression of type duration). */
  readonly warning: Expr | undefined;
  /** `calendar "cn-mainland"`: the calendar working days are counted on. */
  readonly calendar: StringLiteral | undefined;
  /**
   * `rollover` / `顺延` (the keyword's span when written): a period whose last day is a day off
   * ends on the next working day (民法典第二百零三条).
   */
  readonly rollOver: { readonly span: Span } | undefined;
  /** The language the policy's readers use (`readers chinese`), when the header says. */
  readonly readers: ReadersNode | undefined;
  /** The collection findings are grouped by, when the policy declares one. */
  readonly grouping: Grouping | undefined;
  readonly span: Span;
}

/**
 * `group by townships others "县级"` / `分组 townships 其余 "县级"`: findings are grouped by the
 * element of `townships` their subject leads to through reference fields; `others` names the
 * findings whose subject leads to none.
 */
export interface Grouping {
  readonly kind: "Grouping";
  readonly collection: Identifier;
  readonly others: StringLiteral | undefined;
  readonly span: Span;
}

/** `import "../standards/gbt-35547.remit" as gbt` */
export interface Import {
  readonly kind: "Import";
  readonly path: StringLiteral;
  readonly alias: Identifier;
  readonly span: Span;
}

export type Declaration =
  | ClauseDecl
  | ParamDecl
  | TypeDecl
  | CollectionDecl
  | RecordDecl
  | DefineDecl
  | DutyRule
  | EscalationRule
  | AccountabilityRule;

/** A clause id as written: `2.1.3`, `3.3`, `1`. */
export interface ClauseId {
  readonly kind: "ClauseId";
  readonly id: string;
  readonly span: Span;
}

/**
 * `clause 2.1.3 "title" text "…"`. In a `.remit.md` file a heading such as
 * `### 2.1.3 建立常态化基层火灾防控机制` declares the clause too (`origin: "heading"`), its text
 * being the prose under the heading.
 */
export interface ClauseDecl {
  readonly kind: "ClauseDecl";
  readonly id: ClauseId;
  readonly title: StringLiteral;
  readonly text: StringLiteral | undefined;
  readonly origin: "code" | "heading";
  readonly span: Span;
}

/** `param gridDays: duration = 15 days "一般隐患网格内解决期限"` */
export interface ParamDecl {
  readonly kind: "ParamDecl";
  readonly name: Identifier;
  readonly type: TypeExpr;
  readonly default: Expr;
  readonly description: StringLiteral | undefined;
  readonly span: Span;
}

/** `type TeamKind = enum("专职", "兼职", "无")` */
export interface TypeDecl {
  readonly kind: "TypeDecl";
  readonly name: Identifier;
  readonly type: TypeExpr;
  readonly span: Span;
}

/**
 * `collection hazards "火灾隐患" since foundOn { … }`: a top-level array of the facts document.
 * Every element has a text `id` (declared or implied). `since` names the date field from which
 * an element exists: evaluated as at an earlier date, the element is not there yet.
 */
export interface CollectionDecl {
  readonly kind: "CollectionDecl";
  readonly name: Identifier;
  readonly label: StringLiteral | undefined;
  /** `optional`: the facts may leave the collection out (then it is empty); otherwise an error. */
  readonly optional: boolean;
  readonly since: Identifier | undefined;
  /** `named venue.name`: the field path whose value names an element for people. */
  readonly named: readonly Identifier[];
  readonly fields: readonly FieldDecl[];
  readonly span: Span;
}

/** `record county "县" { … }`: a top-level object of the facts document. */
export interface RecordDecl {
  readonly kind: "RecordDecl";
  readonly name: Identifier;
  readonly label: StringLiteral | undefined;
  readonly fields: readonly FieldDecl[];
  readonly span: Span;
}

/**
 * A field: `members: integer [人]`, `rectifyBy: optional planned date`, or a reference
 * `townshipId -> townships as township` (the field holds the target's id; `township` navigates).
 */
export interface FieldDecl {
  readonly kind: "FieldDecl";
  readonly name: Identifier;
  /** For a reference field, undefined (its value is the target's text id). */
  readonly type: TypeExpr | undefined;
  readonly reference: ReferenceSpec | undefined;
  /** What people call the field (`listedOn: optional date "挂牌日期"`). */
  readonly label: StringLiteral | undefined;
  readonly span: Span;
}

export interface ReferenceSpec {
  readonly kind: "ReferenceSpec";
  readonly target: QualifiedName;
  /** The navigation name (`as township`). */
  readonly as: Identifier;
  /** Whether the reference may be null (`-> optional townships`). */
  readonly optional: boolean;
  readonly span: Span;
}

/** `gbt.requiredClass` or `townships`. */
export interface QualifiedName {
  readonly kind: "QualifiedName";
  readonly parts: readonly Identifier[];
  readonly span: Span;
}

export type PrimitiveTypeName = "text" | "integer" | "decimal" | "bool" | "date" | "duration";

export type TypeExpr =
  | PrimitiveTypeExpr
  | EnumTypeExpr
  | ListTypeExpr
  | OptionalTypeExpr
  | RecordTypeExpr
  | NamedTypeExpr;

/** `integer [人]`, `decimal [km2]`, `planned date` (a date in the future is still a fact). */
export interface PrimitiveTypeExpr {
  readonly kind: "PrimitiveType";
  readonly name: PrimitiveTypeName;
  readonly unit: Identifier | undefined;
  /** Only for dates: a planned date (a deadline) is not hidden when it lies after the as-at date. */
  readonly planned: boolean;
  readonly span: Span;
}

export interface EnumTypeExpr {
  readonly kind: "EnumType";
  readonly values: readonly StringLiteral[];
  readonly span: Span;
}

export interface ListTypeExpr {
  readonly kind: "ListType";
  readonly element: TypeExpr;
  readonly span: Span;
}

export interface OptionalTypeExpr {
  readonly kind: "OptionalType";
  readonly inner: TypeExpr;
  readonly span: Span;
}

export interface RecordTypeExpr {
  readonly kind: "RecordType";
  readonly fields: readonly FieldDecl[];
  readonly span: Span;
}

/** A declared type (`TeamKind`, `gbt.TeamClass`) or, in a `define` parameter, a collection. */
export interface NamedTypeExpr {
  readonly kind: "NamedType";
  readonly name: QualifiedName;
  readonly span: Span;
}

/** `define hasTeam(t: townships): bool = …` or `define year2026 = 2026`. */
export interface DefineDecl {
  readonly kind: "DefineDecl";
  readonly name: Identifier;
  readonly params: readonly DefineParam[];
  readonly returnType: TypeExpr | undefined;
  /** What the definition means, in words (`define hasTeam(t: townships): bool "建有消防队" = …`). */
  readonly label: StringLiteral | undefined;
  readonly body: Expr;
  readonly span: Span;
}

export interface DefineParam {
  readonly kind: "DefineParam";
  readonly name: Identifier;
  readonly type: TypeExpr;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Rules

/** `must not` prohibits: its duty names what is forbidden (`forbids`), violated when it happened. */
export type Modality = "must" | "mustNot" | "should" | "may";

/** `readers chinese` / `读者 中文`: the language of the policy's readers. */
export interface ReadersNode {
  readonly kind: "Readers";
  readonly language: "en" | "zh";
  readonly span: Span;
}

export interface ModalityNode {
  readonly kind: "Modality";
  readonly value: Modality;
  readonly span: Span;
}

/** A rule id: identifiers joined by `-` with no spaces (`major-hazard-listing`). */
export interface RuleId {
  readonly kind: "RuleId";
  readonly text: string;
  readonly span: Span;
}

/**
 * What a rule is about: `for each h in hazards where h.level = "重大"`, or a top-level record
 * (`for county`), in which case `variable` is undefined and `source` names the record.
 */
export interface Subject {
  readonly kind: "Subject";
  readonly variable: Identifier | undefined;
  readonly source: Expr;
  readonly filter: Expr | undefined;
  readonly span: Span;
}

/** `let t = h.venue.township` */
export interface LetBinding {
  readonly kind: "LetBinding";
  readonly name: Identifier;
  readonly value: Expr;
  readonly span: Span;
}

interface RuleCommon {
  readonly id: RuleId;
  readonly title: StringLiteral;
  /** Undefined when the source omits it (a diagnostic); the checker then assumes `must`. */
  readonly modality: ModalityNode | undefined;
  readonly cites: readonly ClauseId[];
  readonly subject: Subject | undefined;
  readonly lets: readonly LetBinding[];
  readonly holder: Expr | undefined;
  readonly span: Span;
}

export type Deadline = ByDeadline | WithinDeadline | RecurringDeadline;

/** `by targetDate` */
export interface ByDeadline {
  readonly kind: "ByDeadline";
  readonly date: Expr;
  readonly span: Span;
}

/** `within 7 days of h.foundOn`: day foundOn + 7 is still in time. */
export interface WithinDeadline {
  readonly kind: "WithinDeadline";
  readonly duration: Expr;
  readonly from: Expr;
  /** The intervals not counted (不计算在内), in the order written. */
  readonly pauses: readonly PauseClause[];
  readonly span: Span;
}

/**
 * `excluding c.from to c.to for each c in r.consultations`: the days `from` through `to` are not
 * counted; with `for each`, one interval per element of the list.
 */
export interface PauseClause {
  readonly kind: "PauseClause";
  readonly from: Expr;
  readonly to: Expr;
  readonly variable: Identifier | undefined;
  readonly source: Expr | undefined;
  readonly span: Span;
}

export type PeriodUnit = "week" | "month" | "quarter" | "halfYear" | "year";

/**
 * `every quarter from 2026-02-13 [until targetDate]`: the requirement is judged once per calendar
 * period; inside the rule, `period` is the period being judged.
 */
export interface RecurringDeadline {
  readonly kind: "RecurringDeadline";
  readonly unit: PeriodUnit;
  readonly from: Expr;
  readonly until: Expr | undefined;
  /**
   * `within 15 days after end` (每季度终了后15日内): the period's duty is due this long after the
   * period's last day; without it, on the last day.
   */
  readonly afterEnd: Expr | undefined;
  readonly span: Span;
}

/**
 * `duty id "title" must cites 2.1.3 for each … holder … requires … within … of …`.
 * The requirement is a condition (bool) or the date the duty was done (date: met when set).
 */
export interface DutyRule extends RuleCommon {
  readonly kind: "DutyRule";
  readonly requirement: Expr | undefined;
  /**
   * A `must not` duty's `forbids …`: a condition (violated when it holds) or the date the
   * forbidden thing happened (violated from that day). Such a duty has no `requires`.
   */
  readonly forbidden: Expr | undefined;
  readonly deadline: Deadline | undefined;
}

/** `level township "乡镇" after 15 days holder …` or `level county "县" when …`. */
export interface EscalationLevel {
  readonly kind: "EscalationLevel";
  readonly name: Identifier;
  readonly label: StringLiteral | undefined;
  /** Time since the start at which the case moves past the previous level. */
  readonly after: Expr | undefined;
  /** A condition that moves the case to this level (a count, a severity). */
  readonly when: Expr | undefined;
  readonly holder: Expr | undefined;
  readonly span: Span;
}

/**
 * `escalation id "title" must cites 2.3.3 for each … starts h.foundOn level … closes h.rectifiedOn
 * overdue after h.rectifyBy`.
 */
export interface EscalationRule extends RuleCommon {
  readonly kind: "EscalationRule";
  readonly start: Expr | undefined;
  readonly levels: readonly EscalationLevel[];
  /** A date (closed from that day) or a condition. */
  readonly closes: Expr | undefined;
  /** Past this date and not closed, the case is overdue and moves one level up. */
  readonly overdueAfter: Expr | undefined;
}

/** `cause "工作保障不到位" when not budgetComplete(year(f.date)) targets "资源县财政局"` */
export interface Cause {
  readonly kind: "Cause";
  readonly label: StringLiteral;
  readonly condition: Expr;
  /** Held to account when this cause holds, besides the rule's own targets; may be empty. */
  readonly targets: readonly Expr[];
  readonly span: Span;
}

/**
 * `accountability id "title" must cites 3.3 for each f in incidents where … as at f.date
 * let … cause … when … targets …`. Conditions are judged as at the event's date.
 */
export interface AccountabilityRule extends RuleCommon {
  readonly kind: "AccountabilityRule";
  readonly asAt: Expr | undefined;
  readonly causes: readonly Cause[];
  readonly targets: readonly Expr[];
}

export type Rule = DutyRule | EscalationRule | AccountabilityRule;

// ---------------------------------------------------------------------------------------------
// Expressions

export type Expr =
  | NumberLiteral
  | StringLiteral
  | BoolLiteral
  | DateLiteral
  | DurationLiteral
  | NoneLiteral
  | ListLiteral
  | NameExpr
  | MemberExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | IsSetExpr
  | IfExpr
  | AggregateExpr
  | ParenExpr;

export interface NumberLiteral {
  readonly kind: "NumberLiteral";
  readonly value: number;
  /** The digits as written (`15`, `2.5`). */
  readonly raw: string;
  readonly span: Span;
}

export interface StringLiteral {
  readonly kind: "StringLiteral";
  readonly value: string;
  readonly span: Span;
}

export interface BoolLiteral {
  readonly kind: "BoolLiteral";
  readonly value: boolean;
  readonly span: Span;
}

/** `2026-12-31`, always a valid calendar date (an invalid one is a diagnostic). */
export interface DateLiteral {
  readonly kind: "DateLiteral";
  readonly value: string;
  readonly span: Span;
}

export type DurationUnit = "day" | "week" | "month" | "quarter" | "year" | "workingDay";

/** `15 days`, `1 quarter`, `6 个月`. */
export interface DurationLiteral {
  readonly kind: "DurationLiteral";
  readonly amount: number;
  readonly unit: DurationUnit;
  readonly span: Span;
}

export interface NoneLiteral {
  readonly kind: "NoneLiteral";
  readonly span: Span;
}

/** `["一般", "重大"]` */
export interface ListLiteral {
  readonly kind: "ListLiteral";
  readonly elements: readonly Expr[];
  readonly span: Span;
}

export interface NameExpr {
  readonly kind: "NameExpr";
  readonly name: Identifier;
  readonly span: Span;
}

export interface MemberExpr {
  readonly kind: "MemberExpr";
  readonly object: Expr;
  readonly property: Identifier;
  readonly span: Span;
}

export interface CallExpr {
  readonly kind: "CallExpr";
  /** A definition or a built-in function, possibly module-qualified (`gbt.requiredClass`). */
  readonly callee: QualifiedName;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export type UnaryOperator = "not" | "-";

export interface UnaryExpr {
  readonly kind: "UnaryExpr";
  readonly operator: UnaryOperator;
  readonly operand: Expr;
  readonly span: Span;
}

export type BinaryOperator =
  | "+"
  | "-"
  | "*"
  | "/"
  | "="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "and"
  | "or"
  | "in";

export interface BinaryExpr {
  readonly kind: "BinaryExpr";
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `x is set` / `x is missing` (`x 有值` / `x 缺失`). */
export interface IsSetExpr {
  readonly kind: "IsSetExpr";
  readonly operand: Expr;
  readonly negated: boolean;
  readonly span: Span;
}

export interface IfExpr {
  readonly kind: "IfExpr";
  readonly condition: Expr;
  readonly then: Expr;
  readonly else: Expr;
  readonly span: Span;
}

export type AggregateOperator = "count" | "any" | "all" | "sum" | "min" | "max" | "latest" | "earliest";

/**
 * `count(v in t.villages where v.firePactOn is set)`,
 * `all(v in t.villages : v.safetyManager)`, `latest(m in t.analysisMeetings where m in period)`.
 * `value` (after `:`) is the predicate for `all`, the summed or compared value for the others;
 * without it `min`/`max`/`latest`/`earliest` take the element itself.
 */
export interface AggregateExpr {
  readonly kind: "AggregateExpr";
  readonly operator: AggregateOperator;
  readonly variable: Identifier;
  readonly source: Expr;
  readonly filter: Expr | undefined;
  readonly value: Expr | undefined;
  readonly span: Span;
}

/** Kept so the formatter can keep the author's parentheses. */
export interface ParenExpr {
  readonly kind: "ParenExpr";
  readonly inner: Expr;
  readonly span: Span;
}

export type Node =
  | Module
  | PolicyHeader
  | Grouping
  | Import
  | Declaration
  | FieldDecl
  | ReferenceSpec
  | TypeExpr
  | DefineParam
  | Subject
  | LetBinding
  | Deadline
  | PauseClause
  | EscalationLevel
  | Cause
  | Expr
  | Identifier
  | QualifiedName
  | ClauseId
  | RuleId
  | ModalityNode
  | ReadersNode
  | Comment;
