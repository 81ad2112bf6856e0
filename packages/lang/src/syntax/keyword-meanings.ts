/**
 * What each keyword means, in both languages: the editor's hover and the playground show it, and
 * `pnpm --filter @remit/lang gen:docs` writes it into the keyword tables of docs/language.md and
 * docs/language.zh.md (a test fails when they differ). Keyed by
 * the keyword's token type name, so a keyword added to the table without a meaning does not
 * compile.
 */
import type { Localized } from "../diagnostics/diagnostic.js";
import type { KeywordName } from "./keywords.js";

function m(en: string, zh: string): Localized {
  return { en, zh };
}

/**
 * @example
 * ```ts
 * import { keywordMeanings } from "@remit/lang";
 * console.log(keywordMeanings.Must.en); // modality: an obligation ("shall"); 应当, 应 and 须 mean the same as 必须
 * console.log(keywordMeanings.Holder.zh); // 由谁办理：职责的责任主体
 * ```
 */
export const keywordMeanings: { readonly [Name in KeywordName]: Localized } = {
  Policy: m("header: the policy's name; the policy starts here", "政策头：政策的名称，政策从这里开始"),
  Import: m(
    'imports a module by its path, under an alias (`import "./standard.remit" as std`)',
    '按路径导入模块并给它一个别名（`导入 "./standard.remit" 作为 标准`）',
  ),
  Clause: m(
    "declares a clause of the source document: its number, title and text",
    "声明原文的一个条款：编号、标题和原文",
  ),
  Param: m(
    "declares a parameter: a named value with a default that can be overridden at evaluation",
    "声明参数：有默认值、评估时可按名称覆盖的值",
  ),
  Type: m("declares a named type", "声明命名类型"),
  Collection: m("declares a collection: a top-level array of the facts", "声明集合：事实数据中的顶层数组"),
  Record: m(
    "declares a record: a top-level object of the facts; also a record type",
    "声明记录：事实数据中的顶层对象；也用作记录类型",
  ),
  Define: m("declares a named definition (a value or a function)", "声明命名定义（一个值或一个函数）"),
  Duty: m("declares a duty rule: who must do what by when", "声明职责规则：谁在何时之前必须做什么"),
  Escalation: m(
    "declares an escalation rule: a matter moves up a level as time passes",
    "声明升级规则：事项随时间推移逐级上升",
  ),
  Accountability: m(
    "declares an accountability rule: who is held to account when an event happens",
    "声明问责规则：事件发生时追究谁的责任",
  ),
  Version: m("header: the policy's version", "政策头：政策的版本"),
  Source: m("header: the document number the policy comes from", "政策头：政策所依据文件的文号"),
  Effective: m("header: the date the policy takes effect", "政策头：政策的生效日期"),
  Calendar: m("header: the calendar working days are counted on", "政策头：计算工作日所依据的日历"),
  RollOver: m(
    "header: a last day that is a day off moves to the next working day",
    "政策头：期间最后一日是休息日的，顺延至下一个工作日",
  ),
  Warning: m("header: how long before a deadline a duty is due soon", "政策头：临期预警的天数窗口"),
  Group: m(
    "header: the collection findings are grouped by (`group by townships`)",
    "政策头：按哪个集合给结果分组（`分组 乡镇`）",
  ),
  Others: m("header: the name of the findings in no group", "政策头：不属于任何分组的结果叫什么"),
  Readers: m(
    "header: the language the policy's readers use (reports follow it unless `--lang` says otherwise; default: the language of the `policy` keyword)",
    "政策头：读者使用的语言（报告默认用它，`--lang` 可改；不写时取 `政策` 关键字的语言）",
  ),
  English: m("after `readers`: English", "用在 `读者` 之后：英文"),
  Chinese: m("after `readers`: Chinese", "用在 `读者` 之后：中文"),
  As: m("an import's alias; a reference's navigation name", "导入时的别名；引用字段的导航名"),
  ClauseText: m("a clause's text, after its title", "条款标题之后的条款原文"),
  Since: m("the field that gives the date a collection's element exists from", "集合元素从哪一天起存在"),
  Named: m(
    "the field path that names a collection's elements for people (`named venue.name`)",
    "给人看的元素名称取自哪个字段（`称为 所在场所.名称`）",
  ),
  Let: m("a local name in a rule", "规则内的局部名称"),
  Must: m(
    'modality: an obligation ("shall"); 应当, 应 and 须 mean the same as 必须',
    "约束程度：义务（“应当”“应”“须”同“必须”）",
  ),
  MustNot: m("modality: a prohibition (`must not`)", "约束程度：禁止性规定"),
  Should: m(
    "modality: advisory; a goal not met is a gap, not a violation",
    "约束程度：争取的目标，未达成记为差距，不作违规",
  ),
  May: m("modality: permitted; a duty not met is advisory", "约束程度：可以做，未做只作提示"),
  Cites: m("the clauses a rule is based on", "规则所依据的条款"),
  For: m("starts a rule's subject (`for each x in xs`)", "规则对象的开头（`对于 每个 x 属于 xs`）"),
  Each: m("a rule's subject: one finding for each element", "规则对象：每个元素各得一项结果"),
  In: m("a rule's subject, an aggregate's range, membership", "规则对象、汇总的范围、属于判断"),
  Where: m("a filter", "筛选条件"),
  Holder: m("who must act: a duty's holder", "由谁办理：职责的责任主体"),
  Requires: m("what a duty requires (met when it holds)", "职责的要求（成立即为已履行）"),
  Forbids: m("what a prohibition forbids", "禁止性规定所禁止的事项"),
  By: m("a fixed deadline", "固定期限"),
  Within: m("a relative deadline: within a duration of a date", "相对期限：自某日起若干时间以内"),
  Of: m("the date a relative deadline counts from", "相对期限的起算日期"),
  Every: m("a recurring deadline (`every quarter`)", "周期性期限（`每季度`）"),
  EveryWeek: m("a recurring deadline: every week", "周期性期限：每周"),
  EveryMonth: m("a recurring deadline: every month", "周期性期限：每月"),
  EveryQuarter: m("a recurring deadline: every quarter", "周期性期限：每季度"),
  EveryHalfYear: m("a recurring deadline: every half year", "周期性期限：每半年"),
  EveryYear: m("a recurring deadline: every year", "周期性期限：每年"),
  Half: m("`every half year`: a half-yearly deadline", "`every half year`：每半年的期限"),
  PeriodEnd: m("a recurring deadline after the period's end", "周期终了后若干日内"),
  From: m("the start of a recurrence", "周期的起点"),
  Until: m("the end of a recurrence", "周期的终点"),
  Starts: m("the date an escalation starts from", "升级的起算日期"),
  Level: m("one level of an escalation", "升级的一级"),
  After: m(
    "an escalation's threshold (time since its start); `overdue after`",
    "升级门槛（自起算日起经过的时间）；`逾期 超过`",
  ),
  When: m("a condition (of a level, of a cause)", "条件（级别、原因）"),
  Closes: m("an escalation's closing date or condition", "升级事项的办结日期或办结条件"),
  Overdue: m("past this date and not closed, one level up", "过了这一天仍未办结，升高一级"),
  At: m("`as at`: accountability judged as at the event's date", "`as at`：按事件发生当日的情况判断"),
  AsAt: m("accountability: judge as at the event's date", "问责：按事件发生当日的情况判断"),
  Cause: m("an accountability's cause", "问责原因"),
  Targets: m("who is held to account", "被问责的单位或个人"),
  And: m("boolean and", "逻辑与"),
  Or: m("boolean or", "逻辑或"),
  Not: m("boolean not; after `must`, a prohibition", "逻辑非；用在 `must` 之后表示禁止"),
  Is: m("`is set` / `is missing`: a null test", "`is set` / `is missing`：空值判断"),
  Set: m("`is set`: the value is present", "`is set`：有值"),
  Missing: m("`is missing`: the value is absent", "`is missing`：缺失"),
  IsSet: m("a null test: the value is present", "空值判断：有值"),
  IsMissing: m("a null test: the value is absent", "空值判断：缺失"),
  If: m("a conditional expression", "条件表达式"),
  Then: m("a conditional's value when its condition holds", "条件成立时的值"),
  Else: m("a conditional's value otherwise", "条件不成立时的值"),
  True: m("the boolean true", "布尔值：真"),
  False: m("the boolean false", "布尔值：假"),
  None: m("the absent value", "空值"),
  Count: m("aggregate: how many elements", "汇总：元素个数"),
  Any: m("aggregate: whether some element satisfies a condition", "汇总：是否存在满足条件的元素"),
  All: m("aggregate: whether every element satisfies a condition", "汇总：是否全部元素都满足条件"),
  Sum: m("aggregate: the sum", "汇总：求和"),
  Min: m("aggregate: the smallest value", "汇总：最小值"),
  Max: m("aggregate: the largest value", "汇总：最大值"),
  Latest: m("aggregate: the latest date", "汇总：最近的日期"),
  Earliest: m("aggregate: the earliest date", "汇总：最早的日期"),
  TextType: m("type: text (in English also a clause's text)", "类型：文本"),
  Integer: m("type: a whole number", "类型：整数"),
  Decimal: m("type: a decimal number", "类型：小数"),
  Bool: m("type: true or false", "类型：布尔值（真或假）"),
  DateType: m("type: a calendar date", "类型：日期"),
  Duration: m("type: a length of time", "类型：时长"),
  Enum: m("type constructor: one of the listed values", "类型构造：列出的值之一"),
  List: m("type constructor: a list", "类型构造：列表"),
  Optional: m("type constructor: the value may be absent", "类型构造：值可以缺省"),
  Planned: m("type constructor: a planned date", "类型构造：计划日期"),
  Day: m("duration unit: days", "时长单位：天"),
  Week: m("duration unit: weeks (7 days)", "时长单位：周（7 天）"),
  Month: m("duration unit: calendar months", "时长单位：个月"),
  Quarter: m("duration unit: quarters (3 months)", "时长单位：个季度（3 个月）"),
  Year: m("duration unit: years (12 months)", "时长单位：年（12 个月）"),
  WorkingDay: m(
    "duration unit: working days, on the policy's calendar",
    "时长单位：工作日，按政策的日历计算",
  ),
  Working: m(
    "`working days`: days counted on the policy's calendar",
    "`working days`：按政策的日历计算的工作日",
  ),
  Excluding: m("a paused interval of a `within` deadline", "相对期限中不计算在内的期间"),
  To: m("the end of a paused interval", "不计算在内的期间的终点"),
};
