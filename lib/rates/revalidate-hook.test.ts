import { describe, expect, it } from "vitest";
import { isRevalidateHookToken, revalidateHookToken } from "./revalidate-hook";

describe("the rates revalidation hook's token", () => {
  it("is accepted under its own secret only, and never when missing or altered", () => {
    const token = revalidateHookToken("secret-a-0123456789abcdef0123456789");
    expect(isRevalidateHookToken(token, "secret-a-0123456789abcdef0123456789")).toBe(true);
    expect(isRevalidateHookToken(token, "secret-b-0123456789abcdef0123456789")).toBe(false);
    expect(isRevalidateHookToken(null, "secret-a-0123456789abcdef0123456789")).toBe(false);
    expect(isRevalidateHookToken(`${token}x`, "secret-a-0123456789abcdef0123456789")).toBe(false);
    expect(isRevalidateHookToken(token.slice(1), "secret-a-0123456789abcdef0123456789")).toBe(false);
  });
});
