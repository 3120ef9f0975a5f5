import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowCounts } from "./inspect";
import {
  alerts,
  calculationHistory,
  emailLog,
  emailVerificationTokens,
  invoices,
  mortgageRates,
  mortgageTracking,
  mortgages,
  passwordResetTokens,
  planPrices,
  plans,
  subscriptions,
  triggers,
  userPreferences,
  users,
} from "./schema";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function makeUserWithEverything(email: string) {
  return db.transaction(async (tx) => {
    const [u] = await tx.insert(users).values({ email, name: "Owner", passwordHash: "x" }).returning();
    await tx.insert(userPreferences).values({ userId: u!.id });
    await tx.insert(passwordResetTokens).values({ userId: u!.id, tokenHash: sha256(`reset:${email}`), expiresAt: new Date() });
    await tx.insert(emailVerificationTokens).values({ userId: u!.id, email, tokenHash: sha256(`verify:${email}`), expiresAt: new Date() });
    const [m] = await tx
      .insert(mortgages)
      .values({
        userId: u!.id,
        name: "Home",
        zipCode: "12345",
        originalPrincipalCents: 40_000_000,
        originalTerm: 360,
        originalInterestRate: 4.5,
        remainingPrincipalCents: 36_463_166,
        remainingTerm: 300,
      })
      .returning();
    await tx.insert(mortgageTracking).values({ mortgageId: m!.id, currentRate: 4.5, currentRemainingTerm: 300, currentRemainingPrincipalCents: 36_000_000, recordedOn: "2026-01-01" });
    const [a] = await tx.insert(alerts).values({ userId: u!.id, mortgageId: m!.id, alertType: "interest_rate", targetInterestRate: 5, targetTerm: 360 }).returning();
    const [t] = await tx
      .insert(triggers)
      .values({ alertId: a!.id, reason: "rate reached", rateType: "30_year_fixed", marketDate: "2026-01-01", marketRate: 4.9 })
      .returning();
    const [plan] = await tx.insert(plans).values({ code: `p-${email}`, name: "Plan" }).returning();
    const [price] = await tx.insert(planPrices).values({ planId: plan!.id, amountCents: 12_000, interval: "year" }).returning();
    const [s] = await tx
      .insert(subscriptions)
      .values({
        userId: u!.id,
        alertId: a!.id,
        planPriceId: price!.id,
        stripeCustomerId: "cus_1",
        stripeSubscriptionId: `sub_${email}`,
        stripePriceId: "price_1",
        amountCents: 12_000,
        status: "active",
      })
      .returning();
    await tx.insert(invoices).values({ subscriptionId: s!.id, userId: u!.id, stripeInvoiceId: `in_${email}`, amountDueCents: 12_000, invoiceDate: new Date() });
    await tx.insert(calculationHistory).values({ userId: u!.id, mortgageId: m!.id, calculationType: "monthly_payment", inputParams: {}, outputResults: {} });
    await tx.insert(emailLog).values({ userId: u!.id, recipientEmail: email, emailType: "welcome", subject: "Hi", template: "welcome", alertId: a!.id, triggerId: t!.id });
    return u!;
  });
}

describe("constraints on PostgreSQL", () => {
  it("rejects a second rate for the same (date, rate_type)", async () => {
    await db.insert(mortgageRates).values({ date: "2026-09-24", rateType: "30_year_fixed", rate: 6.3 });
    await expect(db.insert(mortgageRates).values({ date: "2026-09-24", rateType: "30_year_fixed", rate: 6.4 })).rejects.toThrow();
    // the same date for another type is fine
    await db.insert(mortgageRates).values({ date: "2026-09-24", rateType: "15_year_fixed", rate: 5.5 });
  });

  it("rejects an alert without the target its type needs, and a mortgage paid above its principal", async () => {
    const u = await makeUserWithEverything("checks@example.com");
    const [m] = await db.select().from(mortgages).where(eq(mortgages.userId, u.id));
    await expect(db.insert(alerts).values({ userId: u.id, mortgageId: m!.id, alertType: "monthly_payment", targetTerm: 360 })).rejects.toThrow();
    await expect(db.update(mortgages).set({ remainingPrincipalCents: 50_000_000 }).where(eq(mortgages.id, m!.id))).rejects.toThrow();
    await expect(db.insert(users).values({ email: "Upper@Example.com", name: "x", passwordHash: "x" })).rejects.toThrow();
  });

  it("deleting a user cascades exactly as the plan's table says; email_log rows stay with user_id NULL", async () => {
    const keep = await makeUserWithEverything("keep@example.com");
    const gone = await makeUserWithEverything("gone@example.com");
    const before = await rowCounts(db);

    await db.delete(users).where(eq(users.id, gone.id));
    const after = await rowCounts(db);

    for (const table of [
      "users",
      "user_preferences",
      "password_reset_tokens",
      "email_verification_tokens",
      "mortgages",
      "mortgage_tracking",
      "alerts",
      "triggers",
      "subscriptions",
      "invoices",
      "calculation_history",
    ]) {
      expect(after[table], table).toBe(before[table]! - 1);
    }
    expect(after.email_log).toBe(before.email_log);
    const orphaned = await db.select().from(emailLog).where(eq(emailLog.recipientEmail, "gone@example.com"));
    expect(orphaned).toHaveLength(1);
    expect(orphaned[0]).toMatchObject({ userId: null, alertId: null, triggerId: null });
    // the other user's rows are untouched
    const kept = await db.select({ n: sql<number>`count(*)::int` }).from(mortgages).where(eq(mortgages.userId, keep.id));
    expect(kept[0]!.n).toBe(1);
  });

  it("a deleted (soft) user's email can register again, a live one cannot", async () => {
    await db.insert(users).values({ email: "again@example.com", name: "a", passwordHash: "x" });
    await expect(db.insert(users).values({ email: "again@example.com", name: "b", passwordHash: "x" })).rejects.toThrow();
    await db.update(users).set({ deletedAt: new Date() }).where(eq(users.email, "again@example.com"));
    await db.insert(users).values({ email: "again@example.com", name: "c", passwordHash: "x" });
  });
});
