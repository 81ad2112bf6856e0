/** Scenario files on disk: the folder's `*.json` files and the fixtures their `base` names. */
import { existsSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { type BrokenScenario, isFixtureName, type Scenario, scenarioFromJson } from "./scenario.js";

/** The scenario files of a folder: `*.json`, sorted by name, not searched recursively. */
export function scenarioFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The fixture a scenario's `base` names: `<name>.json` in a `fixtures` folder inside the
 * scenarios folder or beside it. Undefined when there is none.
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
