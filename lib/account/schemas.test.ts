import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changePasswordSchema, deleteAccountSchema, preferencesSchema } from "./schemas";

const anyField = fc.oneof(fc.string({ maxLength: 40 }), fc.constant(undefined), fc.constant("on"), fc.integer(), fc.constant(null));
const FIELDS = ["emailNotifications", "alertFrequency", "marketingEmails", "theme", "currency", "dateFormat", "minRateDropThreshold", "autoCalculateRefiCost", "defaultRefiTerm", "shareAnonymousData"];

describe("preferences schema (property)", () => {
  it("never throws; refusals always name a field", () => {
    fc.assert(
      fc.property(fc.record(Object.fromEntries(FIELDS.map((f) => [f, anyField])), { requiredKeys: [] }), (input) => {
        const r = preferencesSchema.safeParse(input);
        if (!r.success) for (const i of r.error.issues) expect(FIELDS).toContain(String(i.path[0]));
      }),
      { numRuns: 500 },
    );
  });

  it("accepts every combination the form offers and gives back typed values", () => {
    const valid = fc.record({
      emailNotifications: fc.constantFrom("on", undefined),
      alertFrequency: fc.constantFrom("instant", "daily", "weekly"),
      marketingEmails: fc.constantFrom("on", undefined),
      theme: fc.constantFrom("light", "dark", "system"),
      currency: fc.constantFrom("USD", "CAD", "EUR", "GBP", "AUD"),
      dateFormat: fc.constantFrom("MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD"),
      minRateDropThreshold: fc.integer({ min: 1, max: 5000 }).map((t) => (t / 1000).toString()),
      autoCalculateRefiCost: fc.constantFrom("on", undefined),
      defaultRefiTerm: fc.constantFrom("120", "180", "240", "300", "360"),
      shareAnonymousData: fc.constantFrom("on", undefined),
    });
    fc.assert(
      fc.property(valid, (input) => {
        const r = preferencesSchema.safeParse(input);
        expect(r.success).toBe(true);
        if (!r.success) return;
        expect(r.data.emailNotifications).toBe(input.emailNotifications === "on");
        expect(r.data.minRateDropThreshold).toBeCloseTo(Number(input.minRateDropThreshold), 10);
        expect(r.data.defaultRefiTerm).toBe(Number(input.defaultRefiTerm));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a threshold that is negative, zero, too large, too precise or not a number, on that field", () => {
    for (const bad of ["-0.1", "0", "5.001", "0.1234", "abc", "", "1e2", "NaN"]) {
      const r = preferencesSchema.safeParse({ alertFrequency: "instant", theme: "light", currency: "USD", dateFormat: "MM/DD/YYYY", defaultRefiTerm: "360", minRateDropThreshold: bad });
      expect(r.success, bad).toBe(false);
      if (!r.success) expect(new Set(r.error.issues.map((i) => i.path[0]))).toEqual(new Set(["minRateDropThreshold"]));
    }
  });

  it("a negative threshold is told the range, not the number format", () => {
    const r = preferencesSchema.safeParse({ alertFrequency: "instant", theme: "light", currency: "USD", dateFormat: "MM/DD/YYYY", defaultRefiTerm: "360", minRateDropThreshold: "-3" });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.message).toMatch(/^Enter a threshold above 0 and at most/);
  });
});

describe("account schemas", () => {
  it("change password refuses reuse of the current password and a mismatch", () => {
    const same = changePasswordSchema.safeParse({ currentPassword: "a perfectly fine passphrase", newPassword: "a perfectly fine passphrase", confirmPassword: "a perfectly fine passphrase" });
    expect(same.success).toBe(false);
    if (!same.success) expect(same.error.issues[0]!.path[0]).toBe("newPassword");
    const mismatch = changePasswordSchema.safeParse({ currentPassword: "old", newPassword: "a perfectly fine passphrase", confirmPassword: "something else" });
    expect(mismatch.success).toBe(false);
    if (!mismatch.success) expect(mismatch.error.issues[0]!.path[0]).toBe("confirmPassword");
  });

  it("deleting needs the password and the word DELETE", () => {
    expect(deleteAccountSchema.safeParse({ deletePassword: "x", confirm: "DELETE" }).success).toBe(true);
    const r = deleteAccountSchema.safeParse({ deletePassword: "", confirm: "delete" });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path[0]).sort()).toEqual(["confirm", "deletePassword"]);
  });
});
