import type { Module } from "../syntax/ast.js";
import { type FormatOptions, formatModule } from "./print.js";

/** The body of one ```remit fenced block: `source.slice(start, end)`, whole lines. */
export interface CodeBlock {
  readonly start: number;
  readonly end: number;
  /** The fence's own indentation, given back to every printed line. */
  readonly indent: string;
}

const openingFence = /^( {0,3})(`{3,}|~{3,})[ \t]*remit[ \t]*$/;

/** The ```remit blocks of a Markdown text, in order. */
export function remitBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open: { fence: string; indent: string; start: number } | undefined;
  let offset = 0;
  while (offset < markdown.length) {
    const newline = markdown.indexOf("\n", offset);
    const lineEnd = newline === -1 ? markdown.length : newline;
    const next = newline === -1 ? markdown.length : newline + 1;
    const line = markdown.slice(offset, lineEnd).replace(/\r$/, "");
    if (open === undefined) {
      const match = openingFence.exec(line);
      if (match !== null) open = { indent: match[1] ?? "", fence: match[2] ?? "```", start: next };
    } else {
      const trimmed = line.trim();
      const fenceChar = open.fence[0] ?? "`";
      if (trimmed.length >= open.fence.length && trimmed === fenceChar.repeat(trimmed.length)) {
        blocks.push({ start: open.start, end: offset, indent: open.indent });
        open = undefined;
      }
    }
    offset = next;
  }
  // An unclosed fence runs to the end of the document, as in CommonMark.
  if (open !== undefined) blocks.push({ start: open.start, end: markdown.length, indent: open.indent });
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
      declarations: module.declarations.filter((d) => inside(d) && !(d.kind === "ClauseDecl" && d.origin === "heading")),
      comments: module.comments.filter(inside),
    };
    result += markdown.slice(cursor, block.start);
    const original = markdown.slice(block.start, block.end);
    const empty = part.header === undefined && part.imports.length === 0 && part.declarations.length === 0 && part.comments.length === 0;
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
