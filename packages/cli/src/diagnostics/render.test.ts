import { diagnosticsDocument } from "@remit/app";
import type { Diagnostic } from "@remit/lang";
import fc from "fast-check";
import picocolors from "picocolors";
import { describe, expect, it } from "vitest";
import { codeFrame, countDiagnostics, renderCounts, renderDiagnostic } from "./render.js";

const plain = picocolors.createColors(false);

function diagnosticAt(
  line: number,
  column: number,
  endColumn: number,
  severity: Diagnostic["severity"] = "error",
): Diagnostic {
  return {
    code: "R2001",
    severity,
    message: { en: "unknown name '乡镇名称'", zh: "未知名称“乡镇名称”" },
    hint: { en: "did you mean '乡镇'?", zh: "是否想写“乡镇”？" },
    span: {
      file: "policy.remit",
      start: { line, column, offset: 0 },
      end: { line, column: endColumn, offset: 0 },
    },
    suggestions: ["乡镇"],
    related: [],
  };
}

const source = ['policy "资源县"', "define x = 乡镇名称 + 1", ""].join("\n");

describe("renderDiagnostic", () => {
  it("puts the caret under a CJK name, two columns per character", () => {
    // `乡镇名称` starts at UTF-16 column 12 and spans 4 code units.
    const text = renderDiagnostic(diagnosticAt(2, 12, 16), {
      lang: "en",
      colors: plain,
      sourceOf: () => source,
    });
    expect(text.split("\n")).toEqual([
      "policy.remit:2:12 error[R2001]: unknown name '乡镇名称'",
      "2 | define x = 乡镇名称 + 1",
      "  |            ^~~~~~~~",
      "hint: did you mean '乡镇'?",
    ]);
  });

  it("puts the caret after CJK text in the right terminal column", () => {
    const line = 'policy "资源县" version 1';
    const text = renderDiagnostic(
      {
        ...diagnosticAt(1, 14, 21),
        span: {
          file: "a.remit",
          start: { line: 1, column: 14, offset: 13 },
          end: { line: 1, column: 21, offset: 20 },
        },
      },
      { lang: "en", colors: plain, sourceOf: () => line },
    );
    const [, sourceLine, underline] = text.split("\n");
    expect(sourceLine).toBe(`1 | ${line}`);
    // `policy "资源县" ` is 13 code units but 16 terminal columns.
    expect(underline).toBe(`  | ${" ".repeat(16)}^~~~~~~`);
  });

  it("speaks Chinese with --lang zh", () => {
    const text = renderDiagnostic(diagnosticAt(2, 12, 16, "warning"), {
      lang: "zh",
      colors: plain,
      sourceOf: () => source,
    });
    expect(text).toContain("policy.remit:2:12 警告[R2001]：未知名称“乡镇名称”");
    expect(text).toContain("提示：是否想写“乡镇”？");
  });

  it("leaves out the frame when the source is unknown and the hint when there is none", () => {
    const text = renderDiagnostic(
      { ...diagnosticAt(2, 12, 16), hint: undefined },
      {
        lang: "en",
        colors: plain,
        sourceOf: () => undefined,
      },
    );
    expect(text).toBe("policy.remit:2:12 error[R2001]: unknown name '乡镇名称'");
  });

  it("names the file as displayPath says", () => {
    const text = renderDiagnostic(diagnosticAt(2, 12, 16), {
      lang: "en",
      colors: plain,
      sourceOf: () => source,
      displayPath: (file) => `policies/ziyuan/${file}`,
    });
    expect(text.startsWith("policies/ziyuan/policy.remit:2:12 ")).toBe(true);
  });

  it("colours the severity when colours are on", () => {
    const colors = picocolors.createColors(true);
    const text = renderDiagnostic(diagnosticAt(2, 12, 16), { lang: "en", colors, sourceOf: () => source });
    expect(text).toContain("\u001b[31m");
  });
});

describe("codeFrame", () => {
  const wide = fc.constantFrom("资", "源", "县", "乡", "镇", "（", "：");
  const narrow = fc.constantFrom("a", "b", " ", "=", "1", ".", '"');
  const lineChars = fc.array(fc.oneof(wide, narrow), { minLength: 1, maxLength: 30 });

  it("pads by the terminal width of the text before the span and underlines its width", () => {
    fc.assert(
      fc.property(lineChars, fc.nat(), fc.nat(), (chars, a, b) => {
        const line = chars.join("");
        const from = a % chars.length;
        const to = from + 1 + (b % (chars.length - from));
        const frame = codeFrame(line, { line: 1, column: from + 1 }, { line: 1, column: to + 1 });
        const columns = (part: readonly string[]) =>
          part.reduce((sum, ch) => sum + (/[ -~]/.test(ch) ? 1 : 2), 0);
        expect(frame?.padding.length).toBe(columns(chars.slice(0, from)));
        expect(frame?.underline.length).toBe(columns(chars.slice(from, to)));
        expect(frame?.underline.startsWith("^")).toBe(true);
      }),
    );
  });

  it("underlines a span that runs onto later lines to the end of its first line", () => {
    const frame = codeFrame("ab\ncd", { line: 1, column: 2 }, { line: 2, column: 2 });
    expect(frame).toEqual({ line: "ab", padding: " ", underline: "^" });
  });

  it("draws one caret for an empty span at the end of a line", () => {
    const frame = codeFrame("abc\r\n", { line: 1, column: 4 }, { line: 1, column: 4 });
    expect(frame).toEqual({ line: "abc", padding: "   ", underline: "^" });
  });

  it("expands tabs the same way in the line and the padding", () => {
    const frame = codeFrame("\tx", { line: 1, column: 2 }, { line: 1, column: 3 });
    expect(frame).toEqual({ line: "    x", padding: "    ", underline: "^" });
  });

  it("has nothing to show for a line past the end of the file", () => {
    expect(codeFrame("a", { line: 3, column: 1 }, { line: 3, column: 2 })).toBeUndefined();
  });
});

describe("counts", () => {
  const many = [diagnosticAt(1, 1, 2), diagnosticAt(1, 1, 2), diagnosticAt(1, 1, 2, "warning")];

  it("counts by severity in both languages", () => {
    const counts = countDiagnostics(many);
    expect(counts).toEqual({ errors: 2, warnings: 1, infos: 0 });
    expect(renderCounts(counts, "en")).toBe("2 errors, 1 warning");
    expect(renderCounts(counts, "zh")).toBe("2 个错误，1 个警告");
    expect(renderCounts({ errors: 1, warnings: 0, infos: 2 }, "en")).toBe("1 error, 0 warnings, 2 infos");
  });
});

describe("diagnosticsDocument", () => {
  it("keeps every field, both languages, and a null hint when there is none", () => {
    const json = diagnosticsDocument([
      diagnosticAt(2, 12, 16),
      { ...diagnosticAt(1, 1, 2), hint: undefined },
    ]);
    const parsed = JSON.parse(JSON.stringify(json));
    expect(parsed.diagnostics[0]).toEqual({
      code: "R2001",
      severity: "error",
      message: { en: "unknown name '乡镇名称'", zh: "未知名称“乡镇名称”" },
      hint: { en: "did you mean '乡镇'?", zh: "是否想写“乡镇”？" },
      span: {
        file: "policy.remit",
        start: { line: 2, column: 12, offset: 0 },
        end: { line: 2, column: 16, offset: 0 },
      },
      suggestions: ["乡镇"],
      related: [],
    });
    expect(parsed.diagnostics[1].hint).toBeNull();
  });

  it("writes related locations with their message in both languages", () => {
    const first = diagnosticAt(1, 9, 12);
    const json = diagnosticsDocument([
      {
        ...diagnosticAt(2, 12, 16),
        related: [{ message: { en: "first defined here", zh: "首次定义于此" }, span: first.span }],
      },
    ]);
    expect(JSON.parse(JSON.stringify(json)).diagnostics[0].related).toEqual([
      {
        message: { en: "first defined here", zh: "首次定义于此" },
        span: {
          file: "policy.remit",
          start: { line: 1, column: 9, offset: 0 },
          end: { line: 1, column: 12, offset: 0 },
        },
      },
    ]);
  });
});

describe("related locations in code frames", () => {
  const related = (line: number, column: number, endColumn: number) => ({
    message: { en: "also used here", zh: "此处也用到了它" },
    span: diagnosticAt(line, column, endColumn).span,
  });

  it("prints each with its own frame, after the hint", () => {
    const text = renderDiagnostic(
      { ...diagnosticAt(2, 12, 16), related: [related(1, 9, 12)] },
      { lang: "zh", colors: plain, sourceOf: () => source },
    );
    expect(text.split("\n").slice(4)).toEqual([
      "说明：policy.remit:1:9 此处也用到了它",
      '1 | policy "资源县"',
      "  |         ^~~~~~",
    ]);
  });

  it("frames the first three and counts the rest", () => {
    const many = Array.from({ length: 40 }, () => related(1, 9, 12));
    const text = renderDiagnostic(
      { ...diagnosticAt(2, 12, 16), related: many },
      { lang: "en", colors: plain, sourceOf: () => source },
    );
    expect(text.split("\n").filter((l) => l.startsWith("note: ")).length).toBe(4);
    expect(text.split("\n").at(-1)).toBe("note: and 37 more places");
  });
});
