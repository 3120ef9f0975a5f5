import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { subscriptions, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { DEMO_BILLING } from "./demo-billing";
import { startAppStripe, type AppStripe } from "./app-harness";

let harness: AppStripe;
let sdk: Stripe;
let manage: typeof import("./manage");

beforeAll(async () => {
  // As `npm start` runs them: the stand-in told to hold the demo account's subscription.
  harness = await startAppStripe({ secret: "whsec_demo_billing_int_test", key: "sk_test_demo_billing_int", demo: true });
  sdk = harness.sdk;
  manage = await import("./manage");
  await seed(db, { demo: true, loanNumberKey: "0f".repeat(32) });
}, 60_000);
afterAll(async () => {
  await harness?.close();
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
    expect(portal.startsWith(harness.standin.url)).toBe(true);
  });
});
