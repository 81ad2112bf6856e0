/**
 * Reads the outline of a literate policy: its clauses (from `## <id> <title>` headings, with the
 * prose under them) and its rules (id, kind, modality, cites) from the `remit` code blocks. Read
 * from the text itself so the coverage report depends on nothing but the files on disk.
 */
import { type Modality, modalityKeywords } from "@remit/lang";

export interface ClauseOutline {
  readonly id: string;
  readonly title: string;
  /** The prose under the heading, code blocks left out. */
  readonly prose: string;
}

export interface RuleOutline {
  readonly id: string;
  readonly title: string;
  readonly kind: "duty" | "escalation" | "accountability";
  readonly modality: Modality;
  readonly cites: readonly string[];
}

export interface PolicyOutline {
  readonly clauses: readonly ClauseOutline[];
  readonly rules: readonly RuleOutline[];
}

const ruleKinds: Readonly<Record<string, RuleOutline["kind"]>> = {
  duty: "duty",
  职责: "duty",
  escalation: "escalation",
  升级: "escalation",
  accountability: "accountability",
  问责: "accountability",
};

/** Each modality's spellings, from the keyword table; English `must not` is `must` then `not`. */
const modalities = new Map<string, Modality>([
  ...(
    Object.entries(modalityKeywords) as [Modality, { en: readonly string[]; zh: readonly string[] }][]
  ).flatMap(([value, keyword]) =>
    [...keyword.en, ...keyword.zh].map((spelling) => [spelling, value] as const),
  ),
  ["must not", "mustNot"],
]);
const modalityPattern = [...modalities.keys()].sort((a, b) => b.length - a.length).join("|");

const headingPattern = /^#{1,6}\s+(\d+(?:\.\d+)*)\s+(.+?)\s*$/;
const rulePattern = new RegExp(
  String.raw`^\s*(duty|escalation|accountability|职责|升级|问责)\s+([\p{L}_][\p{L}\p{N}_]*(?:-[\p{L}\p{N}_]+)*)\s+"([^"]*)"\s+(${modalityPattern})\s+(?:cites|依据)\s+(\d+(?:\.\d+)*(?:\s*,\s*\d+(?:\.\d+)*)*)`,
  "gmu",
);

/** Code with comments removed, so a commented-out rule is not counted. */
function stripComments(code: string): string {
  return code
    .split("\n")
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === "\\" && inString) i++;
        else if (c === '"') inString = !inString;
        else if (c === "#" && !inString) return line.slice(0, i);
      }
      return line;
    })
    .join("\n");
}

export function outlinePolicy(markdown: string): PolicyOutline {
  const clauses: { id: string; title: string; prose: string[] }[] = [];
  const code: string[] = [];
  let current: { id: string; title: string; prose: string[] } | undefined;
  let fence: string[] | undefined;
  let fenceIsRemit = false;
  for (const line of markdown.split("\n")) {
    const fenceMatch = /^\s*```(\S*)/.exec(line);
    if (fenceMatch) {
      if (fence === undefined) {
        fence = [];
        fenceIsRemit = fenceMatch[1] === "remit";
      } else {
        if (fenceIsRemit) code.push(fence.join("\n"));
        fence = undefined;
      }
      continue;
    }
    if (fence !== undefined) {
      fence.push(line);
      continue;
    }
    if (/^#{1,6}\s/.test(line)) {
      const heading = headingPattern.exec(line);
      current = heading ? { id: heading[1]!, title: heading[2]!, prose: [] } : undefined;
      if (current) clauses.push(current);
      continue;
    }
    current?.prose.push(line);
  }
  const rules: RuleOutline[] = [];
  for (const block of code) {
    for (const m of stripComments(block).matchAll(rulePattern)) {
      rules.push({
        kind: ruleKinds[m[1]!]!,
        id: m[2]!,
        title: m[3]!,
        modality: modalities.get(m[4]!)!,
        cites: m[5]!.split(",").map((s) => s.trim()),
      });
    }
  }
  return {
    clauses: clauses.map((c) => ({ id: c.id, title: c.title, prose: c.prose.join("\n").trim() })),
    rules,
  };
}

/** The sentence a clause without rules carries, saying why nothing is judged. */
export function notCheckableSentence(prose: string): string | undefined {
  return prose
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line.startsWith("不可机器判定"));
}
