/** The page's own words, in both languages the tools speak (the engine words findings itself). */
import { findingFieldWords } from "@remit/engine";
import type { Language, Localized } from "@remit/lang";

export const words = {
  // The findings table's headings are the ones every reader of findings sees.
  ...findingFieldWords,
  pageTitle: { en: "Remit playground", zh: "Remit 演练场" },
  switchLanguage: { en: "中文", zh: "English" },
  asOf: { en: "As of", zh: "评估日期" },
  share: { en: "Copy link", zh: "复制链接" },
  shared: { en: "Link copied", zh: "链接已复制" },
  reset: { en: "Reset", zh: "还原" },
  facts: { en: "facts", zh: "事实数据" },
  problems: { en: "Problems", zh: "问题" },
  noProblems: { en: "No problems", zh: "没有问题" },
  findings: { en: "Findings", zh: "评估结果" },
  explanation: { en: "Explanation", zh: "说明" },
  pickFinding: { en: "Pick a finding to see why.", zh: "选择一条结果查看原因。" },
  stale: {
    en: "the policy has errors: these are the findings of its last good version",
    zh: "政策有错误：以下为上一个无误版本的结果",
  },
  factsRejected: { en: "the facts were rejected", zh: "事实数据未通过校验" },
  factsNotJson: { en: "the facts are not valid JSON", zh: "事实数据不是有效的 JSON" },
  noDate: { en: "pick an evaluation date", zh: "请选择评估日期" },
  scenarios: { en: "Scenarios", zh: "场景" },
  runScenarios: { en: "Run scenarios", zh: "运行场景" },
  passed: { en: "passed", zh: "通过" },
  failed: { en: "failed", zh: "未通过" },
  noScenarios: { en: "This policy comes with no scenarios.", zh: "此政策没有场景。" },
  scenariosNeedPolicy: { en: "Fix the policy's errors first.", zh: "请先修正政策中的错误。" },
} as const satisfies Record<string, Localized>;

export type WordKey = keyof typeof words;

export function word(key: WordKey, lang: Language): string {
  return words[key][lang];
}

/** `3 passed, 1 failed` / `通过 3，未通过 1`. */
export function scenarioCounts(passed: number, failed: number, lang: Language): string {
  return lang === "zh"
    ? `通过 ${passed}，未通过 ${failed}`
    : `${passed} ${words.passed.en}, ${failed} ${words.failed.en}`;
}

/** `checked in 12 ms` / `检查用时 12 毫秒`. */
export function timing(ms: number, findings: number, lang: Language): string {
  const rounded = Math.round(ms);
  return lang === "zh"
    ? `${findings} 条结果 · 检查与评估用时 ${rounded} 毫秒`
    : `${findings} findings · checked and evaluated in ${rounded} ms`;
}
