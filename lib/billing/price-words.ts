import { formatCents } from "@/lib/format";

type Offer = { interval: "month" | "year"; amountCents: number };

/**
 * "$120.00 a year or $12.00 a month": the prices on offer in words, yearly first (as checkout
 * offers them), or null when nothing is on sale. Stripe prices are in their own currency (US
 * dollars), so the site's format, not a homeowner's.
 */
export function priceOffers(prices: Offer[]): string | null {
  if (prices.length === 0) return null;
  const order = { year: 0, month: 1 };
  return [...prices]
    .sort((a, b) => order[a.interval] - order[b.interval])
    .map((p) => `${formatCents(p.amountCents)} a ${p.interval}`)
    .join(" or ");
}
