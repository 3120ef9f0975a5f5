import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCheckout, sdkFor, startHarness, type Harness } from "./testkit";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe("errors in Stripe's shape, as SDK error classes", () => {
  it("401 without a key or with a non-test key", async () => {
    const res = await fetch(`${h.standin.url}/v1/customers`);
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.type).toBe("authentication_error");
    expect(body.error.message).toContain("API key");

    const live = sdkFor(h.standin.port, "sk_live_nope");
    await expect(live.customers.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("404 resource_missing for unknown ids", async () => {
    const err = await h.stripe.customers.retrieve("cus_missing").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 404, code: "resource_missing", param: "id", rawType: "invalid_request_error" });
    expect((err as Error).message).toBe("No such customer: 'cus_missing'");
  });

  it("400 parameter_missing / invalid params", async () => {
    await expect(h.stripe.prices.create({ currency: "usd", unit_amount: 100 } as Stripe.PriceCreateParams)).rejects.toMatchObject({
      statusCode: 400,
      code: "parameter_missing",
      param: "product",
    });
    const { price, customer } = await createCheckout(h.stripe);
    await expect(
      h.stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: price.id }], customer: customer!.id, customer_email: "a@b.c" }),
    ).rejects.toMatchObject({ statusCode: 400, param: "customer_email" });
    const oneTime = await h.stripe.prices.create({ product: price.product as string, unit_amount: 500, currency: "usd" });
    await expect(h.stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: oneTime.id }] })).rejects.toThrow(
      /recurring price/,
    );
    await expect(h.stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: price.id }] })).rejects.toMatchObject({ param: "mode" });
  });

  it("rejects unknown expand paths and unknown URLs", async () => {
    const { customer } = await createCheckout(h.stripe);
    await expect(h.stripe.customers.retrieve(customer!.id, { expand: ["nope"] })).rejects.toThrow("This property cannot be expanded (nope).");
    const res = await fetch(`${h.standin.url}/v1/charges`, { headers: { Authorization: "Bearer sk_test_x" } });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain("Unrecognized request URL");
  });
});

describe("lists, filters and updates", () => {
  it("lists customers by email with cursor pagination", async () => {
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await h.stripe.customers.create({ email: "page@example.com", name: `n${i}` }));
    const first = await h.stripe.customers.list({ email: "page@example.com", limit: 2 });
    expect(first.object).toBe("list");
    expect(first.has_more).toBe(true);
    expect(first.data.map((c) => c.id)).toEqual([made[2].id, made[1].id]);
    const rest = await h.stripe.customers.list({ email: "page@example.com", limit: 2, starting_after: first.data[1].id });
    expect(rest.data.map((c) => c.id)).toEqual([made[0].id]);
    expect(rest.has_more).toBe(false);
    const all = await h.stripe.customers.list({ email: "page@example.com" }).autoPagingToArray({ limit: 10 });
    expect(all).toHaveLength(3);
  });

  it("updates a customer; an empty metadata value removes the key", async () => {
    const c = await h.stripe.customers.create({ email: "u@example.com", metadata: { a: "1", b: "2" } });
    const u = await h.stripe.customers.update(c.id, { name: "New Name", metadata: { a: "", c: "3" } });
    expect(u).toMatchObject({ name: "New Name", metadata: { b: "2", c: "3" } });
  });

  it("lists prices by product and lookup key, and expands data.product", async () => {
    const product = await h.stripe.products.create({ name: "Refi Alert Pro" });
    const yearly = await h.stripe.prices.create({ product: product.id, unit_amount: 12000, currency: "usd", recurring: { interval: "year" }, lookup_key: "refi_yearly" });
    await h.stripe.prices.create({ product: product.id, unit_amount: 1200, currency: "usd", recurring: { interval: "month" } });
    const byProduct = await h.stripe.prices.list({ product: product.id, expand: ["data.product"] });
    expect(byProduct.data).toHaveLength(2);
    expect((byProduct.data[0].product as Stripe.Product).name).toBe("Refi Alert Pro");
    const byKey = await h.stripe.prices.list({ lookup_keys: ["refi_yearly"] });
    expect(byKey.data.map((p) => p.id)).toEqual([yearly.id]);
    const products = await h.stripe.products.list({ active: true });
    expect(products.data.some((p) => p.id === product.id)).toBe(true);
  });

  it("retrieves events it sent", async () => {
    const customer = await h.stripe.customers.create({ email: "ev@example.com" });
    const { events } = await h.standin.sendEvent("customer.created", customer);
    const fetched = await h.stripe.events.retrieve(events[0].id);
    expect(fetched).toMatchObject({ id: events[0].id, type: "customer.created", data: { object: { id: customer.id } } });
  });
});
