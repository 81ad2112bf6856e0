/**
 * The registry of built-in functions and names: each entry declared once, with its spellings in
 * both languages, its signature in the checker's types, its json-rules-engine translation and its
 * docs line. The checker, the engine's expression compiler, the json-rules-engine exporter and the
 * docs tables (docs/language.md, docs/language.zh.md) all read it.
 *
 * Implementations live with the engine (its calendar arithmetic is the engine's own): the engine
 * fills one slot per `BuiltinFunction`, keyed exhaustively, so a new entry does not compile until
 * it is implemented. A host's own functions (`HostFunction`) carry their implementation with them.
 */
import type { Type } from "../check/model.js";
import { dateType, listType, noneType, numberType, textType } from "../check/types.js";

/** A text in both languages. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/**
 * What an argument must be: a type (the argument must be assignable to it, `none` always is), any
 * list (`"list"`), or anything at all (`"any"`).
 */
export type ParameterType = Type | "any" | "list";

export interface FunctionSignature {
  readonly parameters: readonly ParameterType[];
  readonly result: Type;
  /**
   * `none` in, `none` out: the result is `none` when any argument is, and the result type is
   * optional when any argument may be `none`. Otherwise the implementation receives `none` itself.
   */
  readonly propagatesNone: boolean;
}

/**
 * How the json-rules-engine exporter translates a call: folded to a constant when every argument
 * is one (the call itself cannot run inside json-rules-engine), or refused with the reason.
 */
export type JsonRulesEngineTranslation =
  | { readonly kind: "foldConstants" }
  | { readonly kind: "refuse"; readonly reason: Bilingual };

/** A function's line in the docs tables: its parameters' names and what it gives. */
export interface FunctionDocs {
  readonly parameters: readonly string[];
  readonly meaning: Bilingual;
}

/** A function a policy can call, built in or the host's. */
export interface FunctionDeclaration {
  /** The stable name: diagnostics and the engine know the function by it. */
  readonly name: string;
  readonly spellings: Bilingual;
  /** Counts on the policy's calendar: a policy calling it must name one in its header. */
  readonly needsCalendar?: boolean;
  readonly signature: FunctionSignature;
  readonly jsonRulesEngine: JsonRulesEngineTranslation;
  readonly docs: FunctionDocs;
}

/**
 * A value as a function's implementation sees it: `null` is `none`, a date is an epoch day (whole
 * days since 1970-01-01), a duration is `{ amount, unit }` with weeks in days and quarters and
 * years in months, an entity or record is its JSON object, a list is an array.
 */
export type RuntimeValue =
  | null
  | boolean
  | number
  | string
  | { readonly amount: number; readonly unit: "day" | "month" }
  | { readonly [key: string]: unknown }
  | readonly RuntimeValue[];

/**
 * A function the host adds through the compile options (`CheckOptions.functions`): checked by the
 * checker against its signature, run by the engine. Its implementation is called with the
 * arguments' values (never with `none` when the signature propagates it) and must not throw.
 * A calendar plugs its working-day functions in here, its implementation closing over its data.
 */
export interface HostFunction extends Omit<FunctionDeclaration, "jsonRulesEngine"> {
  readonly implementation: (args: readonly RuntimeValue[]) => RuntimeValue;
}

const integer = numberType(true, undefined);

/** A function of one date (none in, none out). */
function ofDate<const Name extends string>(
  name: Name,
  zh: string,
  result: Type,
  meaning: Bilingual,
): FunctionDeclaration & { readonly name: Name } {
  return {
    name,
    spellings: { en: name, zh },
    signature: { parameters: [dateType()], result, propagatesNone: true },
    jsonRulesEngine: { kind: "foldConstants" },
    docs: { parameters: ["d"], meaning },
  };
}

const day = dateType(true);

/** A choice between two dates: `none` is no date, so the other one is the answer. */
function ofTwoDates<const Name extends string>(
  name: Name,
  zh: string,
  meaning: Bilingual,
): FunctionDeclaration & { readonly name: Name } {
  return {
    name,
    spellings: { en: name, zh },
    signature: { parameters: [dateType(), dateType()], result: dateType(), propagatesNone: false },
    jsonRulesEngine: { kind: "foldConstants" },
    docs: { parameters: ["a", "b"], meaning },
  };
}

/**
 * The built-in functions, in the order the docs list them.
 * @example
 * ```ts
 * import { builtinFunctionDeclarations, displayType } from "@remit/lang";
 * const between = builtinFunctionDeclarations.find((f) => f.name === "daysBetween");
 * console.log(between?.spellings.zh, between?.docs.parameters.join(", ")); // 相隔天数 a, b
 * console.log(between && displayType(between.signature.result, "en")); // integer
 * ```
 */
export const builtinFunctionDeclarations = [
  {
    name: "daysBetween",
    spellings: { en: "daysBetween", zh: "相隔天数" },
    signature: { parameters: [dateType(), dateType()], result: integer, propagatesNone: true },
    jsonRulesEngine: { kind: "foldConstants" },
    docs: {
      parameters: ["a", "b"],
      meaning: { en: "whole days from `a` to `b`", zh: "从 `a` 到 `b` 相隔的整天数" },
    },
  },
  {
    name: "workingDaysBetween",
    spellings: { en: "workingDaysBetween", zh: "相隔工作日" },
    needsCalendar: true,
    signature: { parameters: [dateType(), dateType()], result: integer, propagatesNone: true },
    jsonRulesEngine: {
      kind: "refuse",
      reason: {
        en: "working days are counted on the policy's calendar, which json-rules-engine does not have",
        zh: "工作日按政策的日历计算，json-rules-engine 没有该日历",
      },
    },
    docs: {
      parameters: ["a", "b"],
      meaning: {
        en: "working days after `a` up to and including `b`, on the policy's calendar (negative when `b` is earlier)",
        zh: "按政策日历，`a` 之后至 `b`（含）的工作日数（`b` 较早时为负数）",
      },
    },
  },
  ofTwoDates("earlierOf", "较早者", {
    en: "the earlier of two dates; `none` only when both are (an extension with a cap)",
    zh: "两个日期中较早的一个；两者都为空时才为空（如有上限的延长）",
  }),
  ofTwoDates("laterOf", "较晚者", {
    en: "the later of two dates; `none` only when both are (a period restarted by a later event)",
    zh: "两个日期中较晚的一个；两者都为空时才为空（如因后一事件重新起算）",
  }),
  ofDate("year", "年份", integer, { en: "the year of a date", zh: "日期的年" }),
  ofDate("month", "月份", integer, { en: "the month of a date, 1 to 12", zh: "日期的月，1 到 12" }),
  ofDate("startOfMonth", "月初", day, { en: "the first day of the date's month", zh: "所在月的第一天" }),
  ofDate("endOfMonth", "月末", day, { en: "the last day of the date's month", zh: "所在月的最后一天" }),
  ofDate("startOfQuarter", "季初", day, {
    en: "the first day of the date's quarter",
    zh: "所在季度的第一天",
  }),
  ofDate("endOfQuarter", "季末", day, { en: "the last day of the date's quarter", zh: "所在季度的最后一天" }),
  ofDate("startOfYear", "年初", day, { en: "the first day of the date's year", zh: "所在年的第一天" }),
  ofDate("endOfYear", "年末", day, { en: "the last day of the date's year", zh: "所在年的最后一天" }),
  {
    name: "length",
    spellings: { en: "length", zh: "长度" },
    signature: { parameters: ["list"], result: integer, propagatesNone: false },
    jsonRulesEngine: { kind: "foldConstants" },
    docs: { parameters: ["xs"], meaning: { en: "number of elements of a list", zh: "列表中元素的个数" } },
  },
  {
    name: "text",
    spellings: { en: "text", zh: "文本化" },
    signature: { parameters: ["any"], result: textType, propagatesNone: true },
    jsonRulesEngine: { kind: "foldConstants" },
    docs: { parameters: ["x"], meaning: { en: "a value as text", zh: "把一个值写成文本" } },
  },
] as const satisfies readonly FunctionDeclaration[];

/** The name of a built-in function. */
export type BuiltinFunction = (typeof builtinFunctionDeclarations)[number]["name"];

/**
 * The built-in functions by name.
 * @example
 * ```ts
 * import { builtinFunctionsByName } from "@remit/lang";
 * const endOfQuarter = builtinFunctionsByName.get("endOfQuarter");
 * console.log(endOfQuarter?.spellings.zh, endOfQuarter?.docs.meaning.en); // 季末 the last day of the date's quarter
 * ```
 */
export const builtinFunctionsByName: ReadonlyMap<BuiltinFunction, FunctionDeclaration> = new Map(
  builtinFunctionDeclarations.map((f): [BuiltinFunction, FunctionDeclaration] => [f.name, f]),
);

/** The type shown for a parameter in a mismatch diagnostic. */
export function displayedParameterType(parameter: ParameterType): Type {
  if (parameter === "any") return noneType;
  return parameter === "list" ? listType(noneType) : parameter;
}

/** A built-in name that is not a function: `asOf`, `period`. */
export interface NameDeclaration {
  readonly name: "asOf" | "period";
  readonly spellings: Bilingual;
  readonly docs: Bilingual;
}

/**
 * @example
 * ```ts
 * import { builtinNameDeclarations } from "@remit/lang";
 * console.log(builtinNameDeclarations.map((n) => `${n.spellings.en}/${n.spellings.zh}`).join(" ")); // asOf/评估日 period/周期
 * ```
 */
export const builtinNameDeclarations: readonly NameDeclaration[] = [
  {
    name: "asOf",
    spellings: { en: "asOf", zh: "评估日" },
    docs: {
      en: "the as-at date: the evaluation date, or the event's date inside an accountability rule",
      zh: "“截至”日期：平时是评估日期；在问责规则里是事件发生的日期",
    },
  },
  {
    name: "period",
    spellings: { en: "period", zh: "周期" },
    docs: {
      en: "the period being judged, in a recurring duty; `period.start`, `period.end` (`.开始`, `.结束`)",
      zh: "周期性职责中正在评判的周期；`周期.开始`、`周期.结束`（英文 `period.start`、`period.end`）",
    },
  },
];

/** The members of `period`: `period.start` / `period.开始`, `period.end` / `period.结束`. */
export const periodMemberDeclarations: readonly {
  readonly name: "start" | "end";
  readonly spellings: Bilingual;
}[] = [
  { name: "start", spellings: { en: "start", zh: "开始" } },
  { name: "end", spellings: { en: "end", zh: "结束" } },
];
