/**
 * Fenced code blocks of a Markdown document, read the CommonMark way: a fence is three or more
 * backticks or tildes indented at most three spaces, and only a fence of the same character at
 * least as long closes it, so a ```` ```` ```` block may show ```` ``` ```` blocks inside it.
 */
export interface FencedBlock {
  /** The whole info string after the opening fence (`remit check`). */
  readonly info: string;
  /** Its first word (`remit`). */
  readonly language: string;
  /** The lines between the fences, each ending in `\n`. */
  readonly text: string;
  /** 1-based line of the opening fence in the document. */
  readonly line: number;
}

const openingFence = /^ {0,3}(`{3,}|~{3,})(.*)$/;

export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split(/\r\n|\n|\r/);
  const blocks: FencedBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const opening = openingFence.exec(lines[index] ?? "");
    // An info string after backticks may not itself hold a backtick (CommonMark).
    if (opening === null || (opening[1]?.startsWith("`") && opening[2]?.includes("`"))) {
      index += 1;
      continue;
    }
    const fence = opening[1] ?? "";
    const info = (opening[2] ?? "").trim();
    const closing = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
    const start = index;
    const body: string[] = [];
    index += 1;
    while (index < lines.length && !closing.test(lines[index] ?? "")) {
      body.push(lines[index] ?? "");
      index += 1;
    }
    index += 1;
    blocks.push({
      info,
      language: info.split(/\s+/)[0] ?? "",
      text: body.map((line) => `${line}\n`).join(""),
      line: start + 1,
    });
  }
  return blocks;
}

/** The blocks marked `remit`: code in a literate policy, examples in the reference. */
export function remitBlocks(markdown: string): FencedBlock[] {
  return fencedBlocks(markdown).filter((block) => block.language === "remit");
}

/** An example marked `remit check` is a complete policy: it must check without errors. */
export function isCompletePolicy(block: FencedBlock): boolean {
  return block.info.split(/\s+/).includes("check");
}
