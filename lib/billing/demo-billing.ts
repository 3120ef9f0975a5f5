/**
 * The demo "paid" account's subscription, as both sides know it: the demo seed writes these
 * ids into the database, and the local Stripe stand-in (started by `npm start` with demo data)
 * holds the matching customer, price, subscription and invoice, so cancelling, resuming and the
 * customer portal work for that account as they do after a real checkout. Plain data: the seed,
 * the stand-in and tests all import it.
 */
export const DEMO_BILLING = {
  customerId: "cus_demo_paid",
  subscriptionId: "sub_demo_paid",
  invoiceId: "in_demo_paid_1",
  productId: "prod_demo_monitoring",
  priceId: "price_demo_yearly",
  productName: "Refi Alert monitoring",
  amountCents: 12_000,
  currency: "usd",
  interval: "year",
  /** The paid period began this many days before the demo data was made. */
  daysIntoPeriod: 30,
  email: "paid@demo.refialert.test",
  name: "Pat Subscriber",
} as const;
