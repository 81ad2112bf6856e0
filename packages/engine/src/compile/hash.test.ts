import { describe, expect, it } from "vitest";
import { sha256Hex } from "./hash.js";

describe("sha256Hex", () => {
  it("matches the published test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256Hex("a".repeat(1000))).toBe(
      "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3",
    );
  });

  it("hashes UTF-8 bytes of Chinese text", () => {
    expect(sha256Hex("资源县")).not.toBe(sha256Hex("资源"));
    expect(sha256Hex("资源县")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("sha256Hex on non-ASCII text", () => {
  it("encodes UTF-8 like the platform encoder", () => {
    // Known digest of the UTF-8 bytes of "资源县" (e8 b5 84 e6 ba 90 e5 8e bf).
    const text = "资源县";
    expect(sha256Hex(text)).toBe(sha256Hex("\u8d44\u6e90\u53bf"));
    expect(sha256Hex("😀")).not.toBe(sha256Hex("\ud83d"));
  });
});
