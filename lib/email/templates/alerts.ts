import { displayFormatOf, formatPercent, formatterFor, type Formatter } from "@/lib/format";
import { renderEmail, type EmailBlock } from "../layout";
import type { TemplateFn } from "./index";

// Alert emails: one per trigger (instant) or a digest of several (daily / weekly). Params are
// what lib/alerts/notify.ts stores in email_log, so a failed email renders the same on retry,
// including the owner's currency and date format (`display`; older rows without it read as the default).

type Numbers = {
  currentPaymentCents: number;
  newPaymentCents: number;
  monthlySavingsCents: number;
  costCents: number;
  breakEvenMonths: number | null;
} | null;

type TriggerItem = {
  triggerId: string;
  mortgageName: string;
  alertType: "interest_rate" | "monthly_payment";
  rateLabel: string;
  marketRate: number;
  marketDate: string;
  targetTerm: number;
  targetRate: number | null;
  targetPaymentCents: number | null;
  financedPaymentCents: number | null;
  reason: string;
  numbers: Numbers;
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

function facts(item: TriggerItem, fmt: Formatter): [string, string][] {
  const rows: [string, string][] = [[`${item.rateLabel} rate (week of ${fmt.date(item.marketDate)})`, formatPercent(item.marketRate)]];
  if (item.alertType === "interest_rate" && item.targetRate !== null) rows.push(["Your target rate", formatPercent(item.targetRate)]);
  if (item.alertType === "monthly_payment" && item.targetPaymentCents !== null) {
    rows.push(["Payment with refinance costs financed", fmt.cents(item.financedPaymentCents)]);
    rows.push(["Your target payment", fmt.cents(item.targetPaymentCents)]);
  }
  const n = item.numbers;
  if (n) {
    rows.push([`New payment (${item.targetTerm} months, costs paid up front)`, fmt.cents(n.newPaymentCents)]);
    rows.push(["Your current payment", fmt.cents(n.currentPaymentCents)]);
    rows.push([n.monthlySavingsCents >= 0 ? "Monthly savings" : "Monthly increase", fmt.cents(Math.abs(n.monthlySavingsCents))]);
    rows.push([
      `Break-even on ${fmt.cents(n.costCents, { whole: true })} of costs`,
      n.breakEvenMonths === null ? "none: the new payment saves nothing" : `${n.breakEvenMonths} months`,
    ]);
  }
  return rows;
}

const unsubscribeBlock = (appUrl: string, path: string): EmailBlock => ({
  kind: "small",
  text: "You get this because alert emails are on in your settings.",
  links: [{ label: "Stop all alert emails", url: `${appUrl}${path}` }],
});

export const alertTemplates: Record<string, TemplateFn> = {
  "alert-trigger": (p, { appUrl }) => {
    const item = p as unknown as TriggerItem;
    return renderEmail({
      subject: `Refinance alert: the ${item.rateLabel} rate is ${formatPercent(item.marketRate)} (${item.mortgageName})`,
      heading: `Your alert on ${item.mortgageName} has fired`,
      blocks: [
        { kind: "p", text: `Hi ${str(p.name) || "there"},` },
        { kind: "p", text: item.reason },
        { kind: "facts", rows: facts(item, formatterFor(displayFormatOf(p.display))) },
        { kind: "button", label: "See the details", url: `${appUrl}/triggers/${item.triggerId}` },
        { kind: "small", text: "Rates are Freddie Mac's weekly national averages; a lender's quote for you may differ." },
        unsubscribeBlock(appUrl, str(p.unsubscribePath)),
      ],
    });
  },
  "alert-digest": (p, { appUrl }) => {
    const items = (Array.isArray(p.items) ? p.items : []) as TriggerItem[];
    const period = p.frequency === "weekly" ? "weekly" : "daily";
    const blocks: EmailBlock[] = [
      { kind: "p", text: `Hi ${str(p.name) || "there"}, ${items.length === 1 ? "one of your alerts fired" : `${items.length} of your alerts fired`} since your last ${period} summary.` },
    ];
    for (const item of items) {
      blocks.push({ kind: "p", text: `${item.mortgageName}: ${item.reason}` });
      blocks.push({ kind: "facts", rows: facts(item, formatterFor(displayFormatOf(p.display))) });
      blocks.push({ kind: "button", label: `Details for ${item.mortgageName}`, url: `${appUrl}/triggers/${item.triggerId}` });
    }
    blocks.push(unsubscribeBlock(appUrl, str(p.unsubscribePath)));
    return renderEmail({
      subject: `Your ${period} Refi Alert summary: ${items.length} alert${items.length === 1 ? "" : "s"} fired`,
      heading: `Your ${period} alert summary`,
      blocks,
    });
  },
};
