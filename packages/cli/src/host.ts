import { readFileSync } from "node:fs";
import * as path from "node:path";

/** How the language tools load modules: the same shape as `@remit/lang`'s `SourceHost`. */
export interface NodeSourceHost {
  /** The file's text, or `undefined` when it cannot be read. */
  readFile(file: string): string | undefined;
  /** The path of `relative` as written in an import of `fromFile`. */
  resolve(fromFile: string, relative: string): string;
  /** Every file read so far, by the path it was asked for: code frames are drawn from these. */
  readonly texts: ReadonlyMap<string, string>;
}

/**
 * A source host on the file system. Paths stay as the user wrote them (relative to `cwd` when
 * relative), so diagnostics name files the way the command line did.
 */
export function createNodeSourceHost(cwd: string): NodeSourceHost {
  const texts = new Map<string, string>();
  return {
    texts,
    readFile(file) {
      const known = texts.get(file);
      if (known !== undefined) return known;
      try {
        const text = stripBom(readFileSync(path.resolve(cwd, file), "utf8"));
        texts.set(file, text);
        return text;
      } catch {
        return undefined;
      }
    },
    resolve(fromFile, relative) {
      const joined = path.join(path.dirname(fromFile), relative);
      return toPosix(joined);
    },
  };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function toPosix(file: string): string {
  return path.sep === "\\" ? file.replaceAll("\\", "/") : file;
}
