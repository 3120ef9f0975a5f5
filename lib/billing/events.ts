import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { db, type DbOrTx } from "@/db";
import { alerts, emailLog, mortgages, stripeEvents, userPreferences, users, type Invoice, type Subscription } from "@/db/schema";
import { audit } from "@/lib/audit";
import { deliverLogged, queueEmail } from "@/lib/email";
import { displayFormatOf, formatCents } from "@/lib/format";
import { invoiceAlertId, invoiceSubscriptionId, subscriptionByStripeId, syncInvoice } from "./invoices";
import { stripe, stripeConfigured } from "./stripe";
import { applySubscription } from "./stray";
import type { SyncOutcome } from "./sync";

export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.finalized",
  "invoice.paid",
  "invoice.payment_failed",
] as const;

export type ProcessResult = { outcome: "processed" | "duplicate"; note: string };

/** A processing failure Stripe should retry (the handler answers 5xx). */
export class RetryableEventError extends Error {}

type Work = { tx: DbOrTx; createdAt: Date; emails: string[] };

const idOf = (v: string | { id: string } | null | undefined) => (v == null ? null : typeof v === "string" ? v : v.id);

function describe(outcome: SyncOutcome): string {
  return outcome.result === "applied" ? `subscription ${outcome.subscription.stripeSubscriptionId} → ${outcome.subscription.status}` : `${outcome.result}: ${outcome.reason}`;
}

/**
 * Reads the subscription from Stripe now and applies it (when Stripe is reachable from here); a
 * stray one (second for its alert, or for a deleted one) is cancelled at Stripe.
 */
async function fetchAndSync(w: Work, stripeSubscriptionId: string): Promise<SyncOutcome | null> {
  if (!stripeConfigured()) return null;
  const sub = await stripe().subscriptions.retrieve(stripeSubscriptionId);
  return applySubscription(w.tx, sub, { kind: "fetched" });
}

async function onCheckoutCompleted(w: Work, session: Stripe.Checkout.Session): Promise<string> {
  const subId = idOf(session.subscription);
  if (!subId) return `session ${session.id} has no subscription`;
  const known = await subscriptionByStripeId(w.tx, subId);
  if (known) return `subscription ${subId} already known`;
  // The subscription events may not have arrived yet: read it so the alert activates now.
  const outcome = await fetchAndSync(w, subId);
  return outcome ? describe(outcome) : `subscription ${subId} left to its own events (Stripe not configured)`;
}

async function onInvoice(w: Work, type: string, invoice: Stripe.Invoice): Promise<string> {
  const subId = invoiceSubscriptionId(invoice);
  if (!subId) return `invoice ${invoice.id} is not for a subscription`;
  let sub: Subscription | undefined = await subscriptionByStripeId(w.tx, subId);
  if (!sub) {
    const alertId = invoiceAlertId(invoice);
    const [ours] =
      alertId && /^[0-9a-f-]{36}$/i.test(alertId)
        ? await w.tx
            .select({ alertDeleted: alerts.deletedAt, userDeleted: users.deletedAt })
            .from(alerts)
            .innerJoin(users, eq(users.id, alerts.userId))
            .where(eq(alerts.id, alertId))
            .limit(1)
        : [];
    if (!ours) return `unknown: invoice ${invoice.id} for subscription ${subId} of no alert of ours`;
    // Ours, but its subscription is not recorded: either delivered before its subscription (the
    // first events may come in any order) or one we never record (a second subscription for the
    // alert, or one for a deleted alert). Stripe's current copy of the subscription tells which.
    const outcome = await fetchAndSync(w, subId);
    if (!outcome) {
      // Stripe can't be asked from here. A subscription for a deleted alert or account is never
      // recorded; any other can still arrive, so Stripe retries this invoice until it has.
      if (ours.alertDeleted || ours.userDeleted) return `unknown: invoice ${invoice.id} of subscription ${subId} for a deleted alert or account`;
      throw new RetryableEventError(`invoice ${invoice.id} arrived before subscription ${subId}`);
    }
    // Read from Stripe just now, so waiting changes nothing: a subscription not applied now never
    // will be (a rejected one was cancelled at Stripe by fetchAndSync). Acknowledged, not retried.
    if (outcome.result !== "applied") return `${outcome.result}: invoice ${invoice.id} not recorded: ${outcome.reason}`;
    sub = outcome.subscription;
  }
  const row = await syncInvoice(w.tx, sub, invoice);
  // One receipt per invoice, even when the success page recorded the payment first.
  if (type === "invoice.paid" && row.status === "paid" && !(await receiptSent(w.tx, row.stripeInvoiceId))) {
    await audit({ actorId: null, action: "invoice.paid", targetType: "invoice", targetId: row.id, after: { amountPaidCents: row.amountPaidCents, stripeInvoiceId: row.stripeInvoiceId } }, w.tx);
    if (row.amountPaidCents > 0) w.emails.push(await billingEmail(w.tx, sub, row, "payment_receipt"));
  }
  if (type === "invoice.payment_failed") {
    await audit({ actorId: null, action: "invoice.payment_failed", targetType: "invoice", targetId: row.id, after: { amountDueCents: row.amountDueCents, attempt: invoice.attempt_count } }, w.tx);
    w.emails.push(await billingEmail(w.tx, sub, row, "payment_failed", invoice.next_payment_attempt));
  }
  return `invoice ${invoice.id} → ${row.status}`;
}

async function receiptSent(tx: DbOrTx, stripeInvoiceId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: emailLog.id })
    .from(emailLog)
    .where(and(eq(emailLog.emailType, "payment_receipt"), sql`${emailLog.templateParams}->>'stripeInvoiceId' = ${stripeInvoiceId}`))
    .limit(1);
  return Boolean(row);
}

async function billingEmail(tx: DbOrTx, sub: Subscription, invoice: Invoice, type: "payment_receipt" | "payment_failed", nextAttempt?: number | null): Promise<string> {
  const [user] = await tx
    .select({ email: users.email, name: users.name, currency: userPreferences.currency, dateFormat: userPreferences.dateFormat })
    .from(users)
    .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
    .where(eq(users.id, sub.userId))
    .limit(1);
  const [paidFor] = await tx.select({ name: mortgages.name }).from(alerts).innerJoin(mortgages, eq(mortgages.id, alerts.mortgageId)).where(eq(alerts.id, sub.alertId)).limit(1);
  const params = {
    name: user?.name ?? "",
    // The owner's date format for the email's dates (the amount is Stripe's, in its currency).
    display: displayFormatOf(user),
    amount: formatCents(type === "payment_receipt" ? invoice.amountPaidCents : invoice.amountDueCents),
    interval: sub.interval,
    date: (invoice.paidAt ?? invoice.invoiceDate).toISOString(),
    periodEnd: sub.currentPeriodEnd?.toISOString() ?? null,
    nextAttempt: nextAttempt ? new Date(nextAttempt * 1000).toISOString() : null,
    stripeInvoiceId: invoice.stripeInvoiceId,
    hostedInvoiceUrl: invoice.hostedInvoiceUrl,
    invoicePdfUrl: invoice.invoicePdfUrl,
    alertId: sub.alertId,
    // Which alert the money was for, as /billing names it.
    mortgageName: paidFor?.name ?? null,
  };
  return queueEmail(
    { to: user!.email, type, template: type === "payment_receipt" ? "billing-receipt" : "billing-payment-failed", params, userId: sub.userId, alertId: sub.alertId },
    tx,
  );
}

async function apply(w: Work, event: Stripe.Event): Promise<string> {
  switch (event.type) {
    case "checkout.session.completed":
      return onCheckoutCompleted(w, event.data.object);
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return describe(await applySubscription(w.tx, event.data.object, { kind: "event", createdAt: w.createdAt }));
    case "invoice.finalized":
    case "invoice.paid":
    case "invoice.payment_failed":
      return onInvoice(w, event.type, event.data.object);
    default:
      return `ignored ${event.type}`;
  }
}

/**
 * Applies one verified Stripe event exactly once. The stripe_events row (the dedupe key) is
 * written in the same transaction as the changes, so a failure leaves nothing "processed" and
 * Stripe's retry applies it again; a delivery of an event already processed changes nothing.
 * Emails are logged in the transaction and sent after it commits.
 */
export async function processStripeEvent(event: Stripe.Event): Promise<ProcessResult> {
  const createdAt = new Date(event.created * 1000);
  const emails: string[] = [];
  let result: ProcessResult;
  try {
    result = await db.transaction(async (tx) => {
      // Claims the event id: waits for a concurrent delivery of the same event, then skips it.
      const claimed = await tx
        .insert(stripeEvents)
        .values({ id: event.id, type: event.type, eventCreatedAt: createdAt })
        .onConflictDoUpdate({ target: stripeEvents.id, set: { receivedAt: sql`now()`, error: null }, setWhere: sql`${stripeEvents.processedAt} IS NULL` })
        .returning({ id: stripeEvents.id });
      if (claimed.length === 0) return { outcome: "duplicate" as const, note: `event ${event.id} already processed` };
      const note = await apply({ tx, createdAt, emails }, event);
      if (/^(unknown|duplicate|rejected)/.test(note)) console.warn(`stripe ${event.type} ${event.id}: ${note}`);
      await tx.update(stripeEvents).set({ processedAt: new Date(), error: null }).where(eq(stripeEvents.id, event.id));
      return { outcome: "processed" as const, note };
    });
  } catch (err) {
    emails.length = 0;
    const message = err instanceof Error ? err.message : String(err);
    // Recorded for admins, unprocessed: the retry claims the same row.
    await db
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, eventCreatedAt: createdAt, error: message.slice(0, 2000) })
      .onConflictDoUpdate({ target: stripeEvents.id, set: { error: message.slice(0, 2000) }, setWhere: sql`${stripeEvents.processedAt} IS NULL` })
      .catch(() => {});
    throw err;
  }
  for (const id of emails) await deliverLogged(id).catch((e: unknown) => console.error("billing email", id, e));
  return result;
}
