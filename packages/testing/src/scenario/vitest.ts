/**
 * `import "@remit/testing/vitest"` registers `expect(result).toHaveFinding(pattern)` (and so
 * `.not.toHaveFinding`) with vitest and declares it on vitest's `Assertion`.
 */
import { expect } from "vitest";
import {
  type FindingPattern,
  findingsOf,
  missingMessage,
  projection,
  search,
  unexpectedMessage,
} from "./match.js";

export type { FindingPattern } from "./match.js";

expect.extend({
  toHaveFinding(received: unknown, pattern: FindingPattern) {
    // A rejected document is an error either way: `.not` must not pass on it.
    const findings = findingsOf(received);
    const found = search(findings, pattern);
    const nearest = found.near[0];
    if (found.matches.length > 0) {
      return { pass: true, message: () => unexpectedMessage(pattern, found.matches) };
    }
    return {
      pass: false,
      message: () => missingMessage(pattern, findings, found),
      ...(nearest === undefined ? {} : { actual: projection(nearest.finding, pattern), expected: pattern }),
    };
  },
});

declare module "vitest" {
  // The type parameter repeats vitest's own declaration, as merging requires.
  // biome-ignore lint/suspicious/noExplicitAny: vitest declares `Assertion<T = any>`
  interface Assertion<T = any> {
    /** Passes when the result has a finding matching the pattern (see `FindingPattern`). */
    toHaveFinding(pattern: FindingPattern): void;
  }
}
