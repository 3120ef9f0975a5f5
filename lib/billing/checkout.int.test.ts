import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db, getDbHandle } from "@/db";
import { emailLog, invoices, planPrices, plans, subscriptions, users } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { startStripeStandin, type StripeStandin } from "./standin";
import { payCheckout, sdkFor } from "./standin/testkit";
import { ensurePlans, homeownerWithAlert } from "./test-fixtures";

const SECRET = "whsec_checkout_int_test";

/**
 * The app's webhook endpoint, in process: the stand-in posts signed events here and they go
 * through the real route handler. In "defer" mode they are only recorded (answered 200), to be
 * replayed later, so a test can choose who comes first: the success page or the webhook.
 */
type Delivery = { body: string; signature: string };
let mode: "live" | "defer" = "live";
const deferred: Delivery[] = [];
let handle: (req: Request) => Promise<Response>;
const toRequest = (d: Delivery) => new Request("http://127.0.0.1/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": d.signature }, body: d.body });

const receiver: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    const d = { body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["stripe-signature"]) };
    if (mode === "defer") {
      deferred.push(d);
      return void res.writeHead(200).end("{}");
    }
    const out = await handle(toRequest(d));
    res.writeHead(out.status).end(await out.text());
  });
});

let standin: StripeStandin;
let sdk: Stripe;
let app: typeof import("./checkout") & typeof import("./success") & typeof import("./manage") & typeof import("./cancel");

beforeAll(async () => {
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const { port } = receiver.address() as AddressInfo;
  standin = await startStripeStandin({ port: 0, webhookUrl: `http://127.0.0.1:${port}/api/stripe/webhook`, webhookSecret: SECRET, log: () => {}, webhookRetryDelaysMs: [] });
  sdk = sdkFor(standin.port);
  // Before anything reads env() (it is parsed once).
  process.env.STRIPE_SECRET_KEY = "sk_test_checkout_int";
  process.env.STRIPE_API_URL = `http://127.0.0.1:${standin.port}`;
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  process.env.APP_URL = "http://127.0.0.1:3000";
  ({ handleWebhookRequest: handle } = await import("./webhook"));
  app = { ...(await import("./checkout")), ...(await import("./success")), ...(await import("./manage")), ...(await import("./cancel")) };
  await ensurePlans();
});
afterAll(async () => {
  await standin?.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});

async function replayDeferred() {
  const batch = deferred.splice(0);
  for (const d of batch) expect((await handle(toRequest(d))).status).toBe(200);
  return batch.length;
}

describe("Checkout through the SDK against the stand-in", () => {
  it("creates a subscription-mode session for the yearly price with alert metadata, URLs and a reused customer", async () => {
    const { user, alert, mortgage } = await homeownerWithAlert();
    const first = await app.createAlertCheckout(user.id, alert.id);
    const session = await sdk.checkout.sessions.retrieve(first.sessionId);
    expect(session.mode).toBe("subscription");
    expect(session.client_reference_id).toBe(user.id);
    expect(session.metadata).toMatchObject({ alert_id: alert.id, user_id: user.id, mortgage_id: mortgage.id });
    expect(session.success_url).toBe("http://127.0.0.1:3000/billing/success?session_id={CHECKOUT_SESSION_ID}");
    expect(session.cancel_url).toBe(`http://127.0.0.1:3000/billing/cancel?alert=${alert.id}`);
    expect(first.url).toBe(session.url);

    const [yearly] = await db.select().from(planPrices).where(eq(planPrices.interval, "year"));
    expect(yearly!.stripePriceId).toMatch(/^price_/);
    expect(standin.state.checkoutDetails[session.id]).toMatchObject({ price: yearly!.stripePriceId, quantity: 1, subscriptionMetadata: { alert_id: alert.id, user_id: user.id, mortgage_id: mortgage.id } });
    const price = await sdk.prices.retrieve(yearly!.stripePriceId!);
    expect(price).toMatchObject({ unit_amount: 12_000, currency: "usd", recurring: expect.objectContaining({ interval: "year" }) });

    const [stored] = await db.select({ customer: users.stripeCustomerId }).from(users).where(eq(users.id, user.id));
    expect(session.customer).toBe(stored!.customer);
    const second = await app.createAlertCheckout(user.id, alert.id, { interval: "month" });
    const again = await sdk.checkout.sessions.retrieve(second.sessionId);
    expect(again.customer).toBe(stored!.customer);
    const [monthly] = await db.select().from(planPrices).where(eq(planPrices.interval, "month"));
    expect((await sdk.prices.retrieve(monthly!.stripePriceId!)).unit_amount).toBe(1_200);
    // The yearly price is created at Stripe once, then reused.
    await app.createAlertCheckout(user.id, alert.id);
    const [yearlyAgain] = await db.select().from(planPrices).where(eq(planPrices.interval, "year"));
    expect(yearlyAgain!.stripePriceId).toBe(yearly!.stripePriceId);
  });

  it("recreates product, price and customer that Stripe no longer has (keys moved to another account), then reuses them", async () => {
    const { user, alert } = await homeownerWithAlert();
    await app.createAlertCheckout(user.id, alert.id); // the ids exist and are stored
    // What a switch to another Stripe account leaves behind: ids the new account has never seen.
    const [yearly] = await db.select().from(planPrices).where(eq(planPrices.interval, "year"));
    await db.update(planPrices).set({ stripePriceId: "price_from_old_account" }).where(eq(planPrices.id, yearly!.id));
    await db.update(plans).set({ stripeProductId: "prod_from_old_account" }).where(eq(plans.id, yearly!.planId));
    await db.update(users).set({ stripeCustomerId: "cus_from_old_account" }).where(eq(users.id, user.id));

    const started = await app.createAlertCheckout(user.id, alert.id);
    const session = await sdk.checkout.sessions.retrieve(started.sessionId);
    const [price] = await db.select().from(planPrices).where(eq(planPrices.id, yearly!.id));
    const [plan] = await db.select().from(plans).where(eq(plans.id, yearly!.planId));
    const [owner] = await db.select({ customer: users.stripeCustomerId }).from(users).where(eq(users.id, user.id));
    expect(price!.stripePriceId).toMatch(/^price_/);
    expect(price!.stripePriceId).not.toBe("price_from_old_account");
    expect(plan!.stripeProductId).not.toBe("prod_from_old_account");
    expect((await sdk.prices.retrieve(price!.stripePriceId!)).product).toBe(plan!.stripeProductId);
    expect(owner!.customer).not.toBe("cus_from_old_account");
    expect(session.customer).toBe(owner!.customer);
    expect(standin.state.checkoutDetails[session.id]).toMatchObject({ price: price!.stripePriceId });
    // Then reused, as before.
    await app.createAlertCheckout(user.id, alert.id);
    const [again] = await db.select().from(planPrices).where(eq(planPrices.id, yearly!.id));
    expect(again!.stripePriceId).toBe(price!.stripePriceId);
  });

  it("a second checkout for the same alert reuses the open session, or expires it for another price: two tabs can never both pay", async () => {
    const { user, alert } = await homeownerWithAlert();
    const other = await homeownerWithAlert();
    const first = await app.createAlertCheckout(user.id, alert.id);
    const unrelated = await app.createAlertCheckout(other.user.id, other.alert.id);
    const again = await app.createAlertCheckout(user.id, alert.id);
    expect(again).toEqual(first);
    const monthly = await app.createAlertCheckout(user.id, alert.id, { interval: "month" });
    expect((await sdk.checkout.sessions.retrieve(first.sessionId)).status).toBe("expired");
    expect((await sdk.checkout.sessions.retrieve(monthly.sessionId)).status).toBe("open");
    expect((await sdk.checkout.sessions.retrieve(unrelated.sessionId)).status).toBe("open");
  });

  it("refuses unverified users, other users' alerts and alerts already paid for", async () => {
    const unverified = await homeownerWithAlert({ verified: false });
    await expect(app.createAlertCheckout(unverified.user.id, unverified.alert.id)).rejects.toBeInstanceOf(ForbiddenError);
    const owner = await homeownerWithAlert();
    const other = await homeownerWithAlert();
    await expect(app.createAlertCheckout(other.user.id, owner.alert.id)).rejects.toBeInstanceOf(NotFoundError);
    const { sessionId, url } = await app.createAlertCheckout(owner.user.id, owner.alert.id);
    await payCheckout(url, { number: "4242 4242 4242 4242" });
    await app.syncCheckoutSession(owner.user.id, sessionId);
    await expect(app.createAlertCheckout(owner.user.id, owner.alert.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(app.syncCheckoutSession(other.user.id, sessionId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the success page activates the alert before any webhook, and the webhooks then change nothing", async () => {
    const { user, alert } = await homeownerWithAlert();
    const { sessionId, url } = await app.createAlertCheckout(user.id, alert.id);
    mode = "defer";
    const paid = await payCheckout(url, { number: "4242 4242 4242 4242" });
    mode = "live";
    expect(paid.res.status).toBe(303);
    expect(await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id))).toEqual([]);

    const result = await app.syncCheckoutSession(user.id, sessionId);
    expect(result.state).toBe("complete");
    const [afterSuccess] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id));
    expect(afterSuccess).toMatchObject({ status: "active", amountCents: 12_000, interval: "year", cancelAtPeriodEnd: false });
    expect(await db.select().from(invoices).where(eq(invoices.userId, user.id))).toHaveLength(1);
    // Again: idempotent.
    await app.syncCheckoutSession(user.id, sessionId);

    expect(await replayDeferred()).toBeGreaterThanOrEqual(4);
    const rows = await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: afterSuccess!.id, status: "active", stripeSubscriptionId: afterSuccess!.stripeSubscriptionId });
    const inv = await db.select().from(invoices).where(eq(invoices.userId, user.id));
    expect(inv).toHaveLength(1);
    expect(inv[0]).toMatchObject({ status: "paid", amountPaidCents: 12_000 });
    expect(inv[0]!.hostedInvoiceUrl).toContain(`127.0.0.1:${standin.port}`);
    const mails = await db.select().from(emailLog).where(eq(emailLog.userId, user.id));
    expect(mails.map((m) => m.emailType)).toEqual(["payment_receipt"]);
  });

  it("when the webhooks come first, the success page finds the same state", async () => {
    const { user, alert } = await homeownerWithAlert();
    const { sessionId, url } = await app.createAlertCheckout(user.id, alert.id);
    await payCheckout(url, { number: "4242 4242 4242 4242" });
    const [viaWebhook] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id));
    expect(viaWebhook).toMatchObject({ status: "active" });
    const result = await app.syncCheckoutSession(user.id, sessionId);
    expect(result.state === "complete" && result.subscription).toMatchObject({ id: viaWebhook!.id, status: "active", currentPeriodEnd: viaWebhook!.currentPeriodEnd });
    expect(await db.select().from(invoices).where(eq(invoices.userId, user.id))).toHaveLength(1);
  });

  it("a declined card creates nothing and the session stays open", async () => {
    const { user, alert } = await homeownerWithAlert();
    const { sessionId, url } = await app.createAlertCheckout(user.id, alert.id);
    const declined = await payCheckout(url, { number: "4000 0000 0000 0002" });
    expect(declined.html).toContain("Your card was declined.");
    expect(await app.syncCheckoutSession(user.id, sessionId)).toEqual({ state: "open", alertId: alert.id });
    expect(await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id))).toEqual([]);
  });

  it("cancel at period end and resume go through Stripe and show at once", async () => {
    const { user, alert } = await homeownerWithAlert();
    const { url } = await app.createAlertCheckout(user.id, alert.id);
    await payCheckout(url, { number: "4242 4242 4242 4242" });
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id));
    const canceled = await app.setCancelAtPeriodEnd(user.id, row!.id, true);
    expect(canceled).toMatchObject({ cancelAtPeriodEnd: true, status: "active" });
    expect((await sdk.subscriptions.retrieve(row!.stripeSubscriptionId)).cancel_at_period_end).toBe(true);
    const other = await homeownerWithAlert();
    await expect(app.setCancelAtPeriodEnd(other.user.id, row!.id, false)).rejects.toBeInstanceOf(NotFoundError);
    const resumed = await app.setCancelAtPeriodEnd(user.id, row!.id, false);
    expect(resumed).toMatchObject({ cancelAtPeriodEnd: false });
    expect((await sdk.subscriptions.retrieve(row!.stripeSubscriptionId)).cancel_at_period_end).toBe(false);
  });

  it("a cancel at period end that Stripe accepts but the database fails to record is undone at Stripe", async () => {
    const { user, alert } = await homeownerWithAlert();
    const { url } = await app.createAlertCheckout(user.id, alert.id);
    await payCheckout(url, { number: "4242 4242 4242 4242" });
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id));
    // The database fails between Stripe's answer and our write (injected once).
    const failing = vi.spyOn(getDbHandle().db, "transaction").mockRejectedValueOnce(new Error("connection terminated"));
    await expect(app.setCancelAtPeriodEnd(user.id, row!.id, true)).rejects.toThrow("connection terminated");
    failing.mockRestore();
    expect((await sdk.subscriptions.retrieve(row!.stripeSubscriptionId)).cancel_at_period_end).toBe(false);
    expect((await db.select().from(subscriptions).where(eq(subscriptions.id, row!.id)))[0]).toMatchObject({ cancelAtPeriodEnd: false, status: "active" });
  });

  it("the customer portal opens for the user's customer and returns to /billing", async () => {
    const { user, alert } = await homeownerWithAlert();
    await expect(app.createPortalSession(user.id)).rejects.toThrow(/no payment methods/);
    await app.createAlertCheckout(user.id, alert.id);
    const portal = await app.createPortalSession(user.id);
    expect(portal).toContain(`127.0.0.1:${standin.port}`);
  });

  it("account deletion cancels every live subscription at Stripe and locally", async () => {
    const { user, alert, mortgage } = await homeownerWithAlert();
    const { url } = await app.createAlertCheckout(user.id, alert.id);
    await payCheckout(url, { number: "4242 4242 4242 4242" });
    // A second, seeded row Stripe has never heard of (like the demo data): cancelled locally.
    const [{ alerts: alertsTable }] = [await import("@/db/schema")];
    const [orphanAlert] = await db.insert(alertsTable).values({ userId: user.id, mortgageId: mortgage.id, alertType: "interest_rate", targetInterestRate: 5, targetTerm: 360 }).returning();
    await db.insert(subscriptions).values({ userId: user.id, alertId: orphanAlert!.id, stripeCustomerId: "cus_gone", stripeSubscriptionId: "sub_gone_at_stripe", stripePriceId: "price_x", status: "active", amountCents: 12_000 });

    expect(await app.cancelUserSubscriptions(user.id)).toBe(2);
    const rows = await db.select().from(subscriptions).where(eq(subscriptions.userId, user.id));
    expect(rows.map((r) => r.status)).toEqual(["canceled", "canceled"]);
    const real = rows.find((r) => r.alertId === alert.id)!;
    expect((await sdk.subscriptions.retrieve(real.stripeSubscriptionId)).status).toBe("canceled");
    // The customer.subscription.deleted webhook that follows changes nothing more.
    expect(await app.cancelUserSubscriptions(user.id)).toBe(0);
  });

  it("deleting a paid alert ends its subscription with the paid period; nothing is deleted when Stripe refuses", async () => {
    const { deleteAlert } = await import("@/lib/alerts/delete");
    const { alerts: alertsTable } = await import("@/db/schema");
    const { user, alert, mortgage } = await homeownerWithAlert();
    const { url } = await app.createAlertCheckout(user.id, alert.id);
    await payCheckout(url, { number: "4242 4242 4242 4242" });
    const [sub] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id));

    // Another user can neither delete it nor touch its subscription.
    const other = await homeownerWithAlert();
    await expect(deleteAlert(other.user.id, alert.id)).rejects.toBeInstanceOf(NotFoundError);

    // Stripe failing (here: unreachable, a client aimed at a closed port) deletes nothing and cancels nothing.
    const shared = globalThis as unknown as { __refiStripe?: { key: string; client: Stripe } };
    const real = shared.__refiStripe!;
    shared.__refiStripe = { key: real.key, client: new Stripe("sk_test_down", { host: "127.0.0.1", port: 9, protocol: "http", maxNetworkRetries: 0, telemetry: false }) };
    try {
      await expect(deleteAlert(user.id, alert.id)).rejects.toThrow();
    } finally {
      shared.__refiStripe = real;
    }
    expect((await db.select().from(alertsTable).where(eq(alertsTable.id, alert.id)))[0]!.deletedAt).toBeNull();
    expect((await db.select().from(subscriptions).where(eq(subscriptions.id, sub!.id)))[0]!.cancelAtPeriodEnd).toBe(false);

    const deleted = await deleteAlert(user.id, alert.id);
    expect(deleted.deletedAt).not.toBeNull();
    const [after] = await db.select().from(subscriptions).where(eq(subscriptions.id, sub!.id));
    expect(after).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect((await sdk.subscriptions.retrieve(sub!.stripeSubscriptionId)).cancel_at_period_end).toBe(true);

    // A subscription Stripe has never heard of (demo rows) is ended locally; the alert goes.
    const [demoAlert] = await db.insert(alertsTable).values({ userId: user.id, mortgageId: mortgage.id, alertType: "interest_rate", targetInterestRate: 5, targetTerm: 360 }).returning();
    await db.insert(subscriptions).values({ userId: user.id, alertId: demoAlert!.id, stripeCustomerId: "cus_gone", stripeSubscriptionId: "sub_never_at_stripe", stripePriceId: "price_x", status: "active", amountCents: 12_000 });
    expect((await deleteAlert(user.id, demoAlert!.id)).deletedAt).not.toBeNull();
    expect((await db.select().from(subscriptions).where(eq(subscriptions.alertId, demoAlert!.id)))[0]).toMatchObject({ status: "canceled" });
  });
});
