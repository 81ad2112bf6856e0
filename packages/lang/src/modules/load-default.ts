import { parse } from "../parse/index.js";
import type { SourceHost } from "./host.js";
import { type LoadedModules, loadModulesWith } from "./load.js";

/** Reads and parses `entry` and every module it imports, with the language's parser. */
export function loadModules(entry: string, host: SourceHost): LoadedModules {
  return loadModulesWith(parse, entry, host);
}
