import Link from "next/link";
import { Card, Fact } from "@/components/ui";
import { formatMonths, formatPercent, type Formatter } from "@/lib/format";
import type { Mortgage } from "@/db/schema";
import { MortgageActions } from "./mortgage-actions";

/**
 * The mortgages list on a phone: one card each, its actions in reach. The table it replaces is
 * wider than a phone, and its Edit and Delete sat off-screen at the end of a sideways scroll.
 */
export function MortgageCards({ mortgages, alertCounts, fmt, className }: { mortgages: Mortgage[]; alertCounts: Map<string, number>; fmt: Formatter; className?: string }) {
  return (
    <ul aria-label="Your mortgages" className={`space-y-3 ${className ?? ""}`}>
      {mortgages.map((m) => (
        <li key={m.id}>
          <Card className="p-4" aria-labelledby={`mortgage-${m.id}`} data-testid="mortgage-item">
            <h2 id={`mortgage-${m.id}`} className="font-semibold">
              <Link href={`/mortgages/${m.id}`} className="text-brand-700 hover:underline dark:text-brand-500">
                {m.name}
              </Link>
              <span className="ml-2 text-xs font-normal text-slate-500 dark:text-slate-400">ZIP {m.zipCode}</span>
            </h2>
            <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
              <Fact label="Balance" className="font-medium">{fmt.cents(m.remainingPrincipalCents, { whole: true })}</Fact>
              <Fact label="Rate" className="font-medium">{formatPercent(m.originalInterestRate)}</Fact>
              <Fact label="Left" className="font-medium">{formatMonths(m.remainingTerm)}</Fact>
            </dl>
            {m.lenderName && <p className="mt-2 truncate text-xs text-slate-500 dark:text-slate-400">{m.lenderName}</p>}
            <MortgageActions id={m.id} name={m.name} alerts={alertCounts.get(m.id) ?? 0} className="mt-3" />
          </Card>
        </li>
      ))}
    </ul>
  );
}
