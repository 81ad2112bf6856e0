import type { Language } from "@remit/lang";

/**
 * A problem in the user's input found while a command runs (a file that is not JSON, a finding
 * that does not exist): `run` prints it as one line and exits 1. Usage mistakes are `UsageError`.
 */
export class Problem extends Error {
  constructor(
    readonly text: { readonly en: string; readonly zh: string },
    /** The language to word it in when known (the policy's readers'); else the user's. */
    readonly lang?: Language,
  ) {
    super(text.en);
    this.name = "Problem";
  }

  /** The same problem, worded in `lang`. */
  in(lang: Language): Problem {
    return new Problem(this.text, lang);
  }
}
