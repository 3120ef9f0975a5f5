import { ComingSoon } from "@/components/app-shell";

export default function CalculatorsPage() {
  return (
    <div className="py-12">
      <ComingSoon title="Calculators" description="Payment, amortization, target rate, break-even, refinance savings and the efficient frontier are on their way." />
    </div>
  );
}
