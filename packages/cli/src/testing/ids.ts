/** For tests of text for people: which identifiers leak into it. */

/**
 * The ids among `ids` that `text` holds as words of their own: not inside a longer id
 * (`county` is not found in `county-office`) nor inside a word.
 */
export function idsIn(text: string, ids: readonly string[]): string[] {
  return ids.filter((id) => new RegExp(`(^|[^\\w-])${escaped(id)}($|[^\\w-])`).test(text));
}

function escaped(id: string): string {
  return id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
