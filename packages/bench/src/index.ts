export { type CountySize, countySize, generateCounty } from "./county.js";
export { deadlinePolicy, generateRequests, type Requests } from "./deadlines.js";
export { handwrittenEvaluate, handwrittenRules } from "./handwritten.js";
export { loadZiyuanPolicy, type PolicyFiles } from "./policy.js";
export { Random } from "./random.js";
