export { type BuiltinImplementation, builtinImplementations, type Implementation } from "./builtins.js";
export { Data } from "./data.js";
export { addDuration, type CalendarState, countBetween, noCalendar } from "./durations.js";
export {
  type Compiled,
  type Context,
  ExpressionCompiler,
  existsAsAt,
  stripType,
  textOf,
  valuesEqual,
} from "./expr.js";
export { sha256Hex } from "./hash.js";
export { jsonOf } from "./json.js";
export {
  type Duration,
  durationOf,
  type FactObject,
  formatDuration,
  parseDuration,
  type Value,
} from "./values.js";
