/**
 * The R7xxx diagnostics: what json-rules-engine export refuses (R70xx) and import cannot read
 * (R71xx). Same shape as every other Remit diagnostic; see docs/json-rules-engine.md.
 */
import type { Diagnostic, Localized, Span } from "@remit/lang";

interface Definition {
  readonly code: string;
  readonly message: (arg: string) => Localized;
  readonly hint?: Localized;
}

function define(code: string, message: (arg: string) => Localized, hint?: Localized): Definition {
  return hint === undefined ? { code, message } : { code, message, hint };
}

export const exportCodes = {
  aggregate: define(
    "R7001",
    (op) => ({
      en: `the aggregate '${op}' cannot be exported to json-rules-engine`,
      zh: `聚合“${op}”无法导出为 json-rules-engine 规则`,
    }),
    {
      en: "json-rules-engine sees one subject at a time; keep the condition on the subject's own fields",
      zh: "json-rules-engine 每次只看一个对象；条件只能使用对象自身的字段",
    },
  ),
  reference: define(
    "R7002",
    (path) => ({
      en: `'${path}' reads beyond the subject and cannot be exported to json-rules-engine`,
      zh: `“${path}”读取了对象以外的数据，无法导出为 json-rules-engine 规则`,
    }),
    {
      en: "only the subject's own fields (and nested record fields) become facts",
      zh: "只有对象自身的字段（及嵌套记录字段）会成为事实",
    },
  ),
  recurring: define("R7003", (rule) => ({
    en: `the recurring deadline of '${rule}' cannot be exported to json-rules-engine`,
    zh: `“${rule}”的周期性期限无法导出为 json-rules-engine 规则`,
  })),
  arithmetic: define(
    "R7004",
    (text) => ({
      en: `the arithmetic '${text}' on facts cannot be exported to json-rules-engine`,
      zh: `对事实的运算“${text}”无法导出为 json-rules-engine 规则`,
    }),
    {
      en: "compare a field with a constant, another field, or a date plus a constant duration",
      zh: "请将字段与常量、其他字段或“日期加常量时长”比较",
    },
  ),
  call: define("R7005", (name) => ({
    en: `the call '${name}' cannot be exported to json-rules-engine`,
    zh: `调用“${name}”无法导出为 json-rules-engine 规则`,
  })),
  construct: define("R7006", (text) => ({
    en: `the expression '${text}' cannot be exported to json-rules-engine`,
    zh: `表达式“${text}”无法导出为 json-rules-engine 规则`,
  })),
  subject: define(
    "R7007",
    (text) => ({
      en: `the subject '${text}' cannot be exported to json-rules-engine`,
      zh: `对象“${text}”无法导出为 json-rules-engine 规则`,
    }),
    {
      en: "a rule exports when it iterates a collection or names a top-level record",
      zh: "规则须遍历一个集合或指定一个顶层记录才能导出",
    },
  ),
  factName: define("R7008", (name) => ({
    en: `the field '${name}' would shadow the fact 'asOf' in json-rules-engine`,
    zh: `字段“${name}”与 json-rules-engine 中的事实“asOf”重名`,
  })),
  asAt: define(
    "R7009",
    (text) => ({
      en: `the event date '${text}' cannot be exported to json-rules-engine`,
      zh: `事件日期“${text}”无法导出为 json-rules-engine 规则`,
    }),
    { en: "use a date field of the subject or a date literal", zh: "请使用对象的日期字段或日期常量" },
  ),
  param: define("R7010", (key) => ({
    en: `the value given for the parameter '${key}' does not fit its type`,
    zh: `参数“${key}”的取值与其类型不符`,
  })),
  hostFunction: define(
    "R7011",
    (name) => ({
      en: `the host function '${name}' runs only in the Remit engine and cannot be exported to json-rules-engine`,
      zh: `宿主函数“${name}”只在 Remit 引擎中运行，无法导出为 json-rules-engine 规则`,
    }),
    {
      en: "json-rules-engine knows only its own operators; evaluate this rule with the Remit engine",
      zh: "json-rules-engine 只认识它自己的运算符；请用 Remit 引擎评估这条规则",
    },
  ),
  workingDays: define(
    "R7012",
    (text) => ({
      en: `'${text}' counts working days or pauses on the policy's calendar and cannot be exported to json-rules-engine`,
      zh: `“${text}”按政策的日历计算工作日或扣除期间，无法导出为 json-rules-engine 规则`,
    }),
    {
      en: "json-rules-engine has no calendar; evaluate working-day deadlines, paused periods and rollover with the Remit engine",
      zh: "json-rules-engine 没有日历；工作日期限、扣除期间和顺延请用 Remit 引擎评估",
    },
  ),
} as const;

export const importCodes = {
  shape: define("R7101", (where) => ({
    en: `expected a json-rules-engine rule at ${where}`,
    zh: `${where} 处应为 json-rules-engine 规则`,
  })),
  operator: define(
    "R7102",
    (op) => ({
      en: `the operator '${op}' cannot be imported`,
      zh: `无法导入运算符“${op}”`,
    }),
    {
      en: "supported: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain",
      zh: "支持：equal、notEqual、lessThan、lessThanInclusive、greaterThan、greaterThanInclusive、in、notIn、contains、doesNotContain",
    },
  ),
  condition: define(
    "R7103",
    (where) => ({
      en: `the condition at ${where} cannot be imported`,
      zh: `无法导入 ${where} 处的条件`,
    }),
    {
      en: "conditions are all, any, not, or a fact compared with a constant",
      zh: "条件须为 all、any、not，或事实与常量的比较",
    },
  ),
  type: define("R7104", (fact) => ({
    en: `the fact '${fact}' is used with conflicting types`,
    zh: `事实“${fact}”的类型前后矛盾`,
  })),
  factName: define(
    "R7105",
    (fact) => ({
      en: `the fact name '${fact}' is not a valid field name`,
      zh: `事实名“${fact}”不是合法的字段名`,
    }),
    {
      en: "fact names become field names: a letter or '_', then letters, digits or '_'",
      zh: "事实名将成为字段名：以字母或“_”开头，后接字母、数字或“_”",
    },
  ),
} as const;

export function makeDiagnostic(definition: Definition, span: Span, arg: string): Diagnostic {
  return {
    code: definition.code,
    severity: "error",
    message: definition.message(arg),
    hint: definition.hint,
    span,
    suggestions: [],
    related: [],
  };
}
