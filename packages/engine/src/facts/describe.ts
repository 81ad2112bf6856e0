import type { Localized, Type } from "@remit/lang";

/** What a value of a type looks like in a facts document, in both languages. */
export function describeType(type: Type): Localized {
  switch (type.kind) {
    case "text":
      return { en: "text", zh: "文本" };
    case "number":
      return type.integer ? { en: "an integer", zh: "整数" } : { en: "a number", zh: "数字" };
    case "bool":
      return { en: "true or false", zh: "布尔值（true 或 false）" };
    case "date":
      return { en: "a date YYYY-MM-DD", zh: "日期（YYYY-MM-DD）" };
    case "duration":
      return { en: 'a duration such as "15 days" or a number of days', zh: '时长（如 "15 days"，或天数）' };
    case "enum": {
      const values = type.values.map((v) => `"${v}"`).join(", ");
      return { en: `one of ${values}`, zh: `以下之一：${values}` };
    }
    case "list": {
      const element = describeType(type.element);
      return { en: `a list of ${element.en}`, zh: `${element.zh}的列表` };
    }
    case "optional": {
      const inner = describeType(type.inner);
      return { en: `${inner.en} or null`, zh: `${inner.zh}或 null` };
    }
    case "record":
      return { en: "an object", zh: "对象" };
    case "entity":
      return { en: `the id of an element of "${type.collection}"`, zh: `“${type.collection}”中元素的 id` };
    case "period":
      return { en: "a period", zh: "周期" };
    case "none":
      return { en: "null", zh: "null" };
    case "error":
      return { en: "a value", zh: "值" };
  }
}

/** A JSON path in the facts document: `hazards[0].venueId`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text === "" ? "$" : text;
}
