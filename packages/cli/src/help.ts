import { serviceLimitSettings } from "@remit/app";
import type { Language } from "@remit/lang";

export type CommandName =
  | "check"
  | "fmt"
  | "eval"
  | "test"
  | "coverage"
  | "explain"
  | "export"
  | "import"
  | "serve"
  | "lsp"
  | "playground"
  | "diff"
  | "schema";

export const commandNames: readonly CommandName[] = [
  "check",
  "fmt",
  "eval",
  "test",
  "coverage",
  "explain",
  "export",
  "import",
  "serve",
  "lsp",
  "playground",
  "diff",
  "schema",
];

/** The exit codes, with what "problems found" means for one command (or all of them). */
function exitCodesFor(problems: Record<Language, string>): Record<Language, string> {
  return {
    en: `Exit codes:
  0  ok
  1  problems found: ${problems.en}
  2  usage error: unknown command or option, missing file, bad date
  3  internal error: a fault in remit itself (REMIT_DEBUG=1 shows the details)`,
    zh: `退出码：
  0  正常
  1  发现问题：${problems.zh}
  2  用法错误：未知命令或选项、文件不存在、日期无效
  3  内部错误：remit 自身的故障（设置 REMIT_DEBUG=1 显示详情）`,
  };
}

const exitCodes = exitCodesFor({
  en: `diagnostics with errors, invalid facts, files fmt --check would change,
     failing scenarios, no such finding, constructs an export or import refuses`,
  zh: "有错误诊断、事实数据无效、fmt --check 发现需要格式化的文件、\n     场景测试失败、没有所指的结果、导出或导入无法转换的结构",
});

const general: Record<Language, string> = {
  en: `remit — check, format, evaluate, test and serve Remit policies

Usage:
  remit <command> [options]

Commands:
  check PATH        check a policy file or folder and report diagnostics
  fmt PATH...       format policy files (*.remit, *.remit.md) or folders
  eval POLICY       evaluate a policy on a facts file (table, JSON, HTML report, spreadsheet)
  test POLICY       run the scenario tests that live next to a policy
  coverage POLICY   which clauses and rules the scenario tests exercise
  explain POLICY    explain one finding: the conditions tested and the facts that decided them
  export POLICY     translate a policy to json-rules-engine rules
  import FILE       translate json-rules-engine rules to a Remit policy
  serve POLICY...   serve policies over HTTP until SIGINT or SIGTERM
  lsp --stdio       run the language server for editors over standard input and output
  playground        edit, check and evaluate a policy in the browser, served locally
  diff              what changed between two recorded evaluations
  schema POLICY     print the JSON Schema of the facts a policy accepts
  help [COMMAND]    show this help, or a command's

Options:
  --lang zh|en      language of messages (default: from LC_ALL, LC_MESSAGES or LANG)
  -h, --help        show help; "remit help <command>" or "remit <command> --help" for a command
  -V, --version     print the version

Colours are used on a terminal only, and never when NO_COLOR is set. Batch runs that take over
a second draw a progress bar on standard error when it is a terminal (--quiet turns it off).
A file argument of - reads standard input (--facts -, check -, fmt --stdout -); a reader that
closes the pipe early (remit eval ... | head) ends the command quietly.

${exitCodes.en}
`,
  zh: `remit —— 检查、格式化、评估、测试和发布 Remit 政策

用法：
  remit <命令> [选项]

命令：
  check PATH        检查政策文件或政策目录并报告诊断
  fmt PATH...       格式化政策文件（*.remit、*.remit.md）或目录
  eval POLICY       以事实数据文件评估政策（表格、JSON、HTML 报告或电子表格）
  test POLICY       运行政策旁的场景测试
  coverage POLICY   场景测试覆盖了哪些条款和规则
  explain POLICY    说明一条结果：所检验的条件及决定结果的事实
  export POLICY     将政策转换为 json-rules-engine 规则
  import FILE       将 json-rules-engine 规则转换为 Remit 政策
  serve POLICY...   通过 HTTP 发布政策，直到收到 SIGINT 或 SIGTERM
  lsp --stdio       通过标准输入输出运行供编辑器使用的语言服务器
  playground        在浏览器中编辑、检查和评估政策（本地发布的页面）
  diff              两次已记录评估之间的变化
  schema POLICY     输出政策所接受事实数据的 JSON Schema
  help [COMMAND]    显示本帮助或某个命令的帮助

选项：
  --lang zh|en      消息语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）
  -h, --help        显示帮助；命令的帮助见 "remit help <命令>" 或 "remit <命令> --help"
  -V, --version     显示版本

仅在终端中使用颜色；设置 NO_COLOR 时不使用颜色。耗时超过一秒的批量任务在标准错误为终端时
显示进度条（--quiet 关闭）。文件参数写 - 时读取标准输入（--facts -、check -、fmt --stdout -）；
读取方提前关闭管道（remit eval ... | head）时命令安静结束。

${exitCodes.zh}
`,
};

const codes = {
  check: exitCodesFor({ en: "diagnostics with errors", zh: "有错误诊断" }),
  fmt: exitCodesFor({
    en: "a file that does not parse (after --fix), files --check would change",
    zh: "有（--fix 之后仍）无法解析的文件、--check 发现需要格式化的文件",
  }),
  eval: exitCodesFor({
    en: "policy errors, invalid facts, a facts file that is not JSON, no evaluation date",
    zh: "政策有错误、事实数据无效或不是 JSON、没有评估日期",
  }),
  test: exitCodesFor({
    en: "policy errors, a failing or unreadable scenario",
    zh: "政策有错误、场景失败或无法读取",
  }),
  coverage: exitCodesFor({
    en: "policy errors, a rule no scenario expects findings of",
    zh: "政策有错误、有规则没有任何场景预期其结果",
  }),
  explain: exitCodesFor({
    en: "policy errors, invalid facts, no such finding",
    zh: "政策有错误、事实数据无效、没有所指的结果",
  }),
  export: exitCodesFor({
    en: "policy errors, rules json-rules-engine cannot express (the others are still written)",
    zh: "政策有错误、有 json-rules-engine 无法表达的规则（其余规则仍会输出）",
  }),
  import: exitCodesFor({
    en: "a file that is not JSON, rules or conditions that cannot be imported",
    zh: "文件不是 JSON、有无法导入的规则或条件",
  }),
  playground: exitCodesFor({
    en: "the page is not built, the port cannot be listened on",
    zh: "页面尚未构建、无法监听端口",
  }),
  serve: exitCodesFor({
    en: "policy errors, the port cannot be listened on, the record store cannot be opened",
    zh: "政策有错误、无法监听端口、无法打开评估记录库",
  }),
  lsp: exitCodesFor({
    en: "the editor ended the session without asking the server to shut down",
    zh: "编辑器未请求关闭服务器就结束了会话",
  }),
  diff: exitCodesFor({
    en: "the record store cannot be opened, no such record",
    zh: "无法打开评估记录库、没有所指的记录",
  }),
  schema: exitCodesFor({ en: "policy errors", zh: "政策有错误" }),
};

const scenarioFormat: Record<Language, string> = {
  en: `Scenarios are JSON files (*.json, in name order) in DIR, by default the folder "tests"
beside the policy's entry. Each one holds:
  name             what it shows, one line
  asOf             the evaluation date, YYYY-MM-DD (required)
  params           parameter overrides, e.g. {"gridDays": "20 days"} (optional)
  base             the fixture the facts start from: fixtures/<base>.json inside DIR or beside it;
                   default "base" when that fixture exists; null for none
  facts            merged onto the base: objects key by key, arrays replace the base array, and
                   an element {"$from": "T01", ...} starts from the base element with that id
  expect           finding patterns that must each match a finding: only the fields given are
                   compared, also inside "subject" ({"id": "T01"} or just "T01" matches any
                   collection); false also matches an absent flag; null means absent
  expectNoFinding  patterns no finding may match
  expectErrors     for a document that must be rejected: [{"path": "hazards[0].level",
                   "code": "invalid-enum"}] (code optional)
A failing scenario is listed with the fields that did not match.`,
  zh: `场景为 DIR 中的 JSON 文件（*.json，按文件名排序），DIR 默认为政策入口旁的 "tests" 目录。
每个场景包含：
  name             场景说明，一行
  asOf             评估日期 YYYY-MM-DD（必填）
  params           参数覆盖，如 {"gridDays": "20 天"}（可选）
  base             事实数据的基础：DIR 内或旁边的 fixtures/<base>.json；
                   该文件存在时默认为 "base"；null 表示不用基础数据
  facts            合并到基础数据上：对象逐键合并，数组替换基础数组，
                   元素 {"$from": "T01", ...} 以基础数据中该 id 的元素为起点
  expect           每个模式都须匹配某条结果：只比较给出的字段，"subject" 内亦然
                   （{"id": "T01"} 或 "T01" 匹配任何集合）；false 也匹配缺省字段；null 表示字段不存在
  expectNoFinding  任何结果都不得匹配的模式
  expectErrors     应被拒绝的文档：[{"path": "hazards[0].level", "code": "invalid-enum"}]（code 可选）
失败的场景会列出不匹配的字段。`,
};

const commands: Record<CommandName, Record<Language, string>> = {
  playground: {
    en: `Usage:
  remit playground [POLICY] [--facts FILE] [--scenarios DIR] [--port N] [--host ADDRESS]

Serve the playground page until SIGINT or SIGTERM: edit a policy and its facts, pick the date,
and see the diagnostics, findings, explanations and scenario results update as you type. The
page checks and evaluates in the browser; nothing is sent back. Without POLICY it opens the
Ziyuan County plan with the example county; with POLICY, that policy (and the facts and
scenarios given) instead. The page's link holds the edits, the date and the language.

Options:
  --facts FILE      facts document to preload (JSON)
  --scenarios DIR   scenario files to run in the page (as remit test reads them)
  --port N          port to listen on (default: 4173; 0 for any free port)
  --host ADDRESS    interface to listen on (default: 127.0.0.1, this machine only)
  --lang zh|en      language of messages
  -h, --help        show this help

${codes.playground.en}
`,
    zh: `用法：
  remit playground [POLICY] [--facts FILE] [--scenarios DIR] [--port N] [--host ADDRESS]

发布演练场页面，直到收到 SIGINT 或 SIGTERM：编辑政策和事实数据、选择日期，诊断、评估结果、
说明和场景结果随输入更新。检查与评估都在浏览器中进行，不回传任何数据。不给 POLICY 时打开
资源县实施方案及示例县数据；给出 POLICY 时改为该政策（以及所给的事实数据和场景）。
页面链接保存所做的修改、日期和界面语言。

选项：
  --facts FILE      预先载入的事实数据（JSON）
  --scenarios DIR   在页面中运行的场景文件（与 remit test 读取方式相同）
  --port N          监听端口（默认 4173；0 表示任一空闲端口）
  --host ADDRESS    监听地址（默认 127.0.0.1，仅本机）
  --lang zh|en      消息语言
  -h, --help        显示本帮助

${codes.playground.zh}
`,
  },
  check: {
    en: `Usage:
  remit check PATH [--format human|json] [--watch] [--lang zh|en]

Check a policy: parse it, load its imports and report every diagnostic; when it compiles, list
its clauses with the number of rules citing each (or why a clause has none).
PATH is a policy file, or a policy folder whose entry is policy.remit.md or policy.remit.

Options:
  --format human|json   human: code frames and a count line (default); json: {"diagnostics": [...]}
  --lang zh|en          language of messages
  --watch               check again whenever the policy changes, until Ctrl-C
  -h, --help            show this help

${codes.check.en}
`,
    zh: `用法：
  remit check PATH [--format human|json] [--watch] [--lang zh|en]

检查政策：解析、加载导入的模块并报告所有诊断；能编译时，列出每个条款及依据它的规则数（或没有规则的原因）。
PATH 为政策文件，或以 policy.remit.md / policy.remit 为入口的政策目录。

选项：
  --format human|json   human：代码片段与计数行（默认）；json：{"diagnostics": [...]}
  --lang zh|en          消息语言
  --watch               政策文件更改时重新检查，直到 Ctrl-C
  -h, --help            显示本帮助

${codes.check.zh}
`,
  },
  fmt: {
    en: `Usage:
  remit fmt [--check | --write | --stdout] [--fix] PATH... [--quiet] [--lang zh|en]

Format policy files. A folder is searched for *.remit and *.remit.md files. Blank lines between
declarations are kept (at most one), as are the spellings of keywords and of ≥ ≤ ≠.

Options:
  --write        rewrite files that are not formatted (default)
  --check        change nothing; list the files that would change and exit 1 if any
  --stdout       print the formatted text of each file
  --fix          first apply the fixes that are unambiguous: full-width punctuation outside
                 strings becomes ASCII, a hand-written date or a duration in Chinese numerals is
                 written as meant, '==' '&&' '!' become '=' 'and' 'not', a keyword glued to a word
                 gets its space, 如果/if after 'for each x in' becomes 满足/where, a "did you mean"
                 with one candidate is taken; each fix made is listed under its file
  -q, --quiet    no progress bar
  --lang zh|en   language of messages
  -h, --help     show this help

${codes.fmt.en}
`,
    zh: `用法：
  remit fmt [--check | --write | --stdout] [--fix] PATH... [--quiet] [--lang zh|en]

格式化政策文件。目录中查找 *.remit 和 *.remit.md 文件。声明之间的空行予以保留（最多一行），
关键字和 ≥ ≤ ≠ 的写法也保持原样。

选项：
  --write        改写未格式化的文件（默认）
  --check        不修改文件；列出需要格式化的文件，若有则退出码为 1
  --stdout       输出每个文件格式化后的文本
  --fix          先做没有歧义的修正：字符串之外的全角标点改为半角，“是否想写”只有一个候选时
                 采用该候选；每项修正列在其文件之下
  -q, --quiet    不显示进度条
  --lang zh|en   消息语言
  -h, --help     显示本帮助

${codes.fmt.zh}
`,
  },
  eval: {
    en: `Usage:
  remit eval POLICY --facts FILE [--as-of YYYY-MM-DD] [--params FILE]
             [--format table|json|html|xlsx|csv] [--out FILE] [--explain none|actions|all]
             [--pretty] [--quiet] [--lang zh|en]

Evaluate a policy (a file or a policy folder) on a JSON facts document.

Options:
  --facts FILE              the facts document (JSON), required
  --as-of YYYY-MM-DD        evaluation date (default: the facts' "asOf"; with neither, exit 1)
  --params FILE             JSON object of parameter overrides, e.g. {"gridDays": "20 days"}
  --rules ID,ID             evaluate only these rules (default: all)
  --format table|json|html  table: findings by township and kind, then a summary (default);
                            json: the evaluation result, streamed as it is written, with
                            "schemaVersion"; one line unless on a terminal or --pretty;
                            html: a self-contained report page for policy staff, in Chinese
                            unless --lang en is given (remit eval ... --format html > report.html);
                            xlsx: a workbook with the actions and every finding (needs --out);
                            csv: every finding, UTF-8 with a byte order mark for Excel
  --out FILE                write the xlsx or csv report to FILE
  --explain none|actions|all  which findings carry their explanation: json default actions
                            (those that ask for action), table default none (after the table)
  --pretty                  indent the JSON even when not writing to a terminal
  --record                  append the evaluation to the record store (see remit diff)
  --data DIR                record store folder (default .remit; REMIT_DATABASE_URL for PostgreSQL)
  -q, --quiet               no progress bar
  --lang zh|en              language of labels and messages
  --watch                   run again whenever the policy, facts or params change, until Ctrl-C
  -h, --help                show this help

${codes.eval.en}
`,
    zh: `用法：
  remit eval POLICY --facts FILE [--as-of YYYY-MM-DD] [--params FILE]
             [--format table|json|html|xlsx|csv] [--out FILE] [--explain none|actions|all]
             [--pretty] [--quiet] [--lang zh|en]

以 JSON 事实数据评估政策（政策文件或政策目录）。

选项：
  --facts FILE              事实数据文件（JSON），必填
  --as-of YYYY-MM-DD        评估日期（默认取事实数据中的 "asOf"；两者皆无则退出码为 1）
  --params FILE             参数覆盖的 JSON 对象，如 {"gridDays": "20 天"}
  --rules ID,ID             只评估这些规则（默认全部）
  --format table|json|html  table：按乡镇、规则类型分组的结果和汇总（默认）；
                            json：评估结果，边计算边输出，含 "schemaVersion"；非终端时为单行，
                            除非给出 --pretty；
                            html：供政策工作人员阅读的独立报告页面，默认中文，--lang en 为英文
                            （remit eval ... --format html > report.html）；
                            xlsx：待处理事项与全部结果两张工作表（须加 --out）；
                            csv：全部结果，带 BOM 的 UTF-8，Excel 可直接打开
  --out FILE                将 xlsx 或 csv 报告写入 FILE
  --explain none|actions|all  哪些结果附带说明：json 默认 actions（需处理的结果），
                            表格默认 none（说明列在表格之后）
  --pretty                  即使不输出到终端也缩进 JSON
  --record                  将本次评估写入评估记录库（见 remit diff）
  --data DIR                记录库目录（默认 .remit；PostgreSQL 用 REMIT_DATABASE_URL）
  -q, --quiet               不显示进度条
  --lang zh|en              标签和消息的语言
  --watch                   政策、事实数据或参数文件更改时重新运行，直到 Ctrl-C
  -h, --help                显示本帮助

${codes.eval.zh}
`,
  },
  test: {
    en: `Usage:
  remit test POLICY [--scenarios DIR] [--format text|json|junit] [--watch] [--quiet] [--lang zh|en]

Run a policy's scenario tests: evaluate the policy on each scenario and compare the findings
(or the facts errors) with what the scenario expects. Prints PASS or FAIL per scenario.

${scenarioFormat.en}

Options:
  --scenarios DIR   the folder of scenario files (default: POLICY's folder/tests)
  --format text|json|junit  text: PASS/FAIL per scenario (default); json: the results with
                    each failure in both languages; junit: JUnit XML for CI systems
  -q, --quiet       no progress bar
  --lang zh|en      language of messages
  --watch           run again whenever the policy or a scenario changes, until Ctrl-C
  -h, --help        show this help

${codes.test.en}
`,
    zh: `用法：
  remit test POLICY [--scenarios DIR] [--format text|json|junit] [--watch] [--quiet] [--lang zh|en]

运行政策的场景测试：以每个场景评估政策，并将结果（或事实数据错误）与场景的预期比较。
每个场景输出“通过”或“失败”。

${scenarioFormat.zh}

选项：
  --scenarios DIR   场景文件目录（默认：政策目录下的 tests）
  --format text|json|junit  text：逐个场景输出通过/失败（默认）；json：含中英文失败说明的结果；
                    junit：供 CI 系统读取的 JUnit XML
  -q, --quiet       不显示进度条
  --lang zh|en      消息语言
  --watch           文件更改时重新运行，直到 Ctrl-C
  -h, --help        显示本帮助

${codes.test.zh}
`,
  },
  explain: {
    en: `Usage:
  remit explain POLICY --facts FILE [--as-of YYYY-MM-DD] [--params FILE]
                RULE SUBJECT [--period PERIOD] [--lang zh|en]

Explain one finding: whether the rule's requirement, threshold or trigger held, the conditions
tested and the fact values that decided them. SUBJECT is the subject's id (T01), or
collection/id (townships/T01). A recurring duty has one finding per period: pick it with
--period (2026-Q3, 2026-07, 2026, 2026-W27).

Options:
  --facts FILE          the facts document (JSON), required
  --as-of YYYY-MM-DD    evaluation date (default: the facts' "asOf")
  --params FILE         JSON object of parameter overrides
  --period PERIOD       the period of a recurring duty's finding
  --lang zh|en          language of the explanation
  -h, --help            show this help

${codes.explain.en}
`,
    zh: `用法：
  remit explain POLICY --facts FILE [--as-of YYYY-MM-DD] [--params FILE]
                RULE SUBJECT [--period PERIOD] [--lang zh|en]

说明一条结果：规则的要求、阈值或触发条件是否成立，所检验的条件及决定结果的事实值。
SUBJECT 为对象的 id（T01）或 集合/id（townships/T01）。周期性职责每个周期一条结果，
用 --period 选择（2026-Q3、2026-07、2026、2026-W27）。

选项：
  --facts FILE          事实数据文件（JSON），必填
  --as-of YYYY-MM-DD    评估日期（默认取事实数据中的 "asOf"）
  --params FILE         参数覆盖的 JSON 对象
  --period PERIOD       周期性职责结果的周期
  --lang zh|en          说明的语言
  -h, --help            显示本帮助

${codes.explain.zh}
`,
  },
  export: {
    en: `Usage:
  remit export --to json-rules-engine POLICY [--params FILE] [--out FILE] [--lang zh|en]

Translate a policy into json-rules-engine rules: {"rules": [...], "operators": [...],
"subjects": [...]}, one rule per Remit rule and status. A rule json-rules-engine cannot express
is reported with its code frame (R70xx) and left out; the others are still written.

Options:
  --to json-rules-engine   the target format, required
  --params FILE            JSON object of parameter values to inline (defaults otherwise)
  --out FILE               write the rules to FILE (default: standard output)
  --lang zh|en             language of messages
  -h, --help               show this help

${codes.export.en}
`,
    zh: `用法：
  remit export --to json-rules-engine POLICY [--params FILE] [--out FILE] [--lang zh|en]

将政策转换为 json-rules-engine 规则：{"rules": [...], "operators": [...], "subjects": [...]}，
每条 Remit 规则的每种状态一条规则。json-rules-engine 无法表达的规则以代码片段报告（R70xx）
并略去，其余规则仍会输出。

选项：
  --to json-rules-engine   目标格式，必填
  --params FILE            要内联的参数值 JSON 对象（否则取默认值）
  --out FILE               将规则写入 FILE（默认：标准输出）
  --lang zh|en             消息语言
  -h, --help               显示本帮助

${codes.export.zh}
`,
  },
  import: {
    en: `Usage:
  remit import --from json-rules-engine FILE [--out FILE] [--name NAME] [--collection NAME]
               [--lang zh|en]

Translate a json-rules-engine rule set (a list of rules, {"rules": [...]} or one rule) into a
Remit policy: the facts the rules read become the fields of one collection, and each rule an
accountability rule triggered when its conditions hold. What cannot be imported is reported
with its code (R71xx).

Options:
  --from json-rules-engine   the source format, required
  --out FILE                 write the policy to FILE (default: standard output)
  --name NAME                the policy's name
  --collection NAME          the collection of subjects (default: subjects)
  --lang zh|en               language of messages
  -h, --help                 show this help

${codes.import.en}
`,
    zh: `用法：
  remit import --from json-rules-engine FILE [--out FILE] [--name NAME] [--collection NAME]
               [--lang zh|en]

将 json-rules-engine 规则集（规则列表、{"rules": [...]} 或单条规则）转换为 Remit 政策：
规则读取的事实成为一个集合的字段，每条规则成为在其条件成立时触发的问责规则。
无法导入的内容以代码（R71xx）报告。

选项：
  --from json-rules-engine   源格式，必填
  --out FILE                 将政策写入 FILE（默认：标准输出）
  --name NAME                政策名称
  --collection NAME          对象集合名（默认：subjects）
  --lang zh|en               消息语言
  -h, --help                 显示本帮助

${codes.import.zh}
`,
  },
  coverage: {
    en: `Usage:
  remit coverage POLICY [--scenarios DIR] [--format text|json|markdown] [--lang zh|en]

Clause coverage: for each clause of the policy, the rules citing it and the scenarios exercising
them. A scenario exercises a rule when it expects a finding of the rule (or its absence), or when
it declares a clause the rule cites ("clauses": ["2.1.1"]). A clause with no rules shows the line
of its text beginning 不可机器判定 (why nothing is judged), if it has one.

Options:
  --scenarios DIR            the folder of scenario files (default: POLICY's folder/tests)
  --format text|json|markdown  text: a table per clause (default); json: the coverage, with
                             "schemaVersion"; markdown: a document for the repository
  --lang zh|en               language of messages
  -h, --help                 show this help

${codes.coverage.en}
`,
    zh: `用法：
  remit coverage POLICY [--scenarios DIR] [--format text|json|markdown] [--lang zh|en]

条款覆盖：政策每一条款、引用它的规则以及检验这些规则的场景。场景预期某规则的结果（或预期其
不出现），或声明了该规则引用的条款（"clauses": ["2.1.1"]），即视为检验了该规则。没有规则的
条款显示其正文中以“不可机器判定”开头的说明（如有）。

选项：
  --scenarios DIR            场景文件目录（默认：政策目录下的 tests）
  --format text|json|markdown  text：按条款列表（默认）；json：覆盖数据，含 "schemaVersion"；
                             markdown：供仓库保存的文档
  --lang zh|en               消息语言
  -h, --help                 显示本帮助

${codes.coverage.zh}
`,
  },
  serve: {
    en: `Usage:
  remit serve POLICY... [--port N] [--host ADDRESS] [--lang zh|en]

Serve policies over HTTP (GET /healthz, GET /openapi.json, GET /v1/policies,
POST /v1/policies/NAME/evaluate, ...). Each policy is served under its folder's name (or its
file's name without extension); the first also answers the unprefixed /v1/... routes.
Request logs go to standard output, one JSON line each. SIGINT or SIGTERM stops accepting
connections, finishes the requests in flight, then exits 0.

Every evaluation answered is first recorded (GET /v1/records, /v1/history, /v1/status,
/v1/changes); GET /healthz, /readyz and /metrics are for operators. SIGHUP, or an edit of a
policy's files, reloads it once it checks; a broken edit keeps the old version serving.

Options (each also read from its environment variable):
  --port N          port to listen on (PORT; default 8080; 0 for any free port)
  --host ADDRESS    interface to listen on (HOST; default 127.0.0.1)
  --data DIR        embedded record store folder (REMIT_DATA; default .remit)
  --database-url U  PostgreSQL for records instead (REMIT_DATABASE_URL)
  --records on|off  keep records (REMIT_RECORDS; default on)
  --workers N       evaluation threads (REMIT_WORKERS; default: one per core but one)
  --log-level L     trace|debug|info|warn|error|fatal|silent (REMIT_LOG_LEVEL; default info)
  --watch on|off    reload on edits (REMIT_WATCH; default on)
  --lang zh|en      language of messages
  -h, --help        show this help
Policies may also be named by REMIT_POLICIES (comma-separated).

Limits (flag, else environment variable, else default):
${limitLines("en")}

${codes.serve.en}
`,
    zh: `用法：
  remit serve POLICY... [--port N] [--host ADDRESS] [--lang zh|en]

通过 HTTP 发布政策（GET /healthz、GET /openapi.json、GET /v1/policies、
POST /v1/policies/NAME/evaluate 等）。每个政策以其目录名（或去掉扩展名的文件名）发布；
第一个政策同时响应不带前缀的 /v1/... 路由。请求日志输出到标准输出，每条一行 JSON。
收到 SIGINT 或 SIGTERM 后停止接受连接，处理完进行中的请求后以 0 退出。

每次评估在答复前先行记录（GET /v1/records、/v1/history、/v1/status、/v1/changes）；
GET /healthz、/readyz 和 /metrics 供运维使用。收到 SIGHUP 或政策文件被修改时，新版本通过检查后
即重新加载；有错误的修改不生效，旧版本继续服务。

选项（均可由对应环境变量设置）：
  --port N          监听端口（PORT；默认 8080；0 表示任一空闲端口）
  --host ADDRESS    监听地址（HOST；默认 127.0.0.1）
  --data DIR        内嵌记录库目录（REMIT_DATA；默认 .remit）
  --database-url U  改用 PostgreSQL 保存记录（REMIT_DATABASE_URL）
  --records on|off  是否记录（REMIT_RECORDS；默认 on）
  --workers N       评估线程数（REMIT_WORKERS；默认为 CPU 核数减一，至少 1）
  --log-level L     日志级别（REMIT_LOG_LEVEL；默认 info）
  --watch on|off    文件修改时重新加载（REMIT_WATCH；默认 on）
  --lang zh|en      消息语言
  -h, --help        显示本帮助
也可用 REMIT_POLICIES（逗号分隔）指定政策。

限额（选项优先，其次环境变量，否则取默认值）：
${limitLines("zh")}

${codes.serve.zh}
`,
  },
  lsp: {
    en: `Usage:
  remit lsp --stdio [--lang zh|en]

Run the Remit language server, which an editor starts and speaks the Language Server Protocol
with over standard input and output: diagnostics as you type, hover, go to definition, find
references, completion, formatting, rename and quick fixes, for .remit and .remit.md files. Its
messages follow the editor's locale (zh* locales get Chinese). It runs until the editor asks it to
exit or closes its input. See docs/editor.md.

Options:
  --stdio        speak over standard input and output (required: the only transport)
  --lang zh|en   language of this command's own messages
  -h, --help     show this help

${codes.lsp.en}
`,
    zh: `用法：
  remit lsp --stdio [--lang zh|en]

运行 Remit 语言服务器：由编辑器启动，经标准输入输出以语言服务器协议（LSP）通信，为 .remit 和
.remit.md 文件提供随输随查的诊断、悬停提示、转到定义、查找引用、补全、格式化、重命名和快速修正。
消息语言随编辑器的区域设置（zh* 为中文）。运行至编辑器要求退出或关闭其输入为止。参见 docs/editor.md。

选项：
  --stdio        经标准输入输出通信（必填：唯一的传输方式）
  --lang zh|en   本命令自身的消息语言
  -h, --help     显示本帮助

${codes.lsp.zh}
`,
  },
  diff: {
    en: `Usage:
  remit diff --policy NAME --since INSTANT [--until INSTANT] [--data DIR] [--format text|json]
  remit diff BEFORE AFTER [--data DIR] [--format text|json]

What changed between two recorded evaluations of a policy: newly overdue, resolved, escalated a
level, accountability newly triggered. With --since, from the latest record at or before that
instant to the latest at or before --until (or the latest of all). Records are read from DIR
(default .remit) or from REMIT_DATABASE_URL.

${codes.diff.en}
`,
    zh: `用法：
  remit diff --policy NAME --since INSTANT [--until INSTANT] [--data DIR] [--format text|json]
  remit diff BEFORE AFTER [--data DIR] [--format text|json]

两次已记录评估之间的变化：新增逾期、已整改、升级、新触发问责。使用 --since 时，比较该时刻及之前
最近的一次记录与 --until（或最新）及之前最近的一次记录。记录读自 DIR（默认 .remit）或
REMIT_DATABASE_URL。

${codes.diff.zh}
`,
  },
  schema: {
    en: `Usage:
  remit schema POLICY

Print the JSON Schema of the facts document POLICY accepts (the same schema the server's
OpenAPI document gives its evaluate route).

${codes.schema.en}
`,
    zh: `用法：
  remit schema POLICY

输出政策所接受事实数据的 JSON Schema（与服务器 OpenAPI 文档中评估接口的模式相同）。

${codes.schema.zh}
`,
  },
};

/** One line per service limit, from the table in `@remit/app`. */
function limitLines(lang: Language): string {
  return serviceLimitSettings
    .map((s) => `  ${`${s.flag} N`.padEnd(22)}${s.description[lang]} (${s.env}; ${s.default})`)
    .join("\n");
}

export function generalHelp(lang: Language): string {
  return general[lang];
}

export function commandHelp(command: CommandName, lang: Language): string {
  return commands[command][lang];
}
