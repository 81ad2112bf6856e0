import picocolors from "picocolors";
import type { OutputStream } from "../io.js";

export type Colors = ReturnType<typeof picocolors.createColors>;

/**
 * Colours for one stream: on only for a terminal, never when NO_COLOR is set to anything
 * (https://no-color.org) or TERM is `dumb`; FORCE_COLOR turns them on regardless.
 */
export function colorsFor(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): Colors {
  return picocolors.createColors(colorEnabled(stream, env));
}

export function colorEnabled(
  stream: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const noColor = env["NO_COLOR"];
  if (noColor !== undefined && noColor !== "") return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined && force !== "" && force !== "0" && force !== "false") return true;
  return stream.isTTY === true && env["TERM"] !== "dumb";
}
