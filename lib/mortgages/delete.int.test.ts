import { and, eq, isNull } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { alerts, mortgages, subscriptions, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { startAppStripe, type AppStripe } from "@/lib/billing/app-harness";
import { payCheckout } from "@/lib/billing/standin/testkit";
import { ensurePlans, homeownerWithAlert } from "@/lib/billing/test-fixtures";
import { NotFoundError } from "@/lib/errors";

const PASSWORD = "orchard quiet signal lamp";
let harness: AppStripe;
let sdk: Stripe;
let app: typeof import("./delete") & typeof import("@/lib/billing/checkout") & typeof import("@/lib/billing/queries") & typeof import("@/lib/account/delete");

beforeAll(async () => {
  harness = await startAppStripe({ secret: "whsec_mortgage_delete_int_test", key: "sk_test_mortgage_delete_int" });
  sdk = harness.sdk;
  app = { ...(await import("./delete")), ...(await import("@/lib/billing/checkout")), ...(await import("@/lib/billing/queries")), ...(await import("@/lib/account/delete")) };
  await ensurePlans();
});
afterAll(async () => {
  await harness?.close();
});

/** A homeowner whose mortgage has a paid alert, an unpaid one, and one deleted earlier. */
async function mortgageWithPaidAlert() {
  const fixture = await homeownerWithAlert();
  const { user, mortgage, alert: paid } = fixture;
  const { url } = await app.createAlertCheckout(user.id, paid.id);
  await payCheckout(url, { number: "4242 4242 4242 4242" });
  const [sub] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, paid.id));
  expect(sub).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
  const [unpaid, earlier] = await db
    .insert(alerts)
    .values([
      { userId: user.id, mortgageId: mortgage.id, alertType: "monthly_payment", targetMonthlyPaymentCents: 200_000, targetTerm: 360 },
      { userId: user.id, mortgageId: mortgage.id, alertType: "interest_rate", targetInterestRate: 4, targetTerm: 360, deletedAt: new Date(Date.now() - 86_400_000) },
    ])
    .returning();
  return { ...fixture, sub: sub!, unpaid: unpaid!, earlier: earlier! };
}

/** mortgageWithPaidAlert, with a second paid alert on the same mortgage. */
async function mortgageWithTwoPaidAlerts() {
  const fixture = await mortgageWithPaidAlert();
  const [second] = await db
    .insert(alerts)
    .values({ userId: fixture.user.id, mortgageId: fixture.mortgage.id, alertType: "interest_rate", targetInterestRate: 4.5, targetTerm: 360 })
    .returning();
  await payCheckout((await app.createAlertCheckout(fixture.user.id, second!.id)).url, { number: "4242 4242 4242 4242" });
  return fixture;
}

/**
 * Runs `fn` with the app's Stripe client answering from the stand-in, except that
 * subscriptions.<method> fails on its `failOn`-th call (the calls before and after go through):
 * Stripe refusing partway through a loop. Returns how many calls it saw.
 */
async function withStripeFailing(method: "update" | "cancel", failOn: number, fn: () => Promise<void>, opts: { retrieveFails?: boolean } = {}): Promise<number> {
  const shared = globalThis as unknown as { __refiStripe?: { key: string; client: Stripe } };
  const real = shared.__refiStripe!;
  const subs = real.client.subscriptions;
  const original = subs[method].bind(subs) as (...args: unknown[]) => Promise<unknown>;
  let calls = 0;
  const down = () => Promise.reject(new Error("Stripe is down"));
  const flaky = Object.create(real.client) as Stripe;
  Object.defineProperty(flaky, "subscriptions", {
    value: Object.assign(Object.create(subs), {
      [method]: (...args: unknown[]) => (++calls === failOn ? down() : original(...args)),
      ...(opts.retrieveFails ? { retrieve: down } : {}),
    }),
  });
  shared.__refiStripe = { key: real.key, client: flaky };
  try {
    await fn();
  } finally {
    shared.__refiStripe = real;
  }
  return calls;
}

const liveAlertIds = async (mortgageId: string) =>
  (await db.select({ id: alerts.id }).from(alerts).where(and(eq(alerts.mortgageId, mortgageId), isNull(alerts.deletedAt)))).map((a) => a.id).sort();

describe("deleting a mortgage with a paid alert", () => {
  it("deletes its alerts and ends their subscription with the paid period, at Stripe too", async () => {
    const { user, mortgage, alert, sub } = await mortgageWithPaidAlert();
    const deleted = await app.deleteMortgage(user.id, mortgage.id);
    expect(deleted).toMatchObject({ id: mortgage.id, name: "Home", alerts: 2 });
    expect(deleted.stopped).toEqual([{ id: sub.id, endsOn: sub.currentPeriodEnd, resumable: true }]);
    expect(await liveAlertIds(mortgage.id)).toEqual([]);
    expect((await db.select().from(mortgages).where(eq(mortgages.id, mortgage.id)))[0]!.deletedAt).not.toBeNull();

    // Not charged again: set to end at period end here and at Stripe; billing says the alert is gone.
    expect((await db.select().from(subscriptions).where(eq(subscriptions.id, sub.id)))[0]).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect((await sdk.subscriptions.retrieve(sub.stripeSubscriptionId)).cancel_at_period_end).toBe(true);
    const [billing] = await app.listSubscriptions(user.id);
    expect(billing).toMatchObject({ alertState: "deleted", alert: { id: alert.id } });
  });

  it("undo brings back the mortgage and the alerts deleted with it, and the subscription renews again", async () => {
    const { user, mortgage, alert, sub, unpaid, earlier } = await mortgageWithPaidAlert();
    const intruder = await mortgageWithPaidAlert();
    const deleted = await app.deleteMortgage(user.id, mortgage.id);

    // Another user's subscription id slipped into the undo is ignored; another user can't undo at all.
    await expect(app.undoDeleteMortgage(intruder.user.id, mortgage.id, [sub.id])).rejects.toBeInstanceOf(NotFoundError);
    const restored = await app.undoDeleteMortgage(user.id, mortgage.id, [...deleted.stopped.map((s) => s.id), intruder.sub.id, "not-a-uuid"]);
    expect(restored).toEqual({ id: mortgage.id, name: "Home", alerts: 2, resumed: 1, notResumed: 0 });

    expect(await liveAlertIds(mortgage.id)).toEqual([alert.id, unpaid.id].sort()); // not the one deleted the day before
    expect((await db.select().from(alerts).where(eq(alerts.id, earlier.id)))[0]!.deletedAt).not.toBeNull();
    expect((await db.select().from(subscriptions).where(eq(subscriptions.id, sub.id)))[0]).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
    expect((await sdk.subscriptions.retrieve(sub.stripeSubscriptionId)).cancel_at_period_end).toBe(false);
    expect((await app.listSubscriptions(user.id))[0]).toMatchObject({ alertState: "monitoring" });
    // The intruder's subscription was not touched.
    expect((await sdk.subscriptions.retrieve(intruder.sub.stripeSubscriptionId)).cancel_at_period_end).toBe(false);
  });

  it("deletes nothing and cancels nothing when Stripe cannot be reached", async () => {
    const { user, mortgage, alert, sub } = await mortgageWithPaidAlert();
    const shared = globalThis as unknown as { __refiStripe?: { key: string; client: Stripe } };
    const real = shared.__refiStripe!;
    shared.__refiStripe = { key: real.key, client: new Stripe("sk_test_down", { host: "127.0.0.1", port: 9, protocol: "http", maxNetworkRetries: 0, telemetry: false }) };
    try {
      await expect(app.deleteMortgage(user.id, mortgage.id)).rejects.toThrow();
    } finally {
      shared.__refiStripe = real;
    }
    expect((await db.select().from(mortgages).where(eq(mortgages.id, mortgage.id)))[0]!.deletedAt).toBeNull();
    expect(await liveAlertIds(mortgage.id)).toContain(alert.id);
    expect((await db.select().from(subscriptions).where(eq(subscriptions.id, sub.id)))[0]!.cancelAtPeriodEnd).toBe(false);
  });

  it("when Stripe fails partway through two subscriptions, the one already stopped renews again and nothing is deleted", async () => {
    const { user, mortgage, sub } = await mortgageWithTwoPaidAlerts();
    const subs = await db.select().from(subscriptions).where(eq(subscriptions.userId, user.id));
    expect(subs.map((s) => s.id)).toContain(sub.id);
    expect(subs).toHaveLength(2);

    // Stripe answers the first stop, then refuses the second.
    const updates = await withStripeFailing("update", 2, async () => {
      await expect(app.deleteMortgage(user.id, mortgage.id)).rejects.toThrow("Stripe is down");
    });
    expect(updates).toBe(3); // stop, refused stop, renew again
    expect((await db.select().from(mortgages).where(eq(mortgages.id, mortgage.id)))[0]!.deletedAt).toBeNull();
    for (const s of await db.select().from(subscriptions).where(eq(subscriptions.userId, user.id))) {
      expect(s.cancelAtPeriodEnd).toBe(false);
      expect((await sdk.subscriptions.retrieve(s.stripeSubscriptionId)).cancel_at_period_end).toBe(false);
    }
  });

  it("after a delete has committed, a renewal stopped before a Stripe failure stays stopped", async () => {
    const { user } = await mortgageWithTwoPaidAlerts();
    const { stopRenewals } = await import("@/lib/billing/cancel");
    const updates = await withStripeFailing("update", 2, async () => {
      await expect(stopRenewals(user.id, { undoOnFailure: false })).rejects.toThrow("Stripe is down");
    });
    expect(updates).toBe(2); // no renewal switched back on
    const ending = (await db.select().from(subscriptions).where(eq(subscriptions.userId, user.id))).filter((s) => s.cancelAtPeriodEnd);
    expect(ending).toHaveLength(1);
  });

  it("another user's mortgage is not found, and nothing of it changes", async () => {
    const { mortgage, sub } = await mortgageWithPaidAlert();
    const other = await homeownerWithAlert();
    await expect(app.deleteMortgage(other.user.id, mortgage.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(app.deleteMortgage(other.user.id, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect(await liveAlertIds(mortgage.id)).toHaveLength(2);
    expect((await sdk.subscriptions.retrieve(sub.stripeSubscriptionId)).cancel_at_period_end).toBe(false);
  });
});

describe("deleting an account when Stripe fails partway", () => {
  it("says how many subscriptions were cancelled (that can't be undone) and keeps the account", async () => {
    const { user } = await mortgageWithTwoPaidAlerts();
    await db.update(users).set({ passwordHash: await hashPassword(PASSWORD) }).where(eq(users.id, user.id));
    const { vi } = await import("vitest");
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await withStripeFailing(
        "cancel",
        2,
        async () => {
          await expect(app.deleteAccount(user.id, PASSWORD, null)).rejects.toThrow(
            "We cancelled 1 of your 2 subscriptions, but couldn't cancel the rest with our payment provider, so your account was not deleted.",
          );
        },
        { retrieveFails: true },
      );
    } finally {
      quiet.mockRestore();
    }
    expect((await db.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, user.id)))[0]!.deletedAt).toBeNull();
    const statuses = (await db.select({ status: subscriptions.status }).from(subscriptions).where(eq(subscriptions.userId, user.id))).map((s) => s.status).sort();
    expect(statuses).toEqual(["active", "canceled"]);
  });
});
