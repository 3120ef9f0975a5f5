import type Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCheckout, payCheckout, startHarness, TEST_WEBHOOK_SECRET, type Harness } from "./testkit";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const SUCCESS = "http://localhost:3000/billing/success?session_id=";

describe("catalogue and Checkout Session through the real SDK", () => {
  it("creates customer, product, $120.00/year price and a session with metadata and URLs", async () => {
    const { customer, product, price, session } = await createCheckout(h.stripe);
    expect(customer?.id).toMatch(/^cus_/);
    expect(customer).toMatchObject({ object: "customer", email: "ada@example.com", livemode: false });
    expect(product).toMatchObject({ object: "product", name: "Refi Alert", active: true });
    expect(price.id).toMatch(/^price_/);
    expect(price).toMatchObject({ object: "price", unit_amount: 12000, currency: "usd", type: "recurring", product: product.id });
    expect(price.recurring).toMatchObject({ interval: "year", interval_count: 1 });
    // The SDK turns the wire string into its Decimal type, as with the real API.
    expect(price.unit_amount_decimal?.toString()).toBe("12000");

    expect(session.id).toMatch(/^cs_test_/);
    expect(session).toMatchObject({
      object: "checkout.session",
      mode: "subscription",
      status: "open",
      payment_status: "unpaid",
      customer: customer!.id,
      client_reference_id: "user_123",
      metadata: { alert_id: "alert_42", user_id: "user_123" },
      amount_total: 12000,
      currency: "usd",
      subscription: null,
      success_url: "http://localhost:3000/billing/success?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "http://localhost:3000/alerts/alert_42",
    });
    expect(session.url).toBe(`${h.standin.url}/checkout/${session.id}`);

    const again = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(again).toEqual(session);
  });

  it("serves an accessible, clearly-marked test checkout page", async () => {
    const { session } = await createCheckout(h.stripe);
    const res = await fetch(session.url!);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("Test mode — no real charge");
    expect(html).toContain("Refi Alert");
    expect(html).toContain("$120.00");
    expect(html).toContain('<html lang="en">');
    for (const name of ["card_number", "exp", "cvc", "name"]) {
      expect(html).toContain(`<label for="${name}">`);
      expect(html).toContain(`<input id="${name}" name="${name}"`);
    }
    expect(html).toContain('<button type="submit"');
    expect(html).toContain(`<a href="http://localhost:3000/alerts/alert_42">Cancel</a>`);
    expect(html).not.toContain("<script");
  });
});

describe("paying on the hosted page", () => {
  it("with 4242… creates the subscription, sends four verified webhooks in order, and redirects", async () => {
    const { customer, price, session } = await createCheckout(h.stripe);
    const { res, fields } = await payCheckout(session.url!, { number: "4242 4242 4242 4242" });
    expect(fields).toEqual(["card_number", "exp", "cvc", "name"]);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(SUCCESS + session.id);

    // The first delivery of each event happens before the redirect.
    expect(h.receiver.types()).toEqual([
      "checkout.session.completed",
      "customer.subscription.created",
      "invoice.finalized",
      "invoice.paid",
    ]);
    const events = h.receiver.received.map((r) => h.stripe.webhooks.constructEvent(r.rawBody, r.signature, TEST_WEBHOOK_SECRET));
    for (const e of events) {
      expect(e.id).toMatch(/^evt_/);
      expect(e).toMatchObject({ object: "event", livemode: false });
      expect(e.api_version).toBeTruthy();
      expect(typeof e.created).toBe("number");
    }
    expect(() => h.stripe.webhooks.constructEvent(h.receiver.received[0].rawBody, h.receiver.received[0].signature, "whsec_wrong")).toThrow();

    const completed = events[0].data.object as Stripe.Checkout.Session;
    expect(completed).toMatchObject({ id: session.id, status: "complete", payment_status: "paid", customer: customer!.id, metadata: { alert_id: "alert_42", user_id: "user_123" } });
    const subId = completed.subscription as string;
    expect(subId).toMatch(/^sub_/);

    const created = events[1].data.object as Stripe.Subscription;
    expect(created).toMatchObject({ id: subId, status: "active", metadata: { alert_id: "alert_42" }, customer: customer!.id });
    const invoice = events[3].data.object as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: "paid", amount_paid: 12000, amount_due: 12000, billing_reason: "subscription_create" });
    expect(invoice.parent?.subscription_details?.subscription).toBe(subId);
    expect(invoice.parent?.subscription_details?.metadata).toEqual({ alert_id: "alert_42" });

    const paid = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription", "subscription.items.data.price"] });
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid", customer: customer!.id, url: null });
    const sub = paid.subscription as Stripe.Subscription;
    expect(sub).toMatchObject({ id: subId, object: "subscription", status: "active", cancel_at_period_end: false, metadata: { alert_id: "alert_42" } });
    const item = sub.items.data[0];
    expect(item.price.id).toBe(price.id);
    expect(item.price.unit_amount).toBe(12000);
    expect(item.current_period_start).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    const start = new Date(item.current_period_start * 1000);
    const end = new Date(item.current_period_end * 1000);
    expect(end.getUTCFullYear() - start.getUTCFullYear()).toBe(1);
    expect(sub.latest_invoice).toBe(invoice.id);

    const invoices = await h.stripe.invoices.list({ subscription: subId });
    expect(invoices.data.map((i) => i.id)).toEqual([invoice.id]);
    const hosted = await fetch(invoice.hosted_invoice_url!);
    expect(hosted.status).toBe(200);
    expect(await hosted.text()).toContain("$120.00");
    const pdf = await fetch(invoice.invoice_pdf!);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("declines 4000 0000 0000 0002: 402 page with the message, nothing created, no events", async () => {
    const { customer, session } = await createCheckout(h.stripe);
    const { res, html } = await payCheckout(session.url!, { number: "4000 0000 0000 0002" });
    expect(res.status).toBe(402);
    expect(html).toContain("Your card was declined.");
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-invalid="true"');
    expect(Object.keys(h.standin.state.subscriptions)).toHaveLength(0);
    expect(Object.keys(h.standin.state.invoices)).toHaveLength(0);
    expect((await h.stripe.subscriptions.list({ customer: customer!.id })).data).toHaveLength(0);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    await new Promise((r) => setTimeout(r, 50));
    expect(h.receiver.received).toHaveLength(0);

    // The session stays usable: a good card afterwards completes it.
    const retry = await payCheckout(session.url!, { number: "4242424242424242" });
    expect(retry.res.status).toBe(303);
    expect(h.receiver.types()).toHaveLength(4);
  });

  it("shows a message for an invalid card number and an expired date", async () => {
    const { session } = await createCheckout(h.stripe);
    const bad = await payCheckout(session.url!, { number: "4242 4242 4242 4241" });
    expect(bad.res.status).toBe(400);
    expect(bad.html).toContain("Your card number is invalid.");
    const past = await payCheckout(session.url!, { number: "4242 4242 4242 4242", exp: "01 / 20" });
    expect(past.res.status).toBe(400);
    expect(past.html).toContain("Your card&#39;s expiration year is in the past.");
    expect(h.receiver.received).toHaveLength(0);
  });

  it("with customer_email creates the customer, and a paid session cannot be paid twice", async () => {
    const { session } = await createCheckout(h.stripe, { withCustomer: false, email: "grace@example.com" });
    expect(session).toMatchObject({ customer: null, customer_email: "grace@example.com", customer_creation: "always" });
    const first = await payCheckout(session.url!, { number: "4242424242424242", name: "Grace Hopper" });
    expect(first.res.status).toBe(303);
    const paid = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["customer"] });
    const customer = paid.customer as Stripe.Customer;
    expect(customer).toMatchObject({ email: "grace@example.com", name: "Grace Hopper" });
    expect(paid.customer_details).toMatchObject({ email: "grace@example.com", name: "Grace Hopper" });

    const page = await fetch(`${h.standin.url}/checkout/${session.id}`);
    expect(await page.text()).toContain("Already paid");
    const second = await fetch(`${h.standin.url}/checkout/${session.id}`, {
      method: "POST",
      body: new URLSearchParams({ card_number: "4242424242424242", exp: "12/34", cvc: "123", name: "Grace" }),
      redirect: "manual",
    });
    expect(second.status).toBe(200);
    expect(Object.keys(h.standin.state.subscriptions)).toHaveLength(1);
    expect(h.receiver.received).toHaveLength(4);
  });

  it("asks for an email when the session has neither customer nor customer_email", async () => {
    const { price } = await createCheckout(h.stripe);
    const session = await h.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price.id }],
      success_url: "http://localhost:3000/ok",
    });
    const noEmail = await payCheckout(session.url!, { number: "4242424242424242" });
    expect(noEmail.fields).toContain("email");
    expect(noEmail.res.status).toBe(400);
    const ok = await payCheckout(session.url!, { number: "4242424242424242", email: "new@example.com" });
    expect(ok.res.headers.get("location")).toBe("http://localhost:3000/ok");
    const customers = await h.stripe.customers.list({ email: "new@example.com" });
    expect(customers.data).toHaveLength(1);
  });
});
