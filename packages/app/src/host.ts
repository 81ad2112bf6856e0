import { closeSync, openSync, readSync, statSync } from "node:fs";
import * as path from "node:path";
import type { SourceHost } from "@remit/lang";

/** A source host on the file system that remembers what it read, for code frames. */
export interface NodeSourceHost extends SourceHost {
  /** Every file read so far, by the path it was asked for. */
  readonly texts: ReadonlyMap<string, string>;
}

/**
 * Text without the byte-order mark some editors put first.
 * @example
 * ```ts
 * import { stripBom } from "@remit/app";
 * const text = stripBom('\uFEFFpolicy "P"\n');
 * console.log(JSON.stringify(text)); // "policy \"P\"\n"
 * ```
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The largest file read as text: past it a JavaScript string cannot hold the file at all (V8's
 * limit is about 512 MiB of characters), so it is refused before any is read.
 * @example
 * ```ts
 * import { maxTextFileBytes } from "@remit/app";
 * console.log(maxTextFileBytes / (1024 * 1024), "MiB"); // 400 MiB
 * ```
 */
export const maxTextFileBytes = 400 * 1024 * 1024;

/** Why a text file was not read. */
export type ReadProblem = "missing" | "not-a-file" | "too-large" | "unreadable";

/**
 * A text file's content (relative paths from `cwd`), or why it was not read. Only regular files
 * (or links to them) are read, so a device such as `/dev/zero` is refused rather than read forever.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { readTextFileChecked } from "@remit/app";
 * const folder = mkdtempSync(join(tmpdir(), "remit-"));
 * writeFileSync(join(folder, "facts.json"), '{"asOf":"2026-10-01"}');
 * const read = readTextFileChecked(folder, "facts.json");
 * console.log("text" in read ? read.text : read.problem); // {"asOf":"2026-10-01"}
 * const missing = readTextFileChecked(folder, "nothing.json");
 * console.log("problem" in missing ? missing.problem : "read"); // missing
 * ```
 */
export function readTextFileChecked(
  cwd: string,
  file: string,
  /** Told the bytes read so far of the file's size: before the first chunk and after each. */
  onRead?: (bytesRead: number, size: number) => void,
): { readonly text: string } | { readonly problem: ReadProblem } {
  const resolved = path.resolve(cwd, file);
  let size: number;
  try {
    const stat = statSync(resolved);
    if (!stat.isFile()) return { problem: "not-a-file" };
    size = stat.size;
  } catch {
    return { problem: "missing" };
  }
  if (size > maxTextFileBytes) return { problem: "too-large" };
  try {
    return { text: stripBom(readInChunks(resolved, size, onRead).toString("utf8")) };
  } catch {
    return { problem: "unreadable" };
  }
}

/** Bytes read at a time: a progress bar moves on a large file, and a small one is one read. */
const readChunkBytes = 4 * 1024 * 1024;

/**
 * The file's bytes, read chunk by chunk into one buffer of its size (never held twice), then on to
 * its end should it have grown since `stat`.
 */
function readInChunks(
  file: string,
  size: number,
  onRead?: (bytesRead: number, size: number) => void,
): Buffer {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(size);
    let offset = 0;
    onRead?.(0, size);
    while (offset < size) {
      const read = readSync(fd, buffer, offset, Math.min(readChunkBytes, size - offset), null);
      if (read === 0) return buffer.subarray(0, offset);
      offset += read;
      onRead?.(offset, size);
    }
    const more: Buffer[] = [];
    for (let extra = 0; ; ) {
      const chunk = Buffer.allocUnsafe(readChunkBytes);
      const read = readSync(fd, chunk, 0, readChunkBytes, null);
      if (read === 0) break;
      extra += read;
      if (size + extra > maxTextFileBytes) throw new RangeError("the file grew past the text limit");
      more.push(chunk.subarray(0, read));
    }
    return more.length === 0 ? buffer : Buffer.concat([buffer, ...more]);
  } finally {
    closeSync(fd);
  }
}

/**
 * A text file's content (relative paths from `cwd`), or undefined when it cannot be read.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { readTextFile } from "@remit/app";
 * const folder = mkdtempSync(join(tmpdir(), "remit-"));
 * writeFileSync(join(folder, "note.txt"), "\uFEFFhello");
 * console.log(readTextFile(folder, "note.txt")); // hello
 * console.log(readTextFile(folder, "absent.txt")); // undefined
 * ```
 */
export function readTextFile(cwd: string, file: string): string | undefined {
  const read = readTextFileChecked(cwd, file);
  return "text" in read ? read.text : undefined;
}

/**
 * A source host on the file system. Paths stay as the caller wrote them (relative to `cwd` when
 * relative), POSIX-style, so diagnostics name files the way the command line or request did.
 * @example
 * ```ts
 * import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { createNodeSourceHost } from "@remit/app";
 * const folder = mkdtempSync(join(tmpdir(), "remit-"));
 * mkdirSync(join(folder, "policy"));
 * writeFileSync(join(folder, "policy", "policy.remit"), 'policy "P"\n');
 * const host = createNodeSourceHost(folder);
 * console.log(host.resolve("policy/policy.remit", "parts/a.remit")); // policy/parts/a.remit
 * console.log(host.readFile("policy/policy.remit")?.trim()); // policy "P"
 * console.log([...host.texts.keys()]); // [ 'policy/policy.remit' ]
 * ```
 */
export function createNodeSourceHost(cwd: string): NodeSourceHost {
  const texts = new Map<string, string>();
  return {
    texts,
    readFile(file) {
      const known = texts.get(file);
      if (known !== undefined) return known;
      const text = readTextFile(cwd, file);
      if (text !== undefined) texts.set(file, text);
      return text;
    },
    resolve(fromFile, relative) {
      return toPosix(path.join(path.dirname(fromFile), relative));
    },
  };
}

/**
 * A path with `/` separators on every platform.
 * @example
 * ```ts
 * import { toPosix } from "@remit/app";
 * console.log(toPosix("policies/ziyuan/policy.remit")); // policies/ziyuan/policy.remit
 * ```
 */
export function toPosix(file: string): string {
  return path.sep === "\\" ? file.replaceAll("\\", "/") : file;
}
