/** Where a policy's files are: the entry file of a policy folder, and the sources under folders. */
import { type Dirent, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { entryFileNames, findEntry, type Localized } from "@remit/lang";
import { toPosix } from "./host.js";

/** Why a path does not lead to a policy. */
export type PathProblem =
  | { readonly kind: "not-found"; readonly target: string }
  /** A device, a pipe or a socket (`/dev/zero`): never read, it may not end. */
  | { readonly kind: "not-a-file"; readonly target: string }
  | { readonly kind: "no-entry"; readonly folder: string };

/**
 * Whether a file name is a Remit source: `*.remit` or a literate `*.remit.md`.
 * @example
 * ```ts
 * import { isPolicySource } from "@remit/app";
 * console.log(["policy.remit", "policy.remit.md", "README.md"].map(isPolicySource)); // [ true, true, false ]
 * ```
 */
export function isPolicySource(file: string): boolean {
  return file.endsWith(".remit") || file.endsWith(".remit.md");
}

/**
 * Joins paths the way the user writes them, with `/` on every platform.
 * @example
 * ```ts
 * import { joinPath } from "@remit/app";
 * console.log(joinPath("policies", "ziyuan", "../shared", "calendar.remit")); // policies/shared/calendar.remit
 * ```
 */
export function joinPath(...parts: string[]): string {
  return toPosix(path.join(...parts));
}

type Kind = "file" | "folder" | "other" | undefined;

/** What a path is, following symbolic links (a linked policy file reads as the file). */
function kindOf(cwd: string, file: string): Kind {
  try {
    const stat = statSync(path.resolve(cwd, file));
    return stat.isDirectory() ? "folder" : stat.isFile() ? "file" : "other";
  } catch {
    return undefined;
  }
}

/** A folder entry that is a file, or a symbolic link to one. */
function isFileEntry(cwd: string, folder: string, entry: Dirent): boolean {
  return entry.isFile() || (entry.isSymbolicLink() && kindOf(cwd, joinPath(folder, entry.name)) === "file");
}

/**
 * The entry file of a policy given as a file (itself) or a folder (`policy.remit.md`, else
 * `policy.remit`), named relative to `cwd` as the target was.
 * @example
 * ```ts
 * import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { findPolicyEntry } from "@remit/app";
 * const cwd = mkdtempSync(join(tmpdir(), "remit-"));
 * mkdirSync(join(cwd, "county"));
 * writeFileSync(join(cwd, "county", "policy.remit"), 'policy "County"\n');
 * console.log(findPolicyEntry(cwd, "county")); // { entry: 'county/policy.remit' }
 * mkdirSync(join(cwd, "empty"));
 * console.log(findPolicyEntry(cwd, "empty")); // { problem: { kind: 'no-entry', folder: 'empty' } }
 * ```
 */
export function findPolicyEntry(
  cwd: string,
  target: string,
): { readonly entry: string } | { readonly problem: PathProblem } {
  const kind = kindOf(cwd, target);
  if (kind === "file") return { entry: target };
  if (kind === undefined) return { problem: { kind: "not-found", target } };
  if (kind === "other") return { problem: { kind: "not-a-file", target } };
  const files = readdirSync(path.resolve(cwd, target), { withFileTypes: true })
    .filter((entry) => isFileEntry(cwd, target, entry))
    .map((entry) => entry.name);
  const name = findEntry(files);
  if (name !== undefined) return { entry: joinPath(target, name) };
  return { problem: { kind: "no-entry", folder: target } };
}

/**
 * The files a list of paths names: files as given, folders searched (recursively, skipping hidden
 * folders and node_modules) for Remit sources. Sorted and without repeats, so output is stable.
 * @example
 * ```ts
 * import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { collectSources } from "@remit/app";
 * const cwd = mkdtempSync(join(tmpdir(), "remit-"));
 * mkdirSync(join(cwd, "policies", "parts"), { recursive: true });
 * writeFileSync(join(cwd, "policies", "policy.remit.md"), "# Policy\n");
 * writeFileSync(join(cwd, "policies", "parts", "a.remit"), "");
 * writeFileSync(join(cwd, "policies", "notes.txt"), "");
 * const found = collectSources(cwd, ["policies"]);
 * console.log("files" in found ? found.files : found.problem); // [ 'policies/parts/a.remit', 'policies/policy.remit.md' ]
 * ```
 */
export function collectSources(
  cwd: string,
  targets: readonly string[],
): { readonly files: readonly string[] } | { readonly problem: PathProblem } {
  const found = new Set<string>();
  for (const target of targets) {
    const kind = kindOf(cwd, target);
    if (kind === undefined) return { problem: { kind: "not-found", target } };
    if (kind === "other") return { problem: { kind: "not-a-file", target } };
    if (kind === "file") found.add(target);
    else walk(cwd, target, found);
  }
  return { files: [...found].sort() };
}

function walk(cwd: string, folder: string, found: Set<string>): void {
  const entries = readdirSync(path.resolve(cwd, folder), { withFileTypes: true });
  for (const entry of entries) {
    const child = joinPath(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && entry.name !== "node_modules") walk(cwd, child, found);
    } else if (isPolicySource(entry.name) && isFileEntry(cwd, folder, entry)) {
      found.add(child);
    }
  }
}

/**
 * A path problem in words, in both languages.
 * @example
 * ```ts
 * import { pathProblemMessage } from "@remit/app";
 * const message = pathProblemMessage({ kind: "not-found", target: "policy.remit" });
 * console.log(message.en); // no such file or folder 'policy.remit'
 * console.log(message.zh); // 文件或目录“policy.remit”不存在
 * ```
 */
export function pathProblemMessage(problem: PathProblem): Localized {
  switch (problem.kind) {
    case "not-found":
      return { en: `no such file or folder '${problem.target}'`, zh: `文件或目录“${problem.target}”不存在` };
    case "not-a-file":
      return {
        en: `'${problem.target}' is not a regular file or folder`,
        zh: `“${problem.target}”不是普通文件或目录`,
      };
    case "no-entry": {
      const names = entryFileNames.join(entryFileNames.length === 2 ? " or " : ", ");
      return {
        en: `folder '${problem.folder}' has no ${names}`,
        zh: `目录“${problem.folder}”中没有 ${entryFileNames.join(" 或 ")}`,
      };
    }
    default:
      return assertNever(problem);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
