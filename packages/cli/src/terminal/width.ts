import { displayWidth } from "@remit/lang";

/** Terminal columns are counted as the formatter counts line width: one definition for both. */
export { displayWidth };

export function padEndToWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

export function padStartToWidth(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}
