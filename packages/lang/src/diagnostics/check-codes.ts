import { type DiagnosticDefinition, defineDiagnostic } from "./diagnostic.js";

/*
 * Module, name, type, unit and rule diagnostics (R3xxx, R4xxx, R5xxx). Arguments are already
 * plain text; the templates add the quotes, so user input is always quoted the same way.
 */

// R3xxx: modules and names -------------------------------------------------------------------

export const moduleNotFound = defineDiagnostic<{ path: string }>({
  code: "R3001",
  severity: "error",
  message: ({ path }) => ({ en: `cannot find module '${path}'`, zh: `找不到模块“${path}”` }),
  hint: () => ({
    en: "import paths are relative to the importing file",
    zh: "导入路径相对于当前文件所在的目录",
  }),
});

export const importCycle = defineDiagnostic<{ cycle: string }>({
  code: "R3002",
  severity: "error",
  message: ({ cycle }) => ({ en: `import cycle: ${cycle}`, zh: `模块循环导入：${cycle}` }),
  hint: () => ({
    en: "move the shared declarations into a module that both can import",
    zh: "把共用的声明移到一个双方都能导入的模块中",
  }),
});

export const duplicateAlias = defineDiagnostic<{ alias: string }>({
  code: "R3003",
  severity: "error",
  message: ({ alias }) => ({
    en: `import alias '${alias}' is already used in this module`,
    zh: `导入别名“${alias}”在本模块中已被使用`,
  }),
});

export const unknownName = defineDiagnostic<{ name: string; declared: string; declaredZh: string }>({
  code: "R3004",
  severity: "error",
  message: ({ name }) => ({ en: `unknown name '${name}'`, zh: `未知的名称“${name}”` }),
  hint: ({ name, declared, declaredZh }) => ({
    en: `declare it, e.g. \`param ${name}: ${declared}\` for a value the county sets or \`define ${name} = …\` for one worked out from others`,
    zh: `请先声明它，例如县里设定的值写“参数 ${name}: ${declaredZh}”，由其他值算出的写“定义 ${name} = …”`,
  }),
});

/** The kind of value an unknown name's use expects, when it says (`within limit of …`: a duration). */
export type ExpectedValue = "unknown" | "duration" | "date" | "bool";

const parameterExamples: Readonly<Record<ExpectedValue, { en: string; zh: string }>> = {
  unknown: { en: "integer = 1", zh: "整数 = 1" },
  duration: { en: "duration = 15 days", zh: "时长 = 15 天" },
  date: { en: "date = 2026-12-31", zh: "日期 = 2026-12-31" },
  bool: { en: "bool = true", zh: "布尔 = 真" },
};

/** The arguments of `unknownName`: the parameter its hint declares has the type the use expects. */
export function unknownNameArgs(
  name: string,
  expected: ExpectedValue,
): { name: string; declared: string; declaredZh: string } {
  const example = parameterExamples[expected];
  return { name, declared: example.en, declaredZh: example.zh };
}

export const unknownField = defineDiagnostic<{ name: string; type: string; typeZh: string }>({
  code: "R3005",
  severity: "error",
  message: ({ name, type, typeZh }) => ({
    en: `${type} has no field '${name}'`,
    zh: `${typeZh}没有字段“${name}”`,
  }),
});

export const unknownFunction = defineDiagnostic<{ name: string }>({
  code: "R3006",
  severity: "error",
  message: ({ name }) => ({ en: `unknown function '${name}'`, zh: `未知的函数“${name}”` }),
});

export const unknownType = defineDiagnostic<{ name: string }>({
  code: "R3007",
  severity: "error",
  message: ({ name }) => ({ en: `unknown type '${name}'`, zh: `未知的类型“${name}”` }),
  hint: () => ({
    en: "a type is a built-in type, a declared type, a collection or a record",
    zh: "类型应为内置类型、已声明的类型、集合或记录",
  }),
});

export const moduleAsValue = defineDiagnostic<{ name: string }>({
  code: "R3008",
  severity: "error",
  message: ({ name }) => ({
    en: `'${name}' is a module alias, not a value`,
    zh: `“${name}”是模块别名，不是值`,
  }),
  hint: ({ name }) => ({
    en: `name one of its declarations: '${name}.something'`,
    zh: `请引用其中的声明，如“${name}.某名称”`,
  }),
});

export const duplicateDeclaration = defineDiagnostic<{ name: string }>({
  code: "R3009",
  severity: "error",
  message: ({ name }) => ({
    en: `'${name}' is already declared in this module`,
    zh: `“${name}”在本模块中已声明`,
  }),
});

export const periodOutsideRecurring = defineDiagnostic<{ name: string }>({
  code: "R3010",
  severity: "error",
  message: ({ name }) => ({
    en: `'${name}' is only defined inside a recurring duty`,
    zh: `“${name}”只能在周期性职责中使用`,
  }),
  hint: () => ({
    en: "give the duty an 'every week|month|quarter|year from …' deadline",
    zh: "为该职责设置“每周/每月/每季度/每年 从 …”期限",
  }),
});

export const ambiguousInverse = defineDiagnostic<{ name: string; target: string; fields: string }>({
  code: "R3011",
  severity: "error",
  message: ({ name, target, fields }) => ({
    en: `'${name}' is ambiguous: '${name}' refers to '${target}' through ${fields}`,
    zh: `“${name}”有歧义：“${name}”通过 ${fields} 多次引用“${target}”`,
  }),
  hint: ({ name }) => ({
    en: `use an aggregate with an explicit condition, e.g. 'count(x in ${name} where …)'`,
    zh: `请改用带明确条件的聚合，如“计数(x 属于 ${name} 满足 …)”`,
  }),
});

export const unusedParameter = defineDiagnostic<{ name: string }>({
  code: "R3012",
  severity: "info",
  message: ({ name }) => ({ en: `parameter '${name}' is never used`, zh: `参数“${name}”未被使用` }),
});

export const wrongArgumentCount = defineDiagnostic<{ name: string; expected: string; found: string }>({
  code: "R3013",
  severity: "error",
  message: ({ name, expected, found }) => ({
    en: `'${name}' takes ${expected} argument(s), found ${found}`,
    zh: `“${name}”需要 ${expected} 个参数，实际为 ${found} 个`,
  }),
});

export const referenceTargetNotCollection = defineDiagnostic<{ name: string }>({
  code: "R3014",
  severity: "error",
  message: ({ name }) => ({
    en: `a reference must point to a collection, '${name}' is not one`,
    zh: `引用必须指向集合，“${name}”不是集合`,
  }),
});

export const badSinceField = defineDiagnostic<{ name: string; collection: string }>({
  code: "R3015",
  severity: "error",
  message: ({ name, collection }) => ({
    en: `'since ${name}' must name a date field of '${collection}'`,
    zh: `“始于 ${name}”必须是集合“${collection}”的日期字段`,
  }),
});

export const notCallable = defineDiagnostic<{ name: string }>({
  code: "R3016",
  severity: "error",
  message: ({ name }) => ({
    en: `'${name}' is not a function and cannot be called`,
    zh: `“${name}”不是函数，不能调用`,
  }),
});

export const definitionNeedsArguments = defineDiagnostic<{ name: string }>({
  code: "R3017",
  severity: "error",
  message: ({ name }) => ({
    en: `definition '${name}' takes arguments: call it as '${name}(…)'`,
    zh: `定义“${name}”需要参数，请写作“${name}(…)”`,
  }),
});

export const duplicateField = defineDiagnostic<{ name: string }>({
  code: "R3018",
  severity: "error",
  message: ({ name }) => ({ en: `field '${name}' is declared twice`, zh: `字段“${name}”重复声明` }),
});

export const duplicateClause = defineDiagnostic<{ id: string }>({
  code: "R3019",
  severity: "error",
  message: ({ id }) => ({ en: `clause '${id}' is declared twice`, zh: `条款“${id}”重复声明` }),
  hint: () => ({
    en: "a Markdown heading starting with a clause id declares that clause too",
    zh: "以条款编号开头的 Markdown 标题同样声明了该条款",
  }),
});

export const typeCycle = defineDiagnostic<{ cycle: string }>({
  code: "R3020",
  severity: "error",
  message: ({ cycle }) => ({
    en: `type declarations form a cycle: ${cycle}`,
    zh: `类型声明循环引用：${cycle}`,
  }),
});

export const duplicateLocal = defineDiagnostic<{ name: string }>({
  code: "R3021",
  severity: "error",
  message: ({ name }) => ({
    en: `'${name}' is already bound in this rule`,
    zh: `“${name}”在本规则中已绑定`,
  }),
});

export const unknownGroupCollection = defineDiagnostic<{ name: string }>({
  code: "R3022",
  severity: "error",
  message: ({ name }) => ({
    en: `findings cannot be grouped by '${name}': it is not a collection of this policy`,
    zh: `无法按“${name}”分组：它不是本政策的集合`,
  }),
  hint: () => ({
    en: "name a collection declared in the policy's own file, e.g. `group by townships`",
    zh: "请写本政策文件中声明的集合，例如 `分组 townships`",
  }),
});

// R4xxx: types and units ---------------------------------------------------------------------

export const typeMismatch = defineDiagnostic<{
  what: string;
  whatZh: string;
  expected: string;
  expectedZh: string;
  found: string;
  foundZh: string;
}>({
  code: "R4001",
  severity: "error",
  message: (a) => ({
    en: `${a.what} must be ${a.expected}, found ${a.found}`,
    zh: `${a.whatZh}应为${a.expectedZh}，实际为${a.foundZh}`,
  }),
});

export const operatorMismatch = defineDiagnostic<{
  operator: string;
  left: string;
  leftZh: string;
  right: string;
  rightZh: string;
}>({
  code: "R4002",
  severity: "error",
  message: (a) => ({
    en: `cannot apply '${a.operator}' to ${a.left} and ${a.right}`,
    zh: `不能对${a.leftZh}和${a.rightZh}使用“${a.operator}”`,
  }),
});

export const unitMismatch = defineDiagnostic<{ operator: string; left: string; right: string }>({
  code: "R4003",
  severity: "error",
  message: ({ operator, left, right }) => ({
    en: `units differ: '${left}' ${operator} '${right}'`,
    zh: `单位不一致：“${left}” ${operator} “${right}”`,
  }),
  hint: () => ({
    en: "only numbers of the same unit can be added or compared; a bare number takes the other side's unit",
    zh: "只有同一单位的数才能相加或比较；不带单位的数取另一侧的单位",
  }),
});

export const durationMeasureMismatch = defineDiagnostic<{ operator: string }>({
  code: "R4004",
  severity: "error",
  message: ({ operator }) => ({
    en: `cannot combine an exact duration (days, weeks) with a calendar one (months, quarters, years) using '${operator}'`,
    zh: `不能用“${operator}”组合精确时长（天、周）与日历时长（月、季度、年）`,
  }),
  hint: () => ({
    en: "write both in days or weeks, or both in months, quarters or years",
    zh: "请都用天或周表示，或都用月、季度或年表示",
  }),
});

export const notAnEnumValue = defineDiagnostic<{ value: string; values: string }>({
  code: "R4005",
  severity: "error",
  message: ({ value, values }) => ({
    en: `'${value}' is not one of ${values}`,
    zh: `“${value}”不是 ${values} 中的值`,
  }),
});

export const aggregateOverNonList = defineDiagnostic<{ operator: string; found: string; foundZh: string }>({
  code: "R4006",
  severity: "error",
  message: (a) => ({
    en: `'${a.operator}' ranges over a list or a collection, found ${a.found}`,
    zh: `“${a.operator}”只能作用于列表或集合，实际为${a.foundZh}`,
  }),
});

export const ifBranchMismatch = defineDiagnostic<{
  then: string;
  thenZh: string;
  else: string;
  elseZh: string;
}>({
  code: "R4007",
  severity: "error",
  message: (a) => ({
    en: `the branches of 'if' differ: ${a.then} and ${a.else}`,
    zh: `“如果”的两个分支类型不同：${a.thenZh}与${a.elseZh}`,
  }),
});

export const badRequirement = defineDiagnostic<{ found: string; foundZh: string }>({
  code: "R4008",
  severity: "error",
  message: (a) => ({
    en: `a requirement must be a condition (bool) or the date the duty was done, found ${a.found}`,
    zh: `“要求”应为条件（布尔）或履职日期，实际为${a.foundZh}`,
  }),
});

export const conditionNotBool = defineDiagnostic<{
  what: string;
  whatZh: string;
  found: string;
  foundZh: string;
}>({
  code: "R4009",
  severity: "error",
  message: (a) => ({
    en: `${a.what} must be a condition (bool), found ${a.found}`,
    zh: `${a.whatZh}应为条件（布尔），实际为${a.foundZh}`,
  }),
});

export const holderNotText = defineDiagnostic<{
  what: string;
  whatZh: string;
  found: string;
  foundZh: string;
}>({
  code: "R4010",
  severity: "error",
  message: (a) => ({
    en: `${a.what} must be text naming who acts, found ${a.found}`,
    zh: `${a.whatZh}应为表示主体名称的文本，实际为${a.foundZh}`,
  }),
});

export const nonConstantDefault = defineDiagnostic<{ name: string }>({
  code: "R4011",
  severity: "error",
  message: ({ name }) => ({
    en: `the default of parameter '${name}' must be a constant`,
    zh: `参数“${name}”的默认值必须是常量`,
  }),
  hint: () => ({
    en: "use literals and other parameters only; put computations in a 'define'",
    zh: "只能使用字面量和其他参数；计算请写在“定义”中",
  }),
});

export const defaultTypeMismatch = defineDiagnostic<{
  name: string;
  expected: string;
  expectedZh: string;
  found: string;
  foundZh: string;
}>({
  code: "R4012",
  severity: "error",
  message: (a) => ({
    en: `the default of parameter '${a.name}' must be ${a.expected}, found ${a.found}`,
    zh: `参数“${a.name}”的默认值应为${a.expectedZh}，实际为${a.foundZh}`,
  }),
});

export const dateMinusDate = defineDiagnostic<Record<string, never>>({
  code: "R4013",
  severity: "error",
  message: () => ({ en: "cannot subtract a date from a date", zh: "日期不能与日期相减" }),
  hint: () => ({ en: "use 'daysBetween(a, b)'", zh: "请使用“相隔天数(a, b)”" }),
});

export const argumentMismatch = defineDiagnostic<{
  name: string;
  position: string;
  expected: string;
  expectedZh: string;
  found: string;
  foundZh: string;
}>({
  code: "R4014",
  severity: "error",
  message: (a) => ({
    en: `argument ${a.position} of '${a.name}' must be ${a.expected}, found ${a.found}`,
    zh: `“${a.name}”的第 ${a.position} 个参数应为${a.expectedZh}，实际为${a.foundZh}`,
  }),
});

export const returnTypeMismatch = defineDiagnostic<{
  name: string;
  expected: string;
  expectedZh: string;
  found: string;
  foundZh: string;
}>({
  code: "R4015",
  severity: "error",
  message: (a) => ({
    en: `definition '${a.name}' is declared as ${a.expected} but its body is ${a.found}`,
    zh: `定义“${a.name}”声明为${a.expectedZh}，但其内容为${a.foundZh}`,
  }),
});

export const nonIntegerDuration = defineDiagnostic<{ amount: string; unit: string; unitZh: string }>({
  code: "R4030",
  severity: "error",
  message: ({ amount, unit, unitZh }) => ({
    en: `'${amount} ${unit}' is not a whole number of ${unit}: a duration counts whole units`,
    zh: `“${amount} ${unitZh}”不是整数：时长只能以整数个单位计算`,
  }),
  hint: () => ({
    en: "write it as a whole number of a smaller unit, e.g. `45 days` rather than `1.5 months`",
    zh: "请改用更小的单位并写成整数，例如写“45 天”而不是“1.5 个月”",
  }),
});

// R5xxx: rules and policy structure ----------------------------------------------------------

export const duplicateRuleId = defineDiagnostic<{ id: string }>({
  code: "R5001",
  severity: "error",
  message: ({ id }) => ({ en: `rule id '${id}' is already used`, zh: `规则编号“${id}”已被使用` }),
  hint: () => ({
    en: "rule ids are unique across the policy and its imported modules: findings are keyed by them",
    zh: "规则编号在政策及其导入模块中必须唯一：结论以此为键",
  }),
});

export const missingCites = defineDiagnostic<{ id: string }>({
  code: "R5002",
  severity: "error",
  message: ({ id }) => ({ en: `rule '${id}' cites no clause`, zh: `规则“${id}”没有引用任何条款` }),
  hint: () => ({
    en: "every rule says which clauses of the plan it implements: 'cites 2.1.3'",
    zh: "每条规则都要写明所依据的条款：“依据 2.1.3”",
  }),
});

export const unknownClause = defineDiagnostic<{ id: string }>({
  code: "R5003",
  severity: "error",
  message: ({ id }) => ({ en: `clause '${id}' is not declared`, zh: `条款“${id}”未声明` }),
  hint: () => ({
    en: "declare it with 'clause' or a Markdown heading that starts with its id",
    zh: "请用“条款”或以条款编号开头的 Markdown 标题声明它",
  }),
});

export const dutyWithoutHolder = defineDiagnostic<{ id: string }>({
  code: "R5004",
  severity: "warning",
  message: ({ id }) => ({ en: `duty '${id}' names no holder`, zh: `职责“${id}”未写明责任主体` }),
});

export const dutyWithoutDeadline = defineDiagnostic<{ id: string }>({
  code: "R5005",
  severity: "warning",
  message: ({ id }) => ({ en: `duty '${id}' has no deadline`, zh: `职责“${id}”没有期限` }),
  hint: () => ({
    en: "without 'by', 'within … of' or 'every …' the duty is never overdue",
    zh: "没有“截止”“以内 … 自”或“每…”期限，该职责永远不会逾期",
  }),
});

export const prohibitionMismatch = defineDiagnostic<{ id: string }>({
  code: "R5030",
  severity: "error",
  message: ({ id }) => ({
    en: `rule '${id}': \`must not\` and \`forbids\` go together: a prohibition is a duty that names what it forbids`,
    zh: `规则“${id}”：“不得”与“禁止事项”须同时使用：禁止性规定是写明禁止事项的职责`,
  }),
  hint: () => ({
    en: "write `duty … must not … forbids <the date it happened, or a condition>`; a duty that requires something uses `must`, `should` or `may` with `requires`",
    zh: "请写“职责 … 不得 … 禁止事项 <发生日期或条件>”；要求做某事的职责用“必须”“宜”或“可以”和“要求”",
  }),
});

export const levelsNotIncreasing = defineDiagnostic<{ level: string; previous: string }>({
  code: "R5006",
  severity: "error",
  message: ({ level, previous }) => ({
    en: `level '${level}' must come after level '${previous}': thresholds must strictly increase`,
    zh: `级别“${level}”的时限必须大于级别“${previous}”：时限须严格递增`,
  }),
});

export const allWithoutCondition = defineDiagnostic<{ operator: string }>({
  code: "R5007",
  severity: "error",
  message: ({ operator }) => ({
    en: `'${operator}' needs a condition after ':'`,
    zh: `“${operator}”需要在“:”后写出条件`,
  }),
  hint: () => ({
    en: "e.g. 'all(v in t.villages : v.safetyManager)'",
    zh: "例如“全部(v 属于 t.villages : v.safetyManager)”",
  }),
});

export const recursiveDefinition = defineDiagnostic<{ cycle: string }>({
  code: "R5008",
  severity: "error",
  message: ({ cycle }) => ({ en: `definitions are recursive: ${cycle}`, zh: `定义存在递归：${cycle}` }),
  hint: () => ({
    en: "definitions may not call themselves, directly or through others: that keeps every policy terminating",
    zh: "定义不得直接或间接调用自身，以保证每个政策都能终止",
  }),
});

export const missingPolicyHeader = defineDiagnostic<{ file: string }>({
  code: "R5009",
  severity: "error",
  message: ({ file }) => ({
    en: `the entry module '${file}' has no 'policy' header`,
    zh: `入口模块“${file}”缺少“政策”声明`,
  }),
  hint: () => ({ en: `start it with 'policy "name"'`, zh: `请以“政策 "名称"”开头` }),
});

export const accountabilityWithoutAsAt = defineDiagnostic<{ id: string }>({
  code: "R5010",
  severity: "error",
  message: ({ id }) => ({
    en: `accountability rule '${id}' has no 'as at' date`,
    zh: `问责规则“${id}”缺少“截至”日期`,
  }),
  hint: () => ({ en: "e.g. 'as at f.date'", zh: "例如“截至 f.date”" }),
});

export const accountabilityWithoutCause = defineDiagnostic<{ id: string }>({
  code: "R5011",
  severity: "error",
  message: ({ id }) => ({ en: `accountability rule '${id}' has no cause`, zh: `问责规则“${id}”没有原因` }),
});

export const escalationWithoutStart = defineDiagnostic<{ id: string }>({
  code: "R5012",
  severity: "error",
  message: ({ id }) => ({
    en: `escalation '${id}' has no 'starts' date`,
    zh: `升级规则“${id}”缺少“起算”日期`,
  }),
});

export const escalationWithoutLevels = defineDiagnostic<{ id: string }>({
  code: "R5013",
  severity: "error",
  message: ({ id }) => ({ en: `escalation '${id}' has no levels`, zh: `升级规则“${id}”没有级别` }),
});

export const duplicateLevel = defineDiagnostic<{ name: string }>({
  code: "R5014",
  severity: "error",
  message: ({ name }) => ({ en: `level '${name}' is declared twice`, zh: `级别“${name}”重复声明` }),
});

export const badSubject = defineDiagnostic<{
  expected: string;
  expectedZh: string;
  found: string;
  foundZh: string;
}>({
  code: "R5015",
  severity: "error",
  message: (a) => ({
    en: `a rule's subject must be ${a.expected}, found ${a.found}`,
    zh: `规则的对象应为${a.expectedZh}，实际为${a.foundZh}`,
  }),
});

export const targetsAfterLastCause = defineDiagnostic<{ label: string }>({
  code: "R5016",
  severity: "warning",
  message: () => ({
    en: "the targets after the last cause are the rule's own: they are named whenever any cause holds",
    zh: "最后一个原因之后的问责对象属于整条规则：任一原因成立即被问责",
  }),
  hint: ({ label }) => ({
    en: `write them on a line of their own; to name them only when '${label}' holds, follow them with the rule's own 'targets' line`,
    zh: `请单独成行；如只在“${label}”成立时问责，请在其后再写整条规则的“问责对象”一行`,
  }),
});

export const parameterCycle = defineDiagnostic<{ cycle: string }>({
  code: "R5017",
  severity: "error",
  message: ({ cycle }) => ({
    en: `parameter defaults form a cycle: ${cycle}`,
    zh: `参数默认值循环引用：${cycle}`,
  }),
  hint: () => ({
    en: "a default may name other parameters, but not itself, directly or through others: give one of them a value of its own",
    zh: "默认值可以引用其他参数，但不能直接或间接引用自身：请给其中一个参数直接写出取值",
  }),
});

export const workingDaysWithoutCalendar = defineDiagnostic<Record<string, never>>({
  code: "R5018",
  severity: "error",
  message: () => ({
    en: "working days need a calendar, and this policy names none",
    zh: "工作日需要日历，而本政策未指定日历",
  }),
  hint: () => ({
    en: 'name one in the policy header: `calendar "cn-mainland"`',
    zh: '请在政策头部指定日历：`日历 "cn-mainland"`',
  }),
});

export const clauseWithoutRules = defineDiagnostic<{ id: string; title: string }>({
  code: "R5019",
  severity: "warning",
  message: ({ id, title }) => ({
    en: `clause ${id} '${title}' has no rules and no note saying why`,
    zh: `条款 ${id}“${title}”没有规则，也没有说明为何不作判定`,
  }),
  hint: () => ({
    en: "write rules citing it, or a line in its text beginning '不可机器判定' (or 'Not machine-checkable') saying why nothing is judged",
    zh: "请写出依据该条款的规则，或在条文下加一行以“不可机器判定”开头的说明，写明为何不作判定",
  }),
});

export const workingDaysMixed = defineDiagnostic<{ operator: string }>({
  code: "R4016",
  severity: "error",
  message: ({ operator }) => ({
    en: `cannot combine working days with days, weeks, months, quarters or years using '${operator}'`,
    zh: `不能用“${operator}”组合工作日与天、周、月、季度或年`,
  }),
  hint: () => ({
    en: "a working day is a day of the calendar's working days, not a length of time: write both in working days",
    zh: "工作日按日历中的工作日计算，不是固定长度：请两边都用工作日表示",
  }),
});

export const unknownCalendar = defineDiagnostic<{ name: string; known: string }>({
  code: "R3023",
  severity: "error",
  message: ({ name, known }) => ({
    en: `unknown calendar '${name}'; the calendars there are: ${known}`,
    zh: `未知的日历“${name}”；可用的日历有：${known}`,
  }),
  hint: () => ({
    en: "a host can add calendars through the compile options",
    zh: "宿主程序可以通过编译选项提供其他日历",
  }),
});

export const unknownCollection = defineDiagnostic<{
  name: string;
  collections: string;
  collectionsZh: string;
}>({
  code: "R3024",
  severity: "error",
  message: ({ name }) => ({
    en: `unknown collection '${name}'`,
    zh: `未知的集合“${name}”`,
  }),
  hint: ({ name, collections, collectionsZh }) =>
    collections === ""
      ? {
          en: `'for each x in' takes a collection: declare it, e.g. \`collection ${name} { date: date }\`, with the fields its facts have`,
          zh: `“对于 每个 x 属于”之后是集合：请先声明它，例如“集合 ${name} { 日期: 日期 }”，写明其数据中的字段`,
        }
      : {
          en: `'for each x in' takes a collection; the collections are: ${collections}`,
          zh: `“对于 每个 x 属于”之后是集合；已声明的集合有：${collectionsZh}`,
        },
});

/** Every code above, for the catalogue and the documentation check. */
export const checkDiagnostics: readonly DiagnosticDefinition<never>[] = [
  moduleNotFound,
  importCycle,
  duplicateAlias,
  unknownName,
  unknownField,
  unknownFunction,
  unknownType,
  moduleAsValue,
  duplicateDeclaration,
  periodOutsideRecurring,
  ambiguousInverse,
  unusedParameter,
  wrongArgumentCount,
  referenceTargetNotCollection,
  badSinceField,
  notCallable,
  definitionNeedsArguments,
  duplicateField,
  duplicateClause,
  typeCycle,
  duplicateLocal,
  typeMismatch,
  operatorMismatch,
  unitMismatch,
  durationMeasureMismatch,
  notAnEnumValue,
  aggregateOverNonList,
  ifBranchMismatch,
  badRequirement,
  conditionNotBool,
  holderNotText,
  nonConstantDefault,
  defaultTypeMismatch,
  dateMinusDate,
  argumentMismatch,
  returnTypeMismatch,
  nonIntegerDuration,
  duplicateRuleId,
  missingCites,
  unknownClause,
  dutyWithoutHolder,
  dutyWithoutDeadline,
  prohibitionMismatch,
  levelsNotIncreasing,
  allWithoutCondition,
  recursiveDefinition,
  missingPolicyHeader,
  accountabilityWithoutAsAt,
  accountabilityWithoutCause,
  escalationWithoutStart,
  escalationWithoutLevels,
  duplicateLevel,
  badSubject,
  targetsAfterLastCause,
  parameterCycle,
  workingDaysWithoutCalendar,
  workingDaysMixed,
  unknownCalendar,
  clauseWithoutRules,
];
