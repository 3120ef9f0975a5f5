import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { findSessionCookie, readSessionToken } from "./session-token";

const SECRET = "unit-test-auth-secret-0123456789abcdef0123";
const NAME = "authjs.session-token";
const now = () => Math.floor(Date.now() / 1000);

/** A session cookie exactly as Auth.js writes it at sign-in (the jwt callback's claims). */
async function issued(claims: Record<string, unknown>, opts: { name?: string; secret?: string; maxAge?: number } = {}) {
  const name = opts.name ?? NAME;
  const value = await encode({ token: { sub: "u1", ...claims }, secret: opts.secret ?? SECRET, salt: name, maxAge: opts.maxAge ?? 3600 });
  return { name, value };
}

describe("findSessionCookie", () => {
  it("finds the plain and the __Secure- session cookie among others", () => {
    expect(findSessionCookie([{ name: "theme", value: "dark" }, { name: NAME, value: "abc" }])).toEqual({ name: NAME, value: "abc" });
    expect(findSessionCookie([{ name: `__Secure-${NAME}`, value: "xyz" }])).toEqual({ name: `__Secure-${NAME}`, value: "xyz" });
    expect(findSessionCookie([{ name: "authjs.csrf-token", value: "c" }])).toBeNull();
  });

  it("joins a chunked token in numeric order, as Auth.js splits it", () => {
    const chunks = Array.from({ length: 11 }, (_, i) => ({ name: `${NAME}.${i}`, value: String.fromCharCode(97 + i) }));
    const shuffled = [chunks[10]!, chunks[2]!, chunks[0]!, ...chunks.slice(3, 10), chunks[1]!, { name: `${NAME}.x`, value: "!" }];
    expect(findSessionCookie(shuffled)).toEqual({ name: NAME, value: "abcdefghijk" });
  });
});

describe("readSessionToken", () => {
  it("reads the user id and session version Auth.js put in the token", async () => {
    const cookie = await issued({ uid: "11111111-1111-4111-8111-111111111111", role: "user", sv: 3 });
    const claims = await readSessionToken(cookie, SECRET);
    expect(claims).toMatchObject({ uid: "11111111-1111-4111-8111-111111111111", sv: 3 });
    expect(claims!.exp).toBeGreaterThan(now());
    // Read again (now from memory): same answer.
    expect(await readSessionToken(cookie, SECRET)).toEqual(claims);
  });

  it("refuses a token sealed with another secret, or under the other cookie name", async () => {
    const foreign = await issued({ uid: "u2", sv: 1 }, { secret: "another-secret-that-is-long-enough-000000" });
    expect(await readSessionToken(foreign, SECRET)).toBeNull();
    const plain = await issued({ uid: "u3", sv: 1 });
    expect(await readSessionToken({ name: `__Secure-${NAME}`, value: plain.value }, SECRET)).toBeNull();
  });

  it("refuses a token once its secret is rotated, even after it was accepted", async () => {
    const cookie = await issued({ uid: "u4", sv: 1 });
    expect(await readSessionToken(cookie, SECRET)).not.toBeNull();
    expect(await readSessionToken(cookie, "rotated-secret-0123456789abcdef0123456789")).toBeNull();
  });

  it("refuses tampered and garbage tokens, and tokens without our claims", async () => {
    const cookie = await issued({ uid: "u5", sv: 1 });
    const flipped = cookie.value.slice(0, -5) + (cookie.value.at(-5) === "A" ? "B" : "A") + cookie.value.slice(-4);
    expect(await readSessionToken({ name: NAME, value: flipped }, SECRET)).toBeNull();
    expect(await readSessionToken({ name: NAME, value: "not-a-token" }, SECRET)).toBeNull();
    expect(await readSessionToken(await issued({ role: "user" }), SECRET)).toBeNull();
  });

  it("ends the session at its expiry, also for a token read before", async () => {
    const cookie = await issued({ uid: "u6", sv: 2 }, { maxAge: 60 });
    const claims = await readSessionToken(cookie, SECRET);
    expect(claims).not.toBeNull();
    expect(await readSessionToken(cookie, SECRET, claims!.exp - 1)).not.toBeNull();
    expect(await readSessionToken(cookie, SECRET, claims!.exp)).toBeNull();
  });
});
