/**
 * The server's configuration from flags and the environment, validated with zod: a flag wins
 * over its variable, and a bad value is refused with the name of the flag or variable it came
 * from, before anything starts. The limits on each request's work are read from their own table
 * in `@remit/app` (`readServiceLimits`), shared with every host.
 */
import { z } from "zod";

export interface ServiceConfig {
  readonly host: string;
  readonly port: number;
  /** Policy paths: the command's arguments, else `REMIT_POLICIES` (comma-separated). */
  readonly policies: readonly string[];
  /** How records are kept: in PostgreSQL, in an embedded folder, or not at all. */
  readonly records:
    | { readonly kind: "postgres"; readonly databaseUrl: string }
    | { readonly kind: "embedded"; readonly dataDir: string }
    | { readonly kind: "off" };
  /** Worker threads for evaluations. */
  readonly workers: number;
  readonly logLevel: LogLevel;
  /** Reload a policy when its files change (SIGHUP always reloads). */
  readonly watch: boolean;
}

export const logLevels = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

/** Each setting: its flag, its environment variable and its schema (from text). */
const settings = {
  host: { flag: "--host", variable: "HOST", schema: z.string().min(1).default("127.0.0.1") },
  port: {
    flag: "--port",
    variable: "PORT",
    schema: z
      .string()
      .regex(/^\d{1,5}$/, "must be a port number from 0 to 65535")
      .transform(Number)
      .pipe(z.number().max(65535, "must be a port number from 0 to 65535"))
      .default(8080),
  },
  policies: {
    flag: "POLICY",
    variable: "REMIT_POLICIES",
    schema: z
      .string()
      .transform((text) =>
        text
          .split(",")
          .map((p) => p.trim())
          .filter((p) => p !== ""),
      )
      .pipe(z.array(z.string()).min(1, "must name at least one policy path")),
  },
  databaseUrl: {
    flag: "--database-url",
    variable: "REMIT_DATABASE_URL",
    schema: z
      .string()
      .regex(/^postgres(?:ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  },
  dataDir: { flag: "--data", variable: "REMIT_DATA", schema: z.string().min(1).default(".remit") },
  records: {
    flag: "--records",
    variable: "REMIT_RECORDS",
    schema: z.enum(["on", "off"], { message: "must be 'on' or 'off'" }).default("on"),
  },
  workers: {
    flag: "--workers",
    variable: "REMIT_WORKERS",
    schema: z
      .string()
      .regex(/^\d+$/, "must be a whole number from 1 to 64")
      .transform(Number)
      .pipe(z.number().min(1, "must be from 1 to 64").max(64, "must be from 1 to 64"))
      .optional(),
  },
  logLevel: {
    flag: "--log-level",
    variable: "REMIT_LOG_LEVEL",
    schema: z.enum(logLevels, { message: `must be one of ${logLevels.join(", ")}` }).default("info"),
  },
  watch: {
    flag: "--watch",
    variable: "REMIT_WATCH",
    schema: z.enum(["on", "off"], { message: "must be 'on' or 'off'" }).default("on"),
  },
} as const;

type Setting = keyof typeof settings;

/**
 * A port number read as `--port` and `PORT` are; undefined when `text` is not one.
 * @example
 * ```ts
 * import { parsePort } from "@remit/server";
 * console.log(parsePort("8080"), parsePort("0"), parsePort("70000"), parsePort("http")); // 8080 0 undefined undefined
 * ```
 */
export function parsePort(text: string): number | undefined {
  const read = settings.port.schema.safeParse(text);
  return read.success ? read.data : undefined;
}

export interface ConfigError {
  /** The flag or variable the bad value came from: `PORT`, `--workers`. */
  readonly source: string;
  readonly value: string;
  readonly message: string;
}

/** Flags as given (text), by setting; absent flags fall back to the environment. */
export type ConfigFlags = Partial<Record<Setting, string>>;

/**
 * @example
 * ```ts
 * import { readConfig } from "@remit/server";
 * const env = { REMIT_POLICIES: "policies/a, policies/b", PORT: "9000", REMIT_RECORDS: "off" };
 * const read = readConfig({ port: "0" }, env, 2);
 * if ("error" in read) throw new Error(`${read.error.source} ${read.error.message}`);
 * console.log(read.value.port, read.value.policies, read.value.records.kind, read.value.workers); // 0 [ 'policies/a', 'policies/b' ] off 2
 * const refused = readConfig({}, { ...env, REMIT_WORKERS: "many" }, 2);
 * console.log("error" in refused && `${refused.error.source}: ${refused.error.message}`); // REMIT_WORKERS: must be a whole number from 1 to 64
 * ```
 */
export function readConfig(
  flags: ConfigFlags,
  env: Readonly<Record<string, string | undefined>>,
  defaultWorkers: number,
): { readonly value: ServiceConfig } | { readonly error: ConfigError } {
  const values: Partial<Record<Setting, unknown>> = {};
  for (const key of Object.keys(settings) as Setting[]) {
    const setting = settings[key];
    const flag = flags[key];
    const fromEnv = env[setting.variable];
    const [source, raw] =
      flag !== undefined
        ? [setting.flag, flag]
        : fromEnv !== undefined && fromEnv !== ""
          ? [setting.variable, fromEnv]
          : [setting.variable, undefined];
    const parsed = setting.schema.safeParse(raw);
    if (!parsed.success) {
      const message = raw === undefined ? "is required" : (parsed.error.issues[0]?.message ?? "is not valid");
      return { error: { source, value: raw ?? "", message } };
    }
    values[key] = parsed.data;
  }
  const v = values as { [K in Setting]: z.output<(typeof settings)[K]["schema"]> };
  return {
    value: {
      host: v.host,
      port: v.port,
      policies: v.policies,
      records:
        v.records === "off"
          ? { kind: "off" }
          : v.databaseUrl !== undefined
            ? { kind: "postgres", databaseUrl: v.databaseUrl }
            : { kind: "embedded", dataDir: v.dataDir },
      workers: v.workers ?? defaultWorkers,
      logLevel: v.logLevel,
      watch: v.watch === "on",
    },
  };
}
