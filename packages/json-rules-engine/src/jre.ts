/**
 * The JSON shapes of a json-rules-engine rule set, as plain data: what `exportPolicy` produces
 * and `importRules` reads. Kept structural (no dependency on the json-rules-engine runtime) so the
 * exporter can run anywhere the policy can.
 */
import type { Modality } from "@remit/lang";

export type JreJson =
  | null
  | boolean
  | number
  | string
  | readonly JreJson[]
  | { readonly [key: string]: JreJson };

/** `{ "fact": "asOf" }`: a condition's value read from another fact. */
export interface JreFactReference {
  readonly fact: string;
  readonly path?: string;
}

/** `{ "fact": "level", "operator": "equal", "value": "重大" }` */
export interface JreLeafCondition {
  readonly fact: string;
  readonly operator: string;
  readonly value: JreJson | JreFactReference;
  readonly path?: string;
}

export interface JreAllCondition {
  readonly all: readonly JreCondition[];
}

export interface JreAnyCondition {
  readonly any: readonly JreCondition[];
}

export interface JreNotCondition {
  readonly not: JreCondition;
}

export type JreCondition = JreLeafCondition | JreAllCondition | JreAnyCondition | JreNotCondition;

/** The root of a rule's conditions: json-rules-engine requires a boolean operator there. */
export type JreTopLevelCondition = JreAllCondition | JreAnyCondition | JreNotCondition;

export interface JreEventParams {
  readonly rule: string;
  readonly cites: readonly string[];
  readonly modality: Modality;
  readonly [key: string]: JreJson;
}

export interface JreEvent {
  /** `<ruleId>:<status>`, e.g. `major-hazard-listing:overdue`. */
  readonly type: string;
  readonly params: JreEventParams;
}

/** A json-rules-engine rule, as given to `new Engine(rules)` or `engine.addRule`. */
export interface JreRuleProperties {
  readonly name: string;
  readonly conditions: JreTopLevelCondition;
  readonly event: JreEvent;
  readonly priority?: number;
}
