import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from "./password-policy";
import { resetPasswordSchema, signUpSchema } from "./schemas";
import { hashToken, isWellFormedToken, newToken } from "./tokens";

// Any form field may arrive as a string, a File-like object or be missing altogether.
const anyField = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 200 }), fc.constant(undefined), fc.integer(), fc.constant(null));
const formLike = fc.record({ name: anyField, email: anyField, password: anyField, confirmPassword: anyField, next: anyField }, { requiredKeys: [] });

const FIELDS = new Set(["name", "email", "password", "confirmPassword", "next"]);

describe("sign-up schema (property)", () => {
  it("never throws; every refusal names a field of the form with a message", () => {
    fc.assert(
      fc.property(formLike, (input) => {
        const result = signUpSchema.safeParse(input);
        if (!result.success) {
          for (const issue of result.error.issues) {
            expect(FIELDS.has(String(issue.path[0]))).toBe(true);
            expect(issue.message.length).toBeGreaterThan(5);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("accepts any valid name, email and long uncommon password, lower-casing the email", () => {
    const name = fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim().length > 0 && !/[\u0000-\u001f\u007f]/.test(s));
    const local = fc.stringMatching(/^[a-z0-9]{1,20}$/);
    const password = fc.string({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }).filter((p) => !isCommonPassword(p));
    fc.assert(
      fc.property(name, local, password, (n, l, p) => {
        const result = signUpSchema.safeParse({ name: n, email: ` ${l.toUpperCase()}@Example.COM `, password: p, confirmPassword: p });
        expect(result.success).toBe(true);
        if (result.success) expect(result.data.email).toBe(`${l}@example.com`);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses short, over-long and common passwords and a mismatched confirmation, on the right field", () => {
    const base = { name: "Dana", email: "dana@example.com" };
    const errorsFor = (password: string, confirmPassword = password) => {
      const r = signUpSchema.safeParse({ ...base, password, confirmPassword });
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    fc.assert(
      fc.property(fc.string({ maxLength: PASSWORD_MIN - 1 }), (p) => {
        expect(errorsFor(p).password).toBeDefined();
      }),
    );
    expect(errorsFor("x".repeat(PASSWORD_MAX + 1)).password).toMatch(/at most 128/);
    expect(errorsFor("123qweasdzxc").password).toMatch(/too common/);
    expect(errorsFor("QWERTY123456").password).toMatch(/too common/);
    expect(errorsFor("a perfectly fine passphrase", "a perfectly fine passphrasf").confirmPassword).toMatch(/don't match/);
    // An empty form says what each field needs, the confirmation included.
    expect(errorsFor("", "")).toMatchObject({ password: expect.any(String), confirmPassword: "Type the password again." });
    // Characters, not UTF-16 units: 12 emoji are 12 characters.
    expect(errorsFor("🙂".repeat(12)).password).toBeUndefined();
  });

  it("reset schema never throws either", () => {
    fc.assert(
      fc.property(fc.record({ token: anyField, password: anyField, confirmPassword: anyField }, { requiredKeys: [] }), (input) => {
        const r = resetPasswordSchema.safeParse(input);
        if (!r.success) for (const i of r.error.issues) expect(["token", "password", "confirmPassword"]).toContain(String(i.path[0]));
      }),
      { numRuns: 300 },
    );
  });
});

describe("common passwords", () => {
  it("ships the 30,000-entry list and matches case-insensitively", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("1qaz2wsx3edc")).toBe(true);
    expect(isCommonPassword("lantern harbor pebble")).toBe(false);
  });
});

describe("tokens", () => {
  it("are 32 random bytes (43 base64url characters); only a SHA-256 is stored", () => {
    const a = newToken();
    const b = newToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a.token)).toBe(a.hash);
    expect(a.hash).not.toContain(a.token);
    expect(isWellFormedToken(a.token)).toBe(true);
    expect(isWellFormedToken(a.token + "x")).toBe(false);
    expect(isWellFormedToken(undefined)).toBe(false);
  });
});
