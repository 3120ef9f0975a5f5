// Fixtures for billing integration tests: real rows, no mocks.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { db } from "@/db";
import { alerts, mortgages, users } from "@/db/schema";
import { seedPlans } from "@/db/seed";

export async function ensurePlans(): Promise<void> {
  await seedPlans(db);
}

/** A homeowner with one mortgage and one alert. */
export async function homeownerWithAlert(opts: { verified?: boolean; customer?: string } = {}) {
  const email = `billing-${randomBytes(5).toString("hex")}@example.com`;
  const [user] = await db
    .insert(users)
    .values({ email, name: "Dana Homeowner", passwordHash: "x", emailVerified: opts.verified ?? true, stripeCustomerId: opts.customer ?? null })
    .returning();
  const [mortgage] = await db
    .insert(mortgages)
    .values({
      userId: user!.id,
      name: "Home",
      zipCode: "60614",
      originalPrincipalCents: 40_000_000,
      originalTerm: 360,
      originalInterestRate: 7,
      remainingPrincipalCents: 39_000_000,
      remainingTerm: 340,
    })
    .returning();
  const [alert] = await db
    .insert(alerts)
    .values({ userId: user!.id, mortgageId: mortgage!.id, alertType: "interest_rate", targetInterestRate: 5.5, targetTerm: 360 })
    .returning();
  return { user: user!, mortgage: mortgage!, alert: alert! };
}

let seq = 0;
const nextId = (prefix: string) => `${prefix}_${randomBytes(7).toString("hex")}${++seq}`;

/** A Stripe subscription object as the API (2025-03-31+) sends it in webhooks. */
export function subscriptionObject(opts: {
  id?: string;
  customer: string;
  status?: Stripe.Subscription.Status;
  alertId?: string;
  userId?: string;
  periodStart?: number;
  periodEnd?: number;
  cancelAtPeriodEnd?: boolean;
  amount?: number;
  interval?: "year" | "month";
}): Stripe.Subscription {
  const start = opts.periodStart ?? Math.floor(Date.now() / 1000);
  const end = opts.periodEnd ?? start + 365 * 86_400;
  const metadata: Record<string, string> = {};
  if (opts.alertId) metadata.alert_id = opts.alertId;
  if (opts.userId) metadata.user_id = opts.userId;
  const id = opts.id ?? nextId("sub");
  return {
    id,
    object: "subscription",
    customer: opts.customer,
    status: opts.status ?? "active",
    metadata,
    cancel_at_period_end: opts.cancelAtPeriodEnd ?? false,
    cancel_at: opts.cancelAtPeriodEnd ? end : null,
    canceled_at: opts.status === "canceled" ? end : null,
    ended_at: opts.status === "canceled" ? end : null,
    trial_start: null,
    trial_end: null,
    latest_invoice: null,
    items: {
      object: "list",
      data: [
        {
          id: nextId("si"),
          object: "subscription_item",
          quantity: 1,
          current_period_start: start,
          current_period_end: end,
          price: { id: "price_test_yearly", object: "price", unit_amount: opts.amount ?? 12_000, currency: "usd", recurring: { interval: opts.interval ?? "year", interval_count: 1 } },
        },
      ],
    },
  } as unknown as Stripe.Subscription;
}

export function invoiceObject(opts: { subscription: string; customer: string; alertId?: string; status: "open" | "paid"; amount?: number; id?: string }): Stripe.Invoice {
  const now = Math.floor(Date.now() / 1000);
  const id = opts.id ?? nextId("in");
  return {
    id,
    object: "invoice",
    customer: opts.customer,
    status: opts.status,
    amount_due: opts.amount ?? 12_000,
    amount_paid: opts.status === "paid" ? (opts.amount ?? 12_000) : 0,
    currency: "usd",
    created: now,
    due_date: null,
    attempt_count: 1,
    next_payment_attempt: opts.status === "open" ? now + 3 * 86_400 : null,
    status_transitions: { paid_at: opts.status === "paid" ? now : null, finalized_at: now, marked_uncollectible_at: null, voided_at: null },
    hosted_invoice_url: `https://invoice.example/${id}`,
    invoice_pdf: `https://invoice.example/${id}.pdf`,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { subscription: opts.subscription, metadata: opts.alertId ? { alert_id: opts.alertId } : {} },
    },
  } as unknown as Stripe.Invoice;
}

/** An event envelope; `created` is in seconds like Stripe's. */
export function eventOf(type: string, object: unknown, created: number, id = nextId("evt")): Stripe.Event {
  return { id, object: "event", type, created, api_version: "2025-03-31.basil", livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object } } as unknown as Stripe.Event;
}

const signer = new Stripe("sk_test_signer", { telemetry: false });

/** A request to the webhook route exactly as Stripe sends it: raw JSON body, real signature. */
export function signedRequest(event: unknown, secret: string, opts: { signature?: string; timestamp?: number } = {}): Request {
  const payload = JSON.stringify(event);
  const signature = opts.signature ?? signer.webhooks.generateTestHeaderString({ payload, secret, timestamp: opts.timestamp });
  return new Request("http://127.0.0.1:3000/api/stripe/webhook", { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload });
}
