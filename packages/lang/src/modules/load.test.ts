import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Import, Module, Span } from "../syntax/ast.js";
import { findEntry, memoryHost, normalizePath, resolveRelative } from "./host.js";
import { loadModulesWith, type ParseFunction } from "./load.js";

/**
 * The loader only reads a module's imports, so these tests use a stand-in parser that understands
 * `import "path" as alias` lines and nothing else; spans are real positions in the text.
 */
const importsOnly: ParseFunction = (text, file) => {
  const imports: Import[] = [];
  let offset = 0;
  text.split("\n").forEach((line, index) => {
    const match = /^import "([^"]*)" as (\S+)/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      const pathStart = offset + line.indexOf('"');
      const span = (start: number, length: number): Span => ({
        file,
        start: { offset: start, line: index + 1, column: start - offset + 1 },
        end: { offset: start + length, line: index + 1, column: start - offset + length + 1 },
      });
      imports.push({
        kind: "Import",
        path: { kind: "StringLiteral", value: match[1], span: span(pathStart, match[1].length + 2) },
        alias: {
          kind: "Identifier",
          name: match[2],
          span: span(offset + line.lastIndexOf(match[2]), match[2].length),
        },
        span: span(offset, line.length),
      });
    }
    offset += line.length + 1;
  });
  const module: Module = {
    kind: "Module",
    file,
    header: undefined,
    imports,
    declarations: [],
    comments: [],
    span: {
      file,
      start: { offset: 0, line: 1, column: 1 },
      end: { offset: text.length, line: 1, column: 1 },
    },
  };
  return { module, diagnostics: [] };
};

describe("paths", () => {
  it("normalises dot segments and repeated slashes", () => {
    expect(normalizePath("a/./b//c/../d.remit")).toBe("a/b/d.remit");
    expect(normalizePath("/x/../../y")).toBe("/y");
    expect(normalizePath("../a/../../b")).toBe("../../b");
    expect(resolveRelative("policy/main.remit", "../standards/gbt.remit")).toBe("standards/gbt.remit");
    expect(resolveRelative("main.remit", "./lib.remit")).toBe("lib.remit");
  });

  it("normalising is idempotent and never leaves '.' or '' segments", () => {
    const segment = fc.constantFrom("a", "b", "标准", ".", "..", "");
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.boolean(), (segments, absolute) => {
        const path = (absolute ? "/" : "") + segments.join("/");
        const once = normalizePath(path);
        expect(normalizePath(once)).toBe(once);
        const inner = once.replace(/^\//, "").split("/");
        if (once !== "." && once !== "/") expect(inner.filter((s) => s === "." || s === "")).toEqual([]);
      }),
    );
  });

  it("finds the policy folder's entry, literate first", () => {
    expect(findEntry(["standard.remit", "policy.remit", "policy.remit.md"])).toBe("policy.remit.md");
    expect(findEntry(["dir/policy.remit", "dir/x.remit"])).toBe("dir/policy.remit");
    expect(findEntry(["main.remit"])).toBeUndefined();
  });
});

describe("loadModules", () => {
  it("follows imports by relative path, entry first, and records aliases", () => {
    const host = memoryHost({
      "p/policy.remit": 'import "../std/gbt.remit" as gbt\nimport "./local.remit" as 本地\n',
      "std/gbt.remit": 'import "./units.remit" as u\n',
      "std/units.remit": "",
      "p/local.remit": 'import "../std/units.remit" as u\n',
    });
    const loaded = loadModulesWith(importsOnly, "p/policy.remit", host);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.modules.map((m) => m.file)).toEqual([
      "p/policy.remit",
      "std/gbt.remit",
      "std/units.remit",
      "p/local.remit",
    ]);
    expect([...(loaded.aliases.get("p/policy.remit") ?? [])]).toEqual([
      ["gbt", "std/gbt.remit"],
      ["本地", "p/local.remit"],
    ]);
    expect(loaded.aliases.get("p/local.remit")?.get("u")).toBe("std/units.remit");
    expect([...loaded.sources.keys()].sort()).toEqual(
      ["p/local.remit", "p/policy.remit", "std/gbt.remit", "std/units.remit"].sort(),
    );
  });

  it("reports a missing file at the import's path", () => {
    const host = memoryHost({ "policy.remit": 'import "./gone.remit" as gone\n' });
    const loaded = loadModulesWith(importsOnly, "policy.remit", host);
    expect(loaded.diagnostics).toHaveLength(1);
    const [missing] = loaded.diagnostics;
    expect(missing?.code).toBe("R3001");
    expect(missing?.message.en).toBe("cannot find module 'gone.remit'");
    expect(missing?.message.zh).toBe("找不到模块“gone.remit”");
    expect(missing?.span.start).toEqual({ offset: 7, line: 1, column: 8 });
    expect(loaded.aliases.get("policy.remit")?.get("gone")).toBe("gone.remit");
  });

  it("reports a missing entry at the start of the file", () => {
    const loaded = loadModulesWith(importsOnly, "nowhere.remit", memoryHost({}));
    expect(loaded.modules).toEqual([]);
    expect(loaded.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([
      ["R3001", 1, 1],
    ]);
  });

  it("spells out a three-module cycle once, at the import that closes it", () => {
    const host = memoryHost({
      "a.remit": 'import "./b.remit" as b\n',
      "b.remit": 'import "./c.remit" as c\n',
      "c.remit": '# c\nimport "./a.remit" as a\n',
    });
    const loaded = loadModulesWith(importsOnly, "a.remit", host);
    expect(loaded.modules.map((m) => m.file)).toEqual(["a.remit", "b.remit", "c.remit"]);
    expect(loaded.diagnostics).toHaveLength(1);
    const [cycle] = loaded.diagnostics;
    expect(cycle?.code).toBe("R3002");
    expect(cycle?.message.en).toBe("import cycle: 'a.remit' -> 'b.remit' -> 'c.remit' -> 'a.remit'");
    expect(cycle?.message.zh).toBe("模块循环导入：'a.remit' -> 'b.remit' -> 'c.remit' -> 'a.remit'");
    expect(cycle?.span.file).toBe("c.remit");
    expect([cycle?.span.start.line, cycle?.span.start.column]).toEqual([2, 8]);
  });

  it("reports a module importing itself", () => {
    const loaded = loadModulesWith(
      importsOnly,
      "a.remit",
      memoryHost({ "a.remit": 'import "a.remit" as me\n' }),
    );
    expect(loaded.diagnostics.map((d) => d.message.en)).toEqual(["import cycle: 'a.remit' -> 'a.remit'"]);
  });

  it("reads a module imported twice (a diamond) once, without a cycle", () => {
    const host = memoryHost({
      "a.remit": 'import "./b.remit" as b\nimport "./c.remit" as c\n',
      "b.remit": 'import "./d.remit" as d\n',
      "c.remit": 'import "./d.remit" as d\n',
      "d.remit": "",
    });
    const loaded = loadModulesWith(importsOnly, "a.remit", host);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.modules.map((m) => m.file)).toEqual(["a.remit", "b.remit", "d.remit", "c.remit"]);
  });
});
