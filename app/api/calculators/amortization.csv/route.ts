import { amortizationSchedule } from "@/lib/calc";
import { calculate } from "@/lib/history/calculate";
import { csvHeaders, toCsv } from "@/lib/history/csv";

/**
 * GET /api/calculators/amortization.csv?principal=&ratePercent=&termYears=[&extraMonthlyPrincipal=]
 * The full monthly schedule of a loan as CSV. Public and stateless (no cookies, nothing saved):
 * the same inputs always give the same file. Invalid inputs answer 400 with the field messages.
 */
export function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const name of ["principal", "ratePercent", "termYears", "extraMonthlyPrincipal"]) {
    const value = query.get(name);
    if (value !== null) raw[name] = value;
  }
  const calc = calculate("amortization", raw);
  if (!calc.ok) {
    return Response.json({ error: { code: "invalid_request", message: "Please correct the loan's values.", fields: calc.errors } }, { status: 400 });
  }
  const { principal, ratePercent, termYears, extraMonthlyPrincipal } = calc.input;
  const schedule = amortizationSchedule({ principal, annualRatePercent: ratePercent, termMonths: termYears * 12, extraMonthlyPrincipal });
  const rows = [
    ["month", "payment", "interest", "principal", "extra_principal", "balance"],
    ...schedule.rows.map((r) => [r.month, r.payment.toFixed(2), r.interest.toFixed(2), r.principal.toFixed(2), r.extraPrincipal.toFixed(2), r.balance.toFixed(2)]),
    ["total", schedule.totalPaid.toFixed(2), schedule.totalInterest.toFixed(2), principal.toFixed(2), "", ""],
  ];
  const name = `amortization-${principal}-${ratePercent}pct-${termYears}y${extraMonthlyPrincipal ? `-extra${extraMonthlyPrincipal}` : ""}.csv`;
  return new Response(toCsv(rows), { headers: { ...csvHeaders(name), "Cache-Control": "public, max-age=86400" } });
}
