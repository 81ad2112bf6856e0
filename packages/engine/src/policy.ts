/**
 * The engine's entry points: compile a policy once, then evaluate facts against it as often as
 * needed. Errors come back as values (diagnostics, fact errors), never as exceptions.
 */

import {
  analyze,
  type CheckedPolicy,
  type CheckOptions,
  type Diagnostic,
  hasErrors,
  type Modality,
  memoryHost,
  serializeChecked,
} from "@remit/lang";
import { assembleResult } from "./assemble.js";
import { builtInCalendars, type Calendar, type CalendarDays } from "./calendar/index.js";
import { ExpressionCompiler } from "./compile/expr.js";
import { type CompiledRule, type EvaluationProgress, evaluateInOrder } from "./evaluate/index.js";
import { type FactsSchema, factsSchema } from "./facts/index.js";
import { Session } from "./incremental/session.js";
import { EvaluationLimitExceeded, type EvaluationLimits } from "./limits.js";
import { type CompiledParameters, compileParameters, type ParamSummary } from "./parameters.js";
import { compileRules, policyHash, selectRules } from "./plan.js";
import { type Prepared, prepareEvaluation } from "./prepare.js";
import type {
  CompileOutcome,
  EvaluateOutcome,
  EvaluationResult,
  FactError,
  Finding,
  RuleKind,
} from "./result.js";

export type { EvaluationProgress } from "./evaluate/index.js";
export type { Prepared } from "./prepare.js";

export interface EvaluateOptions {
  /** The evaluation date `YYYY-MM-DD`; defaults to the facts' own `asOf`. */
  readonly asOf?: string;
  /** Parameter overrides by name (`gridDays`, `gbt.minMembersFirstClass`). */
  readonly params?: Record<string, unknown>;
  /** Evaluate only these rules (by id); all rules when absent. */
  readonly rules?: readonly string[];
  /** Bounds on the evaluation's work; each absent one is its default. */
  readonly limits?: Partial<EvaluationLimits>;
  /**
   * Days added to the policy's calendar for this evaluation (a county's own 放假 notice):
   * `{ daysOff: { "2026-10-09": "县放假通知" }, workingDays: { … } }`, each in a covered year.
   */
  readonly calendarDays?: CalendarDays;
  /**
   * Told how far `evaluate` has come (rule–subject pairs evaluated of all), at the start, every
   * few hundred pairs and at the end, synchronously: a host draws a progress bar with it. Sessions
   * do not call it.
   */
  readonly onProgress?: (progress: EvaluationProgress) => void;
}

/** `compile`'s options: the checker's, and calendars beside (or instead of) the built-in ones. */
export interface CompileOptions extends CheckOptions {
  /** Calendars by their `name`; one named like a built-in calendar replaces it. */
  readonly calendars?: readonly Calendar[];
}

/** The calendars a policy can name: the host's, then the built-in ones. */
export function calendarsOf(host: readonly Calendar[] | undefined): ReadonlyMap<string, Calendar> {
  if (host === undefined || host.length === 0) return builtInCalendars;
  return new Map([...builtInCalendars, ...host.map((c): [string, Calendar] => [c.name, c])]);
}

export interface PolicyInfoSummary {
  readonly name: string;
  readonly version: string | null;
  /**
   * SHA-256 (hex) over every source file, named by its path relative to the entry's folder: the
   * same files hash the same wherever they are read from (see `policyHash`).
   */
  readonly hash: string;
}

export interface RuleSummary {
  readonly id: string;
  readonly title: string;
  readonly kind: RuleKind;
  readonly modality: Modality;
  readonly cites: readonly string[];
  /** The collection or record the rule is about, if any. */
  readonly subject: string | undefined;
}

export interface Policy {
  readonly info: PolicyInfoSummary;
  /** The zod schema of the facts document. */
  readonly schema: FactsSchema;
  readonly rules: readonly RuleSummary[];
  readonly params: readonly ParamSummary[];
  /** The checked model the policy was compiled from. */
  readonly checked: CheckedPolicy;
  evaluate(facts: unknown, options?: EvaluateOptions): EvaluateOutcome;
  /** A session for incremental re-evaluation; `{ errors }` when the facts or options are rejected. */
  open(facts: unknown, options?: EvaluateOptions): Session | { readonly errors: readonly FactError[] };
}

export interface PolicyInternals {
  readonly checked: CheckedPolicy;
  readonly schema: FactsSchema;
  readonly rules: readonly CompiledRule[];
  readonly info: PolicyInfoSummary;
  readonly parameters: CompiledParameters;
  prepare(
    facts: unknown,
    options: EvaluateOptions | undefined,
  ): Prepared | { readonly errors: readonly FactError[] };
  result(prepared: Prepared, findings: readonly Finding[]): EvaluationResult;
}

export function compileInternals(
  checked: CheckedPolicy,
  calendars: ReadonlyMap<string, Calendar> = builtInCalendars,
): PolicyInternals {
  const compiler = new ExpressionCompiler(checked);
  const rules = compileRules(checked, compiler);
  const schema = factsSchema(checked);
  const info: PolicyInfoSummary = {
    name: checked.info.name,
    version: checked.info.version ?? null,
    hash: policyHash(checked),
  };

  const parameters = compileParameters(checked, compiler);
  const calendarName = checked.info.calendar;
  const calendar = calendarName === undefined ? undefined : calendars.get(calendarName);
  if (calendarName !== undefined && calendar === undefined) {
    // The checker reports an unknown calendar when told the names (`compile` tells it).
    throw new Error(`the policy names the calendar "${calendarName}", which the host did not provide`);
  }

  return {
    checked,
    schema,
    rules,
    info,
    parameters,
    prepare(facts, options) {
      return prepareEvaluation({ checked, schema, parameters, calendar }, facts, options);
    },
    result(prepared, findings) {
      return assembleResult(info, prepared, findings);
    },
  };
}

/**
 * A policy from a checked model, for hosts that loaded the files themselves (the CLI).
 * @example
 * ```ts
 * import { compileChecked } from "@remit/engine";
 * import { analyze, memoryHost } from "@remit/lang";
 * const files = { "p.remit": 'policy "P" version "1.0"\n' };
 * const analyzed = analyze("p.remit", memoryHost(files));
 * if (analyzed.policy === undefined) throw new Error("the policy does not check");
 * const policy = compileChecked(analyzed.policy);
 * console.log(policy.info.name, policy.info.version); // P 1.0
 * ```
 */
export function compileChecked(checked: CheckedPolicy, calendars?: readonly Calendar[]): Policy {
  const internals = compileInternals(checked, calendarsOf(calendars));
  const rules: RuleSummary[] = checked.rules.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    modality: r.modality,
    cites: r.cites,
    subject: r.subject?.name,
  }));
  const params = internals.parameters.summaries();
  return {
    info: internals.info,
    schema: internals.schema,
    rules,
    params,
    checked,
    evaluate(facts, options) {
      const selected = selectRules(internals.rules, options?.rules);
      if ("errors" in selected) return selected;
      const prepared = internals.prepare(facts, options);
      if ("errors" in prepared) return { errors: prepared.errors };
      try {
        const findings = evaluateInOrder(selected.rules, prepared.ctx, options?.onProgress);
        return { result: internals.result(prepared, findings) };
      } catch (error) {
        if (error instanceof EvaluationLimitExceeded) return { errors: [error.error] };
        throw error;
      }
    },
    open(facts, options) {
      return Session.open(internals, facts, options);
    },
  };
}

export type CompileInput = string | { readonly files: Record<string, string>; readonly entry: string };

/**
 * Compiles policy text: a bare string is one module named `policy.remit`. `options.functions`
 * adds the host's own functions, type-checked and run like the built-ins.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const facts = { hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
 * const outcome = compiled.policy.evaluate(facts, { asOf: "2026-10-20" });
 * if ("errors" in outcome) throw new Error("the facts are rejected");
 * const [finding] = outcome.result.findings;
 * console.log(finding?.status, finding?.due, finding?.overdueDays); // overdue 2026-10-08 12
 * ```
 */
export function compile(input: CompileInput, options: CompileOptions = {}): CompileOutcome<Policy> {
  const calendars = calendarsOf(options.calendars);
  const files = typeof input === "string" ? { "policy.remit": input } : input.files;
  const entry = typeof input === "string" ? "policy.remit" : input.entry;
  const analyzed: {
    readonly policy: CheckedPolicy | undefined;
    readonly diagnostics: readonly Diagnostic[];
  } = analyze(entry, memoryHost(files), { ...options, calendarNames: [...calendars.keys()] });
  if (analyzed.policy === undefined || hasErrors(analyzed.diagnostics))
    return { diagnostics: analyzed.diagnostics };
  return { policy: compileChecked(analyzed.policy, options.calendars), diagnostics: analyzed.diagnostics };
}

/**
 * Writes a compiled policy as text for `loadPolicy` (`@remit/engine/runtime`), which evaluates it
 * without the parser and checker: compile where the sources are, evaluate in a browser.
 * Host functions and calendars are not written; the loading host passes them again.
 * @example
 * ```ts
 * import { compile, serializePolicy } from "@remit/engine";
 * import { loadPolicy } from "@remit/engine/runtime";
 * const compiled = compile('policy "P"\n');
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const loaded = loadPolicy(serializePolicy(compiled.policy));
 * console.log("policy" in loaded && loaded.policy.info.hash === compiled.policy.info.hash); // true
 * ```
 */
export function serializePolicy(policy: Policy): string {
  return serializeChecked(policy.checked);
}
