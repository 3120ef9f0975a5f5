import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink, EmptyState, PageHeader, Table, TBody, Td, Th, THead } from "@/components/ui";
import { MortgageActions } from "@/components/mortgages/mortgage-actions";
import { MortgageCards } from "@/components/mortgages/mortgage-cards";
import { requireUser } from "@/lib/auth/session";
import { formatMonths, formatPercent, formatterFor } from "@/lib/format";
import { maskLoanNumber } from "@/lib/mortgages/crypto";
import { alertCountsByMortgage, listMortgages } from "@/lib/mortgages/queries";

export const metadata: Metadata = { title: "Mortgages" };

export default async function MortgagesPage() {
  const user = await requireUser("/mortgages");
  const fmt = formatterFor(user.display);
  const [mortgages, alertCounts] = await Promise.all([listMortgages(user.id), alertCountsByMortgage(user.id)]);
  return (
    <div>
      <PageHeader
        title="Mortgages"
        description="Your loans, their balances today, and what the schedule expects."
        actions={mortgages.length > 0 && <ButtonLink href="/mortgages/new">Add mortgage</ButtonLink>}
      />
      {mortgages.length === 0 ? (
        <EmptyState
          title="No mortgages yet"
          description="Add your mortgage to see what you pay, how fast the balance falls, and whether today's rates make refinancing worth it."
          action={<ButtonLink href="/mortgages/new">Add your first mortgage</ButtonLink>}
        />
      ) : (
        <>
          <MortgageCards mortgages={mortgages} alertCounts={alertCounts} fmt={fmt} className="sm:hidden" />
          <div className="max-sm:hidden">
            <Table caption="Your mortgages">
              <THead>
                <tr>
                  <Th>Name</Th>
                  <Th className="text-right">Balance</Th>
                  <Th className="text-right">Rate</Th>
                  <Th className="text-right">Left</Th>
                  <Th>Lender</Th>
                  <Th>Loan number</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </THead>
              <TBody>
                {mortgages.map((m) => (
                  <tr key={m.id}>
                    {/* Free text (up to 100 characters) wraps, so a long name never pushes Edit and Delete out of view. */}
                    <Td className="min-w-40 max-w-64 break-words whitespace-normal!">
                      <Link href={`/mortgages/${m.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-500">
                        {m.name}
                      </Link>
                      <span className="block text-xs text-slate-500 dark:text-slate-400">ZIP {m.zipCode}</span>
                    </Td>
                    <Td className="text-right tabular-nums">{fmt.cents(m.remainingPrincipalCents)}</Td>
                    <Td className="text-right tabular-nums">{formatPercent(m.originalInterestRate)}</Td>
                    <Td className="text-right tabular-nums">{formatMonths(m.remainingTerm)}</Td>
                    <Td className="min-w-32 max-w-56 break-words whitespace-normal!">{m.lenderName ?? "—"}</Td>
                    <Td className="tabular-nums">{maskLoanNumber(m.loanNumberLast4) || "—"}</Td>
                    <Td>
                      <MortgageActions id={m.id} name={m.name} alerts={alertCounts.get(m.id) ?? 0} />
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          </div>
        </>
      )}
    </div>
  );
}
