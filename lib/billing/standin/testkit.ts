/**
 * Test helpers for the stand-in's own tests (and for app tests that want the same setup):
 * a local webhook receiver, a real SDK client, and a "browser" that fills the hosted form.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { startStripeStandin, type StandinOptions, type StripeStandin } from "./server";

export const TEST_WEBHOOK_SECRET = "whsec_test_standin_secret";

export interface ReceivedWebhook {
  rawBody: string;
  signature: string;
  event: Stripe.Event;
}

export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  types(): string[];
  /** Resolves when at least `count` webhooks arrived (for deliveries the API does not wait for). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A webhook endpoint; `failFirst` answers 500 to that many requests first, to exercise retries. */
export async function startReceiver(opts: { failFirst?: number } = {}): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  let failuresLeft = opts.failFirst ?? 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(500).end("try again");
        return;
      }
      const rawBody = Buffer.concat(chunks).toString("utf8");
      received.push({ rawBody, signature: String(req.headers["stripe-signature"]), event: JSON.parse(rawBody) });
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/stripe/webhook`,
    received,
    types: () => received.map((r) => r.event.type),
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhooks, got ${received.length}: ${received.map((r) => r.event.type).join(", ")}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface Harness {
  standin: StripeStandin;
  receiver: Receiver;
  stripe: Stripe;
  close(): Promise<void>;
}

/** A stand-in on a random port, wired to a fresh receiver, plus an SDK client configured like the app's. */
export async function startHarness(opts: Partial<StandinOptions> & { failFirst?: number } = {}): Promise<Harness> {
  const { failFirst, ...standinOpts } = opts;
  const receiver = await startReceiver({ failFirst });
  const standin = await startStripeStandin({
    port: 0,
    webhookUrl: receiver.url,
    webhookSecret: TEST_WEBHOOK_SECRET,
    log: () => {},
    ...standinOpts,
  });
  const stripe = sdkFor(standin.port);
  return {
    standin,
    receiver,
    stripe,
    close: async () => {
      await standin.close();
      await receiver.close();
    },
  };
}

export function sdkFor(port: number, key = "sk_test_standin"): Stripe {
  return new Stripe(key, { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0, telemetry: false });
}

/** Catalogue and a Checkout Session like the app creates them: $120.00/year, alert metadata. */
export async function createCheckout(stripe: Stripe, opts: { email?: string; withCustomer?: boolean } = {}) {
  const customer = opts.withCustomer === false ? undefined : await stripe.customers.create({ email: opts.email ?? "ada@example.com", name: "Ada Lovelace" });
  const product = await stripe.products.create({ name: "Refi Alert" });
  const price = await stripe.prices.create({ product: product.id, unit_amount: 12000, currency: "usd", recurring: { interval: "year" } });
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    ...(customer ? { customer: customer.id } : { customer_email: opts.email ?? "grace@example.com" }),
    line_items: [{ price: price.id, quantity: 1 }],
    client_reference_id: "user_123",
    metadata: { alert_id: "alert_42", user_id: "user_123" },
    subscription_data: { metadata: { alert_id: "alert_42" } },
    success_url: "http://localhost:3000/billing/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/alerts/alert_42",
  });
  return { customer, product, price, session };
}

/**
 * Does what a browser does with the hosted checkout page: GET it, read the form's action and
 * field names from the HTML, fill them, POST as application/x-www-form-urlencoded.
 */
export async function payCheckout(pageUrl: string, card: { number: string; exp?: string; cvc?: string; name?: string; email?: string }) {
  const page = await fetch(pageUrl);
  const html = await page.text();
  const action = html.match(/<form method="post" action="([^"]+)"/)?.[1];
  if (!action) throw new Error("no payment form on the checkout page");
  const fields = [...html.matchAll(/<input id="[^"]+" name="([^"]+)"/g)].map((m) => m[1]);
  const values: Record<string, string> = {
    card_number: card.number,
    exp: card.exp ?? "12 / 34",
    cvc: card.cvc ?? "123",
    name: card.name ?? "Ada Lovelace",
    email: card.email ?? "",
  };
  const body = new URLSearchParams(fields.map((f) => [f, values[f] ?? ""]));
  const res = await fetch(new URL(action, pageUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
  return { res, fields, html: await res.text() };
}
