/**
 * Literate policies (`*.remit.md`). A small line scanner rather than a Markdown library: only
 * fenced blocks and ATX headings matter, and every offset must stay the Markdown file's own, which
 * is simplest when the code is the file with everything but the `remit` blocks blanked out.
 */
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import { unclosedCodeBlock } from "../diagnostics/scan-codes.js";
import { advance } from "../scan/span.js";
import type { ClauseDecl, Position, Span } from "../syntax/ast.js";

export interface LiterateResult {
  /**
   * The file with every character outside `remit` code blocks replaced by a space (line breaks
   * kept), so positions in the code are positions in the Markdown.
   */
  readonly code: string;
  /** Clauses declared by headings such as `### 2.1.3 建立常态化基层火灾防控机制`. */
  readonly clauses: readonly ClauseDecl[];
  readonly diagnostics: readonly Diagnostic[];
}

interface Line {
  /** The line without its terminator. */
  readonly content: string;
  readonly terminator: string;
  readonly start: Position;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\n|\r/g;
  let position: Position = { offset: 0, line: 1, column: 1 };
  let from = 0;
  for (;;) {
    const match = pattern.exec(text);
    const to = match ? match.index : text.length;
    const content = text.slice(from, to);
    const terminator = match ? match[0] : "";
    lines.push({ content, terminator, start: position });
    if (!match) break;
    position = { offset: to + terminator.length, line: position.line + 1, column: 1 };
    from = to + terminator.length;
  }
  return lines;
}

const fenceOpen = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const headingPattern = /^( {0,3})(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const clauseHeading = /^(\d+(?:\.\d+)*)[ \t]+(\S.*)$/;

interface Section {
  readonly clause: Omit<ClauseDecl, "text">;
  readonly prose: { readonly line: Line; readonly content: string }[];
}

function at(line: Line, column: number): Position {
  return { offset: line.start.offset + column, line: line.start.line, column: column + 1 };
}

function spanIn(file: string, line: Line, from: number, to: number): Span {
  return { file, start: at(line, from), end: at(line, to) };
}

/**
 * @example
 * ```ts
 * import { extractLiterate } from "@remit/lang";
 * const markdown = '### 1 Hazards are listed\n\nWithin a week of being found.\n\n~~~remit\npolicy "P"\n~~~\n';
 * const { code, clauses, diagnostics } = extractLiterate(markdown, "policy.remit.md");
 * // Everything outside the remit block is blanked, so offsets stay the Markdown file's own.
 * console.log(code.trim(), code.indexOf("policy") === markdown.indexOf("policy")); // policy "P" true
 * console.log(clauses.map((c) => `${c.id.id}: ${c.title.value} (${c.text?.value})`).join()); // 1: Hazards are listed (Within a week of being found.)
 * console.log(diagnostics.length, extractLiterate("~~~remit\n", "p.remit.md").diagnostics[0]?.code); // 0 R1006
 * ```
 */
export function extractLiterate(text: string, file: string): LiterateResult {
  const lines = splitLines(text);
  const code: string[] = [];
  const clauses: ClauseDecl[] = [];
  const diagnostics: Diagnostic[] = [];
  let fence: { readonly marker: string; readonly remit: boolean; readonly line: Line } | undefined;
  let section: Section | undefined;

  const closeSection = () => {
    if (section) clauses.push(finishSection(section, file));
    section = undefined;
  };

  for (const line of lines) {
    const blank = " ".repeat(line.content.length);
    if (fence) {
      const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line.content);
      const marker = closing?.[1];
      if (marker && marker[0] === fence.marker[0] && marker.length >= fence.marker.length) {
        fence = undefined;
        code.push(blank, line.terminator);
      } else {
        code.push(fence.remit ? line.content : blank, line.terminator);
      }
      continue;
    }
    code.push(blank, line.terminator);
    const open = fenceOpen.exec(line.content);
    const marker = open?.[2];
    if (open && marker && !(marker.startsWith("`") && (open[3] ?? "").includes("`"))) {
      const info = (open[3] ?? "").trim().split(/\s+/)[0] ?? "";
      fence = { marker, remit: info.toLowerCase() === "remit", line };
      continue;
    }
    const heading = headingPattern.exec(line.content);
    if (heading) {
      closeSection();
      const content = heading[3] ?? "";
      const clause = clauseHeading.exec(content);
      if (clause) {
        const contentStart = line.content.indexOf(
          content,
          (heading[1] ?? "").length + (heading[2] ?? "").length,
        );
        const id = clause[1] ?? "";
        const title = (clause[2] ?? "").trimEnd();
        const titleStart = contentStart + content.indexOf(title, id.length);
        const headingStart = (heading[1] ?? "").length;
        section = {
          clause: {
            kind: "ClauseDecl",
            id: { kind: "ClauseId", id, span: spanIn(file, line, contentStart, contentStart + id.length) },
            title: {
              kind: "StringLiteral",
              value: title,
              span: spanIn(file, line, titleStart, titleStart + title.length),
            },
            origin: "heading",
            span: spanIn(file, line, headingStart, titleStart + title.length),
          },
          prose: [],
        };
      }
      continue;
    }
    section?.prose.push({ line, content: line.content });
  }
  closeSection();
  if (fence?.remit) {
    diagnostics.push(
      diagnostic(unclosedCodeBlock, spanIn(file, fence.line, 0, fence.line.content.length), {
        fence: fence.marker,
      }),
    );
  }
  return { code: code.join(""), clauses, diagnostics };
}

/** The clause with its text: the prose under the heading, trimmed; code blocks left out. */
function finishSection(section: Section, file: string): ClauseDecl {
  const prose = section.prose;
  const firstIndex = prose.findIndex((p) => p.content.trim() !== "");
  let lastIndex = -1;
  for (let i = prose.length - 1; i >= 0; i--) {
    if ((prose[i]?.content.trim() ?? "") !== "") {
      lastIndex = i;
      break;
    }
  }
  const first = prose[firstIndex];
  const last = prose[lastIndex];
  if (!first || !last) return { ...section.clause, text: undefined };
  const value = prose
    .slice(firstIndex, lastIndex + 1)
    .map((p) => p.content)
    .join("\n")
    .trim();
  const startColumn = first.content.length - first.content.trimStart().length;
  const endColumn = last.content.trimEnd().length;
  const start = at(first.line, startColumn);
  return {
    ...section.clause,
    text: {
      kind: "StringLiteral",
      value,
      span: { file, start, end: advance(at(last.line, 0), last.content.slice(0, endColumn)) },
    },
  };
}
