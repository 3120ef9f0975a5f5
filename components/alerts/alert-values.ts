import { paymentCents, refinanceCostCents } from "@/lib/alerts/evaluate";
import type { LatestByProduct } from "@/lib/alerts/page-data";
import { PRODUCT_LABELS, productForTerm } from "@/lib/alerts/products";
import type { AlertRow } from "@/lib/alerts/queries";
import { formatPercent, type Formatter } from "@/lib/format";

/** Target and today's value of an alert, formatted, plus the product it watches. */
export function alertValues(a: AlertRow, latest: LatestByProduct, fmt: Formatter) {
  const product = productForTerm(a.targetTerm);
  const market = latest[product] ?? null;
  const financed = a.remainingPrincipalCents + refinanceCostCents(a);
  const isRate = a.alertType === "interest_rate";
  return {
    product,
    productLabel: PRODUCT_LABELS[product],
    market,
    target: isRate ? formatPercent(a.targetInterestRate) : `${fmt.cents(a.targetMonthlyPaymentCents)}/mo`,
    today: market ? (isRate ? formatPercent(market.rate) : `${fmt.cents(paymentCents(financed, market.rate, a.targetTerm))}/mo`) : "—",
    financedCents: financed,
  };
}
