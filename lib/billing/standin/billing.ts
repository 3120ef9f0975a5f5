/**
 * What happens to subscriptions and invoices, shared by the REST API, the hosted pages and
 * the simulator, so that e.g. "cancel at period end" behaves (and emits the same event)
 * whether the app calls the API or the user clicks in the portal.
 */
import type Stripe from "stripe";
import {
  addInterval,
  buildEvent,
  buildInvoice,
  buildSubscription,
  periodOf,
  productId,
  type EventObject,
  type EventType,
} from "./billing-objects";
import { buildCustomer } from "./objects";
import { invalid, notFound } from "./http";
import { nowSeconds, type Store } from "./store";
import type { DeliveryResult, WebhookSender } from "./webhooks";

export interface StandinContext {
  store: Store;
  webhooks: WebhookSender;
  /** Base URL of the hosted pages; known only once the server listens. */
  publicUrl(): string;
  log(line: string): void;
}

export interface Outcome {
  events: Stripe.Event[];
  deliveries: DeliveryResult[];
}

/**
 * Records the events, persists, and hands them to the webhook sender. `wait` makes the caller
 * wait for the first delivery attempt of each (hosted pages and the simulator do, so the app
 * has processed the change when the browser lands on the next page); API calls do not wait,
 * as with Stripe, where webhooks arrive independently of the API response.
 */
export async function emit(ctx: StandinContext, events: Stripe.Event[], wait: boolean): Promise<Outcome> {
  for (const e of events) ctx.store.state.events[e.id] = e;
  ctx.store.save();
  if (events.length === 0) return { events, deliveries: [] };
  const delivery = ctx.webhooks.deliver(events);
  return { events, deliveries: wait ? await delivery : [] };
}

export async function sendEvent<T extends EventType>(
  ctx: StandinContext,
  type: T,
  object: EventObject<T>,
  previousAttributes?: Partial<EventObject<T>>,
): Promise<Outcome> {
  return emit(ctx, [buildEvent(type, object, previousAttributes)], true);
}

export function getSubscription(ctx: StandinContext, id: string): Stripe.Subscription {
  const sub = ctx.store.state.subscriptions[id];
  if (!sub) throw notFound("subscription", id);
  return sub;
}

/**
 * Applies a change; `previous` holds the top-level fields it changed, with their old values,
 * which is what Stripe sends as `previous_attributes`.
 */
function change<R>(sub: Stripe.Subscription, mutate: (s: Stripe.Subscription) => R): { previous: Partial<Stripe.Subscription>; result: R } {
  const before = structuredClone(sub);
  const result = mutate(sub);
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(before) as (keyof Stripe.Subscription)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(sub[key])) previous[key] = before[key];
  }
  return { previous: previous as Partial<Stripe.Subscription>, result };
}

function updatedEvents(sub: Stripe.Subscription, previous: Partial<Stripe.Subscription>): Stripe.Event[] {
  // Stripe sends no event for an update that changes nothing.
  return Object.keys(previous).length ? [buildEvent("customer.subscription.updated", sub, previous)] : [];
}

function assertNotCanceled(sub: Stripe.Subscription, what: string): void {
  if (sub.status === "canceled") {
    throw invalid(`A canceled subscription can only update its cancellation_details and metadata (tried: ${what}).`);
  }
}

export interface SubscriptionPatch {
  cancelAtPeriodEnd?: boolean;
  metadata?: Record<string, string>;
  cancellationComment?: string;
}

export function updateSubscription(ctx: StandinContext, sub: Stripe.Subscription, patch: SubscriptionPatch): Stripe.Event[] {
  if (patch.cancelAtPeriodEnd !== undefined) assertNotCanceled(sub, "cancel_at_period_end");
  const { previous } = change(sub, (s) => {
    if (patch.metadata) s.metadata = patch.metadata;
    if (patch.cancelAtPeriodEnd === true && !s.cancel_at_period_end) {
      s.cancel_at_period_end = true;
      s.cancel_at = periodOf(s).end;
      s.canceled_at = nowSeconds();
      s.cancellation_details = { ...emptyCancellation(), ...s.cancellation_details, reason: "cancellation_requested" };
    } else if (patch.cancelAtPeriodEnd === false && s.cancel_at_period_end) {
      s.cancel_at_period_end = false;
      s.cancel_at = null;
      s.canceled_at = null;
      s.cancellation_details = emptyCancellation();
    }
    if (patch.cancellationComment !== undefined) {
      s.cancellation_details = { ...emptyCancellation(), ...s.cancellation_details, comment: patch.cancellationComment };
    }
  });
  return updatedEvents(sub, previous);
}

const emptyCancellation = (): Stripe.Subscription.CancellationDetails => ({
  comment: null,
  feedback: null,
  feedback_option: null,
  reason: null,
});

/** Ends the subscription now (DELETE /v1/subscriptions/:id, "Cancel now", simulate cancel). */
export function cancelNow(ctx: StandinContext, sub: Stripe.Subscription, endedAt = nowSeconds()): Stripe.Event[] {
  if (sub.status === "canceled") throw invalid(`The subscription ${sub.id} has already been canceled.`);
  sub.status = "canceled";
  sub.canceled_at = sub.canceled_at ?? nowSeconds();
  sub.ended_at = endedAt;
  sub.cancellation_details = { ...emptyCancellation(), ...sub.cancellation_details, reason: "cancellation_requested" };
  return [buildEvent("customer.subscription.deleted", sub)];
}

function customerOf(ctx: StandinContext, sub: Stripe.Subscription): Stripe.Customer | undefined {
  return ctx.store.state.customers[typeof sub.customer === "string" ? sub.customer : sub.customer.id];
}

function productName(ctx: StandinContext, price: Stripe.Price): string {
  return ctx.store.state.products[productId(price)]?.name ?? "Subscription";
}

/** Creates the invoice for a new period and moves the subscription's items onto that period. */
function startNextPeriod(ctx: StandinContext, sub: Stripe.Subscription, paid: boolean): Stripe.Invoice {
  const old = periodOf(sub);
  const item = sub.items.data[0];
  const recurring = item.price.recurring;
  const next = { start: old.end, end: addInterval(old.end, recurring?.interval ?? "month", recurring?.interval_count ?? 1) };
  for (const it of sub.items.data) {
    it.current_period_start = next.start;
    it.current_period_end = next.end;
  }
  const invoice = buildInvoice({
    subscription: sub,
    customer: customerOf(ctx, sub),
    productName: productName(ctx, item.price),
    number: ctx.store.nextInvoiceNumber(),
    billingReason: "subscription_cycle",
    linePeriod: next,
    invoicePeriod: old,
    paid,
    publicUrl: ctx.publicUrl(),
  });
  ctx.store.state.invoices[invoice.id] = invoice;
  sub.latest_invoice = invoice.id;
  return invoice;
}

function openLatestInvoice(ctx: StandinContext, sub: Stripe.Subscription): Stripe.Invoice | undefined {
  const id = typeof sub.latest_invoice === "string" ? sub.latest_invoice : sub.latest_invoice?.id;
  const invoice = id ? ctx.store.state.invoices[id] : undefined;
  return invoice?.status === "open" ? invoice : undefined;
}

/**
 * The period ends and the card is charged. A subscription set to cancel at period end is
 * deleted instead; a past_due one has its open invoice paid (a successful retry).
 */
export function renew(ctx: StandinContext, sub: Stripe.Subscription): Stripe.Event[] {
  assertNotCanceled(sub, "renewal");
  if (sub.cancel_at_period_end) return cancelNow(ctx, sub, periodOf(sub).end);
  const open = openLatestInvoice(ctx, sub);
  if (open) {
    const now = nowSeconds();
    Object.assign(open, {
      status: "paid",
      amount_paid: open.amount_due,
      amount_remaining: 0,
      next_payment_attempt: null,
      auto_advance: false,
    } satisfies Partial<Stripe.Invoice>);
    open.status_transitions.paid_at = now;
    const { previous } = change(sub, (s) => {
      s.status = "active";
    });
    return [buildEvent("invoice.paid", open), ...updatedEvents(sub, previous)];
  }
  const { previous, result: invoice } = change(sub, (s) => {
    s.status = "active";
    return startNextPeriod(ctx, s, true);
  });
  return [buildEvent("invoice.finalized", invoice), buildEvent("invoice.paid", invoice), ...updatedEvents(sub, previous)];
}

/** The renewal charge fails: open invoice, subscription past_due. Again: another failed retry. */
export function failPayment(ctx: StandinContext, sub: Stripe.Subscription): Stripe.Event[] {
  assertNotCanceled(sub, "payment_failed");
  const open = openLatestInvoice(ctx, sub);
  if (open) {
    open.attempt_count += 1;
    open.next_payment_attempt = nowSeconds() + 3 * 86_400;
    return [buildEvent("invoice.payment_failed", open)];
  }
  const { previous, result: invoice } = change(sub, (s) => {
    s.status = "past_due";
    return startNextPeriod(ctx, s, false);
  });
  return [
    buildEvent("invoice.finalized", invoice),
    buildEvent("invoice.payment_failed", invoice),
    ...updatedEvents(sub, previous),
  ];
}

export interface Payer {
  name: string;
  email?: string;
}

/** The customer paid on the hosted checkout page: create everything and tell the app. */
export async function completeCheckout(ctx: StandinContext, session: Stripe.Checkout.Session, payer: Payer): Promise<Outcome> {
  const { state } = ctx.store;
  const details = state.checkoutDetails[session.id];
  const price = details && state.prices[details.price];
  if (!details || !price) throw invalid(`Checkout session ${session.id} has no price to charge.`);
  let customerId = typeof session.customer === "string" ? session.customer : session.customer?.id;
  if (!customerId) {
    const customer = buildCustomer({ email: session.customer_email ?? payer.email, name: payer.name });
    state.customers[customer.id] = customer;
    customerId = customer.id;
  }
  const customer = state.customers[customerId];
  const start = nowSeconds();
  const sub = buildSubscription({ customer: customerId, price, quantity: details.quantity, metadata: details.subscriptionMetadata, start });
  const period = periodOf(sub);
  const invoice = buildInvoice({
    subscription: sub,
    customer,
    productName: productName(ctx, price),
    number: ctx.store.nextInvoiceNumber(),
    billingReason: "subscription_create",
    linePeriod: period,
    invoicePeriod: { start, end: start },
    paid: true,
    publicUrl: ctx.publicUrl(),
  });
  sub.latest_invoice = invoice.id;
  state.subscriptions[sub.id] = sub;
  state.invoices[invoice.id] = invoice;
  Object.assign(session, {
    status: "complete",
    payment_status: "paid",
    customer: customerId,
    subscription: sub.id,
    invoice: invoice.id,
    // Stripe clears the URL once a session is complete: it cannot be paid twice.
    url: null,
    customer_details: {
      address: null,
      business_name: null,
      email: customer?.email ?? payer.email ?? null,
      individual_name: null,
      name: payer.name,
      phone: null,
      tax_exempt: "none",
      tax_ids: [],
    },
  } satisfies Partial<Stripe.Checkout.Session>);
  return emit(
    ctx,
    [
      buildEvent("checkout.session.completed", session),
      buildEvent("customer.subscription.created", sub),
      buildEvent("invoice.finalized", invoice),
      buildEvent("invoice.paid", invoice),
    ],
    true,
  );
}
