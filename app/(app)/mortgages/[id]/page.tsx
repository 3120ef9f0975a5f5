import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink, Card, CardHeader, FlashBanner, PageHeader } from "@/components/ui";
import { BalanceChart } from "@/components/mortgages/balance-chart";
import { DeleteMortgageButton } from "@/components/mortgages/delete-mortgage-button";
import { MortgageFacts } from "@/components/mortgages/mortgage-facts";
import { SnapshotForm } from "@/components/mortgages/snapshot-form";
import { SnapshotTable, type SnapshotRow } from "@/components/mortgages/snapshot-table";
import { requireUser } from "@/lib/auth/session";
import { fromCents } from "@/lib/calc";
import { NotFoundError } from "@/lib/errors";
import { formatterFor } from "@/lib/format";
import { todayIn } from "@/lib/mortgages/dates";
import { balanceSeries } from "@/lib/mortgages/projection";
import { alertCountsByMortgage, getMortgage } from "@/lib/mortgages/queries";
import { listSnapshots } from "@/lib/mortgages/tracking";

export const metadata: Metadata = { title: "Mortgage" };

const SAVED: Record<string, string> = { created: "Mortgage added.", updated: "Changes saved." };

export default async function MortgagePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/mortgages/${id}`);
  const fmt = formatterFor(user.display);
  const [mortgage, snapshots, alertCounts] = await Promise.all([getMortgage(user.id, id), listSnapshots(user.id, id), alertCountsByMortgage(user.id)]).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });

  const today = todayIn(user.display.timeZone);
  const loan = { principal: fromCents(mortgage.originalPrincipalCents), ratePercent: mortgage.originalInterestRate, termMonths: mortgage.originalTerm };
  const recorded = snapshots.map((s) => ({
    recordedOn: s.recordedOn,
    balance: fromCents(s.currentRemainingPrincipalCents),
    ratePercent: s.currentRate,
    monthsLeft: s.currentRemainingTerm,
  }));
  const series = mortgage.originationDate ? balanceSeries(loan, mortgage.originationDate, recorded, today) : null;
  const projectedOn = (date: string) => (series ? (series.snapshots.find((s) => s.recordedOn === date)?.projected ?? null) : null);
  const rows: SnapshotRow[] = snapshots.map((s, i) => ({ id: s.id, ...recorded[i]!, projected: projectedOn(s.recordedOn) }));
  const latestGap = series?.snapshots.at(-1)?.gap;
  const current = snapshots[0];

  return (
    <div className="space-y-6">
      <PageHeader
        title={mortgage.name}
        description={`ZIP ${mortgage.zipCode}${mortgage.lenderName ? ` · ${mortgage.lenderName}` : ""}`}
        actions={
          <>
            <ButtonLink href={`/mortgages/${mortgage.id}/edit`} variant="secondary" size="sm">
              Edit
            </ButtonLink>
            <DeleteMortgageButton id={mortgage.id} name={mortgage.name} alerts={alertCounts.get(mortgage.id) ?? 0} afterDelete="/mortgages" />
          </>
        }
      />
      {saved && SAVED[saved] && <FlashBanner params={["saved"]}>{SAVED[saved]}</FlashBanner>}

      <Card>
        <CardHeader title="Loan details" />
        <MortgageFacts mortgage={mortgage} fmt={fmt} />
      </Card>

      <Card>
        <CardHeader
          title="Balance over time"
          description={
            latestGap !== undefined && latestGap > 0
              ? `Your latest recorded balance is ${fmt.dollars(latestGap)} below the schedule: that is extra principal you have paid.`
              : "The balance your amortization schedule expects, and the balances you recorded."
          }
        />
        {series ? (
          <BalanceChart
            points={series.points}
            todayMonth={series.todayMonth}
            caption={`Blue: the scheduled balance from origination to payoff. Green: your recorded balances. The dashed line marks today (payment ${series.todayMonth} of ${mortgage.originalTerm}).`}
          />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Add the origination date to see the projected balance over the life of the loan.{" "}
            <Link href={`/mortgages/${mortgage.id}/edit`} className="font-medium text-brand-700 underline dark:text-brand-500">
              Edit the mortgage
            </Link>
          </p>
        )}
      </Card>

      <Card>
        <CardHeader title="Record your balance" description="From your latest statement. The mortgage's remaining principal and term follow your newest record." />
        <SnapshotForm
          mortgageId={mortgage.id}
          defaults={{
            balance: (mortgage.remainingPrincipalCents / 100).toFixed(2),
            rate: String(current?.currentRate ?? mortgage.originalInterestRate),
            monthsLeft: String(mortgage.remainingTerm),
          }}
        />
      </Card>

      <Card>
        <CardHeader
          title={
            // Focus lands here when a removed row leaves the table (RemoveSnapshotButton).
            <span id="recorded-balances" tabIndex={-1} className="outline-none">
              Recorded balances
            </span>
          }
        />
        <SnapshotTable rows={rows} fmt={fmt} />
      </Card>
    </div>
  );
}
