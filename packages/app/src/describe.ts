/** A policy described for callers: what `GET /v1/policy` answers and what editors list. */
import type { JsonValue, Modality, Policy, RuleKind } from "@remit/engine";
import { displayType } from "@remit/lang";

export interface PolicyDescription {
  readonly name: string;
  readonly version: string | null;
  /** The path-independent content hash (see the engine's `policyHash`). */
  readonly hash: string;
  readonly clauses: readonly { readonly id: string; readonly title: string; readonly text: string | null }[];
  readonly rules: readonly {
    readonly id: string;
    readonly title: string;
    readonly kind: RuleKind;
    readonly modality: Modality;
    readonly cites: readonly string[];
  }[];
  readonly parameters: readonly {
    readonly key: string;
    /** The declared type as written in English keywords: `integer [days]`, `enum("一般", "重大")`. */
    readonly type: string;
    /** The default as the JSON an override would send (`"15 days"`, `3`, `"2026-12-31"`). */
    readonly default: JsonValue;
    readonly description: string | null;
  }[];
}

/** The parts of a compiled policy a description reads. */
export type DescribablePolicy = Pick<Policy, "info" | "rules" | "params" | "checked">;

/**
 * Name, version, hash, clauses, rules and parameters (with their declared types and defaults).
 * @example
 * ```ts
 * import { buildPolicySources, describePolicy } from "@remit/app";
 * const source = `policy "listing" version "1.0"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `;
 * const built = buildPolicySources({ "policy.remit": source }, "policy.remit");
 * if (built.policy === undefined) throw new Error("does not compile");
 * const description = describePolicy(built.policy);
 * console.log(description.name, description.version); // listing 1.0
 * console.log(description.clauses[0]?.title); // hazards are listed within a week
 * console.log(description.rules[0]?.kind, description.rules[0]?.cites); // duty [ '1' ]
 * ```
 */
export function describePolicy(policy: DescribablePolicy): PolicyDescription {
  const { checked } = policy;
  return {
    name: policy.info.name,
    version: policy.info.version,
    hash: policy.info.hash,
    clauses: [...checked.clauses.values()].map((c) => ({ id: c.id, title: c.title, text: c.text ?? null })),
    rules: policy.rules.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      modality: r.modality,
      cites: [...r.cites],
    })),
    parameters: policy.params.map((p) => {
      const declared = checked.params.get(p.key);
      if (declared === undefined) throw new Error(`parameter '${p.key}' is not in the checked policy`);
      return {
        key: p.key,
        type: displayType(declared.type, "en"),
        default: withoutNegativeZero(p.default),
        description: p.description ?? null,
      };
    }),
  };
}

/** JSON has no `-0`: it would print as `0`, so the description says `0` from the start. */
function withoutNegativeZero(value: JsonValue): JsonValue {
  if (typeof value === "number") return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  if (value !== null && typeof value === "object") {
    const copy: { [key: string]: JsonValue } = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = withoutNegativeZero(inner);
    return copy;
  }
  return value;
}
