/**
 * Clause coverage of a policy by its scenarios: for each clause, the rules citing it and the
 * scenarios exercising them. A scenario exercises a rule when it expects a finding of the rule
 * (or its absence), or when it declares a clause the rule cites. `remit coverage` and the Ziyuan
 * coverage document both come from here.
 */
import { notCheckableNote } from "@remit/lang";
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
  /** Scenarios declaring the clause or exercising one of its rules. */
  readonly exercisedBy: readonly string[];
  /** Scenarios declaring the clause. */
  readonly declaredBy: readonly string[];
  /** For a clause without rules: the line of its text saying why nothing is judged (`不可机器判定…`). */
  readonly notCheckable: string | undefined;
}

export interface PolicyCoverage {
  readonly clauses: readonly ClauseCoverage[];
  /** Scenarios about the facts document itself: rejected documents, or declaring `facts`. */
  readonly dataScenarios: readonly CoverageScenario[];
}

function expectsFindingOf(scenario: CoverageScenario, rule: string): boolean {
  return [...(scenario.expect ?? []), ...(scenario.expectNoFinding ?? [])].some((p) => p.rule === rule);
}

export function policyCoverage(
  policy: Pick<PolicyDescription, "clauses" | "rules">,
  scenarios: readonly CoverageScenario[],
): PolicyCoverage {
  const clauses = policy.clauses.map((clause): ClauseCoverage => {
    const rules = policy.rules.filter((r) => r.cites.includes(clause.id));
    const exercises = (s: CoverageScenario, rule: DescribedRule): boolean =>
      expectsFindingOf(s, rule.id) || s.clauses.some((c) => rule.cites.includes(c));
    return {
      id: clause.id,
      title: clause.title,
      rules: rules.map((rule) => ({
        ...rule,
        expectedBy: scenarios.filter((s) => expectsFindingOf(s, rule.id)).map((s) => s.id),
      })),
      exercisedBy: scenarios
        .filter((s) => s.clauses.includes(clause.id) || rules.some((rule) => exercises(s, rule)))
        .map((s) => s.id),
      declaredBy: scenarios.filter((s) => s.clauses.includes(clause.id)).map((s) => s.id),
      notCheckable: rules.length === 0 ? notCheckableNote(clause.text ?? undefined) : undefined,
    };
  });
  const dataScenarios = scenarios.filter((s) => s.expectErrors !== undefined || s.clauses.includes("facts"));
  return { clauses, dataScenarios };
}

const cell = (text: string): string => text.replaceAll("|", "\\|");

/** The coverage as Markdown: a table of clauses, then a section per clause and the data scenarios. */
export function renderCoverageMarkdown(coverage: PolicyCoverage): string {
  const lines: string[] = ["| clause | heading | rules | scenarios |", "|---|---|---|---|"];
  const sections: string[] = [];
  for (const clause of coverage.clauses) {
    lines.push(
      `| ${clause.id} | ${cell(clause.title)} | ${clause.rules.length} | ${clause.exercisedBy.length} |`,
    );
    sections.push("", `## ${clause.id} ${clause.title}`, "");
    if (clause.rules.length === 0) {
      sections.push(clause.notCheckable ?? "**No rule and no reason given.**");
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
