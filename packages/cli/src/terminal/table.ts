import { displayWidth, padEndToWidth, padStartToWidth } from "./width.js";

export interface Cell {
  readonly text: string;
  /** Colour applied after padding, so escape codes never upset the alignment. */
  readonly paint?: (text: string) => string;
}

export interface Column {
  readonly header: string;
  readonly align?: "left" | "right";
}

export type CellInput = string | Cell;

/**
 * A plain-text table aligned in terminal columns (full-width characters count two), columns two
 * spaces apart, no trailing spaces. The header is painted with `headerPaint`.
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly CellInput[])[],
  options: { readonly indent?: string; readonly headerPaint?: (text: string) => string } = {},
): string[] {
  const indent = options.indent ?? "";
  const cells = rows.map((row) => columns.map((_, i) => toCell(row[i])));
  const widths = columns.map((column, i) =>
    Math.max(displayWidth(column.header), ...cells.map((row) => displayWidth(row[i]?.text ?? ""))),
  );
  const line = (row: readonly Cell[], paintAll?: (text: string) => string) => {
    const parts = row.map((cell, i) => {
      const width = widths[i] ?? 0;
      const last = i === row.length - 1;
      const padded =
        columns[i]?.align === "right"
          ? padStartToWidth(cell.text, width)
          : last
            ? cell.text
            : padEndToWidth(cell.text, width);
      const paint = paintAll ?? cell.paint;
      return paint === undefined || cell.text === "" ? padded : paintPreservingPadding(padded, paint);
    });
    return (indent + parts.join("  ")).trimEnd();
  };
  return [
    line(
      columns.map((column) => ({ text: column.header })),
      options.headerPaint,
    ),
    ...cells.map((row) => line(row)),
  ];
}

function toCell(input: CellInput | undefined): Cell {
  if (input === undefined) return { text: "" };
  return typeof input === "string" ? { text: input } : input;
}

/** Paints only the text, not the padding around it, so underlines and backgrounds stay tight. */
function paintPreservingPadding(padded: string, paint: (text: string) => string): string {
  const match = /^(\s*)(.*?)(\s*)$/su.exec(padded);
  if (match === null) return paint(padded);
  return `${match[1]}${paint(match[2] ?? "")}${match[3]}`;
}
