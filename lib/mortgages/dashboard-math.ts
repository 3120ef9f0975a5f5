/**
 * The numbers on a dashboard card, from one mortgage row and the latest market rates. Plain
 * TypeScript: every figure comes from lib/calc (compareRefinance, trueBreakEven), money
 * leaves here in whole cents.
 */
import { compareRefinance, fromCents, toCents, trueBreakEven } from "@/lib/calc";
import { alertStatus, type AlertStatus } from "@/lib/alerts/status";
import { ESTIMATED_COST_SHARE, productFor, type Product } from "./refi-product";

export { ESTIMATED_COST_SHARE, productFor, type Product };

export interface MarketRate {
  rateType: string;
  date: string;
  rate: number;
}

export interface DashboardAlert {
  id: string;
  isActive: boolean;
  pausedAt: Date | null;
  userDismissed: boolean;
  estimateRefinanceCostCents: number | null;
  subscription: { status: string; currentPeriodEnd: Date | null } | null;
  lastTriggeredAt: Date | null;
}

export interface DashboardRow {
  id: string;
  name: string;
  remainingPrincipalCents: number;
  remainingTerm: number;
  /** The newest snapshot's rate when there is one, else the original rate. */
  currentRate: number;
  estimatedPropertyValueCents: number | null;
  /** Date of the newest snapshot, when the balance shown is that snapshot's. */
  balanceRecordedOn: string | null;
  /** Date the schedule rolled the balance forward to, when the balance shown is that projection. */
  balanceProjectedOn?: string | null;
  alert: DashboardAlert | null;
}

/**
 * - `pays`: the true break-even comes within the new loan, and it pays less interest over its
 *   life, costs included;
 * - `pays_but_costs_more`: lower payments cover the costs, but a longer loan pays more interest
 *   over its life (what the refinance-savings calculator shows as "costs more");
 * - `not_worth_it`: no savings, or no break-even within the new loan.
 */
export type Verdict = "pays" | "pays_but_costs_more" | "not_worth_it";

export interface RefinanceSummary {
  newPaymentCents: number;
  monthlySavingsCents: number;
  costCents: number;
  /** "alert": the owner's own estimate on their alert; "estimate": 2 % of the balance. */
  costSource: "alert" | "estimate";
  simpleBreakEvenMonths: number | null;
  trueBreakEvenMonths: number | null;
  /** Interest left on the current loan minus the new loan's interest and the costs (negative: costs more). */
  lifetimeInterestSavingsCents: number;
  verdict: Verdict;
}

export type { AlertStatus };

export interface DashboardCard {
  id: string;
  name: string;
  paidOff: boolean;
  balanceCents: number;
  balanceRecordedOn: string | null;
  balanceProjectedOn: string | null;
  monthsLeft: number;
  currentRate: number;
  currentPaymentCents: number;
  equityCents: number | null;
  loanToValuePercent: number | null;
  product: Product;
  market: MarketRate | null;
  refinance: RefinanceSummary | null;
  alert: { id: string; status: AlertStatus; lastTriggeredAt: Date | null } | null;
}


export function refinanceCostCents(row: Pick<DashboardRow, "remainingPrincipalCents" | "alert">): { cents: number; source: "alert" | "estimate" } {
  const own = row.alert?.estimateRefinanceCostCents;
  if (own !== null && own !== undefined) return { cents: own, source: "alert" };
  return { cents: Math.round(row.remainingPrincipalCents * ESTIMATED_COST_SHARE), source: "estimate" };
}

export function verdictOf(trueBreakEvenMonths: number | null, monthlySavingsCents: number, lifetimeInterestSavingsCents: number): Verdict {
  if (monthlySavingsCents <= 0 || trueBreakEvenMonths === null) return "not_worth_it";
  return lifetimeInterestSavingsCents >= 0 ? "pays" : "pays_but_costs_more";
}

export function buildCard(row: DashboardRow, rates: readonly MarketRate[]): DashboardCard {
  const product = productFor(row.remainingTerm);
  const market = rates.find((r) => r.rateType === product.rateType) ?? null;
  const paidOff = row.remainingPrincipalCents <= 0 || row.remainingTerm <= 0;
  const value = row.estimatedPropertyValueCents;
  const card: DashboardCard = {
    id: row.id,
    name: row.name,
    paidOff,
    balanceCents: row.remainingPrincipalCents,
    balanceRecordedOn: row.balanceRecordedOn,
    balanceProjectedOn: row.balanceProjectedOn ?? null,
    monthsLeft: row.remainingTerm,
    currentRate: row.currentRate,
    currentPaymentCents: 0,
    equityCents: value ? value - row.remainingPrincipalCents : null,
    loanToValuePercent: value ? Math.round((row.remainingPrincipalCents / value) * 1000) / 10 : null,
    product,
    market: market ? { rateType: market.rateType, date: market.date, rate: market.rate } : null,
    refinance: null,
    // The words of /alerts: one rule for every page (lib/alerts/status.ts).
    alert: row.alert ? { id: row.alert.id, status: alertStatus({ ...row.alert, deletedAt: null }, row.alert.subscription), lastTriggeredAt: row.alert.lastTriggeredAt } : null,
  };
  if (paidOff) return card;

  const cost = refinanceCostCents(row);
  const input = {
    balance: fromCents(row.remainingPrincipalCents),
    currentRatePercent: row.currentRate,
    monthsLeft: row.remainingTerm,
    newRatePercent: market?.rate ?? row.currentRate,
    newTermMonths: product.termMonths,
    costs: fromCents(cost.cents),
  };
  const comparison = compareRefinance(input);
  card.currentPaymentCents = toCents(comparison.currentPayment);
  if (!market) return card;

  const trueMonth = trueBreakEven(input).month;
  // From the shown payments, so "$2,026.74 now, $1,347.75 after" saves exactly their difference.
  const monthlySavingsCents = card.currentPaymentCents - toCents(comparison.newPayment);
  const lifetimeInterestSavingsCents = toCents(comparison.lifetimeInterestSavings);
  card.refinance = {
    newPaymentCents: toCents(comparison.newPayment),
    monthlySavingsCents,
    costCents: cost.cents,
    costSource: cost.source,
    simpleBreakEvenMonths: comparison.simpleBreakEvenMonths,
    trueBreakEvenMonths: trueMonth,
    lifetimeInterestSavingsCents,
    verdict: verdictOf(trueMonth, monthlySavingsCents, lifetimeInterestSavingsCents),
  };
  return card;
}
