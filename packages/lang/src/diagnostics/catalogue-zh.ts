/**
 * docs/diagnostics.zh.md, written from the catalogue and the English page: for each code in the
 * English page's order, its severity, its Chinese message and hint templates from the catalogue,
 * and the English page's examples. `pnpm --filter @remit/lang gen:docs` writes it; a test keeps
 * the file equal to what this returns, so the two pages cannot drift apart.
 */
import type { DiagnosticDefinition, Severity } from "./diagnostic.js";

const severityWords: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示信息" };

const seriesTitles: Readonly<Record<string, string>> = {
  R1: "词法与文字式 Markdown",
  R2: "语法",
  R3: "模块与名称",
  R4: "类型与单位",
  R5: "规则与政策结构",
  R9: "限制",
};

/** Arguments that print as their own placeholder (`{path}`), so a message shows as a template. */
const placeholders = new Proxy({} as Record<string, string>, {
  get: (_, key) => `{${String(key)}}`,
});

/** The Chinese half of an English page's `- message: \`en\` / \`zh\`` line, if there is one. */
function chineseHalf(line: string | undefined): string | undefined {
  const match = line === undefined ? null : /` \/ `(.*)`\s*$/.exec(line);
  return match?.[1];
}

export function diagnosticsPageZh(
  catalogue: readonly DiagnosticDefinition<never>[],
  englishPage: string,
): string {
  const byCode = new Map(catalogue.map((d) => [d.code, d as unknown as DiagnosticDefinition]));
  const out = [
    "# 诊断信息",
    "",
    "每条诊断都有稳定的编号、级别、一行消息和提示（中英文），以及所指的源代码位置。花括号中的参数由源代码填入。",
    "每条的说明与改法见英文版 [diagnostics.md](diagnostics.md)；本页由诊断目录生成（`pnpm --filter @remit/lang gen:docs`）。",
  ];
  const sections = englishPage.split(/^(?=## |### )/m);
  for (const section of sections) {
    const series = /^## (R\d)xxx/.exec(section);
    if (series) {
      out.push("", `## ${series[1]}xxx — ${seriesTitles[series[1]!] ?? series[1]}`);
      continue;
    }
    const heading = /^### (R\d{4})/.exec(section);
    if (!heading) continue;
    const code = heading[1]!;
    const lines = section.split("\n");
    const definition = byCode.get(code);
    const severity =
      definition?.severity ?? (/^- severity: (\w+)/m.exec(section)?.[1] as Severity | undefined);
    const message =
      definition?.message(placeholders).zh ?? chineseHalf(lines.find((l) => l.startsWith("- message:")));
    const hint = definition?.hint?.(placeholders).zh;
    out.push("", `### ${code}`, "");
    if (severity !== undefined) out.push(`- 级别：${severityWords[severity]}`);
    if (message !== undefined) out.push(`- 消息：\`${message}\``);
    if (hint !== undefined) out.push(`- 提示：${hint}`);
    for (const block of section.match(/^```remit\n[\s\S]*?^```$/gm) ?? []) out.push("", block);
  }
  return `${out.join("\n")}\n`;
}
