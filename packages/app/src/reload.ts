/**
 * Reloading a served policy: the new text is compiled and checked before it may replace the
 * version being served, so a broken edit never takes a policy down; and a watcher that notices
 * edits in the policy's folder.
 */
import { type FSWatcher, watch } from "node:fs";
import * as path from "node:path";
import type { Policy } from "@remit/engine";
import type { Diagnostic } from "@remit/lang";
import { createNodeSourceHost } from "./host.js";
import { buildPolicy } from "./load.js";

export type Reload =
  | { readonly kind: "unchanged" }
  | { readonly kind: "reloaded"; readonly policy: Policy; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: "broken"; readonly diagnostics: readonly Diagnostic[] };

/** Builds `entry` afresh from disk and compares it with the version served (`servedHash`). */
export function reloadPolicy(entry: string, cwd: string, servedHash: string): Reload {
  const built = buildPolicy(entry, createNodeSourceHost(cwd));
  if (built.policy === undefined) return { kind: "broken", diagnostics: built.diagnostics };
  if (built.policy.info.hash === servedHash) return { kind: "unchanged" };
  return { kind: "reloaded", policy: built.policy, diagnostics: built.diagnostics };
}

/**
 * Calls `onChange` once an edit under `folder` has settled (editors write a file in several
 * steps). Returns a function that stops watching.
 */
export function watchFolder(folder: string, onChange: () => void, settleMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(path.resolve(folder), { recursive: true, persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, settleMs);
    });
  } catch {
    // A platform without recursive watching: SIGHUP still reloads.
    return () => {};
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
