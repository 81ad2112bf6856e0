import { compileChecked, type EvaluateOutcome, type JsonValue } from "@remit/engine";
import {
  analyze,
  type CheckedPolicy,
  type Diagnostic,
  hasErrors,
  type SourceHost,
  sortDiagnostics,
} from "@remit/lang";

/** The surface of a compiled policy that the command line calls. */
export interface EvaluablePolicy {
  evaluate(
    facts: unknown,
    /** Without `asOf`, the engine takes the facts' own `asOf` (and reports it if it is not a date). */
    options: { readonly asOf?: string; readonly params: Readonly<Record<string, JsonValue>> },
  ): EvaluateOutcome | Promise<EvaluateOutcome>;
}

export interface BuiltPolicy {
  /** The checked model, when the checker found no errors. */
  readonly checked: CheckedPolicy | undefined;
  /** The compiled policy, when neither the checker nor the compiler found errors. */
  readonly policy: EvaluablePolicy | undefined;
  /** The checker's diagnostics, then the compiler's, sorted. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * From an entry file to an evaluable policy: the language's analyzer (load, parse, check), then
 * the engine's compiler, which may report problems of its own.
 */
export function buildPolicy(entry: string, host: SourceHost): BuiltPolicy {
  const analysis = analyze(entry, host);
  const diagnostics = [...analysis.diagnostics];
  const checked: CheckedPolicy | undefined = analysis.policy ?? undefined;
  if (hasErrors(diagnostics) || checked === undefined) {
    return { checked: undefined, policy: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }
  const compiled = compile(checked);
  diagnostics.push(...compiled.diagnostics);
  const sorted = sortDiagnostics(diagnostics);
  return { checked, policy: hasErrors(sorted) ? undefined : compiled.policy, diagnostics: sorted };
}

/**
 * The engine's compiled policy and its diagnostics, whether `compileChecked` hands back an outcome
 * (`{ policy, diagnostics }`, or `{ diagnostics }` on failure) or the policy bare.
 */
function compile(checked: CheckedPolicy): {
  readonly policy: EvaluablePolicy | undefined;
  readonly diagnostics: readonly Diagnostic[];
} {
  const compiled: unknown = compileChecked(checked);
  if (isEvaluable(compiled)) return { policy: compiled, diagnostics: [] };
  const outcome = (typeof compiled === "object" && compiled !== null ? compiled : {}) as {
    readonly policy?: unknown;
    readonly diagnostics?: readonly Diagnostic[];
  };
  return {
    policy: isEvaluable(outcome.policy) ? outcome.policy : undefined,
    diagnostics: outcome.diagnostics ?? [],
  };
}

function isEvaluable(value: unknown): value is EvaluablePolicy {
  return (
    typeof value === "object" && value !== null && "evaluate" in value && typeof value.evaluate === "function"
  );
}
