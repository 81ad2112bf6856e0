import fc from "fast-check";
import picocolors from "picocolors";
import { describe, expect, it } from "vitest";
import { renderTable } from "./table.js";

describe("renderTable", () => {
  it("aligns columns by terminal width with CJK text", () => {
    const lines = renderTable(
      [{ header: "规则" }, { header: "Status" }, { header: "N", align: "right" }, { header: "Holder" }],
      [
        ["grid-duty", "已完成", "3", "资源县人民政府"],
        ["a", "overdue", "12", "x"],
      ],
    );
    expect(lines).toEqual([
      "规则       Status    N  Holder",
      "grid-duty  已完成    3  资源县人民政府",
      "a          overdue  12  x",
    ]);
  });

  it("starts every column at the same terminal column in every row", () => {
    const chars = ["a", "1", "-", "资", "镇", "："];
    // Reference widths, independent of the library: the CJK characters here take two columns.
    const width = (text: string) => [...text].reduce((sum, ch) => sum + (/[ -~]/.test(ch) ? 1 : 2), 0);
    const pad = (text: string, columns: number) => text + " ".repeat(columns - width(text));
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 8 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 6 }), (rows) => {
        const lines = renderTable([{ header: "A" }, { header: "B" }, { header: "C" }], rows);
        const widthA = Math.max(1, ...rows.map((row) => width(row[0])));
        const widthB = Math.max(1, ...rows.map((row) => width(row[1])));
        rows.forEach((row, i) => {
          const expected = `${pad(row[0], widthA)}  ${pad(row[1], widthB)}  ${row[2]}`.trimEnd();
          expect(lines[i + 1]).toBe(expected);
        });
      }),
    );
  });

  it("paints cells without painting their padding", () => {
    const colors = picocolors.createColors(true);
    const [, row] = renderTable(
      [{ header: "Status" }, { header: "X" }],
      [[{ text: "逾期", paint: colors.red }, "x"]],
    );
    expect(row).toBe(`${colors.red("逾期")}    x`);
  });

  it("indents and leaves no trailing spaces", () => {
    const lines = renderTable([{ header: "A" }, { header: "Long header" }], [["x", ""]], { indent: "  " });
    expect(lines).toEqual(["  A  Long header", "  x"]);
  });
});
