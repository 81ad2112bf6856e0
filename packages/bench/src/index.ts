export { type CountySize, countySize, generateCounty } from "./county.js";
export { handwrittenEvaluate, handwrittenRules } from "./handwritten.js";
export { loadZiyuanPolicy, type PolicyFiles } from "./policy.js";
export { Random } from "./random.js";
