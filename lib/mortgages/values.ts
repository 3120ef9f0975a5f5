/**
 * From a parsed form (dollars, years) to the stored row (cents, months). Plain TypeScript.
 * Remaining principal and term left blank are filled from the amortization schedule as of
 * today when the origination date is known, otherwise from the original loan (a new loan).
 */
import { roundRatePercent, toCents } from "@/lib/calc";
import { positionAsOf } from "./projection";
import type { MortgageForm } from "./schemas";

export interface MortgageColumns {
  name: string;
  zipCode: string;
  originalPrincipalCents: number;
  originalTerm: number;
  originalInterestRate: number;
  originationDate: string | null;
  remainingPrincipalCents: number;
  remainingTerm: number;
  creditScore: number | null;
  propertyType: MortgageForm["propertyType"] | null;
  occupancyType: MortgageForm["occupancyType"];
  estimatedPropertyValueCents: number | null;
  lenderName: string | null;
}

export function mortgageColumns(form: MortgageForm, today: string): MortgageColumns {
  const originalTerm = form.termYears * 12;
  const originalInterestRate = roundRatePercent(form.originalRate);
  const position = form.originationDate
    ? positionAsOf({ principal: form.originalPrincipal, ratePercent: originalInterestRate, termMonths: originalTerm }, form.originationDate, today)
    : null;
  return {
    name: form.name,
    zipCode: form.zipCode,
    originalPrincipalCents: toCents(form.originalPrincipal),
    originalTerm,
    originalInterestRate,
    originationDate: form.originationDate ?? null,
    remainingPrincipalCents: toCents(form.remainingPrincipal ?? position?.balance ?? form.originalPrincipal),
    remainingTerm: form.remainingTerm ?? position?.monthsLeft ?? originalTerm,
    creditScore: form.creditScore ?? null,
    propertyType: form.propertyType ?? null,
    occupancyType: form.occupancyType,
    estimatedPropertyValueCents: form.estimatedPropertyValue === undefined ? null : toCents(form.estimatedPropertyValue),
    lenderName: form.lenderName ?? null,
  };
}
