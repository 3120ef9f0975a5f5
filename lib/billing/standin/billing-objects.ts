/**
 * Builders for subscriptions, invoices and events, in the shapes of the API version the
 * installed stripe package pins: billing periods live on subscription items
 * (`items.data[].current_period_start/end`), and an invoice points at its subscription through
 * `parent.subscription_details.subscription`.
 */
import Stripe from "stripe";
import { apiList, planFromPrice, wireDecimal } from "./objects";
import { newId, nowSeconds } from "./store";

/**
 * One billing interval later, in UTC, the way Stripe anchors cycles: Jan 31 + 1 month is
 * Feb 28/29 (clamped to the month's last day), not Mar 3.
 */
export function addInterval(seconds: number, interval: string, count = 1): number {
  const d = new Date(seconds * 1000);
  if (interval === "day" || interval === "week") {
    const days = (interval === "week" ? 7 : 1) * count;
    return seconds + days * 86_400;
  }
  const months = (interval === "year" ? 12 : 1) * count;
  const target = new Date(d);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return Math.floor(target.getTime() / 1000);
}

export function periodOf(sub: Stripe.Subscription): { start: number; end: number } {
  const item = sub.items.data[0];
  return { start: item.current_period_start, end: item.current_period_end };
}

export interface SubscriptionInput {
  customer: string;
  price: Stripe.Price;
  quantity: number;
  metadata: Record<string, string>;
  start: number;
}

export function buildSubscription(input: SubscriptionInput): Stripe.Subscription {
  const id = newId("sub_", 24);
  const { price, start } = input;
  const interval = price.recurring?.interval ?? "month";
  const item: Stripe.SubscriptionItem = {
    id: newId("si_", 14),
    object: "subscription_item",
    billing_thresholds: null,
    created: start,
    current_period_end: addInterval(start, interval, price.recurring?.interval_count ?? 1),
    current_period_start: start,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planFromPrice(price),
    price,
    quantity: input.quantity,
    subscription: id,
    tax_rates: [],
  };
  return {
    id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: start,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: "classic" },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: start,
    currency: price.currency,
    customer: input.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: "self" },
    },
    items: apiList([item], `/v1/subscription_items?subscription=${id}`),
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: "off",
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: start,
    status: "active",
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" } },
    trial_start: null,
  };
}

export interface InvoiceInput {
  subscription: Stripe.Subscription;
  customer: Stripe.Customer | undefined;
  productName: string;
  number: string;
  billingReason: "subscription_create" | "subscription_cycle";
  /** Service period this invoice pays for (the line item's period). */
  linePeriod: { start: number; end: number };
  /**
   * Invoice-level period. Stripe sets it to the period *before* the invoice (for the first
   * invoice both ends equal its creation time), which surprises people; copying that here
   * means code that wrongly reads it fails in the demo too, not only in production.
   */
  invoicePeriod: { start: number; end: number };
  paid: boolean;
  publicUrl: string;
}

export function buildInvoice(input: InvoiceInput): Stripe.Invoice {
  const { subscription: sub, paid } = input;
  const id = newId("in_", 24);
  const now = nowSeconds();
  const item = sub.items.data[0];
  const quantity = item.quantity ?? 1;
  const amount = (item.price.unit_amount ?? 0) * quantity;
  const unit = formatMoney(item.price.unit_amount ?? 0, sub.currency);
  const line: Stripe.InvoiceLineItem = {
    id: newId("il_", 24),
    object: "line_item",
    amount,
    currency: sub.currency,
    // Stripe's wording for subscription lines: "1 × Refi Alert (at $120.00 / year)".
    description: `${quantity} × ${input.productName} (at ${unit} / ${item.price.recurring?.interval ?? "month"})`,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: id,
    livemode: false,
    metadata: { ...sub.metadata },
    parent: {
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: { credited_items: null },
        subscription: sub.id,
        subscription_item: item.id,
      },
      type: "subscription_item_details",
    },
    period: { ...input.linePeriod },
    pretax_credit_amounts: [],
    pricing: {
      price_details: { price: item.price.id, product: productId(item.price) },
      type: "price_details",
      unit_amount_decimal: item.price.unit_amount_decimal,
    },
    quantity,
    quantity_decimal: wireDecimal(quantity),
    subscription: sub.id,
    subtotal: amount,
    taxes: [],
  };
  return {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "Refi Alert (test mode)",
    account_tax_ids: null,
    amount_due: amount,
    amount_overpaid: 0,
    amount_paid: paid ? amount : 0,
    amount_remaining: paid ? 0 : amount,
    amount_shipping: 0,
    application: null,
    attempt_count: 1,
    attempted: true,
    auto_advance: !paid,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: input.billingReason,
    collection_method: "charge_automatically",
    created: now,
    currency: sub.currency,
    custom_fields: null,
    customer: typeof sub.customer === "string" ? sub.customer : sub.customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: input.customer?.email ?? null,
    customer_name: input.customer?.name ?? null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: now,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: `${input.publicUrl}/invoices/${id}`,
    invoice_pdf: `${input.publicUrl}/invoices/${id}.pdf`,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: apiList([line], `/v1/invoices/${id}/lines`),
    livemode: false,
    metadata: {},
    // Stripe's smart retries: the next attempt of a failed renewal is a few days later.
    next_payment_attempt: paid ? null : now + 3 * 86_400,
    number: input.number,
    on_behalf_of: null,
    parent: {
      quote_details: null,
      subscription_details: { metadata: { ...sub.metadata }, subscription: sub.id },
      type: "subscription_details",
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: input.invoicePeriod.end,
    period_start: input.invoicePeriod.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: paid ? "paid" : "open",
    status_transitions: { finalized_at: now, marked_uncollectible_at: null, paid_at: paid ? now : null, voided_at: null },
    subtotal: amount,
    subtotal_excluding_tax: amount,
    test_clock: null,
    total: amount,
    total_discount_amounts: [],
    total_excluding_tax: amount,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: now,
  };
}

export function productId(price: Stripe.Price): string {
  return typeof price.product === "string" ? price.product : price.product.id;
}

/** Stripe's event types paired with the object each one carries. */
export type EventType = Stripe.Event["type"];
export type EventObject<T extends EventType> = Extract<Stripe.Event, { type: T }>["data"]["object"];

export function buildEvent<T extends EventType>(
  type: T,
  object: EventObject<T>,
  previousAttributes?: Partial<EventObject<T>>,
): Extract<Stripe.Event, { type: T }> {
  const event = {
    id: newId("evt_", 24),
    object: "event" as const,
    api_version: Stripe.API_VERSION,
    created: nowSeconds(),
    data: previousAttributes
      ? { object: wireSnapshot(object), previous_attributes: wireSnapshot(previousAttributes) }
      : { object: wireSnapshot(object) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
  // TypeScript cannot narrow a union member from a generic `type`; the fields above are exactly
  // those of EventBase with `type` and `data.object` matching T, which is what Extract<> names.
  return event as unknown as Extract<Stripe.Event, { type: T }>;
}

/**
 * A copy in wire form: later changes to the stored object must not rewrite the event, and
 * objects that came back through the SDK (e.g. passed to sendEvent) carry `Stripe.Decimal`
 * instances, which JSON turns back into the strings Stripe sends.
 */
function wireSnapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(
    amount / 100,
  );
}
