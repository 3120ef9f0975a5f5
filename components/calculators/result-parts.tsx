"use client";

// Pieces shared by the calculators' results (./results.tsx, ./target-rate-result.tsx).
import type { ReactNode } from "react";
import { Stat } from "@/components/ui/card";
import { useFormat } from "@/components/display-format";
import { savingWords } from "./savings";

/** A result's key numbers, in a grid. */
export function Stats({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-1 gap-4 min-[400px]:grid-cols-2 lg:grid-cols-3">{children}</dl>;
}

/**
 * Monthly savings, or, when the new loan costs more each month, the increase in words: a payment
 * rise is not a "saving" of −$670.40. The hint shows the two payments either way.
 */
export function MonthlySavingsStat({ savings, current, after, headline = false }: { savings: number; current: number; after: number; headline?: boolean }) {
  const fmt = useFormat();
  const { label, amount } = savingWords("monthly", savings);
  const value = fmt.dollars(amount);
  return <Stat label={label} value={headline ? <span data-testid="headline">{value}</span> : value} hint={`${fmt.dollars(current)} now, ${fmt.dollars(after)} after`} />;
}

/** Interest saved over the loan's life, closing costs included; or, when refinancing costs more in all, that, in words. */
export function LifetimeSavingsStat({ savings }: { savings: number }) {
  const fmt = useFormat();
  const { label, amount, costsMore } = savingWords("lifetime", savings);
  return <Stat label={label} value={fmt.dollars(amount)} hint={costsMore ? "Than keeping your loan, closing costs included" : "Closing costs included"} />;
}
