export {
  dirname,
  entryFileNames,
  findEntry,
  memoryHost,
  normalizePath,
  relativePath,
  resolveRelative,
  type SourceHost,
} from "./host.js";
export { fileStartSpan, type LoadedModules, loadModulesWith, type ParseFunction } from "./load.js";
export { loadModules } from "./load-default.js";
