import { describe, expect, it } from "vitest";
import { capped, defaultServiceLimits, readServiceLimits, serviceLimitSettings } from "./limits.js";

describe("service limits", () => {
  it("take the flag over the environment over the default", () => {
    const read = readServiceLimits(
      { "max-concurrent": "4" },
      { REMIT_MAX_CONCURRENT: "9", REMIT_BODY_LIMIT: "2048" },
    );
    expect(read).toEqual({ limits: { ...defaultServiceLimits, concurrentRequests: 4, bodyBytes: 2048 } });
  });

  it("refuse values that are not whole numbers in range, naming where they came from", () => {
    const read = readServiceLimits({ "max-periods": "0", "body-limit": "1e9" }, { REMIT_MAX_ERRORS: "-1" });
    expect("problems" in read && read.problems.map((p) => p.source)).toEqual([
      "--body-limit",
      "--max-periods",
      "REMIT_MAX_ERRORS",
    ]);
    expect("problems" in read && read.problems[0]!.message.zh).toContain("1e9");
  });

  it("have defaults within their own ranges, and distinct flags and variables", () => {
    for (const s of serviceLimitSettings) expect(s.default >= s.min && s.default <= s.max).toBe(true);
    expect(new Set(serviceLimitSettings.map((s) => s.flag)).size).toBe(serviceLimitSettings.length);
    expect(new Set(serviceLimitSettings.map((s) => s.env)).size).toBe(serviceLimitSettings.length);
  });

  it("cap a list and count what was left out", () => {
    expect(capped([1, 2, 3], 2)).toEqual({ items: [1, 2], omitted: 1 });
    expect(capped([1], 2)).toEqual({ items: [1], omitted: 0 });
  });
});
