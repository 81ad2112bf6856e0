import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { format, parse } from "@remit/lang";
import { stripParens, stripSpans } from "@remit/testing";
import { describe, expect, test } from "vitest";

const root = new URL("../../", import.meta.url).pathname;

function policyFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return policyFiles(path);
    return /\.remit(\.md)?$/.test(name) ? [path] : [];
  });
}

const files = ["policies", "examples"].flatMap((folder) => policyFiles(join(root, folder)));

describe("the policies and examples of the repository", () => {
  test("there are policies to format", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files.map((path) => [relative(root, path), path]))(
    "%s keeps its meaning and comments",
    (name, path) => {
      const text = readFileSync(path, "utf8");
      const once = format(text, name);
      expect(once.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const before = parse(text, name).module;
      const after = parse(once.text, name).module;
      expect(stripSpans(stripParens(after))).toEqual({
        ...stripSpans(stripParens(before)),
        comments: before.comments.map((comment) => ({ kind: "Comment", text: comment.text.trimEnd() })),
      });
      expect(format(once.text, name).text).toBe(once.text);
    },
  );

  test.each(files.map((path) => [relative(root, path), path]))(
    "%s translates to either keyword language",
    (name, path) => {
      const text = readFileSync(path, "utf8");
      const original = stripSpans(stripParens(parse(text, name).module.declarations));
      for (const keywords of ["en", "zh"] as const) {
        const translated = format(text, name, { keywords }).text;
        const parsed = parse(translated, name);
        expect(parsed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(stripSpans(stripParens(parsed.module.declarations))).toEqual(original);
        expect(format(translated, name).text).toBe(translated);
      }
    },
  );
});
