/**
 * The engine's entry points: compile a policy once, then evaluate facts against it as often as
 * needed. Errors come back as values (diagnostics, fact errors), never as exceptions.
 */
import { analyze, type CheckedPolicy, type Diagnostic, hasErrors, memoryHost } from "@remit/lang";
import { type EpochDay, formatIsoDate, parseIsoDate } from "./calendar/index.js";
import { Data } from "./compile/data.js";
import { type Compiled, type Context, ExpressionCompiler } from "./compile/expr.js";
import { sha256Hex } from "./compile/hash.js";
import { durationOf, type FactObject } from "./compile/values.js";
import {
  type CompiledRule,
  compileAccountability,
  compileDuty,
  compileEscalation,
  evaluateInOrder,
  type RuleEnv,
  summarize,
} from "./evaluate/index.js";
import type { SourceText } from "./explain/tree.js";
import { type FactsSchema, factsSchema, validateFacts } from "./facts/index.js";
import { Session } from "./incremental/session.js";
import {
  type CompiledParameters,
  compileParameters,
  type ParamSummary,
  parseParamOverrides,
} from "./parameters.js";
import type {
  CompileOutcome,
  EvaluateOutcome,
  EvaluationResult,
  FactError,
  Finding,
  JsonValue,
  RuleKind,
} from "./result.js";

export interface EvaluateOptions {
  /** The evaluation date `YYYY-MM-DD`; defaults to the facts' own `asOf`. */
  readonly asOf?: string;
  /** Parameter overrides by name (`gridDays`, `gbt.minMembersFirstClass`). */
  readonly params?: Record<string, unknown>;
  /** Evaluate only these rules (by id); all rules when absent. */
  readonly rules?: readonly string[];
}

export interface PolicyInfoSummary {
  readonly name: string;
  readonly version: string | null;
  /** SHA-256 (hex) over every source file, in path order. */
  readonly hash: string;
}

export interface RuleSummary {
  readonly id: string;
  readonly title: string;
  readonly kind: RuleKind;
  readonly modality: "must" | "should" | "may";
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

/** What evaluation needs once facts and options are accepted: shared by `evaluate` and sessions. */
export interface Prepared {
  readonly ctx: Context;
  readonly asOf: EpochDay;
  readonly params: Readonly<Record<string, JsonValue>>;
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

const defaultWarning = durationOf(30, "day");

function sourceTextOf(checked: CheckedPolicy): SourceText {
  return (span) => checked.sources.get(span.file)?.slice(span.start.offset, span.end.offset) ?? "";
}

function policyHash(checked: CheckedPolicy): string {
  const paths = [...checked.sources.keys()].sort();
  return sha256Hex(paths.map((p) => `${p}\u0000${checked.sources.get(p)}\u0000`).join(""));
}

export function compileInternals(checked: CheckedPolicy): PolicyInternals {
  const compiler = new ExpressionCompiler(checked);
  const warning: Compiled = checked.info.warning
    ? compiler.compile(checked.info.warning)
    : () => defaultWarning;
  const env: RuleEnv = { policy: checked, compiler, source: sourceTextOf(checked), warning };
  const rules = checked.rules.map((info): CompiledRule => {
    if (info.kind === "duty") return compileDuty(info, env);
    if (info.kind === "escalation") return compileEscalation(info, env);
    return compileAccountability(info, env);
  });
  const schema = factsSchema(checked);
  const info: PolicyInfoSummary = {
    name: checked.info.name,
    version: checked.info.version ?? null,
    hash: policyHash(checked),
  };

  const parameters = compileParameters(checked, compiler);

  return {
    checked,
    schema,
    rules,
    info,
    parameters,
    prepare(facts, options) {
      const validated = validateFacts(checked, schema, facts);
      const errors: FactError[] = "errors" in validated ? [...validated.errors] : [];
      const overrides = parseParamOverrides(checked, options?.params);
      if ("errors" in overrides) errors.push(...overrides.errors);
      let asOfText = options?.asOf;
      if (
        asOfText === undefined &&
        facts !== null &&
        typeof facts === "object" &&
        typeof (facts as FactObject).asOf === "string"
      ) {
        asOfText = (facts as FactObject).asOf as string;
      }
      const asOf = asOfText === undefined ? undefined : parseIsoDate(asOfText);
      if (asOfText === undefined) {
        errors.push({
          path: "asOf",
          code: "missing-as-of",
          message: {
            en: "no evaluation date: pass asOf or put it in the facts",
            zh: "缺少评估日：请传入 asOf 或在事实数据中提供",
          },
        });
      } else if (asOf === undefined && options?.asOf !== undefined) {
        errors.push({
          path: "options.asOf",
          code: "invalid-date",
          message: {
            en: `expected a date YYYY-MM-DD, got "${asOfText}"`,
            zh: `应为日期（YYYY-MM-DD），实际为“${asOfText}”`,
          },
        });
      }
      if (errors.length > 0 || "errors" in validated || "errors" in overrides || asOf === undefined)
        return { errors };
      const params = parameters.resolve(overrides.values);
      const data = new Data(
        checked,
        validated.facts.document,
        validated.facts.collections,
        validated.facts.byId,
      );
      const ctx: Context = { frame: [], asAt: asOf, period: null, data, params };
      return { ctx, asOf, params: parameters.json(params) };
    },
    result(prepared, findings) {
      return {
        policy: { name: info.name, version: info.version, hash: info.hash },
        asOf: formatIsoDate(prepared.asOf),
        params: prepared.params,
        findings,
        summary: summarize(findings),
      };
    },
  };
}

/** A policy from a checked model, for hosts that loaded the files themselves (the CLI). */
export function compileChecked(checked: CheckedPolicy): Policy {
  const internals = compileInternals(checked);
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
      const findings = evaluateInOrder(selected.rules, prepared.ctx);
      return { result: internals.result(prepared, findings) };
    },
    open(facts, options) {
      return Session.open(internals, facts, options);
    },
  };
}

function selectRules(
  rules: readonly CompiledRule[],
  ids: readonly string[] | undefined,
): { readonly rules: readonly CompiledRule[] } | { readonly errors: readonly FactError[] } {
  if (ids === undefined) return { rules };
  const known = new Set(rules.map((r) => r.info.id));
  const errors: FactError[] = ids
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !known.has(id))
    .map(({ id, i }) => ({
      path: `options.rules[${i}]`,
      code: "unknown-rule",
      message: { en: `unknown rule "${id}"`, zh: `未声明的规则“${id}”` },
    }));
  if (errors.length > 0) return { errors };
  const wanted = new Set(ids);
  return { rules: rules.filter((r) => wanted.has(r.info.id)) };
}

export type CompileInput = string | { readonly files: Record<string, string>; readonly entry: string };

/** Compiles policy text: a bare string is one module named `policy.remit`. */
export function compile(input: CompileInput): CompileOutcome<Policy> {
  const files = typeof input === "string" ? { "policy.remit": input } : input.files;
  const entry = typeof input === "string" ? "policy.remit" : input.entry;
  const analyzed: {
    readonly policy: CheckedPolicy | undefined;
    readonly diagnostics: readonly Diagnostic[];
  } = analyze(entry, memoryHost(files));
  if (analyzed.policy === undefined || hasErrors(analyzed.diagnostics))
    return { diagnostics: analyzed.diagnostics };
  return { policy: compileChecked(analyzed.policy), diagnostics: analyzed.diagnostics };
}
