import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParseResult } from "./parse.js";
import { parse } from "./parse.js";
import { chinesePolicy, englishPolicy } from "./testdata/policies.js";

/** Every span lies inside the text; top-level declarations come in order and do not overlap. */
function checkSpans(text: string, result: ParseResult): void {
  expect(result.module.kind).toBe("Module");
  for (const d of result.diagnostics) {
    expect(d.span.start.offset).toBeGreaterThanOrEqual(0);
    expect(d.span.end.offset).toBeLessThanOrEqual(text.length);
    expect(d.span.start.offset).toBeLessThanOrEqual(d.span.end.offset);
  }
  let previousEnd = 0;
  for (const decl of result.module.declarations) {
    expect(decl.span.start.offset).toBeGreaterThanOrEqual(previousEnd);
    expect(decl.span.end.offset).toBeGreaterThan(decl.span.start.offset);
    expect(decl.span.end.offset).toBeLessThanOrEqual(text.length);
    previousEnd = decl.span.end.offset;
  }
}

const pieces = [
  "policy",
  "duty",
  "职责",
  "escalation",
  "accountability",
  "define",
  "param",
  "type",
  "collection",
  "record",
  "clause",
  "import",
  "as",
  "at",
  "截至",
  "must",
  "必须",
  "cites",
  "for",
  "each",
  "in",
  "where",
  "let",
  "holder",
  "requires",
  "by",
  "within",
  "of",
  "every",
  "每季度",
  "quarter",
  "from",
  "until",
  "starts",
  "level",
  "after",
  "when",
  "closes",
  "overdue",
  "cause",
  "targets",
  "and",
  "or",
  "not",
  "is",
  "set",
  "missing",
  "if",
  "then",
  "else",
  "true",
  "none",
  "count",
  "all",
  "text",
  "integer",
  "date",
  "optional",
  "list",
  "enum",
  "planned",
  "days",
  "天",
  "个月",
  "x",
  "h",
  "乡镇",
  "a-b",
  "1",
  "2.1.3",
  "15",
  "2026-12-31",
  '"s"',
  "“全角”",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  ".",
  "=",
  "<",
  ">=",
  "->",
  "+",
  "-",
  "*",
  "/",
  "（",
  "：",
  "#c\n",
  "\n",
  "@",
];

describe("the parser never throws", () => {
  it("on random strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => checkSpans(text, parse(text, "fuzz.remit"))),
      { numRuns: 300 },
    );
  });

  it("on random code points, in both file forms", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.boolean(), (text, literate) => {
        const file = literate ? "fuzz.remit.md" : "fuzz.remit";
        checkSpans(text, parse(text, file));
      }),
      { numRuns: 200 },
    );
  });

  it("on the token sequences fuzzing has found", () => {
    // A deadline moved after a modality was moved again on every re-parse, its span inverted.
    const text = "duty 必须 policy by";
    const result = parse(text, "found.remit");
    checkSpans(text, result);
    expect(result.diagnostics.filter((d) => d.code === "R2016")).toHaveLength(1);
  });

  it("on random token sequences", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
        const text = parts.join(" ");
        checkSpans(text, parse(text, "fuzz.remit"));
      }),
      { numRuns: 200 },
    );
  });

  it("on mutations of a valid policy", () => {
    const policies = [englishPolicy, chinesePolicy];
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        fc.array(
          fc.record({
            at: fc.nat(),
            remove: fc.nat({ max: 20 }),
            insert: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 5 })),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (policy, edits) => {
          let text = policy;
          for (const edit of edits) {
            const at = edit.at % (text.length + 1);
            text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
          }
          checkSpans(text, parse(text, "mutated.remit"));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("top-level spans", () => {
  const declarations = [
    'clause 1 "总体要求"',
    "param d: duration = 15 days",
    'type K = enum("a", "b")',
    "collection c { x: text }",
    'record r "县" { y: integer [人] }',
    "define f(t: c): bool = t.x is set",
    'duty a-b "t" must cites 1 for each t in c requires t.x by 2026-12-31',
    'escalation e "t" must cites 1 for each t in c starts t.d level one "1" level two after 3 days',
    'accountability q "t" must cites 3.3 for each t in c as at t.d cause "c" when true targets "g"',
    '职责 中文-规则 "标题" 必须 依据 2.1.3 对于 每个 t 属于 c 要求 t.x 每月 从 2026-01-01',
  ];
  const separators = ["\n", "\n\n", "  ", "\n# 注释\n", "\t"];

  it("are in order, do not overlap, and cover their declaration's text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...declarations), fc.constantFrom(...separators)), {
          maxLength: 12,
        }),
        (parts) => {
          const text = parts.map(([d, s]) => d + s).join("");
          const result = parse(text, "spans.remit");
          expect(result.diagnostics).toEqual([]);
          expect(result.module.declarations).toHaveLength(parts.length);
          checkSpans(text, result);
          result.module.declarations.forEach((decl, i) => {
            expect(text.slice(decl.span.start.offset, decl.span.end.offset)).toBe(parts[i]?.[0]);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
