import { describe, expect, it, vi } from "vitest";
import { renewableToken } from "./renewal";

const token = { uid: "0b6f3c1e-7a2d-4c5e-9f10-1234567890ab", sv: 3, sid: "7d1f2c3b-1111-4222-8333-444455556666", exp: 1 };

describe("renewableToken", () => {
  it("renews a session the server still honours, and passes it the session's id", async () => {
    const isCurrent = vi.fn(async () => true);
    expect(await renewableToken(token, isCurrent)).toBe(token);
    expect(isCurrent).toHaveBeenCalledWith(token.uid, 3, token.sid);
  });

  it("ends a session the server no longer honours (signed out, version bumped) or one without claims", async () => {
    expect(await renewableToken(token, async () => false)).toBeNull();
    expect(await renewableToken({ exp: 1 }, async () => true)).toBeNull();
  });

  it("keeps the session when the database can't answer, instead of signing everyone out", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await renewableToken(token, async () => Promise.reject(new Error("connect ECONNREFUSED")))).toBe(token);
    quiet.mockRestore();
  });
});
