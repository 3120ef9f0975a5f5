import { Table, TBody, Td, Th, THead } from "@/components/ui";
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
  return (
    <Table caption="Recorded balances">
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
          const gap = r.projected === null ? null : Math.round((r.projected - r.balance) * 100) / 100;
          return (
            <tr key={r.id}>
              <Td>{fmt.date(r.recordedOn)}</Td>
              <Td className="text-right tabular-nums">{fmt.dollars(r.balance)}</Td>
              <Td className="text-right tabular-nums">{formatPercent(r.ratePercent)}</Td>
              <Td className="text-right tabular-nums">{formatMonths(r.monthsLeft)}</Td>
              <Td className="text-right tabular-nums">{fmt.dollars(r.projected)}</Td>
              <Td className={gap !== null && gap > 0 ? "text-right tabular-nums text-emerald-700 dark:text-emerald-400" : "text-right tabular-nums"}>
                {gap === null ? "—" : gap >= 0 ? fmt.dollars(gap) : `behind by ${fmt.dollars(-gap)}`}
              </Td>
              <Td className="text-right">
                <RemoveSnapshotButton id={r.id} label={fmt.date(r.recordedOn)} />
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
