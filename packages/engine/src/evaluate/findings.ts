/**
 * The findings the engine makes, one class per rule kind. A large county gives close to a million
 * findings, so their layout matters: a constructor that assigns every field lets the engine keep
 * all of them inside the object (an object built key by key keeps only a few there and the rest
 * in a second block). Absent fields are not assigned, so a finding has exactly the keys its JSON
 * has, in the same order.
 */
import type { Value } from "../compile/values.js";
import { DeferredFinding, deferExplanation, type ExplanationSource } from "../explain/lazy.js";
import type {
  DutyStatus,
  EscalationStatus,
  Explanation,
  FindingStatus,
  FindingWarning,
  Modality,
  RuleKind,
  SubjectRef,
} from "../result.js";

/** What every finding of a rule repeats: its id, title, modality and clauses. */
export interface RuleHeader {
  readonly id: string;
  readonly title: string;
  readonly modality: Modality;
  readonly cites: readonly string[];
}

abstract class RuleFinding extends DeferredFinding {
  declare readonly rule: string;
  declare readonly title: string;
  declare readonly kind: RuleKind;
  declare readonly modality: Modality;
  declare readonly status: FindingStatus;
  declare readonly subject: SubjectRef;
  declare readonly group?: string;
  declare readonly holder?: string;
  declare readonly cites: readonly string[];
  declare readonly explanation: Explanation;

  /** Assigns the fields every kind begins with; each kind then adds its own, then `cites`. */
  protected constructor(
    rule: RuleHeader,
    kind: RuleKind,
    status: FindingStatus,
    subjectRef: SubjectRef,
    group: string | undefined,
    holder: string | undefined,
    source: ExplanationSource,
    subject: Value,
  ) {
    super(source, subject);
    const self = this as Writable<RuleFinding>;
    self.rule = rule.id;
    self.title = rule.title;
    self.kind = kind;
    self.modality = rule.modality;
    self.status = status;
    self.subject = subjectRef;
    if (group !== undefined) self.group = group;
    if (holder !== undefined) self.holder = holder;
  }
}

// Each class is built a few times at load with every field set: the engine sizes a class's
// objects by the first ones built, and these make room for every field.
const warmUps = 8;
const warmUpRule: RuleHeader = { id: "", title: "", modality: "must", cites: [] };
const warmUpSubject: SubjectRef = { collection: "", id: "" };
const warmUpSource = null as unknown as ExplanationSource;

export class DutyFinding extends RuleFinding {
  declare readonly status: DutyStatus;
  declare readonly due?: string;
  declare readonly period?: string;
  declare readonly metOn?: string;
  declare readonly violatedOn?: string;
  declare readonly late?: boolean;
  declare readonly overdueDays?: number;
  declare readonly warnings?: readonly FindingWarning[];

  constructor(
    rule: RuleHeader,
    status: DutyStatus,
    subjectRef: SubjectRef,
    group: string | undefined,
    holder: string | undefined,
    due: string | undefined,
    period: string | undefined,
    metOn: string | undefined,
    violatedOn: string | undefined,
    late: boolean | undefined,
    overdueDays: number | undefined,
    warnings: readonly FindingWarning[] | undefined,
    source: ExplanationSource,
    subject: Value,
  ) {
    super(rule, "duty", status, subjectRef, group, holder, source, subject);
    const self = this as Writable<DutyFinding>;
    if (due !== undefined) self.due = due;
    if (period !== undefined) self.period = period;
    if (metOn !== undefined) self.metOn = metOn;
    if (violatedOn !== undefined) self.violatedOn = violatedOn;
    if (late !== undefined) self.late = late;
    if (overdueDays !== undefined) self.overdueDays = overdueDays;
    self.cites = rule.cites;
    if (warnings !== undefined) self.warnings = warnings;
    deferExplanation(this);
  }

  static {
    for (let i = 0; i < warmUps; i++)
      new DutyFinding(
        warmUpRule,
        "met",
        warmUpSubject,
        "",
        "",
        "",
        "",
        "",
        "",
        true,
        0,
        [],
        warmUpSource,
        null,
      );
  }
}

export class EscalationFinding extends RuleFinding {
  declare readonly status: EscalationStatus;
  declare readonly overdue: boolean;
  declare readonly reached: Readonly<Record<string, string>>;
  declare readonly closedOn?: string;

  constructor(
    rule: RuleHeader,
    status: EscalationStatus,
    subjectRef: SubjectRef,
    group: string | undefined,
    holder: string | undefined,
    overdue: boolean,
    reached: Readonly<Record<string, string>>,
    closedOn: string | undefined,
    source: ExplanationSource,
    subject: Value,
  ) {
    super(rule, "escalation", status, subjectRef, group, holder, source, subject);
    const self = this as Writable<EscalationFinding>;
    self.overdue = overdue;
    self.reached = reached;
    if (closedOn !== undefined) self.closedOn = closedOn;
    self.cites = rule.cites;
    deferExplanation(this);
  }

  static {
    for (let i = 0; i < warmUps; i++)
      new EscalationFinding(warmUpRule, "closed", warmUpSubject, "", "", false, {}, "", warmUpSource, null);
  }
}

export class AccountabilityFinding extends RuleFinding {
  declare readonly targets: readonly string[];
  declare readonly causes: readonly string[];
  declare readonly asAt: string;

  constructor(
    rule: RuleHeader,
    subjectRef: SubjectRef,
    group: string | undefined,
    holder: string | undefined,
    targets: readonly string[],
    causes: readonly string[],
    asAt: string,
    source: ExplanationSource,
    subject: Value,
  ) {
    super(rule, "accountability", "triggered", subjectRef, group, holder, source, subject);
    const self = this as Writable<AccountabilityFinding>;
    self.targets = targets;
    self.causes = causes;
    self.asAt = asAt;
    self.cites = rule.cites;
    deferExplanation(this);
  }

  static {
    for (let i = 0; i < warmUps; i++)
      new AccountabilityFinding(warmUpRule, warmUpSubject, "", "", [], [], "", warmUpSource, null);
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
