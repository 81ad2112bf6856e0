import {
  asOfNames,
  type CheckedPolicy,
  type Expr,
  type FieldInfo,
  keywords,
  type RuleInfo,
} from "@remit/lang";
import type { Data } from "../compile/data.js";
import type { Compiled, Context, ExpressionCompiler } from "../compile/expr.js";
import { textOf } from "../compile/expr.js";
import type { FactObject, Value } from "../compile/values.js";
import { Narrator } from "../explain/sentences.js";
import { subjectNamer } from "../explain/subjects.js";
import { ConditionExplainer, type LetScope, type SourceText } from "../explain/tree.js";
import { ExpressionWords } from "../explain/words.js";
import type { Finding, SubjectRef } from "../result.js";

export interface RuleEnv {
  readonly policy: CheckedPolicy;
  readonly compiler: ExpressionCompiler;
  readonly source: SourceText;
  /** The due-soon window (a duration), from the policy header; 30 days when it sets none. */
  readonly warning: Compiled;
}

export interface CompiledRule {
  readonly info: RuleInfo;
  /** The collection the rule iterates, when it iterates one (incremental updates key on it). */
  readonly subjectCollection: string | undefined;
  /** The rule's subjects as at the evaluation date. */
  subjects(ctx: Context): readonly Value[];
  /** A subject's id: the finding's `subject.id`. */
  subjectId(subject: Value): string;
  /** Appends the findings of one subject to `out`, in period order. */
  evaluate(ctx: Context, subject: Value, out: Finding[]): void;
}

const explainers = new WeakMap<RuleEnv, ConditionExplainer>();

/** The condition explainer of a policy: one per environment, so its caches are shared by rules. */
const narrators = new WeakMap<RuleEnv, Narrator>();

/** The policy's narrator: explanations in sentences, shared by its rules. */
export function narratorOf(env: RuleEnv): Narrator {
  let narrator = narrators.get(env);
  if (!narrator) {
    narrator = new Narrator(new ExpressionWords(env.policy, explainerOf(env)));
    narrators.set(env, narrator);
  }
  return narrator;
}

export function explainerOf(env: RuleEnv): ConditionExplainer {
  let explainer = explainers.get(env);
  if (!explainer) {
    explainer = new ConditionExplainer(env.policy, env.compiler, env.source);
    explainers.set(env, explainer);
  }
  return explainer;
}

interface SubjectPlan {
  readonly slot: number | undefined;
  readonly source: Compiled;
  readonly filter: Compiled | undefined;
  readonly lets: readonly { readonly slot: number; readonly value: Compiled }[];
  /** The rule's `let`s by slot, for explanations. */
  readonly letScope: LetScope;
  readonly holder: ((ctx: Context) => string | undefined) | undefined;
  /** The finding's subject; with the facts, named as the collection names its elements. */
  readonly subjectRef: (subject: Value, data?: Data) => SubjectRef;
  readonly group: (ctx: Context, subject: Value) => string | undefined;
  readonly collection: string | undefined;
}

/**
 * The reference fields leading from a collection (or record) to the collection findings are
 * grouped by, breadth-first; undefined when there is none or the policy declares no grouping.
 */
function groupPath(
  policy: CheckedPolicy,
  fields: readonly FieldInfo[],
): { field: string; target: string }[] | undefined {
  const grouping = policy.info.grouping?.collection;
  if (grouping === undefined) return undefined;
  const queue: { fields: readonly FieldInfo[]; path: { field: string; target: string }[] }[] = [
    { fields, path: [] },
  ];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { fields: current, path } = queue.shift()!;
    for (const field of current) {
      if (!field.reference) continue;
      const target = field.reference.target;
      const next = [...path, { field: field.name, target }];
      if (target === grouping) return next;
      if (seen.has(target)) continue;
      seen.add(target);
      const info = policy.collections.get(target);
      if (info) queue.push({ fields: info.fields, path: next });
    }
  }
  return undefined;
}

/**
 * The words an explanation adds to a rule's own text (`… is set`, `level … after …`), spelled in
 * the language of the rule's keywords, so a rule written in Chinese is explained in its words.
 */
export interface RuleWords {
  isSet(text: string): string;
  readonly asOf: string;
  readonly level: string;
  readonly after: string;
  readonly when: string;
}

export function ruleWords(info: RuleInfo, source: SourceText): RuleWords {
  const chinese = /^\p{Script=Han}/u.test(source(info.rule.span));
  const word = (name: string): string => {
    const entry = keywords.find((k) => k.name === name);
    return (chinese ? entry?.zh[0] : entry?.en[0]) ?? name;
  };
  const [asOfEnglish, asOfChinese] = [...asOfNames];
  return {
    isSet: chinese ? (text) => `${text} ${word("IsSet")}` : (text) => `${text} ${word("Is")} ${word("Set")}`,
    asOf: (chinese ? asOfChinese : asOfEnglish) ?? "asOf",
    level: word("Level"),
    after: word("After"),
    when: word("When"),
  };
}

/** A compiled rule over its planned subjects; `evaluate` appends a subject's findings. */
export function ruleOver(
  info: RuleInfo,
  plan: SubjectPlan,
  evaluate: CompiledRule["evaluate"],
): CompiledRule {
  return {
    info,
    subjectCollection: plan.collection,
    subjects: (ctx) => plan.source(ctx) as readonly Value[],
    subjectId: (subject) => plan.subjectRef(subject).id,
    evaluate,
  };
}

/** A holder expression (a rule's or a level's) as the text of who holds the duty, if any. */
export function compileHolder(
  expr: Expr | undefined,
  compiler: ExpressionCompiler,
): ((ctx: Context) => string | undefined) | undefined {
  if (expr === undefined) return undefined;
  const compiled = compiler.compile(expr);
  const toText = textOf(compiler.typeOf(expr));
  return (ctx) => {
    const v = compiled(ctx);
    return v === null ? undefined : toText(v);
  };
}

export function planSubject(info: RuleInfo, env: RuleEnv): SubjectPlan {
  const { compiler, policy } = env;
  const rule = info.rule;
  const subject = rule.subject;
  const lets = rule.lets.map((l) => ({ slot: policy.slotOf(l.name), value: compiler.compile(l.value) }));
  const letScope: LetScope = new Map(
    rule.lets.map((l) => [policy.slotOf(l.name), { name: l.name.name, value: l.value }]),
  );
  const holder = compileHolder(rule.holder, compiler);
  const noGroup = (): undefined => undefined;
  if (info.subject?.kind === "collection" && subject) {
    const name = info.subject.name;
    const path =
      name === policy.info.grouping?.collection
        ? []
        : groupPath(policy, policy.collections.get(name)?.fields ?? []);
    const named = subjectNamer(policy, name);
    return {
      slot: subject.variable ? policy.slotOf(subject.variable) : undefined,
      source: compiler.compile(subject.source),
      filter: subject.filter ? compiler.compile(subject.filter) : undefined,
      lets,
      letScope,
      holder,
      collection: name,
      subjectRef: named
        ? (s, data) => {
            const element = s as FactObject;
            const ref = { collection: name, id: String(element.id) };
            const shown = data === undefined ? undefined : named(data, element);
            return shown === undefined ? ref : { ...ref, name: shown };
          }
        : (s) => ({ collection: name, id: String((s as FactObject).id) }),
      group: path === undefined ? noGroup : (ctx, s) => followGroup(ctx, s as FactObject, path),
    };
  }
  if (info.subject?.kind === "record") {
    const name = info.subject.name;
    const path = groupPath(policy, policy.records.get(name)?.fields ?? []);
    return {
      slot: subject?.variable ? policy.slotOf(subject.variable) : undefined,
      source: (ctx) => {
        const record = ctx.data.document[name] as FactObject | undefined;
        return record === undefined || record === null ? [] : [record];
      },
      filter: subject?.filter ? compiler.compile(subject.filter) : undefined,
      lets,
      letScope,
      holder,
      collection: undefined,
      subjectRef: (s) => ({ collection: name, id: String((s as FactObject).id ?? name) }),
      group: path === undefined ? noGroup : (ctx, s) => followGroup(ctx, s as FactObject, path),
    };
  }
  const policyName = policy.info.name;
  return {
    slot: undefined,
    source: () => [null],
    filter: undefined,
    lets,
    letScope,
    holder,
    collection: undefined,
    subjectRef: () => ({ collection: "policy", id: policyName }),
    group: noGroup,
  };
}

function followGroup(
  ctx: Context,
  subject: FactObject,
  path: readonly { field: string; target: string }[],
): string | undefined {
  let current: FactObject | undefined = subject;
  for (const step of path) {
    const id: unknown = current?.[step.field];
    if (typeof id !== "string") return undefined;
    current = ctx.data.byId.get(step.target)?.get(id);
  }
  return current === undefined ? undefined : String(current.id);
}

/** Binds the subject and a fresh frame; returns false when the subject fails the filter. */
export function enter(
  plan: SubjectPlan,
  info: RuleInfo,
  ctx: Context,
  subject: Value,
  filter = true,
): boolean {
  // Every slot is written before it is read (the checker binds before use), so a rule's frame
  // can be reused from one subject to the next.
  if (ctx.frame.length !== info.frameSize) ctx.frame = new Array<Value>(info.frameSize).fill(null);
  if (plan.slot !== undefined) ctx.frame[plan.slot] = subject;
  if (filter && plan.filter && plan.filter(ctx) !== true) return false;
  return true;
}

export function bindLets(plan: SubjectPlan, ctx: Context): void {
  for (const l of plan.lets) ctx.frame[l.slot] = l.value(ctx);
}

export type { SubjectPlan };
