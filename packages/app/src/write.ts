/**
 * Writing a file so that a reader, a crash or `kill -9` never sees it half-written: the text goes
 * to a temporary file in the same folder (so the rename stays on one file system), is flushed to
 * disk, and is then renamed over the target in one step. Before the rename the original is
 * untouched; after it the new text is complete.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import * as path from "node:path";

/** Why a file could not be written: the system's code (`EACCES`, `EFBIG`, `ENOSPC`) and message. */
export interface WriteProblem {
  readonly file: string;
  readonly code: string;
  readonly message: string;
}

let counter = 0;

/**
 * Writes `text` (UTF-8) to `file` atomically; a problem is returned, never thrown. A symbolic
 * link is written through: its target gets the text and the link stays a link (renaming over the
 * link itself would replace it with a copy and leave the file it points to as it was).
 * @example
 * ```ts
 * import { mkdtempSync, readFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { writeFileAtomic } from "@remit/app";
 * const file = join(mkdtempSync(join(tmpdir(), "remit-")), "result.json");
 * console.log(writeFileAtomic(file, '{"ok":true}\n')); // undefined
 * console.log(readFileSync(file, "utf8").trim()); // {"ok":true}
 * const problem = writeFileAtomic(join(file, "inside-a-file.json"), "x");
 * console.log(problem?.code); // ENOTDIR
 * ```
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): WriteProblem | undefined {
  const target = linkTarget(path.resolve(file));
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${(counter++).toString(36)}.tmp`,
  );
  let fd: number | undefined;
  try {
    // An existing file keeps its permissions: the temporary file is made with them.
    const mode = existingMode(target);
    fd = openSync(temporary, "wx", mode ?? 0o666);
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
    return undefined;
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temporary);
    const code = (error as NodeJS.ErrnoException).code ?? "EIO";
    return { file, code, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The file a path names once its links are followed; the path itself when it does not exist yet. */
function linkTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function existingMode(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing: the write's own error is the one to report.
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Never created, or already gone.
  }
}
