/**
 * Formatting as edits: the language's formatter (`remit fmt`), sent as the smallest run of
 * changed whole lines inside the code, so an editor keeps its cursor, folds and marks elsewhere and, in
 * a `.remit.md` file, never touches the prose.
 */
import { format, remitBlocks, spanOfRange, type TextEdit } from "@remit/lang";

/** A part of a text that formatting may change: `[start, end)` offsets. */
interface Region {
  readonly start: number;
  readonly end: number;
}

/**
 * The edits that format `text` (the file `file`): none when it is formatted already or does not
 * parse; in a `.remit.md` file at most one per ```remit block, inside it.
 * @example
 * ```ts
 * import { formattingEdits } from "@remit/lsp";
 * // A literate policy (its block fenced with ~~~ here, as Markdown also allows).
 * const text = '# Listing\n\nProse  stays   as written.\n\n~~~remit\npolicy "P"\nparam   limit:duration=7 days "how long"\n~~~\n';
 * const edits = formattingEdits(text, "/p/policy.remit.md");
 * console.log(edits.map((e) => `${e.span.start.line}-${e.span.end.line} ${JSON.stringify(e.newText)}`)); // [ '7-8 "param limit: duration = 7 days \\"how long\\"\\n"' ]
 * ```
 */
export function formattingEdits(text: string, file: string): TextEdit[] {
  const result = format(text, file);
  if (!result.changed) return [];
  // The editor owns the document's line breaks (`remit fmt` writes LF to disk): a document
  // written with CRLF gets its formatted lines with CRLF, not every line replaced.
  const formatted = text.includes("\r\n") ? result.text.replace(/\r?\n/g, "\r\n") : result.text;
  const whole: Region[] = [{ start: 0, end: text.length }];
  const before = file.endsWith(".md") ? remitBlocks(text) : whole;
  const after = file.endsWith(".md") ? remitBlocks(formatted) : [{ start: 0, end: formatted.length }];
  const pairs =
    before.length === after.length && outside(text, before) === outside(formatted, after)
      ? before.map((region, i) => [region, after[i] ?? region] as const)
      : // The formatter keeps everything outside the blocks; should it ever not, one edit covers it.
        [[whole[0] ?? { start: 0, end: 0 }, { start: 0, end: formatted.length }] as const];
  return pairs.flatMap(([old, next]) => {
    const edit = changedLines(text.slice(old.start, old.end), formatted.slice(next.start, next.end));
    if (edit === undefined) return [];
    const span = spanOfRange(text, file, old.start + edit.from, old.start + edit.to);
    return [{ span, newText: edit.newText }];
  });
}

/** The text outside `regions`, joined. */
function outside(text: string, regions: readonly Region[]): string {
  let cursor = 0;
  let result = "";
  for (const region of regions) {
    result += `${text.slice(cursor, region.start)}\u0000`;
    cursor = region.end;
  }
  return result + text.slice(cursor);
}

/** The whole lines of `old` that differ from `next` (with their line breaks): offsets in `old` and their replacement. */
function changedLines(old: string, next: string): { from: number; to: number; newText: string } | undefined {
  if (old === next) return undefined;
  const oldLines = old.split(/(?<=\n)/);
  const nextLines = next.split(/(?<=\n)/);
  let head = 0;
  while (head < oldLines.length && head < nextLines.length && oldLines[head] === nextLines[head]) head++;
  let tail = 0;
  while (
    tail < oldLines.length - head &&
    tail < nextLines.length - head &&
    oldLines[oldLines.length - 1 - tail] === nextLines[nextLines.length - 1 - tail]
  )
    tail++;
  const lengthOf = (lines: readonly string[]) => lines.reduce((sum, line) => sum + line.length, 0);
  const from = lengthOf(oldLines.slice(0, head));
  const to = old.length - lengthOf(oldLines.slice(oldLines.length - tail));
  const nextTo = next.length - lengthOf(nextLines.slice(nextLines.length - tail));
  return { from, to, newText: next.slice(from, nextTo) };
}
