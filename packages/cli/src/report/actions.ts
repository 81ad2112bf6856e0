import type { EvaluationResult, Finding } from "@remit/engine";
import { parseIsoDate } from "@remit/engine";
import { assertNever } from "@remit/lang";
import { groupOf } from "../evaluation/groups.js";

/** What asks an official to act: a duty past its date, an open escalated case, a triggered review. */
export type ActionKind = "overdue" | "escalated" | "accountability";

export interface Action {
  readonly kind: ActionKind;
  readonly finding: Finding;
  /** Who must act: the holder, or for accountability those held to account. */
  readonly responsible: string;
  readonly group: string;
  /** The date the clock runs from: the due date, the day the current level was reached, the day judged. */
  readonly since: string | undefined;
  /** Days from `since` to the evaluation date: how long this has waited. */
  readonly days: number;
}

/** The actions for one responsible unit in one group, most overdue first. */
export interface ActionBlock {
  readonly responsible: string;
  readonly group: string;
  readonly actions: readonly Action[];
}

const kindOrder: Readonly<Record<ActionKind, number>> = { accountability: 0, overdue: 1, escalated: 2 };

/** Every finding that asks for action, most overdue first (then accountability, duties, cases). */
export function actionsOf(result: EvaluationResult): Action[] {
  const asOf = parseIsoDate(result.asOf) ?? 0;
  const actions: Action[] = [];
  for (const finding of result.findings) {
    const kind = actionKind(finding);
    if (kind === undefined) continue;
    const since = sinceDate(kind, finding);
    const day = since === undefined ? undefined : parseIsoDate(since);
    const days =
      kind === "overdue" && finding.overdueDays !== undefined
        ? finding.overdueDays
        : day === undefined
          ? 0
          : asOf - day;
    const responsible =
      kind === "accountability" ? (finding.targets ?? []).join("、") : (finding.holder ?? "");
    actions.push({ kind, finding, responsible, group: groupOf(finding), since, days });
  }
  return actions.sort(
    (a, b) =>
      b.days - a.days ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      compareText(a.group, b.group) ||
      compareText(a.finding.subject.id, b.finding.subject.id),
  );
}

/**
 * The actions by responsible unit and group, the block with the most overdue action first; within a
 * block the order of `actionsOf` is kept.
 */
export function actionBlocks(actions: readonly Action[]): ActionBlock[] {
  const blocks = new Map<string, { responsible: string; group: string; actions: Action[] }>();
  for (const action of actions) {
    const key = `${action.responsible}\u0000${action.group}`;
    const block = blocks.get(key) ?? { responsible: action.responsible, group: action.group, actions: [] };
    block.actions.push(action);
    blocks.set(key, block);
  }
  // Map keeps insertion order, and `actions` is sorted: each block appears at its most overdue action.
  return [...blocks.values()];
}

function actionKind(finding: Finding): ActionKind | undefined {
  switch (finding.kind) {
    case "duty":
      // A missed period and a violation are past helping by waiting, like an overdue duty.
      return finding.status === "overdue" || finding.status === "missed" || finding.status === "violated"
        ? "overdue"
        : undefined;
    case "escalation":
      return finding.status === "closed" ? undefined : "escalated";
    case "accountability":
      return finding.status === "triggered" ? "accountability" : undefined;
    default:
      return assertNever(finding.kind, "rule kind");
  }
}

function sinceDate(kind: ActionKind, finding: Finding): string | undefined {
  switch (kind) {
    case "overdue":
      return finding.violatedOn ?? finding.due;
    case "escalated":
      return finding.reached?.[finding.status];
    case "accountability":
      return finding.asAt;
    default:
      return assertNever(kind, "action kind");
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
