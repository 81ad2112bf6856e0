import { describe, expect, it } from "vitest";
import { colorEnabled, colorsFor } from "./colors.js";

const tty = { write() {}, isTTY: true };
const pipe = { write() {}, isTTY: false };

describe("colorEnabled", () => {
  it("colours a terminal only", () => {
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled(pipe, {})).toBe(false);
  });

  it("honours NO_COLOR, TERM=dumb and FORCE_COLOR", () => {
    expect(colorEnabled(tty, { NO_COLOR: "1" })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: "" })).toBe(true);
    expect(colorEnabled(tty, { TERM: "dumb" })).toBe(false);
    expect(colorEnabled(pipe, { FORCE_COLOR: "1" })).toBe(true);
    expect(colorEnabled(pipe, { FORCE_COLOR: "0" })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: "1", FORCE_COLOR: "1" })).toBe(false);
  });

  it("gives plain text when colours are off", () => {
    expect(colorsFor(pipe, {}).red("x")).toBe("x");
    expect(colorsFor(tty, {}).red("x")).not.toBe("x");
  });
});
