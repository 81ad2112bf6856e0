/**
 * The playground page: the policy's files and the facts in CodeMirror, the checker's diagnostics
 * inline with their quick fixes, and the findings, explanations and scenarios recomputed in the
 * page (debounced) on every edit.
 */
import { defaultKeymap, historyKeymap, history as undoHistory } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import {
  type Diagnostic as EditorDiagnostic,
  lintGutter,
  lintKeymap,
  setDiagnostics,
} from "@codemirror/lint";
import { EditorState, type Extension } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { describeFailure } from "@remit/app/scenarios";
import {
  type EvaluationResult,
  type Finding,
  findingKey,
  type Policy,
  renderExplanation,
  statusWord,
  subjectWords,
} from "@remit/engine";
import { type Diagnostic, fixFor, type Language } from "@remit/lang";
import { type Checked, checkPolicy, type Evaluation, evaluateText, runScenarios } from "./evaluate.js";
import { jsonHighlight, policyLanguage } from "./highlight.js";
import { scenarioCounts, timing, type WordKey, word } from "./words.js";
import {
  applyState,
  changesFrom,
  decodeState,
  encodeState,
  loadWorkspace,
  type Workspace,
} from "./workspace.js";

/** The facts' tab; policy files are named by their paths. */
const factsTab = "facts.json";
/** Quiet time after the last keystroke before the policy is checked and evaluated again. */
const debounceMs = 200;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

class Playground {
  private lang: Language;
  private asOf: string | undefined;
  private readonly states = new Map<string, EditorState>();
  private current: string;
  private readonly view: EditorView;
  private checked: Checked | undefined;
  private policyChanged = true;
  /** The last policy that compiled, kept while the text has errors. */
  private lastPolicy: Policy | undefined;
  private evaluation: Evaluation | undefined;
  private selected: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest edit not yet checked was made. */
  private editedAt: number | undefined;
  private refreshes = 0;

  constructor(
    private readonly workspace: Workspace,
    private readonly start: Workspace,
    lang: Language,
  ) {
    this.lang = lang;
    this.asOf = start.asOf;
    for (const [path, text] of Object.entries(start.files))
      this.states.set(path, this.createState(path, text));
    this.states.set(factsTab, this.createState(factsTab, start.facts));
    this.current = start.entry;
    this.view = new EditorView({ state: this.stateOf(this.current), parent: element("editor") });
    this.wire();
    this.renderWords();
    this.renderTabs();
    this.refresh();
  }

  private createState(path: string, text: string): EditorState {
    const language: Extension = path === factsTab ? [json(), jsonHighlight] : policyLanguage(path);
    return EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        undoHistory(),
        keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
        EditorView.lineWrapping,
        language,
        lintGutter(),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          if (path !== factsTab) this.policyChanged = true;
          this.editedAt ??= performance.now();
          this.schedule();
        }),
      ],
    });
  }

  private stateOf(path: string): EditorState {
    const state = this.states.get(path);
    if (state === undefined) throw new Error(`no file ${path}`);
    return state;
  }

  private textOf(path: string): string {
    return (path === this.current ? this.view.state : this.stateOf(path)).doc.toString();
  }

  private policyFiles(): Record<string, string> {
    return Object.fromEntries(Object.keys(this.workspace.files).map((path) => [path, this.textOf(path)]));
  }

  private wire(): void {
    const asOf = element<HTMLInputElement>("as-of");
    asOf.addEventListener("change", () => {
      this.asOf = asOf.value === "" ? undefined : asOf.value;
      this.refresh();
    });
    element("lang").addEventListener("click", () => {
      this.lang = this.lang === "zh" ? "en" : "zh";
      this.renderWords();
      this.render();
      this.saveToUrl();
    });
    element("share").addEventListener("click", () => {
      this.saveToUrl();
      void navigator.clipboard?.writeText(location.href).then(() => {
        element("share").textContent = word("shared", this.lang);
        setTimeout(() => this.renderWords(), 1500);
      });
    });
    element("reset").addEventListener("click", () => {
      window.history.replaceState(null, "", location.pathname + location.search);
      location.reload();
    });
    element("run-scenarios").addEventListener("click", () => this.renderScenarios());
    element("findings").addEventListener("click", (event) => {
      const row = (event.target as HTMLElement).closest("tr.finding");
      if (row === null) return;
      const finding = this.result()?.findings[Number(row.getAttribute("data-index"))];
      this.selected = finding === undefined ? undefined : findingKey(finding);
      this.renderFindings();
    });
    element("problems").addEventListener("click", (event) => {
      const item = (event.target as HTMLElement).closest("li[data-file]");
      if (item === null) return;
      this.open(item.getAttribute("data-file") ?? this.current, Number(item.getAttribute("data-offset")));
    });
    element("tabs").addEventListener("click", (event) => {
      const tab = (event.target as HTMLElement).closest("button[data-file]");
      if (tab !== null) this.open(tab.getAttribute("data-file") ?? this.current);
    });
  }

  /** Shows `path` in the editor, the cursor at `offset` when given. */
  private open(path: string, offset?: number): void {
    if (path !== this.current) {
      this.states.set(this.current, this.view.state);
      this.current = path;
      this.view.setState(this.stateOf(path));
      this.renderTabs();
      this.renderLint();
    }
    if (offset !== undefined && Number.isFinite(offset)) {
      const at = Math.min(offset, this.view.state.doc.length);
      this.view.dispatch({
        selection: { anchor: at },
        effects: EditorView.scrollIntoView(at, { y: "center" }),
      });
    }
    this.view.focus();
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, debounceMs);
  }

  /** Checks the policy (when it changed), evaluates the facts and renders everything. */
  refresh(): void {
    const started = performance.now();
    if (this.policyChanged || this.checked === undefined) {
      this.checked = checkPolicy(this.policyFiles(), this.workspace.entry);
      this.policyChanged = false;
      if (this.checked.policy !== undefined) this.lastPolicy = this.checked.policy;
    }
    const policy = this.lastPolicy;
    this.evaluation =
      policy === undefined ? undefined : evaluateText(policy, this.textOf(factsTab), this.asOf);
    const checkMs = performance.now() - started;
    this.render();
    const root = document.documentElement;
    root.dataset["refreshes"] = String(++this.refreshes);
    root.dataset["checkMs"] = checkMs.toFixed(1);
    if (this.editedAt !== undefined)
      root.dataset["editToFindingsMs"] = (performance.now() - this.editedAt).toFixed(1);
    this.editedAt = undefined;
    element("timing").textContent = timing(checkMs, this.result()?.findings.length ?? 0, this.lang);
    if (this.refreshes === 1 && this.result() !== undefined) performance.mark("remit:first-findings");
    this.saveToUrl();
  }

  private result(): EvaluationResult | undefined {
    const evaluation = this.evaluation;
    return evaluation !== undefined && "outcome" in evaluation && "result" in evaluation.outcome
      ? evaluation.outcome.result
      : undefined;
  }

  private render(): void {
    // With no date picked, the picker shows the facts' own, which an edit of the facts may change.
    const asOf = element<HTMLInputElement>("as-of");
    if (this.asOf === undefined && document.activeElement !== asOf) asOf.value = this.factsDate() ?? "";
    this.renderTabs();
    this.renderLint();
    this.renderProblems();
    this.renderFindings();
  }

  private renderWords(): void {
    document.documentElement.lang = this.lang === "zh" ? "zh-CN" : "en";
    document.title = word("pageTitle", this.lang);
    for (const node of document.querySelectorAll<HTMLElement>("[data-word]")) {
      node.textContent = word(node.dataset["word"] as WordKey, this.lang);
    }
    const asOf = element<HTMLInputElement>("as-of");
    asOf.value = this.asOf ?? this.factsDate() ?? "";
  }

  private factsDate(): string | undefined {
    try {
      const facts = JSON.parse(this.textOf(factsTab)) as { asOf?: unknown };
      return typeof facts.asOf === "string" ? facts.asOf : undefined;
    } catch {
      return undefined;
    }
  }

  private diagnosticsIn(path: string): readonly Diagnostic[] {
    return (this.checked?.diagnostics ?? []).filter((d) => d.span.file === path);
  }

  private renderTabs(): void {
    const paths = [
      this.workspace.entry,
      ...Object.keys(this.workspace.files).filter((p) => p !== this.workspace.entry),
    ];
    const factsBroken =
      this.evaluation !== undefined && !("outcome" in this.evaluation && "result" in this.evaluation.outcome);
    element("tabs").innerHTML = [...paths, factsTab]
      .map((path) => {
        const errors =
          path === factsTab ? factsBroken : this.diagnosticsIn(path).some((d) => d.severity === "error");
        const label = path === factsTab ? `${word("facts", this.lang)} (${factsTab})` : baseName(path);
        return `<button type="button" role="tab" data-file="${escapeHtml(path)}" aria-selected="${path === this.current}"${errors ? ' class="has-errors"' : ""}>${escapeHtml(label)}</button>`;
      })
      .join("");
  }

  /** The current file's diagnostics in the editor, each with its quick fix where it has one. */
  private renderLint(): void {
    const state = this.view.state;
    const text = state.doc.toString();
    const clamp = (offset: number) => Math.max(0, Math.min(offset, state.doc.length));
    let diagnostics: EditorDiagnostic[];
    if (this.current === factsTab) {
      const problem =
        this.evaluation !== undefined && "problem" in this.evaluation ? this.evaluation.problem : undefined;
      diagnostics =
        problem?.kind === "not-json"
          ? [
              {
                from: clamp(problem.offset ?? 0),
                to: clamp((problem.offset ?? 0) + 1),
                severity: "error",
                message: `${word("factsNotJson", this.lang)}: ${problem.message}`,
              },
            ]
          : [];
    } else {
      diagnostics = this.diagnosticsIn(this.current).map((d) => {
        const fix = fixFor(d, text);
        const from = clamp(d.span.start.offset);
        const hint = d.hint === undefined ? "" : `\n${d.hint[this.lang]}`;
        return {
          from,
          to: Math.max(from, clamp(d.span.end.offset)),
          severity: d.severity,
          source: d.code,
          message: `${d.message[this.lang]}${hint}`,
          actions:
            fix === undefined
              ? []
              : [
                  {
                    name: fix.title[this.lang],
                    apply: (view: EditorView) => {
                      const { span, newText } = fix.edit;
                      view.dispatch({
                        changes: { from: span.start.offset, to: span.end.offset, insert: newText },
                      });
                    },
                  },
                ],
        };
      });
    }
    this.view.dispatch(setDiagnostics(state, diagnostics));
  }

  private renderProblems(): void {
    const items: string[] = (this.checked?.diagnostics ?? []).map(
      (d) =>
        `<li data-severity="${d.severity}" data-file="${escapeHtml(d.span.file)}" data-line="${d.span.start.line}" data-offset="${d.span.start.offset}" data-code="${d.code}"><span class="where">${escapeHtml(baseName(d.span.file))}:${d.span.start.line}:${d.span.start.column}</span><span class="code">${d.code}</span> ${escapeHtml(d.message[this.lang])}</li>`,
    );
    const evaluation = this.evaluation;
    if (evaluation !== undefined && "problem" in evaluation) {
      const text =
        evaluation.problem.kind === "no-date"
          ? word("noDate", this.lang)
          : `${word("factsNotJson", this.lang)}: ${evaluation.problem.message}`;
      items.push(
        `<li data-severity="error" data-file="${factsTab}" data-offset="${evaluation.problem.kind === "not-json" ? (evaluation.problem.offset ?? 0) : 0}">${escapeHtml(text)}</li>`,
      );
    } else if (evaluation !== undefined && "errors" in evaluation.outcome) {
      for (const error of evaluation.outcome.errors) {
        items.push(
          `<li data-severity="error" data-file="${factsTab}"><span class="where">${escapeHtml(factsTab)} ${escapeHtml(error.path)}</span><span class="code">${escapeHtml(error.code)}</span> ${escapeHtml(error.message[this.lang])}</li>`,
        );
      }
    }
    element("problems").innerHTML =
      items.length > 0 ? items.join("") : `<li>${word("noProblems", this.lang)}</li>`;
  }

  private renderFindings(): void {
    const result = this.result();
    const table = element("findings");
    const stale = this.checked?.policy === undefined && this.lastPolicy !== undefined;
    table.classList.toggle("stale", stale);
    const note = element("findings-note");
    note.hidden =
      !stale &&
      !(this.evaluation !== undefined && "outcome" in this.evaluation && "errors" in this.evaluation.outcome);
    note.textContent = stale ? word("stale", this.lang) : word("factsRejected", this.lang);
    const head = (["status", "rule", "subject", "holder", "due", "cites"] as const)
      .map((key) => `<th>${word(key, this.lang)}</th>`)
      .join("");
    table.querySelector("thead")!.innerHTML = `<tr>${head}</tr>`;
    const policy = this.lastPolicy;
    const findings = result?.findings ?? [];
    if (this.selected !== undefined && !findings.some((f) => findingKey(f) === this.selected))
      this.selected = undefined;
    table.querySelector("tbody")!.innerHTML = findings
      .map((f, index) => this.findingRow(f, index, policy))
      .join("");
    const chosen = findings.find((f) => findingKey(f) === this.selected);
    element("explanation").textContent =
      chosen === undefined || policy === undefined
        ? word("pickFinding", this.lang)
        : renderExplanation(chosen, this.lang, policy.checked);
  }

  private findingRow(f: Finding, index: number, policy: Policy | undefined): string {
    const selected = findingKey(f) === this.selected;
    const subject = policy === undefined ? f.subject.id : subjectWords(policy.checked, f.subject, this.lang);
    const period = f.period === undefined ? "" : ` · ${f.period}`;
    return `<tr class="finding" data-index="${index}" data-rule="${escapeHtml(f.rule)}" data-subject="${escapeHtml(f.subject.id)}" data-status="${escapeHtml(f.status)}" aria-selected="${selected}"><td class="status" data-status="${escapeHtml(f.status)}">${escapeHtml(statusWord(f.status, this.lang))}</td><td>${escapeHtml(f.title)}</td><td>${escapeHtml(subject + period)}</td><td>${escapeHtml(f.holder ?? "")}</td><td>${f.due === undefined ? "" : `<time>${f.due}</time>`}</td><td>${escapeHtml(f.cites.join(", "))}</td></tr>`;
  }

  private renderScenarios(): void {
    const list = element("scenarios");
    const summary = element("scenario-summary");
    const policy = this.checked?.policy;
    if (this.workspace.scenarios.length === 0) {
      summary.textContent = word("noScenarios", this.lang);
      list.innerHTML = "";
      return;
    }
    if (policy === undefined) {
      summary.textContent = word("scenariosNeedPolicy", this.lang);
      list.innerHTML = "";
      return;
    }
    const runs = runScenarios(policy, this.workspace);
    const failed = runs.filter((r) => r.failures.length > 0).length;
    summary.textContent = scenarioCounts(runs.length - failed, failed, this.lang);
    list.innerHTML = runs
      .map((run) => {
        const passed = run.failures.length === 0;
        const why = run.failures.flatMap((failure) => describeFailure(failure, this.lang)).join("\n");
        return `<li data-scenario="${escapeHtml(run.id)}" data-passed="${passed}">${passed ? "✓" : "✗"} ${escapeHtml(run.name)}${passed ? "" : `<pre>${escapeHtml(why)}</pre>`}</li>`;
      })
      .join("");
  }

  private saveToUrl(): void {
    const state = changesFrom(
      this.workspace,
      this.policyFiles(),
      this.textOf(factsTab),
      this.asOf,
      this.lang,
    );
    window.history.replaceState(null, "", `${location.pathname}${location.search}${encodeState(state)}`);
  }
}

async function main(): Promise<void> {
  const workspace = await loadWorkspace(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return (await response.json()) as unknown;
  });
  const shared = decodeState(location.hash);
  const preferred: Language = navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
  new Playground(workspace, applyState(workspace, shared), shared?.lang ?? preferred);
}

void main();
