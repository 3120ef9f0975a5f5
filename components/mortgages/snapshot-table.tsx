import { Fact, Table, TBody, Td, Th, THead } from "@/components/ui";
import { formatMonths, formatPercent, type Formatter } from "@/lib/format";
import { RemoveSnapshotButton } from "./remove-snapshot-button";

export type SnapshotRow = {
  id: string;
  recordedOn: string;
  balance: number;
  ratePercent: number;
  monthsLeft: number;
  /** The schedule's balance on that date (null without an origination date). */
  projected: number | null;
};

/** Recorded balances, newest first, with the schedule beside them: the gap is extra principal paid. */
export function SnapshotTable({ rows, fmt }: { rows: SnapshotRow[]; fmt: Formatter }) {
  if (rows.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No balances recorded yet. Record one from your latest statement above.</p>;
  }
  const gapOf = (r: SnapshotRow) => (r.projected === null ? null : Math.round((r.projected - r.balance) * 100) / 100);
  const gapText = (gap: number | null) => (gap === null ? "—" : gap >= 0 ? fmt.dollars(gap) : `behind by ${fmt.dollars(-gap)}`);
  return (
    <>
      {/* On a phone, a card per balance: the table's seven columns (Remove last) would scroll sideways. */}
      <ul className="space-y-3 sm:hidden" aria-label="Recorded balances">
        {rows.map((r) => {
          const gap = gapOf(r);
          return (
            <li key={r.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <div className="flex items-start justify-between gap-3">
                <div>
                  <p className="font-medium text-slate-900 dark:text-slate-100">{fmt.dollars(r.balance)}</p>
                  <p className="text-xs text-slate-500 dark:text-slate-400">{fmt.date(r.recordedOn)}</p>
                </div>
                <RemoveSnapshotButton id={r.id} label={fmt.date(r.recordedOn)} />
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                <Fact label="Rate">{formatPercent(r.ratePercent)}</Fact>
                <Fact label="Left">{formatMonths(r.monthsLeft)}</Fact>
                <Fact label="Schedule">{fmt.dollars(r.projected)}</Fact>
                <Fact label="Ahead of schedule" className={gap !== null && gap > 0 ? "text-emerald-700 dark:text-emerald-400" : undefined}>
                  {gapText(gap)}
                </Fact>
              </dl>
            </li>
          );
        })}
      </ul>
      <Table caption="Recorded balances" className="max-sm:hidden">
        <THead>
          <tr>
            <Th>Date</Th>
            <Th className="text-right">Balance</Th>
            <Th className="text-right">Rate</Th>
            <Th className="text-right">Left</Th>
            <Th className="text-right">Schedule</Th>
            <Th className="text-right">Ahead of schedule</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {rows.map((r) => {
            const gap = gapOf(r);
            return (
              <tr key={r.id}>
                <Td>{fmt.date(r.recordedOn)}</Td>
                <Td className="text-right tabular-nums">{fmt.dollars(r.balance)}</Td>
                <Td className="text-right tabular-nums">{formatPercent(r.ratePercent)}</Td>
                <Td className="text-right tabular-nums">{formatMonths(r.monthsLeft)}</Td>
                <Td className="text-right tabular-nums">{fmt.dollars(r.projected)}</Td>
                <Td className={gap !== null && gap > 0 ? "text-right tabular-nums text-emerald-700 dark:text-emerald-400" : "text-right tabular-nums"}>
                  {gapText(gap)}
                </Td>
                <Td className="text-right">
                  <RemoveSnapshotButton id={r.id} label={fmt.date(r.recordedOn)} />
                </Td>
              </tr>
            );
          })}
        </TBody>
      </Table>
    </>
  );
}
