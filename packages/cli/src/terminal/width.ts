import stringWidth from "string-width";

/**
 * Terminal columns a text takes: CJK and other full-width characters take two, ANSI colour codes
 * none. Ambiguous-width characters count as narrow, as most terminals draw them.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

export function padEndToWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

export function padStartToWidth(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}
