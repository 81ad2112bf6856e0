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

/** The folder part of a path (`a/b/c.remit` → `a/b`). */
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

/** Resolves `relative` against the folder of `fromFile`; an absolute `relative` stands alone. */
export function resolveRelative(fromFile: string, relative: string): string {
  if (relative.startsWith("/")) return normalizePath(relative);
  return normalizePath(`${dirname(fromFile)}/${relative}`);
}

/** A host over a fixed set of files; keys are normalised so `./a/../b.remit` finds `b.remit`. */
export function memoryHost(files: Readonly<Record<string, string>>): SourceHost {
  const byPath = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) byPath.set(normalizePath(path), text);
  return {
    readFile: (path) => byPath.get(normalizePath(path)),
    resolve: resolveRelative,
  };
}

/** The entry file names of a policy folder, preferred first. */
export const entryFileNames: readonly string[] = ["policy.remit.md", "policy.remit"];

/**
 * The entry of a policy folder among the names of its files (bare names or paths): `policy.remit.md`
 * if present, else `policy.remit`, else undefined.
 */
export function findEntry(folderFiles: readonly string[]): string | undefined {
  for (const name of entryFileNames) {
    const match = folderFiles.find((file) => file === name || file.endsWith(`/${name}`));
    if (match !== undefined) return match;
  }
  return undefined;
}
