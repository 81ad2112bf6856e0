/**
 * Reloading a served policy: the new text is compiled and checked before it may replace the
 * version being served, so a broken edit never takes a policy down.
 */
import type { Policy } from "@remit/engine";
import type { Diagnostic } from "@remit/lang";
import { createNodeSourceHost } from "./host.js";
import { buildPolicy } from "./load.js";

export type Reload =
  | { readonly kind: "unchanged" }
  | { readonly kind: "reloaded"; readonly policy: Policy; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: "broken"; readonly diagnostics: readonly Diagnostic[] };

/**
 * Builds `entry` afresh from disk and compares it with the version served (`servedHash`).
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { loadPolicy, reloadPolicy } from "@remit/app";
 * const cwd = mkdtempSync(join(tmpdir(), "remit-"));
 * writeFileSync(join(cwd, "policy.remit"), 'policy "P" version "1"\n');
 * const served = loadPolicy("policy.remit", cwd);
 * if ("problem" in served || served.policy === undefined) throw new Error("does not load");
 * const hash = served.policy.info.hash;
 * console.log(reloadPolicy("policy.remit", cwd, hash).kind); // unchanged
 * writeFileSync(join(cwd, "policy.remit"), 'policy "P" version "2"\n');
 * console.log(reloadPolicy("policy.remit", cwd, hash).kind); // reloaded
 * writeFileSync(join(cwd, "policy.remit"), "policy\n");
 * console.log(reloadPolicy("policy.remit", cwd, hash).kind); // broken
 * ```
 */
export function reloadPolicy(entry: string, cwd: string, servedHash: string): Reload {
  const built = buildPolicy(entry, createNodeSourceHost(cwd));
  if (built.policy === undefined) return { kind: "broken", diagnostics: built.diagnostics };
  if (built.policy.info.hash === servedHash) return { kind: "unchanged" };
  return { kind: "reloaded", policy: built.policy, diagnostics: built.diagnostics };
}
