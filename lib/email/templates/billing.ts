import { displayFormatOf, formatterFor } from "@/lib/format";
import { renderEmail, type EmailBlock } from "../layout";
import type { TemplateFn } from "./index";

const str = (v: unknown) => (typeof v === "string" ? v : "");
/** An instant's calendar day (UTC) in the owner's date format, or "" when missing. */
const day = (p: Record<string, unknown>, v: unknown) => {
  const d = typeof v === "string" ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? formatterFor(displayFormatOf(p.display)).date(d.toISOString()) : "";
};

function invoiceLinks(p: Record<string, unknown>): EmailBlock[] {
  const links = [
    ...(str(p.hostedInvoiceUrl) ? [{ label: "View the invoice", url: str(p.hostedInvoiceUrl) }] : []),
    ...(str(p.invoicePdfUrl) ? [{ label: "Download it as a PDF", url: str(p.invoicePdfUrl) }] : []),
  ];
  return links.length ? [{ kind: "small", text: "Your invoice from Stripe:", links }] : [];
}

export const billingTemplates: Record<string, TemplateFn> = {
  "billing-receipt": (p, { appUrl }) =>
    renderEmail({
      subject: `Receipt for your Refi Alert payment of ${str(p.amount)}`,
      heading: `Thanks${str(p.name) ? `, ${str(p.name)}` : ""}: your payment went through`,
      blocks: [
        { kind: "p", text: "We received your payment. Your alert is monitored: we check the market every week and email you the moment refinancing reaches your target." },
        {
          kind: "facts",
          rows: [
            ...(str(p.mortgageName) ? ([["For the alert on", str(p.mortgageName)]] as [string, string][]) : []),
            ["Amount paid", str(p.amount)],
            ["Date", day(p, p.date)],
            ["Billing", p.interval === "month" ? "Monthly" : "Yearly"],
            ...(day(p, p.periodEnd) ? ([["Renews on", day(p, p.periodEnd)]] as [string, string][]) : []),
          ],
        },
        { kind: "button", label: "View billing", url: `${appUrl}/billing` },
        ...invoiceLinks(p),
      ],
    }),
  "billing-payment-failed": (p, { appUrl }) =>
    renderEmail({
      subject: "Your Refi Alert payment didn't go through",
      heading: "We couldn't charge your card",
      blocks: [
        {
          kind: "p",
          text: `Your payment of ${str(p.amount)} failed. Your alert stays monitored until ${day(p, p.periodEnd) || "the end of the paid period"}; please update your payment method so it keeps running.`,
        },
        ...(day(p, p.nextAttempt) ? [{ kind: "p" as const, text: `We'll try the card again on ${day(p, p.nextAttempt)}.` }] : []),
        { kind: "button", label: "Update payment method", url: `${appUrl}/billing` },
        ...invoiceLinks(p),
      ],
    }),
};
