/**
 * Builders for catalogue and session objects, typed with the stripe package's own types so
 * the compiler tells us when a field the real API returns is missing. Values mirror what
 * Stripe returns in test mode for a plain card subscription (no tax, no discounts, no Connect).
 * Subscriptions, invoices and events are in billing-objects.ts.
 */
import type Stripe from "stripe";
import { newId, nowSeconds } from "./store";

/**
 * Stripe sends decimal fields (`unit_amount_decimal`) as strings; the SDK turns them into
 * `Stripe.Decimal` objects when it reads a response. The stand-in only ever serialises these
 * objects to JSON, so it keeps the wire form and states the SDK type once, here.
 */
export function wireDecimal(value: number | string): Stripe.Decimal {
  return String(value) as unknown as Stripe.Decimal;
}

export function apiList<T>(data: T[], url: string, hasMore = false): Stripe.ApiList<T> {
  return { object: "list", data, has_more: hasMore, url };
}

export interface CustomerInput {
  email?: string;
  name?: string;
  description?: string;
  phone?: string;
  metadata?: Record<string, string>;
}

export function buildCustomer(input: CustomerInput): Stripe.Customer {
  return {
    id: newId("cus_", 14),
    object: "customer",
    address: null,
    balance: 0,
    created: nowSeconds(),
    currency: null,
    customer_account: null,
    default_source: null,
    delinquent: false,
    description: input.description ?? null,
    discount: null,
    email: input.email ?? null,
    invoice_prefix: newId("", 8).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: input.metadata ?? {},
    name: input.name ?? null,
    next_invoice_sequence: 1,
    phone: input.phone ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}

export interface ProductInput {
  name: string;
  description?: string;
  active?: boolean;
  metadata?: Record<string, string>;
}

export function buildProduct(input: ProductInput): Stripe.Product {
  const now = nowSeconds();
  return {
    id: newId("prod_", 14),
    object: "product",
    active: input.active ?? true,
    created: now,
    default_price: null,
    description: input.description ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: input.metadata ?? {},
    name: input.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: "service",
    unit_label: null,
    updated: now,
    url: null,
  };
}

export interface PriceInput {
  product: string;
  unitAmount: number;
  currency: string;
  recurring?: { interval: "day" | "week" | "month" | "year"; intervalCount: number };
  nickname?: string;
  lookupKey?: string;
  active?: boolean;
  metadata?: Record<string, string>;
}

export function buildPrice(input: PriceInput): Stripe.Price {
  return {
    id: newId("price_", 24),
    object: "price",
    active: input.active ?? true,
    billing_scheme: "per_unit",
    created: nowSeconds(),
    currency: input.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: input.lookupKey ?? null,
    metadata: input.metadata ?? {},
    nickname: input.nickname ?? null,
    product: input.product,
    recurring: input.recurring
      ? {
          interval: input.recurring.interval,
          interval_count: input.recurring.intervalCount,
          meter: null,
          trial_period_days: null,
          usage_type: "licensed",
        }
      : null,
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: input.recurring ? "recurring" : "one_time",
    unit_amount: input.unitAmount,
    unit_amount_decimal: wireDecimal(input.unitAmount),
  };
}

/** Legacy `plan` twin of a recurring price; subscription items still carry it. */
export function planFromPrice(price: Stripe.Price): Stripe.Plan {
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? "month",
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === "string" ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}

export interface CheckoutSessionInput {
  price: Stripe.Price;
  quantity: number;
  customer: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  successUrl: string | null;
  cancelUrl: string | null;
  /** Base URL of the stand-in's hosted pages, e.g. http://127.0.0.1:12111. */
  publicUrl: string;
}

/** Stripe keeps hosted Checkout sessions open for 24 hours by default. */
const CHECKOUT_TTL_SECONDS = 24 * 60 * 60;

export function buildCheckoutSession(input: CheckoutSessionInput): Stripe.Checkout.Session {
  const id = newId("cs_test_", 58);
  const created = nowSeconds();
  const amount = (input.price.unit_amount ?? 0) * input.quantity;
  return {
    id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: amount,
    amount_total: amount,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created,
    currency: input.price.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: input.customer,
    customer_account: null,
    // In subscription mode Checkout always ends up with a customer; it creates one if needed.
    customer_creation: input.customer ? null : "always",
    customer_details: null,
    customer_email: input.customerEmail,
    discounts: [],
    expires_at: created + CHECKOUT_TTL_SECONDS,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: input.metadata,
    mode: "subscription",
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "always",
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ["card"],
    payment_status: "unpaid",
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: input.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted_page",
    url: `${input.publicUrl}/checkout/${id}`,
    wallet_options: null,
  };
}

export function buildPortalSession(
  customer: string,
  returnUrl: string | null,
  publicUrl: string,
): Stripe.BillingPortal.Session {
  const id = newId("bps_", 24);
  return {
    id,
    object: "billing_portal.session",
    configuration: "bpc_standin_default",
    created: nowSeconds(),
    customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: returnUrl,
    url: `${publicUrl}/portal/${id}`,
  };
}
