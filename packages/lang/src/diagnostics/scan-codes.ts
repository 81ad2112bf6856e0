import { type DiagnosticDefinition, defineDiagnostic } from "./diagnostic.js";

/**
 * `text` in Chinese quotation marks, or in corner brackets when it holds a Chinese quotation mark
 * itself (`“””` would not read).
 */
function quotedZh(text: string): string {
  return /[“”]/.test(text) ? `「${text}」` : `“${text}”`;
}

// ---------------------------------------------------------------------------------------------
// R1xxx: lexical and literate-Markdown diagnostics

export const unexpectedCharacter = defineDiagnostic<{ text: string }>({
  code: "R1001",
  severity: "error",
  message: ({ text }) => ({
    en: `unexpected character '${text}'`,
    zh: `无法识别的字符${quotedZh(text)}`,
  }),
  hint: () => ({
    en: "remove it, or put it inside a string or a comment",
    zh: "请删除该字符，或将其放入字符串或注释中",
  }),
});

export const fullWidthPunctuation = defineDiagnostic<{ text: string; ascii: string }>({
  code: "R1002",
  severity: "error",
  message: ({ text, ascii }) => ({
    en: `full-width '${text}' outside a string or comment: use '${ascii}'`,
    zh: `字符串和注释之外不能使用全角${quotedZh(text)}：请改用半角${quotedZh(ascii)}`,
  }),
  hint: () => ({
    en: "switch the input method to half-width (English) punctuation for code",
    zh: "书写代码时请将输入法切换为半角（英文）标点",
  }),
});

export const unterminatedString = defineDiagnostic<{ text: string }>({
  code: "R1003",
  severity: "error",
  message: ({ text }) => ({
    en: `string '${text}' is not closed before the end of the line`,
    zh: `字符串${quotedZh(text)}在行尾之前没有结束`,
  }),
  hint: () => ({
    en: "add the closing '\"'; write a line break inside a string as '\\n'",
    zh: '请补上结尾的“"”；字符串内的换行请写作“\\n”',
  }),
});

export const invalidEscape = defineDiagnostic<{ text: string }>({
  code: "R1004",
  severity: "error",
  message: ({ text }) => ({
    en: `unknown escape '${text}' in a string`,
    zh: `字符串中有无法识别的转义“${text}”`,
  }),
  hint: () => ({
    en: "the escapes are '\\\"', '\\\\' and '\\n'",
    zh: '可用的转义只有“\\"”“\\\\”和“\\n”',
  }),
});

export const invalidDate = defineDiagnostic<{ text: string }>({
  code: "R1005",
  severity: "error",
  message: ({ text }) => ({
    en: `'${text}' is not a calendar date`,
    zh: `“${text}”不是有效的日期`,
  }),
  hint: () => ({
    en: "write a real date as year-month-day, e.g. 2026-12-31",
    zh: "请按“年-月-日”写出真实存在的日期，例如 2026-12-31",
  }),
});

export const looseDate = defineDiagnostic<{ text: string; date: string }>({
  code: "R1007",
  severity: "error",
  message: ({ text, date }) => ({
    en: `write the date as ${date}, not '${text}'`,
    zh: `日期请写成 ${date}，而不是“${text}”`,
  }),
  hint: () => ({
    en: "a date is year-month-day with a four-digit year and two-digit month and day, joined by '-'",
    zh: "日期一律写作“年-月-日”：四位年份，月和日各两位，用“-”连接",
  }),
});

export const incompleteDate = defineDiagnostic<{
  text: string;
  missing: string;
  missingZh: string;
  pattern: string;
  placeholder: string;
}>({
  code: "R1011",
  severity: "error",
  message: ({ text, missing, missingZh }) => ({
    en: `'${text}' is not a whole date: it has no ${missing}`,
    zh: `“${text}”不是完整的日期：缺少${missingZh}`,
  }),
  hint: ({ missing, missingZh, pattern, placeholder }) => ({
    en: `write year, month and day as ${pattern}, with the ${missing} the text means`,
    zh: `请按“年-月-日”写全，如 ${pattern}，其中 ${placeholder} 为所指的${missingZh}`,
  }),
});

export const strayPunctuation = defineDiagnostic<{ text: string }>({
  code: "R1008",
  severity: "error",
  message: ({ text }) => ({
    en: `'${text}' ends nothing in a policy: remove it`,
    zh: `政策代码中不需要“${text}”：请删除`,
  }),
  hint: () => ({
    en: "a line needs no closing punctuation; a clause of a rule ends where the next keyword begins",
    zh: "代码行末尾不加标点；规则的各项以下一个关键字为界",
  }),
});

export const fullWidthQuotes = defineDiagnostic<{ text: string; ascii: string }>({
  code: "R1009",
  severity: "error",
  message: ({ text, ascii }) => ({
    en: `the string ${text} is in full-width quotes: write ${ascii}`,
    zh: `字符串须用半角引号：请把「${text}」写成 ${ascii}`,
  }),
  hint: () => ({
    en: "switch the input method to half-width (English) punctuation for code; inside the quotes any text may stay",
    zh: "书写代码时请将输入法切换为半角（英文）标点；引号内的文字不受影响",
  }),
});

export const numeralDuration = defineDiagnostic<{ text: string; zh: string; en: string; units: string }>({
  code: "R1010",
  severity: "error",
  message: ({ text, zh, en }) => ({
    en: `write the duration '${text}' in digits: '${zh}' (${en})`,
    zh: `时长请用数字写成“${zh}”，而不是“${text}”`,
  }),
  hint: ({ units }) => ({
    en: `a duration is a number in digits and a unit: ${units}`,
    zh: `时长由阿拉伯数字和单位组成，单位有：${units}`,
  }),
});

export const unclosedCodeBlock = defineDiagnostic<{ fence: string }>({
  code: "R1006",
  severity: "error",
  message: ({ fence }) => ({
    en: `the remit code block opened with '${fence}' is never closed`,
    zh: `以“${fence}”开始的 remit 代码块没有结束`,
  }),
  hint: ({ fence }) => ({
    en: `close it with a line holding '${fence}'`,
    zh: `请用单独一行“${fence}”结束代码块`,
  }),
});

// ---------------------------------------------------------------------------------------------
// R2xxx: syntax diagnostics

export const syntaxError = defineDiagnostic<{
  expectedEn: string;
  expectedZh: string;
  foundEn: string;
  foundZh: string;
  afterEn: string;
  afterZh: string;
}>({
  code: "R2001",
  severity: "error",
  message: ({ expectedEn, expectedZh, foundEn, foundZh, afterEn, afterZh }) => ({
    en: `expected ${expectedEn}${afterEn ? ` after ${afterEn}` : ""}, found ${foundEn}`,
    zh: `${afterZh ? `${afterZh}之后` : ""}应为${expectedZh}，但遇到了${foundZh}`,
  }),
});

export const expectedDeclaration = defineDiagnostic<{ text: string }>({
  code: "R2002",
  severity: "error",
  message: ({ text }) => ({
    en: `expected a declaration (such as \`duty\`, \`param\` or \`define\`), found '${text}'`,
    zh: `应为一条声明（例如“职责”“参数”“定义”），但遇到了“${text}”`,
  }),
  hint: () => ({
    en: "each declaration starts with its keyword; the text up to the next declaration is skipped",
    zh: "每条声明以关键字开头；到下一条声明之前的内容已被跳过",
  }),
});

export const spacedRuleId = defineDiagnostic<{ text: string }>({
  code: "R2003",
  severity: "error",
  message: ({ text }) => ({
    en: `rule id '${text}' has spaces around '-'`,
    zh: `规则标识“${text}”的“-”两侧有空格`,
  }),
  hint: () => ({
    en: "join the words of a rule id with '-' and no spaces, e.g. major-hazard-listing",
    zh: "规则标识的各部分用“-”直接相连，不加空格，例如 major-hazard-listing",
  }),
});

export const missingModality = defineDiagnostic<{ rule: string }>({
  code: "R2004",
  severity: "error",
  message: ({ rule }) => ({
    en: `rule '${rule}' has no modality: write \`must\`, \`must not\`, \`should\` or \`may\` after its title`,
    zh: `规则“${rule}”缺少情态：请在标题后写“必须”“不得”“宜”或“可以”`,
  }),
});

export const formerShould = defineDiagnostic<{ word: string }>({
  code: "R2030",
  severity: "warning",
  message: ({ word }) => ({
    en: `'${word}' is mandatory, as in Chinese statutes: it means \`must\` (shall), no longer \`should\``,
    zh: `“${word}”按法律文本的用法表示义务（必须），不再表示“宜”`,
  }),
  hint: () => ({
    en: "write 宜 (or 力争, 努力) for a duty that is only advisory; keep 应当 where the text makes it binding",
    zh: "仅为倡导性的职责请写“宜”（或“力争”“努力”）；原文确为义务的，保留“应当”即可",
  }),
});

export const clauseIdAsNumber = defineDiagnostic<{ text: string }>({
  code: "R2005",
  severity: "error",
  message: ({ text }) => ({
    en: `'${text}' is not a number: a clause id can only follow \`cites\` or \`clause\``,
    zh: `“${text}”不是数字：条款编号只能写在“依据”或“条款”之后`,
  }),
});

export const chainedComparison = defineDiagnostic<{ operator: string }>({
  code: "R2006",
  severity: "error",
  message: ({ operator }) => ({
    en: `comparisons do not chain: unexpected '${operator}' after a comparison`,
    zh: `比较不能连写：比较之后不能再出现“${operator}”`,
  }),
  hint: () => ({
    en: "write 'a < b and b < c'",
    zh: "请写成“a < b 且 b < c”",
  }),
});

export const misplacedHeader = defineDiagnostic<Record<string, never>>({
  code: "R2007",
  severity: "error",
  message: () => ({
    en: "the `policy` header must come first, once per file",
    zh: "“政策”头部必须位于文件开头，且只能有一个",
  }),
});

export const misplacedImport = defineDiagnostic<Record<string, never>>({
  code: "R2008",
  severity: "error",
  message: () => ({
    en: "an `import` must come before the declarations",
    zh: "“导入”必须位于所有声明之前",
  }),
});

export const invalidCallee = defineDiagnostic<Record<string, never>>({
  code: "R2009",
  severity: "error",
  message: () => ({
    en: "only a name can be called, e.g. hasTeam(t) or gbt.requiredClass(t)",
    zh: "只能调用名称，例如 hasTeam(t) 或 gbt.requiredClass(t)",
  }),
});

export const unknownUnit = defineDiagnostic<{ text: string; units: string; unitsZh: string }>({
  code: "R2010",
  severity: "error",
  message: ({ text, units, unitsZh }) => ({
    en: `unknown unit '${text}'; the units there are: ${units}`,
    zh: `未知的单位“${text}”；可用的单位有：${unitsZh}`,
  }),
  hint: () => ({
    en: "a number followed by a word is a duration: write one of these units, or a unit in brackets in a field's type (`integer [人]`)",
    zh: "数字后接单位表示时长，请使用上列单位之一；数量单位写在字段类型的方括号中（`整数 [人]`）",
  }),
});

export const foreignOperator = defineDiagnostic<{
  text: string;
  useEn: string;
  useZh: string;
}>({
  code: "R2011",
  severity: "error",
  message: ({ text, useEn, useZh }) => ({
    en: `use ${useEn}, not '${text}'`,
    zh: `请用${useZh}，而不是“${text}”`,
  }),
  hint: () => ({
    en: "the comparisons are = != < <= > >= (or ≠ ≤ ≥); '=' compares, nothing is assigned; combine conditions with `and`, `or`, `not`",
    zh: "比较运算符是 = != < <= > >=（或 ≠ ≤ ≥）；“=”就是比较相等，没有赋值；条件之间用“且”“或”“非”连接",
  }),
});

export const keywordGlued = defineDiagnostic<{ text: string; fixed: string }>({
  code: "R2012",
  severity: "error",
  message: ({ text, fixed }) => ({
    en: `a space is missing after the keyword in '${text}': write '${fixed}'`,
    zh: `“${text}”中的关键字后缺少空格：请写成“${fixed}”`,
  }),
  hint: () => ({
    en: "a keyword stands apart from the words around it, with a space on each side",
    zh: "关键字与前后的词之间都要用空格隔开",
  }),
});

export const missingEach = defineDiagnostic<{ variable: string; forWord: string; eachWord: string }>({
  code: "R2013",
  severity: "error",
  message: ({ variable, forWord, eachWord }) => ({
    en: `'${eachWord}' is missing before '${variable}': write '${forWord} ${eachWord} ${variable} …'`,
    zh: `“${variable}”之前缺少“${eachWord}”：请写成“${forWord} ${eachWord} ${variable} …”`,
  }),
  hint: () => ({
    en: "a rule over a collection reads 'for each x in collection'; 'for' alone takes a record: 'for county'",
    zh: "对集合中每一项的规则写作“对于 每个 x 属于 集合”；单独的“对于”后接记录，如“对于 县”",
  }),
});

export const conditionKeyword = defineDiagnostic<{ text: string; where: string }>({
  code: "R2015",
  severity: "error",
  message: ({ text, where }) => ({
    en: `a condition on the elements is written '${where}', not '${text}'`,
    zh: `对集合元素的条件写作“${where}”，而不是“${text}”`,
  }),
  hint: () => ({
    en: "write 'for each x in collection where condition'; `if … then … else …` chooses between two values",
    zh: "请写成“对于 每个 x 属于 集合 满足 条件”；“如果 … 则 … 否则 …”用于在两个值之间选择",
  }),
});

export const deadlineAfterModality = defineDiagnostic<{ modality: string; deadline: string }>({
  code: "R2016",
  severity: "error",
  message: ({ modality, deadline }) => ({
    en: `a duty's deadline is not written after '${modality}': write '${deadline}' on a line of its own after \`requires …\``,
    zh: `职责的期限不写在“${modality}”之后：请在“要求 …”之后另起一行写“${deadline}”`,
  }),
  hint: () => ({
    en: "a duty reads: the modality (`must`) on its own, then `cites`, `for each`, `holder`, then `requires <condition>`, and last the deadline on its own line: `within <duration> of <date>` or `by <date>`",
    zh: "职责依次写：情态（“必须”）单独成行，然后“依据”“对于 每个”“责任主体”，再写“要求 <条件>”，最后另起一行写期限：“以内 <时长> 自 <日期>”或“截止 <日期>”",
  }),
});

export const clauseOrder = defineDiagnostic<{ word: string; before: string; order: string; orderZh: string }>(
  {
    code: "R2014",
    severity: "error",
    message: ({ word, before }) => ({
      en: `'${word}' must come before '${before}'`,
      zh: `“${word}”应写在“${before}”之前`,
    }),
    hint: ({ order, orderZh }) => ({
      en: `the parts of a rule come in this order: ${order}`,
      zh: `规则的各项按此顺序书写：${orderZh}`,
    }),
  },
);

// ---------------------------------------------------------------------------------------------
// R9xxx: limits

export const fileTooLarge = defineDiagnostic<{ size: string; limit: string }>({
  code: "R9001",
  severity: "error",
  message: ({ size, limit }) => ({
    en: `the file is too large to read (${size} characters, the limit is ${limit})`,
    zh: `文件过大，无法读取（${size} 个字符，上限为 ${limit}）`,
  }),
  hint: () => ({
    en: "split the policy into modules joined by `import`",
    zh: "请将政策拆分为多个模块，用“导入”连接",
  }),
});

export const nestingTooDeep = defineDiagnostic<{ limit: string }>({
  code: "R9002",
  severity: "error",
  message: ({ limit }) => ({
    en: `nesting is too deep (more than ${limit} levels)`,
    zh: `嵌套层数过多（超过 ${limit} 层）`,
  }),
  hint: () => ({
    en: "name the inner parts with `define` or `let`",
    zh: "请用“定义”或“令”为内层部分命名",
  }),
});

export const binaryFile = defineDiagnostic<Record<string, never>>({
  code: "R9003",
  severity: "error",
  message: () => ({
    en: "the file holds binary data (NUL bytes), not policy text",
    zh: "文件包含二进制数据（NUL 字节），不是政策文本",
  }),
  hint: () => ({
    en: "check that the right file was given and that it is saved as UTF-8 text",
    zh: "请确认文件正确，并以 UTF-8 文本保存",
  }),
});

export const expressionTooDeep = defineDiagnostic<{ limit: string }>({
  code: "R9004",
  severity: "error",
  message: ({ limit }) => ({
    en: `the expression is too deep (more than ${limit} operators, field reads and brackets inside one another)`,
    zh: `表达式层数过多（运算符、字段读取与括号相互嵌套超过 ${limit} 层）`,
  }),
  hint: () => ({
    en: "name parts of the chain with `define` or `let`, or sum a list with `sum`",
    zh: "请用“定义”或“令”为链的各部分命名，或用“求和”对列表求和",
  }),
});

/** Lexical, literate-Markdown, syntax and limit diagnostics (R1xxx, R2xxx, R9xxx). */
export const scanDiagnostics: readonly DiagnosticDefinition<never>[] = [
  unexpectedCharacter,
  fullWidthPunctuation,
  unterminatedString,
  invalidEscape,
  invalidDate,
  unclosedCodeBlock,
  looseDate,
  incompleteDate,
  strayPunctuation,
  fullWidthQuotes,
  numeralDuration,
  syntaxError,
  expectedDeclaration,
  spacedRuleId,
  missingModality,
  formerShould,
  clauseIdAsNumber,
  chainedComparison,
  misplacedHeader,
  misplacedImport,
  invalidCallee,
  unknownUnit,
  foreignOperator,
  keywordGlued,
  missingEach,
  conditionKeyword,
  clauseOrder,
  deadlineAfterModality,
  fileTooLarge,
  nestingTooDeep,
  binaryFile,
  expressionTooDeep,
];
