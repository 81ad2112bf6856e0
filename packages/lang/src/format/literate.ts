import type { Module } from "../syntax/ast.js";
import { type FormatOptions, formatModule } from "./print.js";

/** The body of one ```remit fenced block: `source.slice(start, end)`, whole lines. */
export interface CodeBlock {
  readonly start: number;
  readonly end: number;
  /** The fence's own indentation, given back to every printed line. */
  readonly indent: string;
}

// The fence rules of the literate reader (../literate/extract.ts), so both see the same blocks.
const fenceOpen = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const fenceClose = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * The ```remit blocks of a Markdown text, in order: the fence rules of the literate reader.
 * @example
 * ```ts
 * import { remitBlocks } from "@remit/lang";
 * const fence = "`".repeat(3);
 * const markdown = `# Listing\n\n${fence}remit\npolicy "P"\n${fence}\n\n${fence}json\n{}\n${fence}\n`;
 * const blocks = remitBlocks(markdown);
 * console.log(blocks.map((b) => JSON.stringify(markdown.slice(b.start, b.end)))); // [ '"policy \\"P\\"\\n"' ]
 * ```
 */
export function remitBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open: { marker: string; remit: boolean; indent: string; start: number } | undefined;
  const lineBreak = /\r\n|\n|\r/g;
  let offset = 0;
  for (;;) {
    const match = lineBreak.exec(markdown);
    const lineEnd = match === null ? markdown.length : match.index;
    const next = match === null ? markdown.length : match.index + match[0].length;
    const line = markdown.slice(offset, lineEnd);
    if (open === undefined) {
      const fence = fenceOpen.exec(line);
      const marker = fence?.[2];
      const info = fence?.[3] ?? "";
      if (fence !== null && marker !== undefined && !(marker.startsWith("`") && info.includes("`"))) {
        const language = info.trim().split(/\s+/)[0] ?? "";
        open = { marker, remit: language.toLowerCase() === "remit", indent: fence[1] ?? "", start: next };
      }
    } else {
      const marker = fenceClose.exec(line)?.[1];
      if (marker !== undefined && marker[0] === open.marker[0] && marker.length >= open.marker.length) {
        if (open.remit) blocks.push({ start: open.start, end: offset, indent: open.indent });
        open = undefined;
      }
    }
    if (match === null) break;
    offset = next;
  }
  // An unclosed fence runs to the end of the document, as in CommonMark.
  if (open?.remit) blocks.push({ start: open.start, end: markdown.length, indent: open.indent });
  return blocks;
}

/**
 * Formats each ```remit block of a literate policy in place; the prose, headings (which declare
 * clauses of their own) and fences are kept byte for byte.
 */
export function formatLiterate(markdown: string, module: Module, options: FormatOptions = {}): string {
  let result = "";
  let cursor = 0;
  for (const block of remitBlocks(markdown)) {
    const inside = <T extends { readonly span: { readonly start: { readonly offset: number } } }>(node: T) =>
      node.span.start.offset >= block.start && node.span.start.offset < block.end;
    const header = module.header !== undefined && inside(module.header) ? module.header : undefined;
    const part: Module = {
      ...module,
      header,
      imports: module.imports.filter(inside),
      declarations: module.declarations.filter(
        (d) => inside(d) && !(d.kind === "ClauseDecl" && d.origin === "heading"),
      ),
      comments: module.comments.filter(inside),
    };
    result += markdown.slice(cursor, block.start);
    const original = markdown.slice(block.start, block.end);
    const empty =
      part.header === undefined &&
      part.imports.length === 0 &&
      part.declarations.length === 0 &&
      part.comments.length === 0;
    if (empty) {
      result += original;
    } else {
      const printed = formatModule(part, { ...options, source: markdown });
      const lineEnding = original.includes("\r\n") ? "\r\n" : "\n";
      result += printed
        .split("\n")
        .map((line, index, lines) => (index === lines.length - 1 || line === "" ? line : block.indent + line))
        .join(lineEnding);
    }
    cursor = block.end;
  }
  return result + markdown.slice(cursor);
}
