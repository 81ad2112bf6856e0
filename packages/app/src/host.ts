import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { SourceHost } from "@remit/lang";

/** A source host on the file system that remembers what it read, for code frames. */
export interface NodeSourceHost extends SourceHost {
  /** Every file read so far, by the path it was asked for. */
  readonly texts: ReadonlyMap<string, string>;
}

/** Text without the byte-order mark some editors put first. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A text file's content (relative paths from `cwd`), or undefined when it cannot be read. */
export function readTextFile(cwd: string, file: string): string | undefined {
  try {
    return stripBom(readFileSync(path.resolve(cwd, file), "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * A source host on the file system. Paths stay as the caller wrote them (relative to `cwd` when
 * relative), POSIX-style, so diagnostics name files the way the command line or request did.
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

/** A path with `/` separators on every platform. */
export function toPosix(file: string): string {
  return path.sep === "\\" ? file.replaceAll("\\", "/") : file;
}
