import type { Language } from "@remit/lang";

export type CommandName = "check" | "fmt" | "eval";

export const commandNames: readonly CommandName[] = ["check", "fmt", "eval"];

const exitCodes: Record<Language, string> = {
  en: `Exit codes:
  0  ok
  1  problems found: diagnostics with errors, invalid facts, files fmt --check would change
  2  usage error: unknown command or option, missing file, bad date`,
  zh: `退出码：
  0  正常
  1  发现问题：有错误诊断、事实数据无效、fmt --check 发现需要格式化的文件
  2  用法错误：未知命令或选项、文件不存在、日期无效`,
};

const general: Record<Language, string> = {
  en: `remit — check, format and evaluate Remit policies

Usage:
  remit <command> [options]

Commands:
  check PATH        check a policy file or folder and report diagnostics
  fmt PATH...       format policy files (*.remit, *.remit.md) or folders
  eval POLICY       evaluate a policy on a facts file

Options:
  --lang zh|en      language of messages (default: from LC_ALL, LC_MESSAGES or LANG)
  -h, --help        show help; "remit <command> --help" for a command

Colours are used on a terminal only, and never when NO_COLOR is set.

${exitCodes.en}
`,
  zh: `remit —— 检查、格式化和评估 Remit 政策

用法：
  remit <命令> [选项]

命令：
  check PATH        检查政策文件或政策目录并报告诊断
  fmt PATH...       格式化政策文件（*.remit、*.remit.md）或目录
  eval POLICY       以事实数据文件评估政策

选项：
  --lang zh|en      消息语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）
  -h, --help        显示帮助；命令的帮助见 "remit <命令> --help"

仅在终端中使用颜色；设置 NO_COLOR 时不使用颜色。

${exitCodes.zh}
`,
};

const commands: Record<CommandName, Record<Language, string>> = {
  check: {
    en: `Usage:
  remit check PATH [--format human|json] [--lang zh|en]

Check a policy: parse it, load its imports and report every diagnostic.
PATH is a policy file, or a policy folder whose entry is policy.remit.md or policy.remit.

Options:
  --format human|json   human: code frames and a count line (default); json: {"diagnostics": [...]}
  --lang zh|en          language of messages
  -h, --help            show this help

${exitCodes.en}
`,
    zh: `用法：
  remit check PATH [--format human|json] [--lang zh|en]

检查政策：解析、加载导入的模块并报告所有诊断。
PATH 为政策文件，或以 policy.remit.md / policy.remit 为入口的政策目录。

选项：
  --format human|json   human：代码片段与计数行（默认）；json：{"diagnostics": [...]}
  --lang zh|en          消息语言
  -h, --help            显示本帮助

${exitCodes.zh}
`,
  },
  fmt: {
    en: `Usage:
  remit fmt [--check | --write | --stdout] PATH... [--lang zh|en]

Format policy files. A folder is searched for *.remit and *.remit.md files.

Options:
  --write        rewrite files that are not formatted (default)
  --check        change nothing; list the files that would change and exit 1 if any
  --stdout       print the formatted text of each file
  --lang zh|en   language of messages
  -h, --help     show this help

${exitCodes.en}
`,
    zh: `用法：
  remit fmt [--check | --write | --stdout] PATH... [--lang zh|en]

格式化政策文件。目录中查找 *.remit 和 *.remit.md 文件。

选项：
  --write        改写未格式化的文件（默认）
  --check        不修改文件；列出需要格式化的文件，若有则退出码为 1
  --stdout       输出每个文件格式化后的文本
  --lang zh|en   消息语言
  -h, --help     显示本帮助

${exitCodes.zh}
`,
  },
  eval: {
    en: `Usage:
  remit eval POLICY --facts FILE [--as-of YYYY-MM-DD] [--params FILE]
             [--format table|json] [--explain] [--lang zh|en]

Evaluate a policy (a file or a policy folder) on a JSON facts document.

Options:
  --facts FILE          the facts document (JSON), required
  --as-of YYYY-MM-DD    evaluation date (default: the facts' "asOf", else today)
  --params FILE         JSON object of parameter overrides, e.g. {"gridDays": "20 days"}
  --format table|json   table: findings by township and kind, then a summary (default);
                        json: the evaluation result
  --explain             after the table, explain each finding that asks for action
  --lang zh|en          language of labels and messages
  -h, --help            show this help

${exitCodes.en}
`,
    zh: `用法：
  remit eval POLICY --facts FILE [--as-of YYYY-MM-DD] [--params FILE]
             [--format table|json] [--explain] [--lang zh|en]

以 JSON 事实数据评估政策（政策文件或政策目录）。

选项：
  --facts FILE          事实数据文件（JSON），必填
  --as-of YYYY-MM-DD    评估日期（默认取事实数据中的 "asOf"，否则为今天）
  --params FILE         参数覆盖的 JSON 对象，如 {"gridDays": "20 天"}
  --format table|json   table：按乡镇、规则类型分组的结果和汇总（默认）；json：评估结果
  --explain             在表格之后说明每条需处理结果的理由
  --lang zh|en          标签和消息的语言
  -h, --help            显示本帮助

${exitCodes.zh}
`,
  },
};

export function generalHelp(lang: Language): string {
  return general[lang];
}

export function commandHelp(command: CommandName, lang: Language): string {
  return commands[command][lang];
}
