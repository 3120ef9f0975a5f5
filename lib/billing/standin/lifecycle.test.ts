import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { requestSimulation } from "./client";
import { startStripeStandin } from "./server";
import { createCheckout, payCheckout, sdkFor, startHarness, TEST_WEBHOOK_SECRET, type Harness } from "./testkit";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** A paid subscription, with the receiver cleared so each test sees only its own events. */
async function subscribed(opts: Parameters<typeof startHarness>[0] = {}) {
  h = await startHarness(opts);
  const { customer, session } = await createCheckout(h.stripe);
  await payCheckout(session.url!, { number: "4242424242424242" });
  await h.receiver.waitFor(4);
  h.receiver.received.length = 0;
  const { subscription } = await h.stripe.checkout.sessions.retrieve(session.id);
  const sub = await h.stripe.subscriptions.retrieve(subscription as string);
  return { customer: customer!, sub };
}

const verified = () => h.receiver.received.map((r) => h.stripe.webhooks.constructEvent(r.rawBody, r.signature, TEST_WEBHOOK_SECRET));

async function portalPost(url: string, subscription: string, action: string) {
  return fetch(url, { method: "POST", body: new URLSearchParams({ subscription, action }), redirect: "manual" });
}

describe("customer portal", () => {
  it("cancel at period end, resume, cancel now — each updates the subscription and sends its event", async () => {
    const { customer, sub } = await subscribed();
    const portal = await h.stripe.billingPortal.sessions.create({ customer: customer.id, return_url: "http://localhost:3000/account" });
    expect(portal.id).toMatch(/^bps_/);
    expect(portal).toMatchObject({ object: "billing_portal.session", customer: customer.id, return_url: "http://localhost:3000/account" });
    expect(portal.url).toBe(`${h.standin.url}/portal/${portal.id}`);

    const page = await (await fetch(portal.url)).text();
    expect(page).toContain("Test mode — no real charge");
    expect(page).toContain("Refi Alert");
    expect(page).toContain("Cancel at period end");
    expect(page).toContain('href="http://localhost:3000/account"');

    const res = await portalPost(portal.url, sub.id, "cancel_at_period_end");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(new RegExp(`^/portal/${portal.id}\\?notice=`));
    let [event] = verified();
    expect(event.type).toBe("customer.subscription.updated");
    const updated = event.data.object as Stripe.Subscription;
    expect(updated).toMatchObject({ id: sub.id, cancel_at_period_end: true, status: "active", cancel_at: sub.items.data[0].current_period_end });
    expect(event.data.previous_attributes).toMatchObject({ cancel_at_period_end: false, cancel_at: null });
    expect((await fetch(new URL(res.headers.get("location")!, portal.url))).status).toBe(200);

    await portalPost(portal.url, sub.id, "resume");
    event = verified()[1];
    expect(event.type).toBe("customer.subscription.updated");
    expect(event.data.object).toMatchObject({ cancel_at_period_end: false, cancel_at: null, canceled_at: null });

    await portalPost(portal.url, sub.id, "cancel_now");
    event = verified()[2];
    expect(event.type).toBe("customer.subscription.deleted");
    expect(event.data.object).toMatchObject({ id: sub.id, status: "canceled" });
    const after = await h.stripe.subscriptions.retrieve(sub.id);
    expect(after.status).toBe("canceled");
    expect(after.ended_at).not.toBeNull();
  });

  it("only changes the portal customer's own subscriptions", async () => {
    const { sub } = await subscribed();
    const other = await h.stripe.customers.create({ email: "mallory@example.com" });
    const portal = await h.stripe.billingPortal.sessions.create({ customer: other.id });
    const res = await portalPost(portal.url, sub.id, "cancel_now");
    expect(res.status).toBe(400);
    expect((await h.stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
    expect(h.receiver.received).toHaveLength(0);
  });
});

describe("simulate", () => {
  it("renewal: new paid invoice, period advanced by a year", async () => {
    const { sub } = await subscribed();
    const result = await h.standin.simulate("renewal", sub.id);
    expect(result.deliveries.every((d) => d.ok)).toBe(true);
    expect(h.receiver.types()).toEqual(["invoice.finalized", "invoice.paid", "customer.subscription.updated"]);
    const [, paid, updated] = verified();
    const invoice = paid.data.object as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: "paid", amount_paid: 12000, billing_reason: "subscription_cycle" });
    const oldEnd = sub.items.data[0].current_period_end;
    expect(invoice.lines.data[0].period.start).toBe(oldEnd);
    const renewed = updated.data.object as Stripe.Subscription;
    expect(renewed.items.data[0].current_period_start).toBe(oldEnd);
    expect(new Date(renewed.items.data[0].current_period_end * 1000).getUTCFullYear()).toBe(new Date(oldEnd * 1000).getUTCFullYear() + 1);
    expect(renewed.latest_invoice).toBe(invoice.id);
    expect(updated.data.previous_attributes).toHaveProperty("items");
    expect((await h.stripe.invoices.list({ customer: renewed.customer as string })).data).toHaveLength(2);
  });

  it("payment_failed: open invoice, past_due; a later renewal pays it", async () => {
    const { sub } = await subscribed();
    await h.standin.simulate("payment_failed", sub.id);
    expect(h.receiver.types()).toEqual(["invoice.finalized", "invoice.payment_failed", "customer.subscription.updated"]);
    const [, failed, updated] = verified();
    expect(failed.data.object).toMatchObject({ status: "open", attempted: true, attempt_count: 1, amount_paid: 0, amount_remaining: 12000 });
    expect(updated.data.object).toMatchObject({ status: "past_due" });
    expect(updated.data.previous_attributes).toMatchObject({ status: "active" });

    h.receiver.received.length = 0;
    await h.standin.simulate("renewal", sub.id);
    expect(h.receiver.types()).toEqual(["invoice.paid", "customer.subscription.updated"]);
    expect(verified()[0].data.object).toMatchObject({ id: (failed.data.object as Stripe.Invoice).id, status: "paid" });
    expect((await h.stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
  });

  it("cancel_at_period_end then renewal ends the subscription; cancel via the HTTP endpoint", async () => {
    const { sub } = await subscribed();
    await h.standin.simulate("cancel_at_period_end", sub.id);
    await h.standin.simulate("renewal", sub.id);
    expect(h.receiver.types()).toEqual(["customer.subscription.updated", "customer.subscription.deleted"]);
    expect(verified()[1].data.object).toMatchObject({ status: "canceled", ended_at: sub.items.data[0].current_period_end });

    const second = await createCheckout(h.stripe, { email: "x@example.com" });
    await payCheckout(second.session.url!, { number: "4242424242424242" });
    const subId = (await h.stripe.checkout.sessions.retrieve(second.session.id)).subscription as string;
    h.receiver.received.length = 0;
    const response = await requestSimulation(h.standin.url, "cancel", subId);
    expect(response.subscription).toMatchObject({ id: subId, status: "canceled" });
    expect(response.events.map((e) => e.type)).toEqual(["customer.subscription.deleted"]);
    expect(h.receiver.types()).toEqual(["customer.subscription.deleted"]);
    await expect(requestSimulation(h.standin.url, "renewal", "sub_missing")).rejects.toThrow("No such subscription");
  });

  it("sendEvent sends any event, signed", async () => {
    const { sub } = await subscribed();
    await h.standin.sendEvent("customer.subscription.trial_will_end", sub);
    const [event] = verified();
    expect(event).toMatchObject({ type: "customer.subscription.trial_will_end", data: { object: { id: sub.id } } });
  });
});

describe("subscription changes through the API", () => {
  it("update and cancel answer at once and send webhooks; lists hide canceled by default", async () => {
    const { customer, sub } = await subscribed();
    const updated = await h.stripe.subscriptions.update(sub.id, { cancel_at_period_end: true, metadata: { note: "x" } });
    expect(updated).toMatchObject({ cancel_at_period_end: true, metadata: { alert_id: "alert_42", note: "x" } });
    await h.receiver.waitFor(1);
    expect(verified()[0].data.previous_attributes).toMatchObject({ cancel_at_period_end: false, metadata: { alert_id: "alert_42" } });

    const canceled = await h.stripe.subscriptions.cancel(sub.id);
    expect(canceled.status).toBe("canceled");
    await h.receiver.waitFor(2);
    expect(h.receiver.types()).toEqual(["customer.subscription.updated", "customer.subscription.deleted"]);
    expect((await h.stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(0);
    expect((await h.stripe.subscriptions.list({ customer: customer.id, status: "all" })).data).toHaveLength(1);
    await expect(h.stripe.subscriptions.update(sub.id, { cancel_at_period_end: false })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
    });
  });
});

describe("webhook delivery and persistence", () => {
  it("retries a failed delivery in the background", async () => {
    h = await startHarness({ failFirst: 1, webhookRetryDelaysMs: [20, 20] });
    const customer = await h.stripe.customers.create({ email: "r@example.com" });
    const result = await h.standin.sendEvent("customer.created", customer);
    expect(result.deliveries[0]).toMatchObject({ ok: false, status: 500 });
    await h.receiver.waitFor(1);
    expect(verified()[0]).toMatchObject({ type: "customer.created", id: result.events[0].id });
  });

  it("keeps customers and subscriptions across a restart with stateFile", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "standin-"));
    const stateFile = path.join(dir, "nested", "stripe.json");
    try {
      const { customer, sub } = await subscribed({ stateFile });
      await h.close();
      const again = await startStripeStandin({ port: 0, webhookUrl: h.receiver.url, webhookSecret: "whsec_x", stateFile, log: () => {} });
      try {
        const stripe = sdkFor(again.port);
        expect((await stripe.customers.retrieve(customer.id)).id).toBe(customer.id);
        expect(await stripe.subscriptions.retrieve(sub.id)).toMatchObject({ status: "active", metadata: { alert_id: "alert_42" } });
        expect((await stripe.prices.retrieve(sub.items.data[0].price.id)).unit_amount_decimal?.toString()).toBe("12000");
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
