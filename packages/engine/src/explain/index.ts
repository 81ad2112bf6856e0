export {
  type ConditionCapture,
  captureCondition,
  captureOperands,
  explainCondition,
  type SourceText,
  topLevelOperands,
} from "./capture.js";
export { renderExplanation } from "./render.js";
