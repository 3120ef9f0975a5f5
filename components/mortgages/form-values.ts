import type { Mortgage } from "@/db/schema";

/** The mortgage form's fields as the inputs hold them (strings). */
export type MortgageFormValues = Record<
  | "name"
  | "zipCode"
  | "originalPrincipal"
  | "termYears"
  | "originalRate"
  | "originationDate"
  | "remainingPrincipal"
  | "remainingTerm"
  | "creditScore"
  | "propertyType"
  | "occupancyType"
  | "estimatedPropertyValue"
  | "lenderName",
  string
>;

export const emptyMortgageValues: MortgageFormValues = {
  name: "",
  zipCode: "",
  originalPrincipal: "",
  termYears: "30",
  originalRate: "",
  originationDate: "",
  remainingPrincipal: "",
  remainingTerm: "",
  creditScore: "",
  propertyType: "",
  occupancyType: "primary",
  estimatedPropertyValue: "",
  lenderName: "",
};

const dollars = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));

/** A stored mortgage as the edit form shows it (money in dollars, the term in years). */
export function mortgageToFormValues(m: Mortgage): MortgageFormValues {
  return {
    name: m.name,
    zipCode: m.zipCode,
    originalPrincipal: dollars(m.originalPrincipalCents),
    termYears: String(m.originalTerm / 12),
    originalRate: String(m.originalInterestRate),
    originationDate: m.originationDate ?? "",
    remainingPrincipal: dollars(m.remainingPrincipalCents),
    remainingTerm: String(m.remainingTerm),
    creditScore: m.creditScore === null ? "" : String(m.creditScore),
    propertyType: m.propertyType ?? "",
    occupancyType: m.occupancyType ?? "primary",
    estimatedPropertyValue: dollars(m.estimatedPropertyValueCents),
    lenderName: m.lenderName ?? "",
  };
}
