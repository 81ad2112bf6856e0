import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { createNodeSourceHost, isPolicySource } from "@remit/app";
import { beforeEach, describe, expect, it } from "vitest";
import { UsageError } from "./args.js";
import { collectSources, policyEntry } from "./files.js";

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "remit-files-"));
});

function put(file: string, text = ""): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

describe("policyEntry", () => {
  it("prefers policy.remit.md, then policy.remit, in a folder", () => {
    put("a/policy.remit");
    expect(policyEntry(root, "a")).toBe("a/policy.remit");
    put("a/policy.remit.md");
    expect(policyEntry(root, "a")).toBe("a/policy.remit.md");
  });

  it("takes a file as it is and rejects what does not exist", () => {
    put("x.remit");
    expect(policyEntry(root, "x.remit")).toBe("x.remit");
    expect(() => policyEntry(root, "missing.remit")).toThrow(UsageError);
    put("empty/readme.md");
    expect(() => policyEntry(root, "empty")).toThrow("folder 'empty' has no policy.remit.md or policy.remit");
  });
});

describe("collectSources", () => {
  it("finds Remit sources in folders, sorted, without hidden folders or repeats", () => {
    put("p/policy.remit.md");
    put("p/standards/gbt.remit");
    put("p/notes.md");
    put("p/.cache/old.remit");
    put("p/node_modules/dep.remit");
    put("other.txt");
    expect(collectSources(root, ["p", "p/standards/gbt.remit", "other.txt"])).toEqual([
      "other.txt",
      "p/policy.remit.md",
      "p/standards/gbt.remit",
    ]);
  });

  it("rejects a path that does not exist", () => {
    expect(() => collectSources(root, ["nope"])).toThrow("no such file or folder 'nope'");
  });

  it("knows Remit file names", () => {
    expect(isPolicySource("a.remit")).toBe(true);
    expect(isPolicySource("a.remit.md")).toBe(true);
    expect(isPolicySource("a.md")).toBe(false);
  });
});

describe("createNodeSourceHost", () => {
  it("reads files relative to its folder, drops a byte-order mark and remembers what it read", () => {
    put("p/policy.remit", '\ufeffpolicy "资源县"');
    const host = createNodeSourceHost(root);
    expect(host.readFile("p/policy.remit")).toBe('policy "资源县"');
    expect(host.texts.get("p/policy.remit")).toBe('policy "资源县"');
    expect(host.readFile("p/missing.remit")).toBeUndefined();
  });

  it("resolves imports against the importing file's folder", () => {
    const host = createNodeSourceHost(root);
    expect(host.resolve("p/policy.remit", "../standards/gbt.remit")).toBe("standards/gbt.remit");
    expect(host.resolve("p/policy.remit", "./parts/a.remit")).toBe("p/parts/a.remit");
  });
});
