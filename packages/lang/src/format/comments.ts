import type { Comment } from "../syntax/ast.js";
import type { Output } from "./layout.js";
import type { Anchor } from "./print.js";

/**
 * Puts the comments back into the printed lines, by position: a comment with code before it on
 * its line trails the group that code belongs to; a comment on a line of its own leads the
 * nearest following group; after everything, it ends the file.
 */
export function placeComments(
  out: Output,
  anchors: readonly Anchor[],
  comments: readonly Comment[],
  source: string | undefined,
): string {
  const leading = new Map<number, Comment[]>();
  const trailing = new Map<number, Comment[]>();
  const atEnd: Comment[] = [];
  const push = (map: Map<number, Comment[]>, group: number, comment: Comment) => {
    const list = map.get(group);
    if (list === undefined) map.set(group, [comment]);
    else list.push(comment);
  };

  const ordered = [...comments].sort((a, b) => a.span.start.offset - b.span.start.offset);
  for (const comment of ordered) {
    const offset = comment.span.start.offset;
    const owner = isTrailing(comment, anchors, source) ? precedingAnchor(anchors, offset) : undefined;
    if (owner !== undefined) {
      push(trailing, owner.group, comment);
      continue;
    }
    const next = followingAnchor(anchors, offset);
    if (next === undefined) atEnd.push(comment);
    else push(leading, next.group, comment);
  }
  // A line ends in one comment: further ones trailing the same group move above it.
  for (const [group, list] of trailing) {
    if (list.length > 1) for (const comment of list.slice(0, -1)) push(leading, group, comment);
  }

  const lastLineOfGroup = new Map<number, number>();
  out.lines.forEach((line, index) => {
    if (line.group !== undefined) lastLineOfGroup.set(line.group, index);
  });

  const rendered: string[] = [];
  out.lines.forEach((line, index) => {
    const pad = " ".repeat(line.indent);
    if (line.opens && line.group !== undefined) {
      for (const comment of leading.get(line.group) ?? []) rendered.push(`${pad}${commentText(comment)}`);
    }
    let text = line.text === "" ? "" : pad + line.text;
    const trailer = line.group === undefined ? undefined : trailing.get(line.group)?.at(-1);
    if (trailer !== undefined && lastLineOfGroup.get(line.group ?? -1) === index) {
      text += `  ${commentText(trailer)}`;
    }
    rendered.push(text);
  });
  while (rendered.length > 0 && rendered[rendered.length - 1] === "") rendered.pop();
  if (atEnd.length > 0 && rendered.length > 0) rendered.push("");
  for (const comment of atEnd) rendered.push(commentText(comment));
  return rendered.length === 0 ? "" : `${rendered.join("\n")}\n`;
}

function commentText(comment: Comment): string {
  return `#${comment.text.trimEnd()}`;
}

/** Whether code comes before the comment on its line. */
function isTrailing(comment: Comment, anchors: readonly Anchor[], source: string | undefined): boolean {
  const offset = comment.span.start.offset;
  if (source !== undefined) {
    const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
    return /\S/.test(source.slice(lineStart, offset));
  }
  // Without the text, a comment trails when a group starts earlier on the same line.
  return anchors.some((anchor) => anchor.start < offset && anchor.line === comment.span.start.line);
}

/** The group starting last at or before the offset (the first printed, on a tie). */
function precedingAnchor(anchors: readonly Anchor[], offset: number): Anchor | undefined {
  let best: Anchor | undefined;
  for (const anchor of anchors) {
    if (anchor.start <= offset && (best === undefined || anchor.start > best.start)) best = anchor;
  }
  return best;
}

/** The group starting first at or after the offset (the first printed, on a tie). */
function followingAnchor(anchors: readonly Anchor[], offset: number): Anchor | undefined {
  let best: Anchor | undefined;
  for (const anchor of anchors) {
    if (anchor.start >= offset && (best === undefined || anchor.start < best.start)) best = anchor;
  }
  return best;
}
