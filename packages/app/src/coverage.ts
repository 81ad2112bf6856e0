/**
 * Clause coverage of a policy by its scenarios: for each clause, the rules citing it, the
 * scenarios exercising them and the sentences of the clause the policy does not judge. A scenario
 * exercises a rule when it expects a finding of the rule (or its absence); declaring a clause is
 * not enough, so a scenario about another rule that cites the clause too is not counted for it.
 * `remit coverage` and the Ziyuan coverage document both come from here.
 */
import { notJudgedLines } from "@remit/lang";
import type { PolicyDescription } from "./describe.js";

/** What coverage reads of a scenario: its id and name, declared clauses and expectations. */
export interface CoverageScenario {
  readonly id: string;
  readonly name: string;
  readonly clauses: readonly string[];
  readonly expect?: readonly { readonly rule?: string }[] | undefined;
  readonly expectNoFinding?: readonly { readonly rule?: string }[] | undefined;
  readonly expectErrors?: readonly unknown[] | undefined;
}

type DescribedRule = PolicyDescription["rules"][number];

export interface RuleCoverage extends DescribedRule {
  /** Scenarios expecting a finding of the rule, or its absence. */
  readonly expectedBy: readonly string[];
}

export interface ClauseCoverage {
  readonly id: string;
  readonly title: string;
  readonly rules: readonly RuleCoverage[];
  /** Scenarios expecting a finding of one of the clause's rules, or its absence. */
  readonly exercisedBy: readonly string[];
  /** Scenarios declaring the clause (whether or not they exercise its rules). */
  readonly declaredBy: readonly string[];
  /**
   * The lines of the clause's text naming what is not judged and why: each begins `不作判定` (a
   * sentence of the plan the facts cannot carry) or `不可机器判定` (a clause with no rule at all).
   */
  readonly notJudged: readonly string[];
}

export interface PolicyCoverage {
  readonly clauses: readonly ClauseCoverage[];
  /** Scenarios about the facts document itself: rejected documents, or declaring `facts`. */
  readonly dataScenarios: readonly CoverageScenario[];
}

function expectsFindingOf(scenario: CoverageScenario, rule: string): boolean {
  return [...(scenario.expect ?? []), ...(scenario.expectNoFinding ?? [])].some((p) => p.rule === rule);
}

/**
 * Clause coverage of a policy by its scenarios: for each clause, its rules and the scenarios exercising them.
 * @example
 * ```ts
 * import { buildPolicySources, describePolicy, policyCoverage } from "@remit/app";
 * const source = `policy "listing" version "1.0"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `;
 * const built = buildPolicySources({ "policy.remit": source }, "policy.remit");
 * if (built.policy === undefined) throw new Error("does not compile");
 * const coverage = policyCoverage(describePolicy(built.policy), [
 *   { id: "late", name: "a hazard listed late", clauses: ["1"], expect: [{ rule: "listing" }] },
 *   { id: "bad-date", name: "a date that is not one", clauses: ["facts"], expectErrors: [{}] },
 * ]);
 * console.log(coverage.clauses[0]?.exercisedBy, coverage.dataScenarios.map((s) => s.id)); // [ 'late' ] [ 'bad-date' ]
 * ```
 */
export function policyCoverage(
  policy: Pick<PolicyDescription, "clauses" | "rules">,
  scenarios: readonly CoverageScenario[],
): PolicyCoverage {
  const clauses = policy.clauses.map((clause): ClauseCoverage => {
    const rules = policy.rules.filter((r) => r.cites.includes(clause.id));
    return {
      id: clause.id,
      title: clause.title,
      rules: rules.map((rule) => ({
        ...rule,
        expectedBy: scenarios.filter((s) => expectsFindingOf(s, rule.id)).map((s) => s.id),
      })),
      exercisedBy: scenarios
        .filter((s) => rules.some((rule) => expectsFindingOf(s, rule.id)))
        .map((s) => s.id),
      declaredBy: scenarios.filter((s) => s.clauses.includes(clause.id)).map((s) => s.id),
      notJudged: notJudgedLines(clause.text ?? undefined),
    };
  });
  const dataScenarios = scenarios.filter((s) => s.expectErrors !== undefined || s.clauses.includes("facts"));
  return { clauses, dataScenarios };
}

const cell = (text: string): string => text.replaceAll("|", "\\|");

/**
 * The coverage as Markdown: a table of clauses, then a section per clause and the data scenarios.
 * @example
 * ```ts
 * import { buildPolicySources, describePolicy, policyCoverage, renderCoverageMarkdown } from "@remit/app";
 * const source = `policy "listing" version "1.0"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `;
 * const built = buildPolicySources({ "policy.remit": source }, "policy.remit");
 * if (built.policy === undefined) throw new Error("does not compile");
 * const coverage = policyCoverage(describePolicy(built.policy), []);
 * const markdown = renderCoverageMarkdown(coverage);
 * console.log(markdown.split("\n")[2]); // | 1 | hazards are listed within a week | 1 | 0 |
 * console.log(markdown.includes("| duty | must | 1 | **none** |")); // true
 * ```
 */
export function renderCoverageMarkdown(coverage: PolicyCoverage): string {
  const lines: string[] = ["| clause | heading | rules | scenarios |", "|---|---|---|---|"];
  const sections: string[] = [];
  for (const clause of coverage.clauses) {
    lines.push(
      `| ${clause.id} | ${cell(clause.title)} | ${clause.rules.length} | ${clause.exercisedBy.length} |`,
    );
    sections.push("", `## ${clause.id} ${clause.title}`, "");
    if (clause.rules.length === 0) {
      sections.push(clause.notJudged.join("\n\n") || "**No rule and no reason given.**");
      continue;
    }
    sections.push(
      "| rule | kind | modality | cites | scenarios expecting its findings |",
      "|---|---|---|---|---|",
    );
    for (const rule of clause.rules) {
      const names = rule.expectedBy.map((id) => `\`${id}\``);
      sections.push(
        `| \`${rule.id}\` ${cell(rule.title)} | ${rule.kind} | ${rule.modality} | ${rule.cites.join(", ")} | ${names.join(", ") || "**none**"} |`,
      );
    }
    const declaring = clause.declaredBy.map((id) => `\`${id}\``);
    sections.push("", `Scenarios declaring ${clause.id}: ${declaring.join(", ") || "**none**"}.`);
    if (clause.notJudged.length > 0)
      sections.push(
        "",
        `Not judged (${clause.notJudged.length}):`,
        "",
        ...clause.notJudged.map((line) => `- ${line}`),
      );
  }
  sections.push(
    "",
    "## Facts documents",
    "",
    "Scenarios about the data feed itself (invalid documents rejected with their JSON path, and optional fields left empty):",
    "",
    ...coverage.dataScenarios.map((s) => `- \`${s.id}\`: ${s.name}`),
  );
  return `${[...lines, ...sections].join("\n")}\n`;
}
