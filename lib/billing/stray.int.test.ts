// Subscriptions that can never be applied (a second one for a paid alert, one for a deleted
// alert): cancelled at the stand-in by the webhook, every event answered 200, never retried.
import { and, eq, inArray, like } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { alerts, auditLog, invoices, planPrices, stripeEvents, subscriptions, users } from "@/db/schema";
import { startAppStripe, type AppStripe, type Delivery } from "./app-harness";
import { payCheckout } from "./standin/testkit";
import { ensurePlans, homeownerWithAlert } from "./test-fixtures";

let harness: AppStripe;
let sdk: Stripe;
let checkout: typeof import("./checkout");

beforeAll(async () => {
  harness = await startAppStripe({ secret: "whsec_stray_int_test", key: "sk_test_stray_int" });
  sdk = harness.sdk;
  checkout = await import("./checkout");
  await ensurePlans();
});
afterAll(async () => {
  await harness?.close();
});

const CARD = { number: "4242 4242 4242 4242" };

/** Waits until the stand-in has posted a webhook matching `match` and the app has answered it. */
async function delivered(match: (d: Delivery) => boolean, timeoutMs = 5_000): Promise<Delivery> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = harness.deliveries.find((d) => match(d) && d.status !== 0);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no such webhook; got ${harness.deliveries.map((d) => `${d.type}:${d.status}`).join(", ")}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A paid alert, then a second Checkout session for it made straight at Stripe (as two racing requests did). */
async function paidAlertWithSecondSession() {
  const { user, alert, mortgage } = await homeownerWithAlert();
  const { url } = await checkout.createAlertCheckout(user.id, alert.id);
  await payCheckout(url, CARD);
  const [kept] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id));
  expect(kept).toMatchObject({ status: "active" });
  const second = await secondSession(user.id, alert.id, mortgage.id);
  return { user, alert, kept: kept!, second };
}

async function secondSession(userId: string, alertId: string, mortgageId: string) {
  const [owner] = await db.select({ customer: users.stripeCustomerId }).from(users).where(eq(users.id, userId));
  const [price] = await db.select().from(planPrices).where(eq(planPrices.interval, "year"));
  const metadata = { alert_id: alertId, user_id: userId, mortgage_id: mortgageId, plan_price_id: price!.id };
  return sdk.checkout.sessions.create({
    mode: "subscription",
    customer: owner!.customer!,
    line_items: [{ price: price!.stripePriceId!, quantity: 1 }],
    metadata,
    subscription_data: { metadata },
    success_url: "http://127.0.0.1:3000/billing/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://127.0.0.1:3000/billing/cancel",
  });
}

const strayAudits = (stripeSubscriptionId: string) =>
  db
    .select()
    .from(auditLog)
    .where(like(auditLog.action, "billing.stray_subscription_%"))
    .then((rows) => rows.filter((r) => (r.after as { stripeSubscriptionId?: string }).stripeSubscriptionId === stripeSubscriptionId));

async function eventsOf(ids: string[]) {
  return db.select().from(stripeEvents).where(inArray(stripeEvents.id, ids));
}

describe("a subscription that can never be applied", () => {
  it("a second subscription for a paid alert is cancelled at Stripe; its events and invoices are answered 200, once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { user, alert, kept, second } = await paidAlertWithSecondSession();
    const before = harness.deliveries.length;
    await payCheckout(second.url!, CARD);
    const paid = await sdk.checkout.sessions.retrieve(second.id);
    const strayId = paid.subscription as string;
    await delivered((d) => d.type === "customer.subscription.deleted");
    warn.mockRestore();

    expect((await sdk.subscriptions.retrieve(strayId)).status).toBe("canceled");
    const mine = harness.deliveries.slice(before);
    expect(mine.map((d) => d.type)).toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.finalized", "invoice.paid", "customer.subscription.deleted"]);
    expect(mine.map((d) => d.status)).toEqual([200, 200, 200, 200, 200]);
    for (const ev of await eventsOf(mine.map((d) => d.id))) expect(ev).toMatchObject({ error: null, processedAt: expect.any(Date) });

    // The first subscription still holds the alert; nothing of the stray one is recorded as ours.
    expect(await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id))).toEqual([expect.objectContaining({ id: kept.id, status: "active" })]);
    const stripeInvoices = (await db.select().from(invoices).where(eq(invoices.userId, user.id))).map((i) => i.stripeInvoiceId);
    expect(stripeInvoices).not.toContain(paid.invoice);
    // One audit row on the user (the admin user page shows it), naming what an admin may refund.
    const audits = await strayAudits(strayId);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "billing.stray_subscription_cancelled", targetType: "user", targetId: user.id });
    expect(audits[0]!.after).toMatchObject({ alertId: alert.id, keptSubscription: kept.stripeSubscriptionId, latestInvoice: paid.invoice, cancelledAtStripe: true });
  });

  it("a stray subscription that kept charging (its first events lost) is cancelled at its next invoice, answered 200", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { kept, second } = await paidAlertWithSecondSession();
    harness.hold();
    await payCheckout(second.url!, CARD);
    await harness.release({ drop: true }); // as if processed by a build without this fix
    const strayId = (await sdk.checkout.sessions.retrieve(second.id)).subscription as string;
    expect((await sdk.subscriptions.retrieve(strayId)).status).toBe("active");

    const before = harness.deliveries.length;
    const renewal = await harness.standin.simulate("renewal", strayId);
    expect(renewal.deliveries.map((d) => [d.type, d.status])).toEqual(renewal.events.map((e) => [e.type, 200]));
    expect(renewal.events.map((e) => e.type)).toContain("invoice.paid");
    await delivered((d) => d.type === "customer.subscription.deleted" && harness.deliveries.indexOf(d) >= before);
    warn.mockRestore();
    expect((await sdk.subscriptions.retrieve(strayId)).status).toBe("canceled");
    expect((await db.select().from(subscriptions).where(eq(subscriptions.id, kept.id)))[0]).toMatchObject({ status: "active", stripeSubscriptionId: kept.stripeSubscriptionId });
    expect(harness.deliveries.slice(before).every((d) => d.status === 200)).toBe(true);
    expect(await strayAudits(strayId)).toHaveLength(1);
  });

  it("a checkout paid after its alert was deleted starts no subscription that renews", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { user, alert } = await homeownerWithAlert();
    const { url, sessionId } = await checkout.createAlertCheckout(user.id, alert.id);
    // Deleted behind the checkout's back (its session not expired): the webhook must still refuse it.
    await db.update(alerts).set({ deletedAt: new Date() }).where(eq(alerts.id, alert.id));
    const before = harness.deliveries.length;
    await payCheckout(url, CARD);
    await delivered((d) => d.type === "customer.subscription.deleted" && harness.deliveries.indexOf(d) >= before);
    warn.mockRestore();
    const strayId = (await sdk.checkout.sessions.retrieve(sessionId)).subscription as string;
    expect((await sdk.subscriptions.retrieve(strayId)).status).toBe("canceled");
    expect(await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id))).toEqual([]);
    expect(harness.deliveries.slice(before).map((d) => d.status).every((s) => s === 200)).toBe(true);
    expect(await strayAudits(strayId)).toEqual([expect.objectContaining({ targetId: user.id })]);
  });

  it("a subscription kept after its alert was deleted keeps syncing (it ends with its paid period, or is resumed by an undo)", async () => {
    const { user, alert } = await homeownerWithAlert();
    const { url } = await checkout.createAlertCheckout(user.id, alert.id);
    await payCheckout(url, CARD);
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id));
    await db.update(alerts).set({ deletedAt: new Date() }).where(eq(alerts.id, alert.id));
    await harness.standin.simulate("cancel_at_period_end", row!.stripeSubscriptionId);
    expect((await sdk.subscriptions.retrieve(row!.stripeSubscriptionId)).status).toBe("active");
    expect((await db.select().from(subscriptions).where(and(eq(subscriptions.id, row!.id))))[0]).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
  });

  it("a paused subscription that a new checkout replaces is cancelled at Stripe, so resuming it cannot charge twice", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { user, alert } = await homeownerWithAlert();
    await payCheckout((await checkout.createAlertCheckout(user.id, alert.id)).url, CARD);
    const [first] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id));
    // The stand-in has no pause of its own: the subscription is paused in its state (as Stripe
    // does when a trial ends without a card) and the event Stripe would send is sent.
    const paused = harness.standin.state.subscriptions[first!.stripeSubscriptionId]!;
    paused.status = "paused";
    await harness.standin.sendEvent("customer.subscription.updated", structuredClone(paused), { status: "active" });
    expect((await db.select().from(subscriptions).where(eq(subscriptions.id, first!.id)))[0]).toMatchObject({ status: "paused" });

    const before = harness.deliveries.length;
    const again = await checkout.createAlertCheckout(user.id, alert.id);
    await payCheckout(again.url, CARD);
    const [now] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id));
    await delivered((d) => d.type === "customer.subscription.deleted" && harness.deliveries.indexOf(d) >= before);
    warn.mockRestore();

    expect(now).toMatchObject({ id: first!.id, status: "active" });
    expect(now!.stripeSubscriptionId).not.toBe(first!.stripeSubscriptionId);
    expect((await sdk.subscriptions.retrieve(first!.stripeSubscriptionId)).status).toBe("canceled");
    expect((await sdk.subscriptions.retrieve(now!.stripeSubscriptionId)).status).toBe("active");
    // The old one's deletion event leaves the alert with the new subscription.
    expect((await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id)))[0]).toMatchObject({ stripeSubscriptionId: now!.stripeSubscriptionId, status: "active" });
    const audits = (await db.select().from(auditLog).where(and(eq(auditLog.action, "billing.replaced_subscription_cancelled"), eq(auditLog.targetId, user.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toMatchObject({ stripeSubscriptionId: first!.stripeSubscriptionId, status: "paused" });
  });
});
