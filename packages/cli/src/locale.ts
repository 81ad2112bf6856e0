import type { Language } from "@remit/lang";

/**
 * The user's language from the POSIX locale variables, in their order of precedence
 * (LC_ALL, then LC_MESSAGES, then LANG): `zh*` is Chinese, anything else English.
 */
export function languageFromEnv(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = [env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]].find(
    (value) => value !== undefined && value !== "",
  );
  return locale?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function isLanguage(value: string): value is Language {
  return value === "en" || value === "zh";
}
