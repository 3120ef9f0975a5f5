import { and, desc, eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { alerts, auditLog, subscriptions } from "@/db/schema";
import { startAppStripe, type AppStripe } from "@/lib/billing/app-harness";
import { payCheckout } from "@/lib/billing/standin/testkit";
import { ensurePlans, homeownerWithAlert } from "@/lib/billing/test-fixtures";
import { ForbiddenError } from "@/lib/errors";
import { makeUser } from "./test-fixtures";

// A deactivated or deleted account can't use its alerts: an admin's deactivation or deletion stops
// the renewals, at Stripe (the local stand-in, through the real SDK), and bringing the account
// back renews exactly what was stopped.
let harness: AppStripe;
let sdk: Stripe;
let app: typeof import("./user-actions") & typeof import("@/lib/billing/checkout") & typeof import("@/lib/billing/manage");

beforeAll(async () => {
  harness = await startAppStripe({ secret: "whsec_admin_user_billing_int", key: "sk_test_admin_user_billing_int" });
  sdk = harness.sdk;
  app = { ...(await import("./user-actions")), ...(await import("@/lib/billing/checkout")), ...(await import("@/lib/billing/manage")) };
  await ensurePlans();
});
afterAll(async () => {
  await harness?.close();
});

/** A homeowner with two paid alerts. */
async function payingHomeowner() {
  const { user, mortgage, alert } = await homeownerWithAlert();
  const [second] = await db
    .insert(alerts)
    .values({ userId: user.id, mortgageId: mortgage.id, alertType: "monthly_payment", targetMonthlyPaymentCents: 200_000, targetTerm: 360 })
    .returning();
  const subs = [];
  for (const a of [alert, second!]) {
    const { url } = await app.createAlertCheckout(user.id, a.id);
    await payCheckout(url, { number: "4242 4242 4242 4242" });
    const [sub] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, a.id));
    subs.push(sub!);
  }
  return { user, subs };
}

async function renewing(sub: { id: string; stripeSubscriptionId: string }) {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.id, sub.id));
  const remote = await sdk.subscriptions.retrieve(sub.stripeSubscriptionId);
  expect(row!.cancelAtPeriodEnd).toBe(remote.cancel_at_period_end); // here and at Stripe agree
  return !row!.cancelAtPeriodEnd;
}

const lastAudit = async (targetId: string, action: string) =>
  (await db.select().from(auditLog).where(and(eq(auditLog.targetId, targetId), eq(auditLog.action, action))).orderBy(desc(auditLog.createdAt)).limit(1))[0];

describe("an admin deactivating or deleting a paying account", () => {
  it("deactivation stops every renewal (paid period kept); reactivation renews them again", async () => {
    const admin = await makeUser({ role: "admin" });
    const { user, subs } = await payingHomeowner();

    const off = await app.deactivateUser(admin.id, { userId: user.id });
    expect(off.message).toBe(
      "Account deactivated and signed out everywhere. Their 2 subscriptions will not renew: they end with the period already paid for (reactivating renews them).",
    );
    for (const sub of subs) {
      expect(await renewing(sub)).toBe(false);
      expect((await db.select().from(subscriptions).where(eq(subscriptions.id, sub.id)))[0]!.status).toBe("active"); // paid for, still on
      expect((await lastAudit(sub.id, "subscription.cancel_at_period_end"))!.actorId).toBe(admin.id); // the admin did it
    }
    expect((await lastAudit(user.id, "admin.user.deactivate"))!.after).toMatchObject({ renewalsStopped: expect.arrayContaining(subs.map((s) => s.id)) });

    const on = await app.reactivateUser(admin.id, { userId: user.id });
    expect(on.message).toBe("Account reactivated. Their 2 subscriptions renew again.");
    for (const sub of subs) expect(await renewing(sub)).toBe(true);
  });

  it("only what the admin stopped renews again, and only once the account is both active and restored", async () => {
    const admin = await makeUser({ role: "admin" });
    const { user, subs } = await payingHomeowner();
    const [ownChoice, stoppedByAdmin] = subs as [(typeof subs)[0], (typeof subs)[0]];
    await app.setCancelAtPeriodEnd(user.id, ownChoice.id, true); // the homeowner's own decision, earlier

    const off = await app.deactivateUser(admin.id, { userId: user.id });
    expect(off.message).toMatch(/Their subscription will not renew: it ends with the period already paid for \(reactivating renews it\)\.$/);
    const deleted = await app.softDeleteUser(admin.id, { userId: user.id });
    expect(deleted.message).toBe("Account deleted (it can be restored)."); // nothing left renewing

    // Reactivated but still deleted: nothing renews yet.
    expect((await app.reactivateUser(admin.id, { userId: user.id })).message).toBe("Account reactivated.");
    expect(await renewing(stoppedByAdmin)).toBe(false);

    expect((await app.restoreUser(admin.id, { userId: user.id })).message).toBe("Account restored. Their subscription renews again.");
    expect(await renewing(stoppedByAdmin)).toBe(true);
    expect(await renewing(ownChoice)).toBe(false); // the homeowner's own cancellation stands

    // A second round starts afresh: what the first round stopped is not resumed again.
    await app.setCancelAtPeriodEnd(user.id, stoppedByAdmin.id, true);
    await app.softDeleteUser(admin.id, { userId: user.id });
    expect((await app.restoreUser(admin.id, { userId: user.id })).message).toBe("Account restored.");
    expect(await renewing(stoppedByAdmin)).toBe(false);
  });

  it("a non-admin can't stop anyone's renewals", async () => {
    const intruder = await makeUser();
    const { user, subs } = await payingHomeowner();
    await expect(app.deactivateUser(intruder.id, { userId: user.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(app.softDeleteUser(intruder.id, { userId: user.id })).rejects.toBeInstanceOf(ForbiddenError);
    for (const sub of subs) expect(await renewing(sub)).toBe(true);
  });
});
