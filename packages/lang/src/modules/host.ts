/**
 * Where module sources come from. Synchronous and free of `node:` imports so the same loader runs
 * in the browser (an in-memory host), in the CLI (a file-system host) and in tests.
 */
export interface SourceHost {
  /** The file's text, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
  /** The path that `relative`, written in `fromFile`, names. */
  resolve(fromFile: string, relative: string): string;
}

/**
 * Normalises a POSIX-style path: collapses `//`, removes `.` segments and resolves `..` against the
 * preceding segment (a leading `..` of a relative path is kept, since there is nothing to cancel).
 * @example
 * ```ts
 * import { normalizePath } from "@remit/lang";
 * console.log(normalizePath("policies//ziyuan/./lib/../policy.remit")); // policies/ziyuan/policy.remit
 * console.log(normalizePath("../shared/units.remit")); // ../shared/units.remit
 * ```
 */
export function normalizePath(path: string): string {
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      const last = out[out.length - 1];
      if (last !== undefined && last !== "..") out.pop();
      else if (!absolute) out.push("..");
      continue;
    }
    out.push(segment);
  }
  const joined = out.join("/");
  if (absolute) return `/${joined}`;
  return joined === "" ? "." : joined;
}

/**
 * The folder part of a path (`a/b/c.remit` → `a/b`).
 * @example
 * ```ts
 * import { dirname } from "@remit/lang";
 * console.log(dirname("policies/ziyuan/policy.remit"), dirname("policy.remit"), dirname("/policy.remit")); // policies/ziyuan . /
 * ```
 */
export function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  if (slash < 0) return ".";
  if (slash === 0) return "/";
  return path.slice(0, slash);
}

/**
 * The path of `file` seen from `folder` (`a/b` and `a/c/d.remit` → `../c/d.remit`), both POSIX-style
 * and normalised first; `folder` itself is `.`. Two paths of the same files give the same result
 * whether both are relative or both absolute, which is what makes a policy's hash independent of
 * where it was read from.
 * @example
 * ```ts
 * import { relativePath } from "@remit/lang";
 * console.log(relativePath("policies/ziyuan", "policies/standards/gbt.remit")); // ../standards/gbt.remit
 * console.log(relativePath("/srv/p", "/srv/p")); // .
 * ```
 */
export function relativePath(folder: string, file: string): string {
  const from = segmentsOf(folder);
  const to = segmentsOf(file);
  let shared = 0;
  while (shared < from.length && shared < to.length && from[shared] === to[shared]) shared++;
  const up = from.slice(shared).map(() => "..");
  const joined = [...up, ...to.slice(shared)].join("/");
  return joined === "" ? "." : joined;
}

function segmentsOf(path: string): string[] {
  const normal = normalizePath(path);
  return normal === "." || normal === "/" ? [] : normal.replace(/^\//, "").split("/");
}

/**
 * Resolves `relative` against the folder of `fromFile`; an absolute `relative` stands alone.
 * @example
 * ```ts
 * import { resolveRelative } from "@remit/lang";
 * console.log(resolveRelative("policies/ziyuan/policy.remit", "../standards/gbt.remit")); // policies/standards/gbt.remit
 * console.log(resolveRelative("policies/ziyuan/policy.remit", "/lib/units.remit")); // /lib/units.remit
 * ```
 */
export function resolveRelative(fromFile: string, relative: string): string {
  if (relative.startsWith("/")) return normalizePath(relative);
  return normalizePath(`${dirname(fromFile)}/${relative}`);
}

/**
 * A host over a fixed set of files; keys are normalised so `./a/../b.remit` finds `b.remit`.
 * @example
 * ```ts
 * import { memoryHost } from "@remit/lang";
 * const host = memoryHost({ "p/policy.remit": 'policy "P"\n', "p/lib/units.remit": 'clause 1 "units"\n' });
 * const imported = host.resolve("p/policy.remit", "./lib/../lib/units.remit");
 * console.log(imported, host.readFile(imported)?.trim()); // p/lib/units.remit clause 1 "units"
 * console.log(host.readFile("p/missing.remit")); // undefined
 * ```
 */
export function memoryHost(files: Readonly<Record<string, string>>): SourceHost {
  const byPath = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) byPath.set(normalizePath(path), text);
  return {
    readFile: (path) => byPath.get(normalizePath(path)),
    resolve: resolveRelative,
  };
}

/**
 * The entry file names of a policy folder, preferred first.
 * @example
 * ```ts
 * import { entryFileNames } from "@remit/lang";
 * console.log(entryFileNames.join(" ")); // policy.remit.md policy.remit
 * ```
 */
export const entryFileNames: readonly string[] = ["policy.remit.md", "policy.remit"];

/**
 * The entry of a policy folder among the names of its files (bare names or paths): `policy.remit.md`
 * if present, else `policy.remit`, else undefined.
 * @example
 * ```ts
 * import { findEntry } from "@remit/lang";
 * console.log(findEntry(["p/lib.remit", "p/policy.remit", "p/policy.remit.md"])); // p/policy.remit.md
 * console.log(findEntry(["p/lib.remit"])); // undefined
 * ```
 */
export function findEntry(folderFiles: readonly string[]): string | undefined {
  for (const name of entryFileNames) {
    const match = folderFiles.find((file) => file === name || file.endsWith(`/${name}`));
    if (match !== undefined) return match;
  }
  return undefined;
}
