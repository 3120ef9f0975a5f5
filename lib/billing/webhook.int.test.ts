import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db, queryRows } from "@/db";
import { alerts, auditLog, emailLog, invoices, stripeEvents, subscriptions, userPreferences } from "@/db/schema";
import { billingTemplates } from "@/lib/email/templates/billing";
import { eventOf, homeownerWithAlert, invoiceObject, signedRequest, subscriptionObject } from "./test-fixtures";

const SECRET = "whsec_webhook_int_test";
process.env.STRIPE_WEBHOOK_SECRET = SECRET;
// No Stripe API in this file: the handler must work from event payloads alone.
delete process.env.STRIPE_SECRET_KEY;
delete process.env.STRIPE_API_URL;

let handle: (req: Request) => Promise<Response>;
beforeAll(async () => {
  ({ handleWebhookRequest: handle } = await import("./webhook"));
});

const post = (event: unknown) => handle(signedRequest(event, SECRET));
const t0 = Math.floor(Date.now() / 1000) - 3600;

async function rowFor(alertId: string) {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, alertId));
  return row;
}

describe("POST /api/stripe/webhook", () => {
  it("rejects a bad signature with 400 and writes nothing", async () => {
    const { user, alert } = await homeownerWithAlert();
    const event = eventOf("customer.subscription.created", subscriptionObject({ customer: "cus_bad", alertId: alert.id, userId: user.id }), t0);
    const forged = signedRequest(event, "whsec_someone_else");
    const res = await handle(forged);
    expect(res.status).toBe(400);
    const noHeader = new Request("http://x/api/stripe/webhook", { method: "POST", body: JSON.stringify(event) });
    expect((await handle(noHeader)).status).toBe(400);
    // A valid signature over a different body does not verify either.
    const tampered = signedRequest(event, SECRET);
    const body = JSON.stringify({ ...event, id: "evt_other" });
    const res2 = await handle(new Request(tampered.url, { method: "POST", headers: tampered.headers, body }));
    expect(res2.status).toBe(400);
    // Correctly signed, but ten minutes ago: a replayed delivery.
    const replay = signedRequest(event, SECRET, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect((await handle(replay)).status).toBe(400);
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toEqual([]);
    expect(await rowFor(alert.id)).toBeUndefined();
  });

  it("creates the subscription from the subscription's metadata and activates the alert", async () => {
    const { user, alert } = await homeownerWithAlert();
    const sub = subscriptionObject({ customer: "cus_meta", alertId: alert.id, userId: user.id, periodStart: t0, periodEnd: t0 + 365 * 86_400 });
    const res = await post(eventOf("customer.subscription.created", sub, t0));
    expect(res.status).toBe(200);
    const row = await rowFor(alert.id);
    expect(row).toMatchObject({ userId: user.id, stripeSubscriptionId: sub.id, stripeCustomerId: "cus_meta", status: "active", amountCents: 12_000, interval: "year", cancelAtPeriodEnd: false });
    expect(row!.currentPeriodEnd!.getTime()).toBe((t0 + 365 * 86_400) * 1000);
    const [ev] = await db.select().from(stripeEvents).where(eq(stripeEvents.type, "customer.subscription.created"));
    expect(ev!.processedAt).not.toBeNull();
  });

  it("applies the same event once, even when delivered twice at the same time", async () => {
    const { user, alert } = await homeownerWithAlert();
    const sub = subscriptionObject({ customer: "cus_twice", alertId: alert.id, userId: user.id });
    await post(eventOf("customer.subscription.created", sub, t0));
    const paid = eventOf("invoice.paid", invoiceObject({ subscription: sub.id, customer: "cus_twice", status: "paid", alertId: alert.id }), t0 + 1);
    const responses = await Promise.all([post(paid), post(paid)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const outcomes = await Promise.all(responses.map(async (r) => ((await r.json()) as { outcome: string }).outcome));
    expect(outcomes.sort()).toEqual(["duplicate", "processed"]);
    expect((await post(paid)).status).toBe(200);

    const receipts = await db.select().from(emailLog).where(eq(emailLog.userId, user.id));
    expect(receipts.map((r) => r.emailType)).toEqual(["payment_receipt"]);
    expect(receipts[0]!.subject).toContain("$120.00");
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "invoice.paid"));
    expect(audits.filter((a) => (a.after as { stripeInvoiceId: string }).stripeInvoiceId === (paid.data.object as { id: string }).id)).toHaveLength(1);
    const rows = await db.select().from(invoices).where(eq(invoices.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "paid", amountPaidCents: 12_000 });
  });

  it("subscription.updated delivered before subscription.created ends in the newer state", async () => {
    const { user, alert } = await homeownerWithAlert();
    const created = subscriptionObject({ customer: "cus_order", alertId: alert.id, userId: user.id });
    const updated = { ...created, cancel_at_period_end: true, cancel_at: created.items.data[0]!.current_period_end } as typeof created;
    expect((await post(eventOf("customer.subscription.updated", updated, t0 + 20))).status).toBe(200);
    expect((await post(eventOf("customer.subscription.created", created, t0 + 10))).status).toBe(200);
    const row = await rowFor(alert.id);
    expect(row).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect(row!.lastStripeEventAt!.getTime()).toBe((t0 + 20) * 1000);
  });

  it("a late invoice.finalized does not undo a paid invoice", async () => {
    const { user, alert } = await homeownerWithAlert();
    const sub = subscriptionObject({ customer: "cus_inv", alertId: alert.id, userId: user.id });
    await post(eventOf("customer.subscription.created", sub, t0));
    const paid = invoiceObject({ subscription: sub.id, customer: "cus_inv", status: "paid", alertId: alert.id });
    await post(eventOf("invoice.paid", paid, t0 + 2));
    await post(eventOf("invoice.finalized", { ...paid, status: "open", amount_paid: 0 }, t0 + 1));
    const [inv] = await db.select().from(invoices).where(eq(invoices.stripeInvoiceId, paid.id!));
    expect(inv).toMatchObject({ status: "paid", amountPaidCents: 12_000 });
  });

  it("payment failed: past_due stays monitored until period end, the homeowner is emailed; deleted pauses", async () => {
    const { isMonitoredStatus, monitoredSubscriptionSql } = await import("./status");
    const { user, alert } = await homeownerWithAlert();
    await db.insert(userPreferences).values({ userId: user.id, dateFormat: "DD/MM/YYYY" });
    const sub = subscriptionObject({ customer: "cus_fail", alertId: alert.id, userId: user.id });
    await post(eventOf("customer.subscription.created", sub, t0));
    await post(eventOf("invoice.payment_failed", invoiceObject({ subscription: sub.id, customer: "cus_fail", status: "open", alertId: alert.id }), t0 + 5));
    await post(eventOf("customer.subscription.updated", { ...sub, status: "past_due" }, t0 + 5));
    let row = await rowFor(alert.id);
    expect(row!.status).toBe("past_due");
    expect(isMonitoredStatus(row!.status, row!.currentPeriodEnd)).toBe(true);
    const monitoredInSql = async () =>
      (await queryRows<{ m: boolean }>(db, sql`SELECT ${monitoredSubscriptionSql(subscriptions.status, subscriptions.currentPeriodEnd)} AS m FROM ${subscriptions} WHERE ${subscriptions.alertId} = ${alert.id}`))[0]!.m;
    expect(await monitoredInSql()).toBe(true);
    const mails = await db.select().from(emailLog).where(eq(emailLog.userId, user.id));
    expect(mails.map((m) => m.emailType)).toEqual(["payment_failed"]);
    expect(mails[0]!.subject).toMatch(/didn't go through/);
    // Its dates are in the owner's date format, stored with it so a retry reads the same.
    const params = mails[0]!.templateParams as Record<string, unknown>;
    expect(params.display).toMatchObject({ dateFormat: "DD/MM/YYYY" });
    const rendered = billingTemplates["billing-payment-failed"]!(params, { appUrl: "http://127.0.0.1:3000" });
    expect(rendered.text).toMatch(/stays monitored until \d{1,2} [A-Z][a-z]{2} \d{4};/);

    await post(eventOf("customer.subscription.deleted", { ...sub, status: "canceled", ended_at: t0 + 9, canceled_at: t0 + 9 }, t0 + 9));
    row = await rowFor(alert.id);
    expect(row).toMatchObject({ status: "canceled" });
    expect(row!.endedAt!.getTime()).toBe((t0 + 9) * 1000);
    expect(isMonitoredStatus(row!.status, row!.currentPeriodEnd)).toBe(false);
    expect(await monitoredInSql()).toBe(false);
  });

  it("20 events for 5 subscriptions delivered concurrently in random order end in each one's newest state", async () => {
    const statuses: ("active" | "past_due" | "canceled" | "unpaid")[] = ["active", "past_due", "active", "unpaid"];
    const plans = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const { user, alert } = await homeownerWithAlert();
        const base = subscriptionObject({ customer: `cus_conc_${i}`, alertId: alert.id, userId: user.id });
        // Four states in time order; the last differs per subscription.
        const states = statuses.map((status, k) => ({
          ...base,
          status: k === 3 ? (["active", "past_due", "canceled", "unpaid", "active"] as const)[i]! : status,
          cancel_at_period_end: k === 3 && i === 4,
        }));
        const events = states.map((s, k) => eventOf(k === 0 ? "customer.subscription.created" : "customer.subscription.updated", s, t0 + 100 + k * 10));
        return { alert, events, expected: states[3]! };
      }),
    );
    const all = plans.flatMap((p) => p.events);
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    const responses = await Promise.all(all.map(post));
    expect(responses.map((r) => r.status)).toEqual(all.map(() => 200));
    for (const p of plans) {
      const row = await rowFor(p.alert.id);
      expect(row).toMatchObject({ status: p.expected.status, cancelAtPeriodEnd: p.expected.cancel_at_period_end && p.expected.status !== "canceled" });
      expect(row!.lastStripeEventAt!.getTime()).toBe((t0 + 130) * 1000);
    }
    const [{ n }] = (await db.select({ n: count() }).from(stripeEvents).where(eq(stripeEvents.type, "customer.subscription.updated"))) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(15);
  });

  it("an event for an unknown customer or alert is logged and answered 2xx, nothing else written", async () => {
    const auditsBefore = await db.select({ n: count() }).from(auditLog);
    const subsBefore = await db.select({ n: count() }).from(subscriptions);
    const stranger = subscriptionObject({ customer: "cus_nobody" });
    const ghostAlert = subscriptionObject({ customer: "cus_nobody", alertId: "00000000-0000-4000-8000-000000000000", userId: "00000000-0000-4000-8000-000000000001" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const event of [
      eventOf("customer.subscription.updated", stranger, t0),
      eventOf("customer.subscription.created", ghostAlert, t0),
      eventOf("invoice.paid", invoiceObject({ subscription: stranger.id, customer: "cus_nobody", status: "paid" }), t0),
    ]) {
      const res = await post(event);
      expect(res.status).toBe(200);
      const [ev] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
      expect(ev!.processedAt).not.toBeNull();
    }
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
    expect(await db.select({ n: count() }).from(subscriptions)).toEqual(subsBefore);
    expect(await db.select({ n: count() }).from(auditLog)).toEqual(auditsBefore);
    expect(await db.select().from(invoices).where(eq(invoices.stripeInvoiceId, "nothing"))).toEqual([]);
  });

  it("another user's alert id in the metadata is not attached to the payer", async () => {
    const victim = await homeownerWithAlert();
    const payer = await homeownerWithAlert();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const res = await post(eventOf("customer.subscription.created", subscriptionObject({ customer: "cus_payer", alertId: victim.alert.id, userId: payer.user.id }), t0));
    warn.mockRestore();
    expect(res.status).toBe(200);
    expect(await rowFor(victim.alert.id)).toBeUndefined();
  });

  it("an invoice that arrives before its subscription fails with 5xx, unprocessed, and applies on Stripe's retry", async () => {
    const { user, alert } = await homeownerWithAlert();
    const sub = subscriptionObject({ customer: "cus_retry", alertId: alert.id, userId: user.id });
    const paid = eventOf("invoice.paid", invoiceObject({ subscription: sub.id, customer: "cus_retry", status: "paid", alertId: alert.id }), t0 + 1);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await post(paid)).status).toBe(500);
    error.mockRestore();
    const [failed] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, paid.id));
    expect(failed).toMatchObject({ processedAt: null });
    expect(failed!.error).toContain("arrived before subscription");
    expect(await db.select().from(emailLog).where(eq(emailLog.userId, user.id))).toEqual([]);

    await post(eventOf("customer.subscription.created", sub, t0));
    expect((await post(paid)).status).toBe(200);
    const [done] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, paid.id));
    expect(done).toMatchObject({ error: null });
    expect(done!.processedAt).not.toBeNull();
    expect((await db.select().from(emailLog).where(eq(emailLog.userId, user.id))).map((m) => m.emailType)).toEqual(["payment_receipt"]);
  });

  it("an invoice of an unrecorded subscription for a deleted alert is acknowledged, not retried forever", async () => {
    const { user, alert } = await homeownerWithAlert();
    await db.update(alerts).set({ deletedAt: new Date() }).where(eq(alerts.id, alert.id));
    const sub = subscriptionObject({ customer: "cus_deleted", alertId: alert.id, userId: user.id });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const paid = eventOf("invoice.paid", invoiceObject({ subscription: sub.id, customer: "cus_deleted", status: "paid", alertId: alert.id }), t0 + 1);
    expect((await post(paid)).status).toBe(200);
    warn.mockRestore();
    const [done] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, paid.id));
    expect(done).toMatchObject({ error: null });
    expect(done!.processedAt).not.toBeNull();
    expect(await db.select().from(invoices).where(eq(invoices.userId, user.id))).toEqual([]);
  });

  it("answers 500 and writes nothing when STRIPE_WEBHOOK_SECRET is not configured", async () => {
    const { user, alert } = await homeownerWithAlert();
    vi.resetModules();
    delete process.env.STRIPE_WEBHOOK_SECRET;
    const { handleWebhookRequest } = await import("./webhook");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const event = eventOf("customer.subscription.created", subscriptionObject({ customer: "cus_x", alertId: alert.id, userId: user.id }), t0);
    const res = await handleWebhookRequest(signedRequest(event, SECRET));
    expect(res.status).toBe(500);
    expect(error.mock.calls.flat().join(" ")).toContain("STRIPE_WEBHOOK_SECRET");
    error.mockRestore();
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toEqual([]);
    expect(await rowFor(alert.id)).toBeUndefined();
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  });
});
