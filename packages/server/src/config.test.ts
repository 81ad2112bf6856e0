import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readConfig } from "./config.js";

describe("configuration from flags and environment", () => {
  it("reads the environment, lets a flag win, and picks the record store", () => {
    const read = readConfig(
      { port: "9000" },
      { PORT: "7000", HOST: "0.0.0.0", REMIT_POLICIES: "a, b", REMIT_DATABASE_URL: "postgres://db/remit" },
      4,
    );
    expect(read).toEqual({
      value: {
        host: "0.0.0.0",
        port: 9000,
        policies: ["a", "b"],
        records: { kind: "postgres", databaseUrl: "postgres://db/remit" },
        workers: 4,
        logLevel: "info",
        watch: true,
      },
    });
    const embedded = readConfig({ policies: "p" }, {}, 2);
    expect("value" in embedded && embedded.value.records).toEqual({ kind: "embedded", dataDir: ".remit" });
    const off = readConfig({ policies: "p", records: "off" }, { REMIT_DATABASE_URL: "postgres://x" }, 2);
    expect("value" in off && off.value.records).toEqual({ kind: "off" });
  });

  it("names the variable or flag a bad value came from", () => {
    expect(readConfig({ policies: "p" }, { PORT: "http" }, 2)).toMatchObject({
      error: { source: "PORT", value: "http" },
    });
    expect(readConfig({ policies: "p", workers: "0" }, {}, 2)).toMatchObject({
      error: { source: "--workers", value: "0" },
    });
    expect(readConfig({ policies: "p" }, { REMIT_DATABASE_URL: "mysql://db" }, 2)).toMatchObject({
      error: { source: "REMIT_DATABASE_URL" },
    });
    expect(readConfig({}, {}, 2)).toMatchObject({
      error: { source: "REMIT_POLICIES", message: "is required" },
    });
  });

  it("accepts exactly the ports from 0 to 65535", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 200_000 }), (port) => {
        const read = readConfig({ policies: "p" }, { PORT: String(port) }, 1);
        return port >= 0 && port <= 65535 ? "value" in read && read.value.port === port : "error" in read;
      }),
    );
  });
});
