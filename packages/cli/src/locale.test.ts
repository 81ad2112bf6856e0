import { describe, expect, it } from "vitest";
import { languageFromEnv } from "./locale.js";

describe("languageFromEnv", () => {
  it("reads LC_ALL before LC_MESSAGES before LANG", () => {
    expect(languageFromEnv({ LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" })).toBe("zh");
    expect(languageFromEnv({ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(languageFromEnv({ LC_MESSAGES: "zh_TW", LANG: "en_GB" })).toBe("zh");
    expect(languageFromEnv({ LANG: "zh_CN.UTF-8" })).toBe("zh");
  });

  it("skips empty variables and falls back to English", () => {
    expect(languageFromEnv({ LC_ALL: "", LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(languageFromEnv({})).toBe("en");
    expect(languageFromEnv({ LANG: "C" })).toBe("en");
    expect(languageFromEnv({ LANG: "fr_FR.UTF-8" })).toBe("en");
  });
});
