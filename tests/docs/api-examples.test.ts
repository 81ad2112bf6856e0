/**
 * The `@example` of every public export of the published packages: found through the TypeScript
 * compiler (each package's entry points, as its manifest exports them), written to files, type
 * checked strictly as a user's project would be, and run. A `console.log(…); // text` line must
 * print `text`. Exports without an example yet are listed in api-examples-missing.json, which
 * may only shrink: a new export without an example fails, as does a listed one that gained one
 * (`UPDATE_API_EXAMPLES=1 pnpm vitest run tests/docs/api-examples.test.ts` rewrites the list).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const here = fileURLToPath(new URL("./", import.meta.url));
const published = [
  "lang",
  "engine",
  "app",
  "json-rules-engine",
  "testing",
  "server",
  "store",
  "lsp",
] as const;

interface Example {
  /** `@remit/engine/runtime.loadPolicy` */
  readonly name: string;
  readonly code: string;
}

/** Every entry point of the published packages: `@remit/engine` → packages/engine/src/index.ts. */
function entryPoints(): { readonly specifier: string; readonly file: string }[] {
  return published.flatMap((folder) => {
    const manifest = JSON.parse(readFileSync(join(root, "packages", folder, "package.json"), "utf8")) as {
      name: string;
      exports: Record<string, { source: string }>;
    };
    return Object.entries(manifest.exports).map(([subpath, target]) => ({
      specifier: subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
      file: join(root, "packages", folder, target.source),
    }));
  });
}

/** The ```ts blocks of a declaration's `@example` tags. */
function examplesOf(declaration: ts.Declaration): string[] {
  return ts
    .getJSDocTags(declaration)
    .filter((tag) => tag.tagName.text === "example")
    .flatMap((tag) => {
      const text =
        typeof tag.comment === "string" ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? "");
      return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    });
}

function collect(): { examples: Example[]; missing: string[] } {
  const entries = entryPoints();
  const program = ts.createProgram(
    entries.map((e) => e.file),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      customConditions: ["source"],
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    },
  );
  const checker = program.getTypeChecker();
  const examples: Example[] = [];
  const missing: string[] = [];
  for (const entry of entries) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry.file)!)!;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      // Values (functions, classes, constants); types are documented, their examples are their values'.
      if (!(symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable)))
        continue;
      const name = `${entry.specifier}.${exported.name}`;
      const codes = (symbol.declarations ?? []).flatMap(examplesOf);
      if (codes.length === 0) missing.push(name);
      for (const code of codes) examples.push({ name, code });
    }
  }
  return { examples, missing: missing.sort() };
}

const { examples, missing } = collect();
const folder = join(here, ".api-examples");
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
const files = examples.map((example, i) => {
  const file = join(
    folder,
    `${String(i).padStart(3, "0")}-${example.name.replace(/[^a-zA-Z0-9]+/g, "-")}.ts`,
  );
  writeFileSync(file, `${example.code}export {};\n`);
  return { ...example, file };
});

describe("API examples", () => {
  it("has an example for every public function, class and constant not listed as still missing one", () => {
    const listFile = join(here, "api-examples-missing.json");
    if (process.env["UPDATE_API_EXAMPLES"]) writeFileSync(listFile, `${JSON.stringify(missing, null, 2)}\n`);
    const listed = JSON.parse(readFileSync(listFile, "utf8")) as string[];
    expect(missing).toEqual(listed);
  });

  it("type-checks every example strictly, as a user's project would", () => {
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2023.d.ts"],
      types: ["node"],
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
    };
    const program = ts.createProgram(
      files.map((f) => f.file),
      options,
    );
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.slice(folder.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(problems).toEqual([]);
  }, 60_000);

  it.each(files.map((f) => [f.name, f] as const))(
    "%s runs and prints what it says",
    async (_, example) => {
      const expected = [...example.code.matchAll(/console\.log\(.*\);\s*\/\/ (.*)$/gm)].map((m) => m[1]);
      const printed: string[] = [];
      const log = vi.spyOn(console, "log").mockImplementation((...values: unknown[]) => {
        printed.push(format(...values));
      });
      try {
        await import(/* @vite-ignore */ example.file);
      } finally {
        log.mockRestore();
      }
      expect(printed).toEqual(expected);
    },
    60_000,
  );
});
