/**
 * Scenario tests that live next to a policy: each JSON file is a small facts document, an
 * evaluation date, and the findings (or facts errors) the policy must give on it. Browser-safe:
 * fixtures are looked up through the caller (`files.ts` finds them on disk, a page in its bundle).
 */
import type { EvaluateOutcome, Finding, JsonValue } from "@remit/engine";
import type { Language } from "@remit/lang";
import { type FindingPattern, type Mismatch, matchesPattern, mismatchesOf } from "./match.js";

type JsonObject = { readonly [key: string]: JsonValue };

/** A scenario's finding pattern: a rule, and only the other fields given are compared. */
export type ExpectedFinding = FindingPattern & { readonly rule: string };

export interface Scenario {
  /** The file name without `.json`. */
  readonly id: string;
  readonly name: string;
  /** The clause ids the scenario says it exercises (`"clauses": ["2.1.1"]`), for coverage. */
  readonly clauses: readonly string[];
  readonly asOf: string;
  readonly params: JsonObject;
  /** The merged facts document the policy is evaluated on (with `asOf` set). */
  readonly facts: JsonObject;
  readonly expect: readonly ExpectedFinding[];
  readonly expectNoFinding: readonly ExpectedFinding[];
  readonly expectErrors: readonly { readonly path: string; readonly code?: string }[] | undefined;
}

/** A scenario file that could not be read as a scenario: reported as a failure. */
export interface BrokenScenario {
  readonly id: string;
  readonly problem: { readonly en: string; readonly zh: string };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Deep merge of a scenario's facts onto its base: objects merge key by key, arrays replace the
 * base array, and an array element `{ "$from": "T01", … }` starts from the base element with
 * that id. Returns a message for a `$from` that names no base element.
 * @example
 * ```ts
 * import { mergeFacts } from "@remit/app/scenarios";
 * const base = { county: "Ziyuan", hazards: [{ id: "H1", foundOn: "2026-10-01", listedOn: null }] };
 * const merged = mergeFacts(base, { hazards: [{ $from: "H1", listedOn: "2026-10-03" }] });
 * console.log(JSON.stringify(merged)); // {"county":"Ziyuan","hazards":[{"id":"H1","foundOn":"2026-10-01","listedOn":"2026-10-03"}]}
 * ```
 */
export function mergeFacts(base: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (Array.isArray(patch)) {
    const baseList: readonly JsonValue[] = Array.isArray(base) ? base : [];
    return patch.map((element: JsonValue) => {
      if (isObject(element) && typeof element["$from"] === "string") {
        const id = element["$from"];
        const from = baseList.find((b) => isObject(b) && b["id"] === id);
        if (from === undefined) throw new MergeError(id);
        const { $from: _from, ...rest } = element;
        return mergeFacts(from, { id, ...rest });
      }
      return element;
    });
  }
  if (isObject(patch) && isObject(base)) {
    const out: Record<string, JsonValue> = { ...base };
    for (const [key, value] of Object.entries(patch)) out[key] = mergeFacts(base[key], value);
    return out;
  }
  return patch;
}

class MergeError extends Error {
  constructor(readonly id: string) {
    super(`no base element with id '${id}'`);
  }
}

/**
 * A fixture is named, never reached by a path: `../../secrets` would read outside the folders.
 * @example
 * ```ts
 * import { isFixtureName } from "@remit/app/scenarios";
 * console.log(isFixtureName("base"), isFixtureName("../secrets"), isFixtureName("..")); // true false false
 * ```
 */
export function isFixtureName(name: string): boolean {
  return name !== "" && name !== "." && name !== ".." && !/[/\\\0]/.test(name);
}

/**
 * The facts of the fixture named `name` (a valid fixture name, see `isFixtureName`), or
 * `undefined` when there is no such fixture.
 */
export type FixtureLookup = (name: string) => unknown;

/**
 * A scenario from its parsed file; `fixture` looks up the fixture its `base` names. A missing
 * `base` means the `base` fixture when one exists, else none; `null` means none.
 * @example
 * ```ts
 * import { scenarioFromJson } from "@remit/app/scenarios";
 * const fixtures: Record<string, unknown> = { base: { hazards: [{ id: "H1", foundOn: "2026-10-01" }] } };
 * const raw = { name: "H1 is listed late", asOf: "2026-10-20", expect: [{ rule: "listing", subject: "H1" }] };
 * const scenario = scenarioFromJson("late", raw, (name) => fixtures[name]);
 * if ("problem" in scenario) throw new Error(scenario.problem.en);
 * console.log(JSON.stringify(scenario.facts)); // {"hazards":[{"id":"H1","foundOn":"2026-10-01"}],"asOf":"2026-10-20"}
 * const broken = scenarioFromJson("no-date", { name: "no date" }, () => undefined);
 * console.log("problem" in broken ? broken.problem.en : "read"); // missing 'asOf' date
 * ```
 */
export function scenarioFromJson(
  id: string,
  raw: unknown,
  fixture: FixtureLookup,
): Scenario | BrokenScenario {
  const broken = (en: string, zh: string): BrokenScenario => ({ id, problem: { en, zh } });
  if (!isObject(raw)) return broken("a scenario must be a JSON object", "场景应为 JSON 对象");
  const { name, asOf, params, base, facts } = raw;
  if (typeof asOf !== "string") return broken("missing 'asOf' date", "缺少“asOf”日期");
  if (params !== undefined && !isObject(params))
    return broken("'params' must be an object", "“params”应为对象");
  if (facts !== undefined && !isObject(facts)) return broken("'facts' must be an object", "“facts”应为对象");
  const patterns = (key: string): ExpectedFinding[] | BrokenScenario => {
    const list = raw[key];
    if (list === undefined) return [];
    if (!Array.isArray(list) || !list.every((p) => isObject(p) && typeof p["rule"] === "string")) {
      return broken(
        `'${key}' must be a list of finding patterns with a 'rule'`,
        `“${key}”应为带“rule”的结果模式列表`,
      );
    }
    return list as ExpectedFinding[];
  };
  const expect = patterns("expect");
  const expectNoFinding = patterns("expectNoFinding");
  if (!Array.isArray(expect)) return expect;
  if (!Array.isArray(expectNoFinding)) return expectNoFinding;
  const errors = raw["expectErrors"];
  if (
    errors !== undefined &&
    (!Array.isArray(errors) || !errors.every((e) => isObject(e) && typeof e["path"] === "string"))
  ) {
    return broken(
      "'expectErrors' must be a list of { path, code? }",
      "“expectErrors”应为 { path, code? } 的列表",
    );
  }

  let baseFacts: JsonValue = {};
  if (base !== null) {
    const baseName = typeof base === "string" ? base : "base";
    if (!isFixtureName(baseName))
      return broken(
        `'base' must name a fixture ('${baseName}' is a path)`,
        `“base”应为固定数据名称（“${baseName}”是路径）`,
      );
    const found = fixture(baseName);
    if (found === undefined && base !== undefined) {
      return broken(
        `no fixture '${baseName}.json' in a fixtures folder`,
        `fixtures 目录中没有“${baseName}.json”`,
      );
    }
    if (found !== undefined) baseFacts = found as JsonValue;
  }
  let merged: JsonValue;
  try {
    merged = mergeFacts(baseFacts, facts ?? {});
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    return broken(
      `'$from' names no base element with id '${error.id}'`,
      `“$from”所指的基础元素“${error.id}”不存在`,
    );
  }
  if (!isObject(merged)) return broken("the facts must be an object", "事实数据应为对象");
  return {
    id,
    name: typeof name === "string" ? name : id,
    clauses: Array.isArray(raw["clauses"])
      ? raw["clauses"].filter((c): c is string => typeof c === "string")
      : [],
    asOf,
    params: params ?? {},
    facts: { ...merged, asOf },
    expect,
    expectNoFinding,
    expectErrors: errors as Scenario["expectErrors"],
  };
}

/** Why a scenario failed, one entry per unmet expectation. */
export type Failure =
  | { readonly kind: "broken"; readonly problem: { readonly en: string; readonly zh: string } }
  | {
      readonly kind: "rejected";
      readonly errors: readonly { readonly path: string; readonly code: string }[];
    }
  | { readonly kind: "accepted" }
  | {
      readonly kind: "missing-error";
      readonly path: string;
      readonly code: string | undefined;
      readonly actualCode: string | undefined;
    }
  | { readonly kind: "no-finding"; readonly pattern: ExpectedFinding; readonly subjects: readonly string[] }
  | {
      readonly kind: "mismatch";
      readonly pattern: ExpectedFinding;
      readonly finding: Finding;
      readonly fields: readonly Mismatch[];
    }
  | { readonly kind: "unwanted"; readonly pattern: ExpectedFinding; readonly finding: Finding };

/**
 * Checks an evaluation outcome against a scenario's expectations; no failures means it passed.
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { judge, scenarioFromJson } from "@remit/app/scenarios";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const hazards = [
 *   { id: "H1", foundOn: "2026-10-01", listedOn: null },
 *   { id: "H2", foundOn: "2026-10-02", listedOn: "2026-10-05" },
 * ];
 * const outcome = compiled.policy.evaluate({ hazards }, { asOf: "2026-10-20" });
 * const raw = { asOf: "2026-10-20", expect: [{ rule: "listing", subject: "H1", status: "met" }] };
 * const scenario = scenarioFromJson("h1-met", raw, () => undefined);
 * if ("problem" in scenario) throw new Error(scenario.problem.en);
 * const [failure] = judge(scenario, outcome);
 * console.log(failure?.kind); // mismatch
 * ```
 */
export function judge(scenario: Scenario, outcome: EvaluateOutcome): Failure[] {
  const failures: Failure[] = [];
  if (scenario.expectErrors !== undefined) {
    if (!("errors" in outcome)) return [{ kind: "accepted" }];
    for (const expected of scenario.expectErrors) {
      const found = outcome.errors.find((e) => e.path === expected.path);
      if (found === undefined || (expected.code !== undefined && found.code !== expected.code)) {
        failures.push({
          kind: "missing-error",
          path: expected.path,
          code: expected.code,
          actualCode: found?.code,
        });
      }
    }
    return failures;
  }
  if ("errors" in outcome)
    return [{ kind: "rejected", errors: outcome.errors.map(({ path, code }) => ({ path, code })) }];
  const findings = outcome.result.findings;
  for (const pattern of scenario.expect) {
    if (findings.some((f) => matchesPattern(f, pattern))) continue;
    const sameRule = findings.filter((f) => f.rule === pattern.rule);
    const candidates =
      pattern.subject === undefined
        ? sameRule
        : sameRule.filter((f) => matchesPattern(f, { subject: pattern.subject }));
    if (candidates.length === 0) {
      failures.push({ kind: "no-finding", pattern, subjects: [...new Set(sameRule.map(subjectText))] });
      continue;
    }
    // The candidate closest to the pattern shows best what differs.
    const scored = candidates.map((finding) => ({ finding, fields: mismatchesOf(finding, pattern) }));
    scored.sort((a, b) => a.fields.length - b.fields.length);
    const best = scored[0];
    if (best !== undefined)
      failures.push({ kind: "mismatch", pattern, finding: best.finding, fields: best.fields });
  }
  for (const pattern of scenario.expectNoFinding) {
    for (const finding of findings.filter((f) => matchesPattern(f, pattern)))
      failures.push({ kind: "unwanted", pattern, finding });
  }
  return failures;
}

/**
 * A finding's subject as people read it: `collection/id`.
 * @example
 * ```ts
 * import { subjectText } from "@remit/app/scenarios";
 * console.log(subjectText({ subject: { collection: "hazards", id: "H1" } })); // hazards/H1
 * ```
 */
export function subjectText(finding: {
  readonly subject: { readonly collection: string; readonly id: string };
}): string {
  return `${finding.subject.collection}/${finding.subject.id}`;
}

/**
 * The subject a pattern names, as far as it names one: `townships/T01`, `T01`, `townships/…`.
 * @example
 * ```ts
 * import { patternSubjectText } from "@remit/app/scenarios";
 * console.log(patternSubjectText("T01"), patternSubjectText({ collection: "townships" })); // T01 townships/…
 * console.log(patternSubjectText(undefined)); // undefined
 * ```
 */
export function patternSubjectText(subject: ExpectedFinding["subject"]): string | undefined {
  if (subject === undefined) return undefined;
  if (typeof subject === "string") return subject;
  if (subject.collection === undefined) return subject.id;
  return `${subject.collection}/${subject.id ?? "…"}`;
}

function show(value: unknown, lang: Language): string {
  return value === undefined ? (lang === "zh" ? "（无）" : "nothing") : JSON.stringify(value);
}

/**
 * A failure as lines for people: what was expected and what the policy gave instead (`remit test`, the playground).
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { describeFailure, judge, scenarioFromJson } from "@remit/app/scenarios";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("does not compile");
 * const hazards = [
 *   { id: "H1", foundOn: "2026-10-01", listedOn: null },
 *   { id: "H2", foundOn: "2026-10-02", listedOn: "2026-10-05" },
 * ];
 * const outcome = compiled.policy.evaluate({ hazards }, { asOf: "2026-10-20" });
 * const raw = { asOf: "2026-10-20", expect: [{ rule: "listing", subject: "H3" }] };
 * const scenario = scenarioFromJson("h3", raw, () => undefined);
 * if ("problem" in scenario) throw new Error(scenario.problem.en);
 * for (const failure of judge(scenario, outcome)) {
 *   console.log(describeFailure(failure, "en")[0]); // no finding of 'listing' H3; the rule has findings for: hazards/H1, hazards/H2
 *   console.log(describeFailure(failure, "zh")[0]); // 没有规则“listing” H3的结果；该规则的结果对象：hazards/H1, hazards/H2
 * }
 * ```
 */
export function describeFailure(failure: Failure, lang: Language): string[] {
  const zh = lang === "zh";
  switch (failure.kind) {
    case "broken":
      return [failure.problem[lang]];
    case "accepted":
      return [
        zh ? "应拒绝该事实数据，但评估通过了" : "expected the facts to be rejected, but they were accepted",
      ];
    case "rejected":
      return [
        zh ? "事实数据被拒绝：" : "the facts were rejected:",
        ...failure.errors.map((e) => `  ${e.path} (${e.code})`),
      ];
    case "missing-error": {
      const code = failure.code === undefined ? "" : ` (${failure.code})`;
      const got =
        failure.actualCode === undefined
          ? zh
            ? "没有"
            : "got none"
          : zh
            ? `实际为 ${failure.actualCode}`
            : `got ${failure.actualCode}`;
      return [
        zh
          ? `应在 ${failure.path} 处报错${code}，${got}`
          : `expected an error at ${failure.path}${code}, ${got}`,
      ];
    }
    case "no-finding": {
      const { pattern } = failure;
      const named = patternSubjectText(pattern.subject);
      const subject = named === undefined ? "" : ` ${named}`;
      const others =
        failure.subjects.length === 0
          ? zh
            ? "该规则没有任何结果"
            : "the rule gave no findings"
          : `${zh ? "该规则的结果对象：" : "the rule has findings for: "}${failure.subjects.join(", ")}`;
      return [
        zh
          ? `没有规则“${pattern.rule}”${subject}的结果；${others}`
          : `no finding of '${pattern.rule}'${subject}; ${others}`,
      ];
    }
    case "mismatch":
      return [
        `${failure.finding.rule} ${subjectText(failure.finding)}${failure.finding.period === undefined ? "" : ` ${failure.finding.period}`}:`,
        ...failure.fields.map((m) =>
          zh
            ? `  ${m.field}：应为 ${show(m.expected, lang)}，实际为 ${show(m.actual, lang)}`
            : `  ${m.field}: expected ${show(m.expected, lang)}, got ${show(m.actual, lang)}`,
        ),
      ];
    case "unwanted":
      return [
        zh
          ? `不应有的结果：${failure.finding.rule} ${subjectText(failure.finding)}（${failure.finding.status}）`
          : `unexpected finding: ${failure.finding.rule} ${subjectText(failure.finding)} (${failure.finding.status})`,
      ];
  }
}
