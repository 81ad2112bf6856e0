import { parse } from "../parse/index.js";
import type { SourceHost } from "./host.js";
import { type LoadedModules, loadModulesWith } from "./load.js";

/**
 * Reads and parses `entry` and every module it imports, with the language's parser.
 * @example
 * ```ts
 * import { loadModules, memoryHost } from "@remit/lang";
 * const host = memoryHost({
 *   "p/policy.remit": 'policy "P"\nimport "lib/units.remit" as units\n',
 *   "p/lib/units.remit": 'clause 1 "units"\n',
 * });
 * const loaded = loadModules("p/policy.remit", host);
 * console.log(loaded.modules.map((m) => m.file).join(" "), loaded.diagnostics.length); // p/policy.remit p/lib/units.remit 0
 * const broken = loadModules("p/policy.remit", memoryHost({ "p/policy.remit": 'policy "P"\nimport "gone.remit" as gone\n' }));
 * console.log(broken.diagnostics.map((d) => `${d.code} ${d.message.en}`).join()); // R3001 cannot find module 'p/gone.remit'
 * ```
 */
export function loadModules(entry: string, host: SourceHost): LoadedModules {
  return loadModulesWith(parse, entry, host);
}
