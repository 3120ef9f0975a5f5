// How a saving reads when it is negative. Refinancing can cost more, each month (a shorter or
// dearer loan) or over the loan's life (a lower payment for more years): that is said in words
// with the amount as a positive number, never as a "saving" of −$314,818.33.

/** The label and the amount to show for a signed saving (positive: money saved). */
export function savingWords(kind: "monthly" | "lifetime", savings: number): { label: string; amount: number; costsMore: boolean } {
  const costsMore = savings < 0;
  const labels = {
    monthly: costsMore ? "Monthly payment rises by" : "Monthly savings",
    lifetime: costsMore ? "Costs more over the loan's life" : "Lifetime interest savings",
  };
  return { label: labels[kind], amount: Math.abs(savings), costsMore };
}
