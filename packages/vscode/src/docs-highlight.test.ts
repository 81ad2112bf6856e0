import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keywords } from "@remit/lang";
import fc from "fast-check";
import { Application, LogLevel, TSConfigReader } from "typedoc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemitHighlighter, type RemitHighlighter, remitHighlightStyle } from "./docs-highlight.js";
import { load } from "./typedoc-plugin.js";

/** The spans of highlighted HTML: each token's text (unescaped) and its light and dark colours. */
function spans(html: string): { text: string; light: string; dark: string }[] {
  const found = [
    ...html.matchAll(
      /<span class="remit-hl" style="--remit-light:([^;]+);--remit-dark:([^"]+)">([^<]*)<\/span>/g,
    ),
  ];
  return found.map(([, light = "", dark = "", text = ""]) => ({ text: decodeEntities(text), light, dark }));
}

function decodeEntities(html: string): string {
  return html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** The text a reader sees: tags dropped, line breaks back to newlines, entities decoded. */
function visibleText(html: string): string {
  return decodeEntities(html.replace(/<br\/>/g, "\n").replace(/<[^>]+>/g, ""));
}

describe("highlighting Remit in HTML documentation", () => {
  let highlighter: RemitHighlighter;
  beforeAll(async () => {
    highlighter = await createRemitHighlighter({ light: "light-plus", dark: "dark-plus" });
  });

  const units = new Set(["Day", "Week", "Month", "Quarter", "Year"]);
  const colourOf = (html: string, text: string) => spans(html).find((span) => span.text.trim() === text);

  it("colours keywords, strings, dates and comments apart from names, in both spellings", () => {
    const zh = highlighter.highlight(
      '政策 "示例"\n  生效 2026-02-13 # 注释\n职责 报告 "按时报告"\n  必须 完成\n',
    );
    const en = highlighter.highlight(
      'policy "Example"\n  effective 2026-02-13 # note\nduty report "Report on time"\n  must done\n',
    );
    for (const [html, keyword, name, string, comment] of [
      [zh, "必须", "完成", '"按时报告"', "# 注释"],
      [en, "must", "done", '"Report on time"', "# note"],
    ] as const) {
      const keywordColour = colourOf(html, keyword);
      const nameColour = colourOf(html, name);
      expect(keywordColour, keyword).toBeDefined();
      expect(keywordColour?.light).not.toBe(nameColour?.light);
      expect(keywordColour?.dark).not.toBe(nameColour?.dark);
      expect(colourOf(html, string)?.light).not.toBe(nameColour?.light);
      expect(colourOf(html, comment)?.light).not.toBe(nameColour?.light);
      expect(colourOf(html, "2026-02-13")?.light).not.toBe(nameColour?.light);
    }
    // The same construct has the same colour in either language.
    expect(colourOf(zh, "必须")).toEqual({ ...colourOf(en, "must"), text: "必须" });
  });

  it("colours every keyword spelling of the language's table as a keyword, not as a name", () => {
    const nameColour = colourOf(highlighter.highlight("某个名称"), "某个名称")?.light;
    const plain: string[] = [];
    for (const entry of keywords) {
      for (const spelling of [...entry.en, ...entry.zh]) {
        // A unit is a keyword after a number (`15 天`); elsewhere `天` may be a name.
        const code = units.has(entry.name) ? `15 ${spelling}\n` : `${spelling}\n`;
        const colour = spans(highlighter.highlight(code)).find((span) => span.text === spelling)?.light;
        if (colour === undefined || colour === nameColour) plain.push(spelling);
      }
    }
    expect(plain).toEqual([]);
  });

  it("keeps the text exactly, escaping what HTML would read as markup (property)", () => {
    const piece = fc.constantFrom(
      "政策",
      "must",
      '"a<b & c>"',
      "<",
      "&",
      '"',
      ">",
      " ",
      "\n",
      "2026-02-13",
      "# <x>",
      "15 天",
      "r.等级",
      "→",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join("")),
        (code) => {
          const html = highlighter.highlight(code);
          expect(html).not.toMatch(/<(?!\/?span|br\/>)/);
          expect(visibleText(html)).toBe(code.replace(/\n$/, ""));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the TypeDoc plugin", () => {
  const folder = mkdtempSync(join(tmpdir(), "remit-typedoc-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("highlights ```remit blocks of doc comments and documents with no warning, adds the style, and names documents by their heading", async () => {
    writeFileSync(
      join(folder, "index.ts"),
      [
        "/**",
        " * Checks a policy.",
        " *",
        " * ```remit",
        ' * 职责 报告 "按时报告"',
        " *   必须 完成",
        " * ```",
        " */",
        "export function check(): void {}",
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(folder, "guide.md"),
      '# 编写指南\n\n```remit\nduty report "Report on time"\n  must done\n```\n',
    );
    writeFileSync(
      join(folder, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, module: "nodenext", target: "es2022" },
        include: ["index.ts"],
      }),
    );
    const app = await Application.bootstrapWithPlugins(
      {
        entryPoints: [join(folder, "index.ts")],
        tsconfig: join(folder, "tsconfig.json"),
        projectDocuments: [join(folder, "guide.md")],
        plugin: [],
        entryPointStrategy: "resolve",
        name: "Fixture",
        readme: "none",
        logLevel: LogLevel.Warn,
        skipErrorChecking: true,
      },
      // Only the fixture's tsconfig: the repository's typedoc.json is not this project's.
      [new TSConfigReader()],
    );
    load(app);
    const warnings: string[] = [];
    const warn = app.logger.warn.bind(app.logger);
    app.logger.warn = (message) => {
      warnings.push(String(message));
      warn(message);
    };
    const project = await app.convert();
    expect(project).toBeDefined();
    if (project === undefined) return;
    const out = join(folder, "out");
    await app.generateDocs(project, out);

    expect(warnings).toEqual([]);
    const functionPage = readFileSync(join(out, "functions", "index.check.html"), "utf8");
    expect(spans(functionPage).map((span) => span.text)).toEqual(
      expect.arrayContaining(["职责", "必须", '"按时报告"']),
    );
    expect(functionPage).toContain(remitHighlightStyle);
    // Listed by its heading, not its file name.
    const guidePage = readFileSync(join(out, "documents", "编写指南.html"), "utf8");
    expect(guidePage).toContain("<title>编写指南 | Fixture</title>");
    expect(spans(guidePage).map((span) => span.text)).toEqual(expect.arrayContaining(["duty", "must"]));
  }, 120_000);
});
