import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { subscriptions, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { DEMO_BILLING } from "./demo-billing";
import { startStripeStandin, type StripeStandin } from "./standin";
import { sdkFor } from "./standin/testkit";

const SECRET = "whsec_demo_billing_int_test";

// Stripe's webhooks go through the app's real route handler, in process.
let handle: (req: Request) => Promise<Response>;
const receiver: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    const out = await handle(new Request("http://127.0.0.1/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": String(req.headers["stripe-signature"]) }, body: Buffer.concat(chunks) }));
    res.writeHead(out.status).end(await out.text());
  });
});

let standin: StripeStandin;
let sdk: Stripe;
let manage: typeof import("./manage");

beforeAll(async () => {
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const { port } = receiver.address() as AddressInfo;
  // As `npm start` runs them: the stand-in told to hold the demo account's subscription.
  standin = await startStripeStandin({ port: 0, webhookUrl: `http://127.0.0.1:${port}/api/stripe/webhook`, webhookSecret: SECRET, log: () => {}, webhookRetryDelaysMs: [], demo: true });
  sdk = sdkFor(standin.port);
  process.env.STRIPE_SECRET_KEY = "sk_test_demo_billing_int";
  process.env.STRIPE_API_URL = `http://127.0.0.1:${standin.port}`;
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  process.env.APP_URL = "http://127.0.0.1:3000";
  ({ handleWebhookRequest: handle } = await import("./webhook"));
  manage = await import("./manage");
  await seed(db, { demo: true, loanNumberKey: "0f".repeat(32) });
}, 60_000);
afterAll(async () => {
  await standin?.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});

async function paidAccount() {
  const [user] = await db.select().from(users).where(eq(users.email, DEMO_BILLING.email));
  const [sub] = await db.select().from(subscriptions).where(eq(subscriptions.userId, user!.id));
  return { user: user!, sub: sub! };
}

describe("the demo paid account against the local Stripe stand-in", () => {
  it("its subscription, customer and paid invoice exist at Stripe under the ids the seed stored", async () => {
    const { user, sub } = await paidAccount();
    expect(user.stripeCustomerId).toBe(DEMO_BILLING.customerId);
    const remote = await sdk.subscriptions.retrieve(sub.stripeSubscriptionId, { expand: ["latest_invoice"] });
    expect(remote.status).toBe("active");
    expect(remote.customer).toBe(user.stripeCustomerId);
    expect(remote.items.data[0]!.price.unit_amount).toBe(sub.amountCents);
    expect((remote.latest_invoice as Stripe.Invoice).status).toBe("paid");
    // Same paid period on both sides (to the minute: they are made a moment apart).
    expect(Math.abs(remote.items.data[0]!.current_period_start * 1000 - sub.currentPeriodStart!.getTime())).toBeLessThan(60_000);
  });

  it("can cancel at period end and resume, and open the customer portal", async () => {
    const { user, sub } = await paidAccount();
    const cancelled = await manage.setCancelAtPeriodEnd(user.id, sub.id, true);
    expect(cancelled.cancelAtPeriodEnd).toBe(true);
    expect((await sdk.subscriptions.retrieve(sub.stripeSubscriptionId)).cancel_at_period_end).toBe(true);

    const resumed = await manage.setCancelAtPeriodEnd(user.id, sub.id, false);
    expect(resumed.cancelAtPeriodEnd).toBe(false);
    expect(resumed.status).toBe("active");

    const portal = await manage.createPortalSession(user.id);
    expect(portal.startsWith(standin.url)).toBe(true);
  });
});
