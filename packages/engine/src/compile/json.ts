import { assertNever, type Type } from "@remit/lang";
import { formatIsoDate, type Period } from "../calendar/index.js";
import type { JsonValue } from "../result.js";
import { type Duration, type FactObject, formatDuration, type Value } from "./values.js";

/** Turns a runtime value of a known type into JSON for results and explanations. */
export function jsonOf(type: Type): (value: Value) => JsonValue {
  switch (type.kind) {
    case "optional":
      return jsonOf(type.inner);
    case "date":
      return (v) => (v === null ? null : formatIsoDate(v as number));
    case "duration":
      return (v) => (v === null ? null : formatDuration(v as Duration));
    case "period":
      return (v) => (v === null ? null : (v as Period).label);
    case "entity":
      return (v) => (v === null ? null : String((v as FactObject).id));
    case "list": {
      const element = jsonOf(type.element);
      return (v) => (v === null ? null : (v as readonly Value[]).map(element));
    }
    case "text":
    case "number":
    case "bool":
    case "enum":
    case "record":
    case "none":
    case "error":
      return (v) => (v === undefined ? null : (v as JsonValue));
    default:
      return assertNever(type, "type");
  }
}
