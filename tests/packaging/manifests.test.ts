/**
 * The packaging conventions, checked on every folder under packages/ so that a package added
 * later that misses one fails here: what a published manifest must say, and builds that leave
 * tests out of dist while tsconfig.test.json type-checks them. `pnpm pack:check` then checks the
 * packed tarballs themselves.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const readText = (path: string): string => readFileSync(new URL(path, root), "utf8");
const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readText(path)) as Record<string, unknown>;
/** tsconfig files may hold comments. */
const readJsonc = (path: string): Record<string, unknown> =>
  JSON.parse(readText(path).replace(/^\s*\/\/.*$/gm, "")) as Record<string, unknown>;

const folders = readdirSync(new URL("packages/", root), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(new URL(`packages/${entry.name}/package.json`, root)))
  .map((entry) => entry.name);
const rootEngines = readJson("package.json").engines;

/** What every published package ships: its build and its sources (for the maps), no tests. */
const publishedFiles = ["dist", "src", "!**/*.test.*", "!**/testing", "!**/testdata", "!dist/.tsbuildinfo"];

type Exports = Record<string, Record<string, string>>;

/** The exports a consumer sees: the workspace's `source` condition removed. */
function withoutSource(exports: Exports): Exports {
  return Object.fromEntries(
    Object.entries(exports).map(([path, conditions]) => [
      path,
      Object.fromEntries(Object.entries(conditions).filter(([condition]) => condition !== "source")),
    ]),
  );
}

it("finds the packages", () => {
  expect(folders).toEqual(
    expect.arrayContaining([
      "lang",
      "engine",
      "app",
      "cli",
      "server",
      "store",
      "lsp",
      "json-rules-engine",
      "testing",
      "vscode",
    ]),
  );
});

it("asks for a Node that can require() ES modules, at the root too", () => {
  expect(rootEngines).toEqual({ node: ">=20.19" });
});

for (const folder of folders) {
  const manifest = readJson(`packages/${folder}/package.json`);
  describe(`packages/${folder}`, () => {
    const compiledByTsc = existsSync(new URL(`packages/${folder}/tsconfig.json`, root));
    // Only what applies to the package is declared: a private package is not published.
    if (compiledByTsc)
      it("is built by tsconfig.package.json (tests left out) and type-checks its tests", () => {
        expect(readJsonc(`packages/${folder}/tsconfig.json`).extends).toBe("../../tsconfig.package.json");
        const tests = readJsonc(`packages/${folder}/tsconfig.test.json`);
        expect(tests.include).toEqual(["src"]);
        expect((tests.compilerOptions as Record<string, unknown>).noEmit).toBe(true);
      });

    it("has an MIT licence file matching its license field", () => {
      expect(manifest.license).toBe("MIT");
      expect(readText(`packages/${folder}/LICENSE`)).toBe(readText("LICENSE"));
    });

    if (manifest.private !== true)
      it("has the fields a published package needs", () => {
        expect(typeof manifest.description).toBe("string");
        expect((manifest.description as string).length).toBeGreaterThan(20);
        expect(Array.isArray(manifest.keywords) && manifest.keywords.length > 0).toBe(true);
        expect(manifest.repository).toEqual({ type: "git", directory: `packages/${folder}` });
        expect(manifest.engines).toEqual(rootEngines);
        expect(manifest.type).toBe("module");
        expect(manifest.sideEffects === false || Array.isArray(manifest.sideEffects)).toBe(true);
        expect(manifest.files).toEqual(publishedFiles);
        expect(existsSync(new URL(`packages/${folder}/README.md`, root))).toBe(true);
      });

    if (manifest.private !== true)
      it("publishes its exports without the workspace's source condition", () => {
        const exports = manifest.exports as Exports;
        for (const conditions of Object.values(exports)) expect(Object.keys(conditions)[0]).toBe("source");
        expect((manifest.publishConfig as { exports: Exports }).exports).toEqual(withoutSource(exports));
      });
  });
}
