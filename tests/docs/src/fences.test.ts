import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fencedBlocks, isCompletePolicy, remitBlocks } from "./fences.js";

describe("fencedBlocks", () => {
  it("reads the info string, the body and the opening line", () => {
    const doc = '# 标题\n\n```remit check\n政策 "示例"\n```\n\n正文\n~~~ebnf\na = b ;\n~~~\n';
    expect(fencedBlocks(doc)).toEqual([
      { info: "remit check", language: "remit", text: '政策 "示例"\n', line: 3 },
      { info: "ebnf", language: "ebnf", text: "a = b ;\n", line: 8 },
    ]);
  });

  it("keeps a shorter fence inside a longer one as body text", () => {
    const doc = "````markdown\n```remit\n职责 a\n```\n````\n";
    const blocks = fencedBlocks(doc);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.language).toBe("markdown");
    expect(remitBlocks(doc)).toEqual([]);
  });

  it("does not close a fence with the other fence character or trailing text", () => {
    const doc = "```remit\n~~~\n``` not a close\n```\nafter\n";
    expect(fencedBlocks(doc)[0]?.text).toBe("~~~\n``` not a close\n");
  });

  it("runs an unclosed fence to the end of the document", () => {
    expect(fencedBlocks("```remit\n职责 a\n")[0]?.text).toBe("职责 a\n\n");
  });

  it("tells complete policies by the check word", () => {
    const [plain, checked] = remitBlocks("```remit\n```\n```remit check\n```\n");
    expect(plain && isCompletePolicy(plain)).toBe(false);
    expect(checked && isCompletePolicy(checked)).toBe(true);
  });

  it("finds exactly the blocks a document was built from", () => {
    const proseLine = fc
      .string({ unit: fc.constantFrom("a", "文", " ", "#", "`", "~", "-"), maxLength: 12 })
      .filter((line) => !/^ {0,3}(`{3,}|~{3,})/.test(line));
    const block = fc.record({
      char: fc.constantFrom("`", "~"),
      length: fc.integer({ min: 3, max: 6 }),
      language: fc.constantFrom("remit", "ebnf", "markdown", ""),
      body: fc.array(fc.string({ unit: fc.constantFrom("x", "政", " ", "`", "~", '"'), maxLength: 10 }), {
        maxLength: 4,
      }),
    });
    const segment = fc.oneof(
      fc.array(proseLine, { maxLength: 3 }).map((lines) => ({ prose: lines })),
      block,
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const lines: string[] = [];
        const expected: { language: string; text: string; line: number }[] = [];
        for (const s of segments) {
          if ("prose" in s) {
            lines.push(...s.prose);
            continue;
          }
          const fence = s.char.repeat(s.length);
          // A body line must not close the fence early.
          const body = s.body.filter(
            (line) => !new RegExp(`^ {0,3}\\${s.char}{${s.length},}\\s*$`).test(line),
          );
          expected.push({
            language: s.language,
            text: body.map((l) => `${l}\n`).join(""),
            line: lines.length + 1,
          });
          lines.push(`${fence}${s.language}`, ...body, fence);
        }
        const found = fencedBlocks(lines.join("\n")).map(({ language, text, line }) => ({
          language,
          text,
          line,
        }));
        expect(found).toEqual(expected);
      }),
    );
  });
});
