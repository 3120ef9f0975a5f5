// Webhook storm: 1,000 signed Stripe deliveries (800 distinct events, 200 duplicates), shuffled,
// 20 at a time, over HTTP to `next start`. Deliveries answered 5xx (an invoice before its
// subscription) are delivered again later, as Stripe does. Afterwards subscriptions, invoices
// and emails equal the final state the events describe: none lost, none doubled.
import { eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { emailLog, invoices, stripeEvents, subscriptions } from "@/db/schema";
import { ensurePlans, eventOf, homeownerWithAlert, invoiceObject, subscriptionObject } from "@/lib/billing/test-fixtures";
import { startSmtpServer } from "../support/smtp";
import { pool, startAppServer, type AppServer } from "./support/server";

const PORT = Number(process.env.FAULTS_STORM_PORT ?? 3311);
const SECRET = "whsec_faults_storm";
const ALERTS = 100; // 8 events each = 800 distinct events
const DUPLICATES = 200;
const CONCURRENCY = 20;
const MAX_ROUNDS = 8;

type Expected = {
  alertId: string;
  subId: string;
  status: Stripe.Subscription.Status;
  cancelAtPeriodEnd: boolean;
  lastEventAt: number;
  invoices: { id: string; status: "open" | "paid"; failedNotices: number }[];
};

let server: AppServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const signer = new Stripe("sk_test_signer", { telemetry: false });

// A seeded generator: the storm is the same on every run, so a failure can be replayed.
let seed = 0x5eed;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

beforeAll(async () => {
  await ensurePlans();
  smtp = await startSmtpServer();
  server = await startAppServer(PORT, { STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_SECRET_KEY: "", STRIPE_API_URL: "", SMTP_URL: smtp.url });
});

afterAll(async () => {
  await server?.stop();
  if (server) writeFileSync(path.resolve(process.env.FAULTS_OUT ?? ".test-tmp", "webhook-storm-server.log"), server.log());
  await smtp?.close();
});

describe("webhook storm", () => {
  it("1,000 shuffled deliveries with 20 % duplicates end in exactly the described state", async () => {
    const t0 = Math.floor(Date.now() / 1000) - 86_400;
    const events: Stripe.Event[] = [];
    const expected: Expected[] = [];
    for (let i = 0; i < ALERTS; i++) {
      const { user, alert } = await homeownerWithAlert();
      const customer = `cus_storm_${i}`;
      const T = t0 + i * 100;
      const base = { customer, alertId: alert.id, userId: user.id, periodStart: T, periodEnd: T + 365 * 86_400 };
      const created = subscriptionObject(base);
      const subId = created.id;
      const sub = (status: Stripe.Subscription.Status, cancelAtPeriodEnd: boolean) => subscriptionObject({ ...base, id: subId, status, cancelAtPeriodEnd });
      events.push(eventOf("customer.subscription.created", created, T));
      events.push(eventOf("customer.subscription.updated", sub(pick(["active", "past_due"] as const), false), T + 10));
      events.push(eventOf("customer.subscription.updated", sub(pick(["active", "past_due"] as const), rand() < 0.5), T + 20));
      let final: { status: Stripe.Subscription.Status; cancel: boolean };
      if (rand() < 0.3) {
        final = { status: "canceled", cancel: false };
        events.push(eventOf("customer.subscription.deleted", sub("canceled", false), T + 30));
      } else {
        final = { status: pick(["active", "past_due", "unpaid"] as const), cancel: rand() < 0.5 };
        events.push(eventOf("customer.subscription.updated", sub(final.status, final.cancel), T + 30));
      }
      const inv1 = invoiceObject({ subscription: subId, customer, alertId: alert.id, status: "open" });
      events.push(eventOf("invoice.finalized", inv1, T + 5));
      events.push(eventOf("invoice.paid", { ...inv1, status: "paid", amount_paid: inv1.amount_due, status_transitions: { ...inv1.status_transitions, paid_at: T + 6 } }, T + 6));
      const inv2 = invoiceObject({ subscription: subId, customer, alertId: alert.id, status: "open" });
      events.push(eventOf("invoice.finalized", inv2, T + 25));
      const secondPaid = rand() < 0.6;
      events.push(
        secondPaid
          ? eventOf("invoice.paid", { ...inv2, status: "paid", amount_paid: inv2.amount_due, status_transitions: { ...inv2.status_transitions, paid_at: T + 26 } }, T + 26)
          : eventOf("invoice.payment_failed", { ...inv2, attempt_count: 1 }, T + 26),
      );
      expected.push({
        alertId: alert.id,
        subId,
        status: final.status,
        cancelAtPeriodEnd: final.cancel,
        lastEventAt: T + 30,
        invoices: [
          { id: inv1.id!, status: "paid", failedNotices: 0 },
          { id: inv2.id!, status: secondPaid ? "paid" : "open", failedNotices: secondPaid ? 0 : 1 },
        ],
      });
    }
    expect(events).toHaveLength(800);

    // 1,000 deliveries: every event once, 200 of them again; shuffled (Fisher–Yates).
    const deliveries = [...events, ...Array.from({ length: DUPLICATES }, () => pick(events))];
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
    }
    expect(deliveries).toHaveLength(1000);

    const statuses: Record<string, number> = {};
    const outcomes: Record<string, number> = {};
    let queue = deliveries;
    let attempts = 0;
    const started = Date.now();
    for (let round = 0; round < MAX_ROUNDS && queue.length > 0 && Date.now() - started < 150_000; round++) {
      const retry: Stripe.Event[] = [];
      await pool(queue, CONCURRENCY, async (event) => {
        const payload = JSON.stringify(event);
        const signature = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET });
        attempts++;
        const res = await fetch(`${server.url}/api/stripe/webhook`, {
          method: "POST",
          headers: { "content-type": "application/json", "stripe-signature": signature },
          body: payload,
          signal: AbortSignal.timeout(30_000),
        });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const body = (await res.json()) as { outcome?: string };
        if (res.status >= 500) retry.push(event);
        else if (body.outcome) outcomes[body.outcome] = (outcomes[body.outcome] ?? 0) + 1;
      });
      queue = retry;
    }
    console.log(`[storm] ${attempts} HTTP deliveries in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(statuses)}; outcomes ${JSON.stringify(outcomes)}`);
    expect(queue).toEqual([]); // every delivery eventually accepted
    expect(statuses["400"] ?? 0).toBe(0);
    expect(outcomes.processed).toBe(800);
    expect(outcomes.duplicate).toBe(DUPLICATES);

    // Every event recorded once, processed, without a leftover error.
    const [ev] = await queryRows<{ n: number; done: number; errors: number }>(
      db,
      sql`SELECT count(*)::int AS n, count(processed_at)::int AS done, count(error)::int AS errors FROM ${stripeEvents}`,
    );
    expect(ev).toEqual({ n: 800, done: 800, errors: 0 });

    // Subscriptions: one per alert, in the state of its newest event.
    const subs = await db.select().from(subscriptions);
    expect(subs).toHaveLength(ALERTS);
    const subByAlert = new Map(subs.map((s) => [s.alertId, s]));
    for (const e of expected) {
      const row = subByAlert.get(e.alertId);
      expect(row, `subscription of alert ${e.alertId}`).toBeDefined();
      expect({ id: row!.stripeSubscriptionId, status: row!.status, cancel: row!.cancelAtPeriodEnd, last: row!.lastStripeEventAt!.getTime() / 1000 }).toEqual({
        id: e.subId,
        status: e.status,
        cancel: e.cancelAtPeriodEnd,
        last: e.lastEventAt,
      });
    }

    // Invoices: 200, each once, paid ones never moved back to open.
    const invs = await db.select().from(invoices);
    expect(invs).toHaveLength(ALERTS * 2);
    const invById = new Map(invs.map((i) => [i.stripeInvoiceId, i]));
    const paidInvoices = expected.flatMap((e) => e.invoices.filter((i) => i.status === "paid").map((i) => i.id));
    for (const e of expected) for (const inv of e.invoices) expect({ id: inv.id, status: invById.get(inv.id)?.status }).toEqual({ id: inv.id, status: inv.status });

    // Emails: one receipt per paid invoice and one notice per failed payment — none doubled.
    const receipts = await db.select().from(emailLog).where(eq(emailLog.emailType, "payment_receipt"));
    const receiptInvoices = receipts.map((r) => (r.templateParams as { stripeInvoiceId: string }).stripeInvoiceId).sort();
    expect(receiptInvoices).toEqual([...paidInvoices].sort());
    const failures = await db.select().from(emailLog).where(eq(emailLog.emailType, "payment_failed"));
    expect(failures).toHaveLength(expected.reduce((n, e) => n + e.invoices.reduce((m, i) => m + i.failedNotices, 0), 0));
    // …and each was actually sent once over SMTP.
    const deadline = Date.now() + 10_000;
    while (smtp.messages.length < receipts.length + failures.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(smtp.messages).toHaveLength(receipts.length + failures.length);
  });
});
