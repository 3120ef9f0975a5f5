import { Badge, Table, TBody, Td, Th, THead } from "@/components/ui";
import type { listInvoices } from "@/lib/billing/queries";
import { formatCents, type Formatter } from "@/lib/format";

type Row = Awaited<ReturnType<typeof listInvoices>>[number];
const TONE = { paid: "success", open: "warning", draft: "neutral", void: "neutral", uncollectible: "danger" } as const;
const LABEL = { paid: "Paid", open: "Open", draft: "Draft", void: "Void", uncollectible: "Uncollectible" } as const;
const link = "font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-500";

export function InvoiceTable({ rows, fmt }: { rows: Row[]; fmt: Formatter }) {
  return (
    <Table caption="Invoices">
      <THead>
        <tr>
          <Th>Date</Th>
          <Th>Alert</Th>
          <Th className="text-right">Amount</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Links</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {rows.map(({ invoice, mortgageName }) => (
          <tr key={invoice.id} data-testid="invoice">
            <Td className="whitespace-nowrap">{fmt.date(invoice.invoiceDate.toISOString())}</Td>
            <Td>{mortgageName}</Td>
            <Td className="text-right tabular-nums">{formatCents(invoice.status === "paid" ? invoice.amountPaidCents : invoice.amountDueCents)}</Td>
            <Td>
              <Badge tone={TONE[invoice.status]}>{LABEL[invoice.status]}</Badge>
            </Td>
            <Td className="whitespace-nowrap">
              <span className="flex gap-3">
                {invoice.hostedInvoiceUrl && (
                  <a href={invoice.hostedInvoiceUrl} className={link} target="_blank" rel="noopener noreferrer">
                    View<span className="sr-only"> invoice of {fmt.date(invoice.invoiceDate.toISOString())}</span>
                  </a>
                )}
                {invoice.invoicePdfUrl && (
                  <a href={invoice.invoicePdfUrl} className={link} target="_blank" rel="noopener noreferrer">
                    PDF<span className="sr-only"> of the invoice of {fmt.date(invoice.invoiceDate.toISOString())}</span>
                  </a>
                )}
              </span>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
