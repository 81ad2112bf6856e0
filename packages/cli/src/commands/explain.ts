import { type Finding, renderExplanation } from "@remit/engine";
import { suggest } from "@remit/lang";
import { parseCommandArgs, UsageError } from "../args.js";
import { type CommandContext, commonOptions, reportLanguage } from "../context.js";
import { evaluatePolicy } from "../evaluation/evaluate.js";
import { asOfOption, readParams, reportFactErrors } from "../evaluation/inputs.js";
import { commandHelp } from "../help.js";
import { ExitCode } from "../io.js";
import { Problem } from "../problem.js";

/** `remit explain POLICY --facts F [--as-of D] RULE SUBJECT [--period P]`: one finding's explanation. */
export async function explainCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...commonOptions,
    facts: { type: "string" },
    "as-of": { type: "string" },
    params: { type: "string" },
    period: { type: "string" },
  });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("explain", context.lang));
    return ExitCode.ok;
  }
  const [target, rule, subject, ...extra] = positionals;
  if (target === undefined) throw new UsageError({ en: "missing policy path", zh: "缺少政策路径" });
  if (rule === undefined) throw new UsageError({ en: "missing rule id", zh: "缺少规则 id" });
  if (subject === undefined) throw new UsageError({ en: "missing subject id", zh: "缺少对象 id" });
  if (extra.length > 0) {
    throw new UsageError({ en: `unexpected argument '${extra[0]}'`, zh: `多余的参数“${extra[0]}”` });
  }
  const factsFile = values["facts"];
  if (typeof factsFile !== "string") {
    throw new UsageError({ en: "missing option '--facts FILE'", zh: "缺少选项“--facts FILE”" });
  }
  const period = typeof values["period"] === "string" ? values["period"] : undefined;
  const asOf = asOfOption(values["as-of"]);
  const paramsFile = typeof values["params"] === "string" ? values["params"] : undefined;
  const params = readParams(context.io, paramsFile);

  const evaluated = await evaluatePolicy({ target, factsFile, asOf, params }, context);
  if (evaluated.kind === "policy-errors") return ExitCode.problems;
  if (evaluated.kind === "fact-errors") {
    reportFactErrors(evaluated.errors, context, false, evaluated.readers);
    return ExitCode.problems;
  }
  const lang = reportLanguage(context, evaluated.checked.info.readers);
  let finding: Finding;
  try {
    finding = pickFinding(evaluated.result.findings, rule, subject, period, evaluated.checked.rules);
  } catch (error) {
    throw error instanceof Problem ? error.in(lang) : error;
  }
  context.io.stdout.write(`${renderExplanation(finding, lang, evaluated.checked)}\n`);
  return ExitCode.ok;
}

/** How a finding is named on the command line: `collection/id`, and the period if any. */
function findingName(finding: Finding): string {
  const name = `${finding.subject.collection}/${finding.subject.id}`;
  return finding.period === undefined ? name : `${name} --period ${finding.period}`;
}

/**
 * The one finding of `rule` about `subject` (an id, or `collection/id`) in `period`. When there is
 * none, or more than one, the problem lists the findings the rule does have, as a hint.
 */
export function pickFinding(
  findings: readonly Finding[],
  rule: string,
  subject: string,
  period: string | undefined,
  rules: readonly { readonly id: string }[],
): Finding {
  if (!rules.some((r) => r.id === rule)) {
    const near = suggest(
      rule,
      rules.map((r) => r.id),
    );
    throw new Problem(
      near.length === 0
        ? {
            en: `no rule '${rule}' in the policy, nor one with a similar id (it has ${rules.length} rules)`,
            zh: `政策中没有规则“${rule}”，也没有相近的规则编号（共 ${rules.length} 条规则）`,
          }
        : {
            en: `no rule '${rule}' in the policy; did you mean ${near.map((id) => `'${id}'`).join(" or ")}?`,
            zh: `政策中没有规则“${rule}”；是否想写${near.map((id) => `“${id}”`).join("或")}？`,
          },
    );
  }
  const ofRule = findings.filter((f) => f.rule === rule);
  const slash = subject.lastIndexOf("/");
  const [collection, id] =
    slash < 0 ? [undefined, subject] : [subject.slice(0, slash), subject.slice(slash + 1)];
  const matching = ofRule.filter(
    (f) =>
      f.subject.id === id &&
      (collection === undefined || f.subject.collection === collection) &&
      (period === undefined || f.period === period),
  );
  const [only, ...more] = matching;
  if (only !== undefined && more.length === 0) return only;
  const listed = (matching.length > 1 ? matching : ofRule).map(findingName);
  const shown = listed.slice(0, 20).join(", ") + (listed.length > 20 ? ", …" : "");
  const wanted = period === undefined ? subject : `${subject} ${period}`;
  if (matching.length > 1) {
    throw new Problem({
      en: `'${rule}' has ${matching.length} findings for '${wanted}': pick one with --period or collection/id: ${shown}`,
      zh: `“${rule}”对“${wanted}”有 ${matching.length} 条结果：请用 --period 或 集合/id 指定：${shown}`,
    });
  }
  throw new Problem(
    ofRule.length === 0
      ? {
          en: `no finding of '${rule}' for '${wanted}': the rule has no findings`,
          zh: `没有“${rule}”对“${wanted}”的结果：该规则没有任何结果`,
        }
      : {
          en: `no finding of '${rule}' for '${wanted}'; its findings: ${shown}`,
          zh: `没有“${rule}”对“${wanted}”的结果；该规则的结果：${shown}`,
        },
  );
}
