import "server-only";
import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db";
import { invoices, subscriptions, type Invoice, type Subscription } from "@/db/schema";

const at = (seconds: number | null | undefined): Date | null => (seconds == null ? null : new Date(seconds * 1000));

/** The subscription an invoice belongs to: `parent.subscription_details` since 2025-03-31, `subscription` before. */
export function invoiceSubscriptionId(invoice: Stripe.Invoice): string | null {
  const parent = invoice.parent?.subscription_details?.subscription;
  const legacy = (invoice as unknown as { subscription?: string | { id: string } | null }).subscription;
  const v = parent ?? legacy ?? null;
  return v == null ? null : typeof v === "string" ? v : v.id;
}

/** The alert an invoice's subscription pays for, from the metadata Stripe copies onto the invoice. */
export function invoiceAlertId(invoice: Stripe.Invoice): string | null {
  return invoice.parent?.subscription_details?.metadata?.alert_id ?? null;
}

function paymentIntentId(invoice: Stripe.Invoice): string | null {
  const payments = (invoice as unknown as { payments?: { data?: { payment?: { payment_intent?: string | { id: string } } }[] } }).payments;
  const fromPayments = payments?.data?.[0]?.payment?.payment_intent;
  const legacy = (invoice as unknown as { payment_intent?: string | { id: string } | null }).payment_intent;
  const v = fromPayments ?? legacy ?? null;
  return v == null ? null : typeof v === "string" ? v : v.id;
}

// Invoice states only move forward: a late "finalized" (open) must not undo "paid".
const RANK: Record<Invoice["status"], number> = { draft: 0, open: 1, paid: 2, uncollectible: 2, void: 2 };

/**
 * Upserts our copy of a Stripe invoice for a known subscription row. Idempotent; never moves an
 * invoice's status backwards. Returns the stored row.
 */
export async function syncInvoice(tx: DbOrTx, sub: Subscription, invoice: Stripe.Invoice): Promise<Invoice> {
  const status = (invoice.status ?? "draft") as Invoice["status"];
  const values = {
    subscriptionId: sub.id,
    userId: sub.userId,
    stripeInvoiceId: invoice.id!,
    stripePaymentIntentId: paymentIntentId(invoice),
    amountDueCents: invoice.amount_due,
    amountPaidCents: invoice.amount_paid,
    currency: invoice.currency,
    status,
    invoiceDate: at(invoice.created) ?? new Date(),
    dueDate: at(invoice.due_date),
    paidAt: at(invoice.status_transitions?.paid_at),
    invoicePdfUrl: invoice.invoice_pdf?.slice(0, 500) ?? null,
    hostedInvoiceUrl: invoice.hosted_invoice_url?.slice(0, 500) ?? null,
  };
  const [existing] = await tx.select().from(invoices).where(eq(invoices.stripeInvoiceId, values.stripeInvoiceId)).for("update").limit(1);
  if (existing && RANK[existing.status] > RANK[status]) {
    return existing;
  }
  // The rank is checked again in the upsert: two events for a new invoice (finalized, paid)
  // processed at once both find no row above; the later INSERT then waits on the earlier one
  // and must not overwrite "paid" with "open".
  const [row] = await tx
    .insert(invoices)
    .values(values)
    .onConflictDoUpdate({
      target: invoices.stripeInvoiceId,
      set: { ...values, updatedAt: sql`now()` },
      setWhere: sql`(CASE ${invoices.status} WHEN 'draft' THEN 0 WHEN 'open' THEN 1 ELSE 2 END) <= ${RANK[status]}`,
    })
    .returning();
  if (row) return row;
  const [kept] = await tx.select().from(invoices).where(eq(invoices.stripeInvoiceId, values.stripeInvoiceId)).limit(1);
  return kept!;
}

/** Our subscription row for a Stripe subscription id. */
export async function subscriptionByStripeId(tx: DbOrTx, stripeSubscriptionId: string): Promise<Subscription | undefined> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.stripeSubscriptionId, stripeSubscriptionId)).limit(1);
  return row;
}
