/**
 * Billing resources of the `/v1` subset: Checkout Sessions, subscriptions, invoices,
 * billing portal sessions and events.
 */
import type Stripe from "stripe";
import { getCustomer, getPrice, path, type ApiRequest, type Route } from "./api";
import { buildEvent } from "./billing-objects";
import { cancelNow, emit, getSubscription, updateSubscription, type StandinContext } from "./billing";
import { bool, int, list, mergeMetadata, obj, str } from "./form";
import { invalid, missingParam, notFound, paginate, warnIgnored } from "./http";
import { buildCheckoutSession, buildPortalSession } from "./objects";
import { nowSeconds } from "./store";

const SESSION_PARAMS = [
  "mode", "line_items", "customer", "customer_email", "client_reference_id", "metadata",
  "subscription_data", "success_url", "cancel_url", "payment_method_types",
];

function createCheckoutSession(ctx: StandinContext, { params: p }: ApiRequest) {
  warnIgnored("POST /v1/checkout/sessions", p, SESSION_PARAMS, ctx.log);
  const mode = str(p.mode);
  if (!mode) throw missingParam("mode");
  if (mode !== "subscription") {
    throw invalid(`The local Stripe stand-in supports mode=subscription only (got '${mode}').`, "mode");
  }
  const items = list(p.line_items).map(obj);
  if (items.length === 0) throw missingParam("line_items");
  if (items.length > 1) throw invalid("The stand-in supports exactly one line item per session.", "line_items");
  const item = items[0] ?? {};
  const priceId = str(item.price);
  if (!priceId) {
    if (item.price_data) {
      throw invalid("line_items[0][price_data] is not supported by the stand-in; create a price first.", "line_items[0][price_data]");
    }
    throw missingParam("line_items[0][price]");
  }
  const price = getPrice(ctx, priceId);
  if (!price.active) throw invalid(`The price specified is inactive. This field only accepts active prices.`, "line_items[0][price]");
  if (!price.recurring) {
    throw invalid("You must provide at least one recurring price in `subscription` mode when using prices.", "line_items[0][price]");
  }
  const quantity = int(item.quantity) ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1) throw invalid("Invalid positive integer", "line_items[0][quantity]");
  const customer = str(p.customer) || null;
  const customerEmail = str(p.customer_email) || null;
  if (customer && customerEmail) {
    throw invalid("You may only specify one of these parameters: customer, customer_email.", "customer_email");
  }
  if (customer) getCustomer(ctx, customer);
  const clientReferenceId = str(p.client_reference_id) || null;
  if (clientReferenceId && clientReferenceId.length > 200) throw invalid("client_reference_id is too long (max 200).", "client_reference_id");
  const session = buildCheckoutSession({
    price,
    quantity,
    customer,
    customerEmail,
    clientReferenceId,
    metadata: mergeMetadata({}, p.metadata),
    successUrl: str(p.success_url) ?? null,
    cancelUrl: str(p.cancel_url) ?? null,
    publicUrl: ctx.publicUrl(),
  });
  const { state } = ctx.store;
  state.checkoutSessions[session.id] = session;
  state.checkoutDetails[session.id] = {
    price: price.id,
    quantity,
    subscriptionMetadata: mergeMetadata({}, obj(p.subscription_data)?.metadata),
  };
  ctx.store.save();
  return session;
}

export function getSession(ctx: StandinContext, id: string): Stripe.Checkout.Session {
  const s = ctx.store.state.checkoutSessions[id];
  if (!s) throw notFound("checkout.session", id);
  // Sessions past `expires_at` expire lazily, when next looked at; Stripe sends the event too.
  if (s.status === "open" && s.expires_at <= nowSeconds()) {
    s.status = "expired";
    s.url = null;
    void emit(ctx, [buildEvent("checkout.session.expired", s)], false);
  }
  return s;
}

function listSessions(ctx: StandinContext, { params: p }: ApiRequest) {
  const customer = str(p.customer);
  const subscription = str(p.subscription);
  const status = str(p.status);
  const all = Object.values(ctx.store.state.checkoutSessions).filter(
    (s) =>
      (customer === undefined || s.customer === customer) &&
      (subscription === undefined || s.subscription === subscription) &&
      (status === undefined || s.status === status),
  );
  return paginate(all, p, "/v1/checkout/sessions");
}

function expireSession(ctx: StandinContext, { ids }: ApiRequest) {
  const s = getSession(ctx, ids[0]);
  if (s.status !== "open") throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired.`, "session");
  s.status = "expired";
  s.url = null;
  void emit(ctx, [buildEvent("checkout.session.expired", s)], false);
  return s;
}

function listSubscriptions(ctx: StandinContext, { params: p }: ApiRequest) {
  const customer = str(p.customer);
  const price = str(p.price);
  // Like Stripe: without `status`, canceled subscriptions are left out; `status=all` includes them.
  const status = str(p.status);
  const all = Object.values(ctx.store.state.subscriptions).filter(
    (s) =>
      (customer === undefined || s.customer === customer) &&
      (price === undefined || s.items.data.some((i) => i.price.id === price)) &&
      (status === "all" || (status === undefined ? s.status !== "canceled" : s.status === status)),
  );
  return paginate(all, p, "/v1/subscriptions");
}

function updateSubscriptionRoute(ctx: StandinContext, { params: p, ids }: ApiRequest) {
  const known = ["cancel_at_period_end", "metadata", "cancellation_details", "proration_behavior"];
  warnIgnored("POST /v1/subscriptions/:id", p, known, ctx.log);
  const sub = getSubscription(ctx, ids[0]);
  if (p.items !== undefined) throw invalid("Changing subscription items is not supported by the stand-in.", "items");
  const cancelAtPeriodEnd = bool(p.cancel_at_period_end);
  if (p.cancel_at_period_end !== undefined && cancelAtPeriodEnd === undefined) {
    throw invalid("Invalid boolean: cancel_at_period_end", "cancel_at_period_end");
  }
  const events = updateSubscription(ctx, sub, {
    cancelAtPeriodEnd,
    metadata: p.metadata === undefined ? undefined : mergeMetadata(sub.metadata, p.metadata),
    cancellationComment: str(obj(p.cancellation_details)?.comment),
  });
  // As with Stripe, the API answers at once; the webhook follows on its own.
  void emit(ctx, events, false);
  return sub;
}

function cancelSubscriptionRoute(ctx: StandinContext, { params: p, ids }: ApiRequest) {
  warnIgnored("DELETE /v1/subscriptions/:id", p, ["cancellation_details", "invoice_now", "prorate"], ctx.log);
  const sub = getSubscription(ctx, ids[0]);
  const comment = str(obj(p.cancellation_details)?.comment);
  // Before cancelNow, so the comment is in the event's snapshot too.
  if (comment !== undefined && sub.status !== "canceled") {
    sub.cancellation_details = { comment, feedback: null, feedback_option: null, reason: null };
  }
  const events = cancelNow(ctx, sub);
  void emit(ctx, events, false);
  return sub;
}

function getInvoice(ctx: StandinContext, id: string): Stripe.Invoice {
  const i = ctx.store.state.invoices[id];
  if (!i) throw notFound("invoice", id);
  return i;
}

function listInvoices(ctx: StandinContext, { params: p }: ApiRequest) {
  const customer = str(p.customer);
  const subscription = str(p.subscription);
  const status = str(p.status);
  const all = Object.values(ctx.store.state.invoices).filter(
    (i) =>
      (customer === undefined || i.customer === customer) &&
      (subscription === undefined || i.parent?.subscription_details?.subscription === subscription) &&
      (status === undefined || i.status === status),
  );
  return paginate(all, p, "/v1/invoices");
}

function createPortalSession(ctx: StandinContext, { params: p }: ApiRequest) {
  warnIgnored("POST /v1/billing_portal/sessions", p, ["customer", "return_url"], ctx.log);
  const customer = str(p.customer);
  if (!customer) throw missingParam("customer");
  getCustomer(ctx, customer);
  const session = buildPortalSession(customer, str(p.return_url) ?? null, ctx.publicUrl());
  ctx.store.state.portalSessions[session.id] = session;
  ctx.store.save();
  return session;
}

function getEvent(ctx: StandinContext, id: string): Stripe.Event {
  const e = ctx.store.state.events[id];
  if (!e) throw notFound("event", id);
  return e;
}

function listEvents(ctx: StandinContext, { params: p }: ApiRequest) {
  const type = str(p.type);
  const types = list(p.types);
  const all = Object.values(ctx.store.state.events).filter(
    (e) => (type === undefined || e.type === type) && (types.length === 0 || types.includes(e.type)),
  );
  return paginate(all, p, "/v1/events");
}

export const billingRoutes: Route[] = [
  ["POST", path("checkout/sessions"), createCheckoutSession],
  ["GET", path("checkout/sessions"), listSessions],
  ["GET", path("checkout/sessions/:id"), (ctx, r) => getSession(ctx, r.ids[0])],
  ["POST", path("checkout/sessions/:id/expire"), expireSession],
  ["GET", path("subscriptions"), listSubscriptions],
  ["GET", path("subscriptions/:id"), (ctx, r) => getSubscription(ctx, r.ids[0])],
  ["POST", path("subscriptions/:id"), updateSubscriptionRoute],
  ["DELETE", path("subscriptions/:id"), cancelSubscriptionRoute],
  ["GET", path("invoices"), listInvoices],
  ["GET", path("invoices/:id"), (ctx, r) => getInvoice(ctx, r.ids[0])],
  ["POST", path("billing_portal/sessions"), createPortalSession],
  ["GET", path("events"), listEvents],
  ["GET", path("events/:id"), (ctx, r) => getEvent(ctx, r.ids[0])],
];
