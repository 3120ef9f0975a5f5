/**
 * The demo data's paid subscription at the stand-in. `npm start` seeds a "paid" demo account
 * whose database rows name a Stripe customer, subscription and invoice (lib/billing/demo-billing.ts);
 * without matching objects here, that account's "cancel", "resume" and "manage payment methods"
 * would be answered with "no such subscription". Added once, on start, only when asked for
 * (STRIPE_STANDIN_DEMO), and never over objects that already exist.
 */
import type Stripe from "stripe";
import { DEMO_BILLING } from "../demo-billing";
import { buildInvoice, buildSubscription, periodOf } from "./billing-objects";
import { buildCustomer, buildPrice, buildProduct } from "./objects";
import { nowSeconds, type Store } from "./store";

/** A built object under the id we need: every mention of the generated id is replaced. */
function withId<T extends { id: string }>(object: T, id: string): T {
  return JSON.parse(JSON.stringify(object).split(object.id).join(id)) as T;
}

/** Adds the demo customer, price, subscription and its paid invoice. Returns false when they were already there. */
export function addDemoBilling(store: Store, publicUrl: string, now = nowSeconds()): boolean {
  const { state } = store;
  if (state.subscriptions[DEMO_BILLING.subscriptionId]) return false;
  const product = state.products[DEMO_BILLING.productId] ?? withId(buildProduct({ name: DEMO_BILLING.productName }), DEMO_BILLING.productId);
  const price =
    state.prices[DEMO_BILLING.priceId] ??
    withId(
      buildPrice({ product: product.id, unitAmount: DEMO_BILLING.amountCents, currency: DEMO_BILLING.currency, recurring: { interval: DEMO_BILLING.interval, intervalCount: 1 } }),
      DEMO_BILLING.priceId,
    );
  const customer = state.customers[DEMO_BILLING.customerId] ?? withId(buildCustomer({ email: DEMO_BILLING.email, name: DEMO_BILLING.name }), DEMO_BILLING.customerId);
  const start = now - DEMO_BILLING.daysIntoPeriod * 86_400;
  const subscription: Stripe.Subscription = withId(buildSubscription({ customer: customer.id, price, quantity: 1, metadata: {}, start }), DEMO_BILLING.subscriptionId);
  const invoice = withId(
    buildInvoice({
      subscription,
      customer,
      productName: product.name,
      number: store.nextInvoiceNumber(),
      billingReason: "subscription_create",
      linePeriod: periodOf(subscription),
      invoicePeriod: { start, end: start },
      paid: true,
      publicUrl,
    }),
    DEMO_BILLING.invoiceId,
  );
  // Paid when the period began, as a real first invoice would have been.
  invoice.created = start;
  invoice.status_transitions = { ...invoice.status_transitions, finalized_at: start, paid_at: start };
  subscription.latest_invoice = invoice.id;
  state.products[product.id] = product;
  state.prices[price.id] = price;
  state.customers[customer.id] = customer;
  state.subscriptions[subscription.id] = subscription;
  state.invoices[invoice.id] = invoice;
  store.save();
  return true;
}
