export {
  type SourceHost,
  dirname,
  entryFileNames,
  findEntry,
  memoryHost,
  normalizePath,
  resolveRelative,
} from "./host.js";
export { type LoadedModules, type ParseFunction, fileStartSpan, loadModulesWith } from "./load.js";
export { loadModules } from "./load-default.js";
