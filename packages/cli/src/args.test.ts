import { describe, expect, it } from "vitest";
import { oneOf, parseCommandArgs, UsageError } from "./args.js";

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
