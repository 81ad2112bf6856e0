import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIsoDate, oneOf, parseCommandArgs, UsageError } from "./args.js";

describe("parseCommandArgs", () => {
  const options = { facts: { type: "string" }, check: { type: "boolean" } } as const;

  it("parses options and positionals", () => {
    const parsed = parseCommandArgs(["p", "--facts", "f.json", "--check"], options);
    expect(parsed.positionals).toEqual(["p"]);
    expect(parsed.values).toMatchObject({ facts: "f.json", check: true });
  });

  it("turns node's errors into short usage errors in both languages", () => {
    const failure = (args: string[]) => {
      try {
        parseCommandArgs(args, options);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const unknown = failure(["--nope"]);
    expect(unknown).toBeInstanceOf(UsageError);
    expect((unknown as UsageError).text).toEqual({ en: "unknown option '--nope'", zh: "未知选项“--nope”" });
    expect((failure(["--facts"]) as UsageError).text.en).toBe("option '--facts' needs a value");
    expect((failure(["--check=yes"]) as UsageError).text.en).toBe("option '--check' takes no value");
  });
});

describe("oneOf", () => {
  it("accepts listed words, defaults when absent, rejects the rest", () => {
    expect(oneOf("format", "json", ["table", "json"], "table")).toBe("json");
    expect(oneOf("format", undefined, ["table", "json"], "table")).toBe("table");
    expect(() => oneOf("format", "xml", ["table", "json"], "table")).toThrow(
      "option '--format' must be table|json, not 'xml'",
    );
  });
});

describe("isIsoDate", () => {
  it("accepts real calendar dates only", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-01")).toBe(false);
    expect(isIsoDate("yesterday")).toBe(false);
  });

  it("agrees with the calendar on every day", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true }),
        (date) => {
          expect(isIsoDate(date.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
  });
});
