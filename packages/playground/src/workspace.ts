/**
 * What the page edits: the policy's files, the facts, the evaluation date and the scenarios
 * that come with the policy. The bundle carries the Ziyuan policy and the example county; `remit
 * playground POLICY` serves `workspace.json` beside the page with another policy instead.
 */
import type { Language } from "@remit/lang";
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";

export interface ScenarioFile {
  /** The file name without `.json`. */
  readonly id: string;
  readonly text: string;
}

export interface Workspace {
  /** Policy texts by path; imports resolve between them. */
  readonly files: Readonly<Record<string, string>>;
  /** The path of the entry among `files`. */
  readonly entry: string;
  /** The facts document's text (JSON). */
  readonly facts: string;
  /** The evaluation date, `YYYY-MM-DD`; the facts' own `asOf` when not given. */
  readonly asOf: string | undefined;
  readonly scenarios: readonly ScenarioFile[];
  /** Scenario fixtures' texts by name (`base` for `fixtures/base.json`). */
  readonly fixtures: Readonly<Record<string, string>>;
}

const repoRoot = "../../../";

function byRepoPath(modules: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(modules).map(([file, text]) => [file.slice(repoRoot.length), text]),
  );
}

function byName(modules: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(modules).map(([file, text]) => [
      file.slice(file.lastIndexOf("/") + 1).replace(/\.json$/, ""),
      text,
    ]),
  );
}

/** The workspace built into the page: the Ziyuan plan, the example county and its scenarios. */
export function bundledWorkspace(): Workspace {
  const files = byRepoPath(
    import.meta.glob<string>(
      ["../../../policies/ziyuan-2026/*.remit.md", "../../../policies/standards/*.remit"],
      {
        query: "?raw",
        import: "default",
        eager: true,
      },
    ),
  );
  const facts = import.meta.glob<string>("../../../examples/ziyuan-county/facts.json", {
    query: "?raw",
    import: "default",
    eager: true,
  });
  const scenarios = byName(
    import.meta.glob<string>("../../../tests/ziyuan/scenarios/*.json", {
      query: "?raw",
      import: "default",
      eager: true,
    }),
  );
  const fixtures = byName(
    import.meta.glob<string>("../../../tests/ziyuan/fixtures/*.json", {
      query: "?raw",
      import: "default",
      eager: true,
    }),
  );
  return {
    files,
    entry: "policies/ziyuan-2026/policy.remit.md",
    facts: Object.values(facts)[0] ?? "{}",
    asOf: undefined,
    scenarios: Object.entries(scenarios)
      .map(([id, text]) => ({ id, text }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    fixtures,
  };
}

function isRecordOfStrings(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string")
  );
}

/** A workspace document as `remit playground` serves it, checked field by field. */
export function workspaceFromJson(raw: unknown): Workspace | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { files, entry, facts, asOf, scenarios, fixtures } = raw as Record<string, unknown>;
  if (!isRecordOfStrings(files) || typeof entry !== "string" || !(entry in files)) return undefined;
  const scenarioList = Array.isArray(scenarios)
    ? scenarios.filter(
        (s): s is ScenarioFile =>
          typeof s === "object" && s !== null && typeof s.id === "string" && typeof s.text === "string",
      )
    : [];
  return {
    files,
    entry,
    facts: typeof facts === "string" ? facts : "{}",
    asOf: typeof asOf === "string" ? asOf : undefined,
    scenarios: scenarioList,
    fixtures: isRecordOfStrings(fixtures) ? fixtures : {},
  };
}

/** The workspace `remit playground` serves beside the page, else the bundled one. */
export async function loadWorkspace(fetchJson: (url: string) => Promise<unknown>): Promise<Workspace> {
  try {
    return workspaceFromJson(await fetchJson("workspace.json")) ?? bundledWorkspace();
  } catch {
    return bundledWorkspace();
  }
}

/**
 * The state a link carries: the files and facts that differ from the workspace the page starts
 * with (in full), the date and the language. Unchanged text is left out, so an unedited link is
 * short.
 */
export interface SharedState {
  readonly files: Readonly<Record<string, string>>;
  readonly facts: string | undefined;
  readonly asOf: string | undefined;
  readonly lang: Language | undefined;
}

export function changesFrom(
  base: Workspace,
  files: Readonly<Record<string, string>>,
  facts: string,
  asOf: string | undefined,
  lang: Language,
): SharedState {
  const changed = Object.fromEntries(
    Object.entries(files).filter(([path, text]) => base.files[path] !== text),
  );
  return { files: changed, facts: facts === base.facts ? undefined : facts, asOf, lang };
}

/**
 * The URL hash for `state`: `#s=` and the state compressed with lz-string, whose output is
 * URL-safe as it comes and which works synchronously (the browser's CompressionStream is
 * asynchronous and would need its own base64url step).
 */
export function encodeState(state: SharedState): string {
  return `#s=${compressToEncodedURIComponent(JSON.stringify(state))}`;
}

/** The state in a URL hash, or undefined when the hash holds none (or a damaged one). */
export function decodeState(hash: string): SharedState | undefined {
  const match = /^#s=(.+)$/.exec(hash);
  if (match?.[1] === undefined) return undefined;
  try {
    const raw = JSON.parse(decompressFromEncodedURIComponent(match[1]) ?? "") as Record<string, unknown>;
    return {
      files: isRecordOfStrings(raw["files"]) ? raw["files"] : {},
      facts: typeof raw["facts"] === "string" ? raw["facts"] : undefined,
      asOf: typeof raw["asOf"] === "string" ? raw["asOf"] : undefined,
      lang: raw["lang"] === "en" || raw["lang"] === "zh" ? raw["lang"] : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The workspace with a link's changes applied (files the workspace does not have are ignored). */
export function applyState(base: Workspace, state: SharedState | undefined): Workspace {
  if (state === undefined) return base;
  const files = { ...base.files };
  for (const [path, text] of Object.entries(state.files)) if (path in files) files[path] = text;
  return { ...base, files, facts: state.facts ?? base.facts, asOf: state.asOf ?? base.asOf };
}
