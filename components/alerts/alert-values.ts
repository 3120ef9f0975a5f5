import { paymentCents, refinanceCostCents } from "@/lib/alerts/evaluate";
import type { LatestByProduct } from "@/lib/alerts/page-data";
import { PRODUCT_LABELS, productForTerm } from "@/lib/alerts/products";
import type { AlertRow } from "@/lib/alerts/queries";
import { formatCents, formatPercent } from "@/lib/format";

/** Target and today's value of an alert, formatted, plus the product it watches. */
export function alertValues(a: AlertRow, latest: LatestByProduct) {
  const product = productForTerm(a.targetTerm);
  const market = latest[product] ?? null;
  const financed = a.remainingPrincipalCents + refinanceCostCents(a);
  const isRate = a.alertType === "interest_rate";
  return {
    product,
    productLabel: PRODUCT_LABELS[product],
    market,
    target: isRate ? formatPercent(a.targetInterestRate) : `${formatCents(a.targetMonthlyPaymentCents)}/mo`,
    today: market ? (isRate ? formatPercent(market.rate) : `${formatCents(paymentCents(financed, market.rate, a.targetTerm))}/mo`) : "—",
    financedCents: financed,
  };
}
