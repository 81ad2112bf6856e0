import { readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { entryFileNames, findEntry } from "@remit/lang";
import { UsageError } from "./args.js";

/** Whether a file name is a Remit source: `*.remit` or a literate `*.remit.md`. */
export function isPolicySource(file: string): boolean {
  return file.endsWith(".remit") || file.endsWith(".remit.md");
}

/** Joins paths the way the user writes them, with `/` on every platform. */
export function joinPath(...parts: string[]): string {
  return path.join(...parts).replaceAll("\\", "/");
}

type Kind = "file" | "folder" | undefined;

function kindOf(cwd: string, file: string): Kind {
  try {
    const stat = statSync(path.resolve(cwd, file));
    return stat.isDirectory() ? "folder" : stat.isFile() ? "file" : undefined;
  } catch {
    return undefined;
  }
}

/** The entry file of a policy given as a file or a policy folder; a missing one is a usage error. */
export function policyEntry(cwd: string, target: string): string {
  const kind = kindOf(cwd, target);
  if (kind === "file") return target;
  if (kind === undefined) {
    throw new UsageError({ en: `no such file or folder '${target}'`, zh: `文件或目录“${target}”不存在` });
  }
  const files = readdirSync(path.resolve(cwd, target), { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  const name = findEntry(files);
  if (name !== undefined) return joinPath(target, name);
  const names = entryFileNames.join(entryFileNames.length === 2 ? " or " : ", ");
  throw new UsageError({
    en: `folder '${target}' has no ${names}`,
    zh: `目录“${target}”中没有 ${entryFileNames.join(" 或 ")}`,
  });
}

/**
 * The files a list of paths names: files as given, folders searched (recursively, skipping hidden
 * folders and node_modules) for Remit sources. Sorted and without repeats, so output is stable.
 */
export function collectSources(cwd: string, targets: readonly string[]): string[] {
  const found = new Set<string>();
  for (const target of targets) {
    const kind = kindOf(cwd, target);
    if (kind === undefined) {
      throw new UsageError({ en: `no such file or folder '${target}'`, zh: `文件或目录“${target}”不存在` });
    }
    if (kind === "file") found.add(target);
    else walk(cwd, target, found);
  }
  return [...found].sort();
}

function walk(cwd: string, folder: string, found: Set<string>): void {
  const entries = readdirSync(path.resolve(cwd, folder), { withFileTypes: true });
  for (const entry of entries) {
    const child = joinPath(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && entry.name !== "node_modules") walk(cwd, child, found);
    } else if (entry.isFile() && isPolicySource(entry.name)) {
      found.add(child);
    }
  }
}
