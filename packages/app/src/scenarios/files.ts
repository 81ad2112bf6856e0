/** Scenario files on disk: the folder's `*.json` files and the fixtures their `base` names. */
import { existsSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { type BrokenScenario, isFixtureName, type Scenario, scenarioFromJson } from "./scenario.js";

/**
 * The scenario files of a folder: `*.json`, sorted by name, not searched recursively.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { scenarioFiles } from "@remit/app";
 * const folder = mkdtempSync(join(tmpdir(), "remit-"));
 * for (const name of ["late.json", "early.json", "README.md"]) writeFileSync(join(folder, name), "{}");
 * console.log(scenarioFiles(folder)); // [ 'early.json', 'late.json' ]
 * ```
 */
export function scenarioFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The fixture a scenario's `base` names: `<name>.json` in a `fixtures` folder inside the
 * scenarios folder or beside it. Undefined when there is none.
 * @example
 * ```ts
 * import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join, relative } from "node:path";
 * import { fixturePath } from "@remit/app";
 * const policy = mkdtempSync(join(tmpdir(), "remit-"));
 * mkdirSync(join(policy, "scenarios"));
 * mkdirSync(join(policy, "fixtures"));
 * writeFileSync(join(policy, "fixtures", "base.json"), "{}");
 * const found = fixturePath(join(policy, "scenarios"), "base");
 * console.log(found === undefined ? found : relative(policy, found)); // fixtures/base.json
 * console.log(fixturePath(join(policy, "scenarios"), "../fixtures/base")); // undefined
 * ```
 */
export function fixturePath(scenariosFolder: string, name: string): string | undefined {
  if (!isFixtureName(name)) return undefined;
  const candidates = [
    path.join(scenariosFolder, "fixtures", `${name}.json`),
    path.join(scenariosFolder, "..", "fixtures", `${name}.json`),
  ];
  return candidates.find((file) => existsSync(file));
}

/**
 * A scenario from its parsed file, its fixture found on disk by `fixturePath` and read with
 * `readFixture` (by absolute path).
 * @example
 * ```ts
 * import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { toScenario } from "@remit/app";
 * const scenarios = join(mkdtempSync(join(tmpdir(), "remit-")), "scenarios");
 * mkdirSync(join(scenarios, "fixtures"), { recursive: true });
 * writeFileSync(join(scenarios, "fixtures", "base.json"), '{"county":"Ziyuan"}');
 * const raw = { asOf: "2026-10-20", facts: { hazards: [] } };
 * const scenario = toScenario("empty", raw, scenarios, (file) => JSON.parse(readFileSync(file, "utf8")));
 * console.log("facts" in scenario ? JSON.stringify(scenario.facts) : scenario.problem.en); // {"county":"Ziyuan","hazards":[],"asOf":"2026-10-20"}
 * ```
 */
export function toScenario(
  id: string,
  raw: unknown,
  scenariosFolder: string,
  readFixture: (file: string) => unknown,
): Scenario | BrokenScenario {
  return scenarioFromJson(id, raw, (name) => {
    const file = fixturePath(scenariosFolder, name);
    return file === undefined ? undefined : readFixture(file);
  });
}
