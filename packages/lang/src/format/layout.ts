import stringWidth from "string-width";

/**
 * The output lines the printer builds. A line may belong to an anchor group: the lines printed
 * for one declaration head, field or rule clause. Comments attach to groups, not to text.
 */
export interface OutputLine {
  indent: number;
  text: string;
  /** The anchor group the line belongs to. */
  readonly group: number | undefined;
  /** Whether the line is the first of its group (leading comments go above it). */
  readonly opens: boolean;
}

export class Output {
  readonly lines: OutputLine[] = [];

  /** Starts a new line, optionally opening an anchor group. */
  newline(indent: number, group?: number): void {
    this.lines.push({ indent, text: "", group, opens: group !== undefined });
  }

  /** A blank separator line; never doubled, never at the start. */
  blank(): void {
    const last = this.lines[this.lines.length - 1];
    if (last === undefined || (last.text === "" && last.group === undefined)) return;
    this.lines.push({ indent: 0, text: "", group: undefined, opens: false });
  }

  append(text: string): void {
    const last = this.lines[this.lines.length - 1];
    if (last === undefined) this.lines.push({ indent: 0, text, group: undefined, opens: false });
    else last.text += text;
  }

  /** Drops trailing spaces of the current line (before breaking it). */
  trimEnd(): void {
    const last = this.lines[this.lines.length - 1];
    if (last !== undefined) last.text = last.text.trimEnd();
  }

  /** Display columns used on the current line so far. */
  column(): number {
    const last = this.lines[this.lines.length - 1];
    return last === undefined ? 0 : last.indent + displayWidth(last.text);
  }

  /** A further line of the current group (a broken expression). */
  continuation(indent: number): void {
    const last = this.lines[this.lines.length - 1];
    this.lines.push({ indent, text: "", group: last?.group, opens: false });
  }
}

/**
 * Columns a text takes in a monospace editor or terminal: CJK and other wide characters take two,
 * combining marks and ANSI colour codes none, emoji sequences two; ambiguous-width characters
 * count as narrow, as most terminals draw them. Line width is measured in these columns.
 * @example
 * ```ts
 * import { displayWidth } from "@remit/lang";
 * console.log("隐患 list".length, displayWidth("隐患 list")); // 7 9
 * ```
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}
