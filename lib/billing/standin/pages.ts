/**
 * HTML of the hosted pages (checkout, customer portal, invoice). Plain server-rendered forms:
 * no JavaScript, so they work with keyboard and screen readers by construction, and every
 * page says plainly that it is test mode.
 */
import type Stripe from "stripe";
import { formatMoney } from "./billing-objects";
import type { CardField } from "./cards";

export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export function formatDate(seconds: number | null | undefined): string {
  if (!seconds) return "—";
  return new Date(seconds * 1000).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

export function priceLabel(price: Stripe.Price): string {
  const amount = formatMoney(price.unit_amount ?? 0, price.currency);
  const r = price.recurring;
  if (!r) return amount;
  return r.interval_count === 1 ? `${amount} per ${r.interval}` : `${amount} every ${r.interval_count} ${r.interval}s`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1f36;background:#f6f8fa}
.banner{margin:0;padding:.6rem 1rem;background:#ffde92;color:#5a3e00;text-align:center;font-weight:600}
main{max-width:56rem;margin:2rem auto;padding:0 1rem}
.grid{display:grid;gap:2rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))}
.card{background:#fff;border:1px solid #d8dee4;border-radius:.75rem;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 1rem}h2{font-size:1.15rem;margin:0 0 .75rem}
.amount{font-size:2rem;font-weight:700;margin:.25rem 0}
.muted{color:#4f566b}
label{display:block;font-weight:600;margin:.9rem 0 .3rem}
input{width:100%;padding:.65rem .75rem;font:inherit;border:1px solid #8792a2;border-radius:.4rem;background:#fff;color:inherit}
input[aria-invalid=true]{border-color:#b3093c;box-shadow:0 0 0 1px #b3093c}
.row{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
button,.button{display:inline-block;margin-top:1.25rem;padding:.75rem 1.25rem;font:inherit;font-weight:600;border:0;border-radius:.4rem;background:#0a2540;color:#fff;cursor:pointer;text-decoration:none}
button.secondary{background:#fff;color:#0a2540;border:1px solid #0a2540}
button.danger{background:#b3093c}
.full{width:100%}
:focus-visible{outline:3px solid #635bff;outline-offset:2px}
.error{margin:1rem 0 0;padding:.75rem 1rem;border-radius:.4rem;background:#fde8ec;color:#8a0a2e;font-weight:600}
.notice{margin:0 0 1rem;padding:.75rem 1rem;border-radius:.4rem;background:#e6f4ea;color:#0d5c2b}
.hint{font-size:.9rem;color:#4f566b;margin:.75rem 0 0}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:1rem;font-size:.85rem;font-weight:600;background:#e3e8ee}
.badge.active{background:#d7f7c2;color:#05690d}.badge.past_due{background:#fde8ec;color:#8a0a2e}.badge.canceled{background:#e3e8ee;color:#4f566b}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.75rem 0}dt{font-weight:600}dd{margin:0}
.actions{display:flex;gap:.75rem;flex-wrap:wrap}.actions form{margin:0}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #e3e8ee}
a{color:#533afd}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Test mode</title>
<style>${CSS}</style>
</head>
<body>
<p class="banner" role="note">Test mode — no real charge. This page is served by the local Stripe stand-in.</p>
<main id="main">
${body}
</main>
</body>
</html>`;
}

export interface CheckoutView {
  session: Stripe.Checkout.Session;
  price: Stripe.Price;
  productName: string;
  quantity: number;
  /** Values typed so far, echoed back after an error (the card number too: test cards only). */
  values?: Partial<Record<CardField, string>>;
  error?: { field: CardField; message: string };
}

function field(view: CheckoutView, name: CardField, label: string, attrs: string): string {
  const invalid = view.error?.field === name;
  const describedBy = [invalid ? "form-error" : "", name === "card_number" ? "test-cards" : ""].filter(Boolean).join(" ");
  return `<label for="${name}">${esc(label)}</label>
<input id="${name}" name="${name}" value="${esc(view.values?.[name] ?? "")}" required ${attrs}${
    invalid ? ' aria-invalid="true"' : ""
  }${describedBy ? ` aria-describedby="${describedBy}"` : ""}${invalid ? " autofocus" : ""}>`;
}

export function checkoutPage(view: CheckoutView): string {
  const { session, price, productName, quantity } = view;
  const total = formatMoney((price.unit_amount ?? 0) * quantity, price.currency);
  const interval = price.recurring?.interval ?? "month";
  const email = session.customer_email;
  const emailField = email
    ? `<p class="muted">Paying as <strong>${esc(email)}</strong></p>`
    : session.customer
      ? ""
      : field(view, "email", "Email", 'type="email" autocomplete="email"');
  return layout(
    `Subscribe to ${productName}`,
    `<div class="grid">
<section class="card" aria-labelledby="summary-h">
<h1 id="summary-h">Subscribe to ${esc(productName)}</h1>
<p class="amount">${esc(total)}</p>
<p class="muted">per ${esc(interval)}${quantity > 1 ? ` · ${quantity} × ${esc(priceLabel(price))}` : ""}</p>
<p class="muted">Renews automatically. Cancel any time from the billing portal.</p>
</section>
<section class="card" aria-labelledby="pay-h">
<h2 id="pay-h">Pay with card</h2>
${view.error ? `<p class="error" id="form-error" role="alert">${esc(view.error.message)}</p>` : ""}
<form method="post" action="/checkout/${esc(session.id)}" novalidate>
${emailField}
${field(view, "card_number", "Card number", 'inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" maxlength="23"')}
<div class="row">
<div>${field(view, "exp", "Expiry (MM / YY)", 'inputmode="numeric" autocomplete="cc-exp" placeholder="MM / YY" maxlength="7"')}</div>
<div>${field(view, "cvc", "CVC", 'inputmode="numeric" autocomplete="cc-csc" placeholder="123" maxlength="4"')}</div>
</div>
${field(view, "name", "Name on card", 'autocomplete="cc-name"')}
<p class="hint" id="test-cards">Test cards: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined. Any future expiry and any CVC.</p>
<button type="submit" class="full">Subscribe · ${esc(total)}/${esc(interval)}</button>
</form>
${session.cancel_url ? `<p><a href="${esc(session.cancel_url)}">Cancel</a></p>` : ""}
</section>
</div>`,
  );
}

/** For sessions that are complete, expired or unknown. */
export function messagePage(title: string, message: string, link?: { href: string; label: string }): string {
  return layout(
    title,
    `<section class="card"><h1>${esc(title)}</h1><p>${esc(message)}</p>${
      link ? `<p><a class="button" href="${esc(link.href)}">${esc(link.label)}</a></p>` : ""
    }</section>`,
  );
}

export interface PortalRow {
  subscription: Stripe.Subscription;
  productName: string;
}

function statusText(s: Stripe.Subscription, periodEnd: number): string {
  if (s.status === "canceled") return `Ended on ${formatDate(s.ended_at)}`;
  if (s.cancel_at_period_end) return `Cancels on ${formatDate(s.cancel_at ?? periodEnd)}`;
  if (s.status === "past_due") return "Last payment failed; the card will be retried";
  return `Renews on ${formatDate(periodEnd)}`;
}

/**
 * One form per button. Each alert is its own subscription, so a customer usually sees several
 * identical "Cancel now" buttons; aria-describedby ties each to its subscription's heading and
 * alert so screen readers can tell them apart.
 */
function actionButton(portalId: string, sub: Stripe.Subscription, action: string, label: string, cls: string): string {
  const describedBy = sub.metadata.alert_id ? `h-${sub.id} alert-${sub.id}` : `h-${sub.id}`;
  return `<form method="post" action="/portal/${esc(portalId)}"><input type="hidden" name="subscription" value="${esc(sub.id)}"><input type="hidden" name="action" value="${esc(action)}"><button type="submit" class="${cls}" aria-describedby="${esc(describedBy)}">${esc(label)}</button></form>`;
}

export function portalPage(
  portal: Stripe.BillingPortal.Session,
  customer: Stripe.Customer | undefined,
  rows: PortalRow[],
  invoices: Stripe.Invoice[],
  notice?: string,
): string {
  const subs = rows
    .map(({ subscription: s, productName }) => {
      const item = s.items.data[0];
      const end = item.current_period_end;
      const open = s.status !== "canceled";
      const buttons = open
        ? `<div class="actions">${
            s.cancel_at_period_end
              ? actionButton(portal.id, s, "resume", "Resume", "")
              : actionButton(portal.id, s, "cancel_at_period_end", "Cancel at period end", "secondary")
          }${actionButton(portal.id, s, "cancel_now", "Cancel now", "danger")}</div>`
        : "";
      return `<article class="card" aria-labelledby="h-${esc(s.id)}">
<h2 id="h-${esc(s.id)}">${esc(productName)} <span class="badge ${esc(s.status)}">${esc(s.status.replace("_", " "))}</span></h2>
<dl><dt>Price</dt><dd>${esc(priceLabel(item.price))}</dd>
<dt>Current period</dt><dd>${esc(formatDate(item.current_period_start))} – ${esc(formatDate(end))}</dd>
<dt>Status</dt><dd>${esc(statusText(s, end))}</dd>
${s.metadata.alert_id ? `<dt>Alert</dt><dd id="alert-${esc(s.id)}">${esc(s.metadata.alert_id)}</dd>` : ""}</dl>
${buttons}
</article>`;
    })
    .join("\n");
  const invoiceRows = invoices
    .map(
      (i) =>
        `<tr><td>${esc(formatDate(i.created))}</td><td>${esc(i.number)}</td><td>${esc(formatMoney(i.total, i.currency))}</td><td>${esc(i.status)}</td><td><a href="${esc(i.hosted_invoice_url)}">View<span class="visually-hidden"> invoice ${esc(i.number)}</span></a></td></tr>`,
    )
    .join("");
  return layout(
    "Billing",
    `<h1>Billing${customer?.email ? ` for ${esc(customer.email)}` : ""}</h1>
${notice ? `<p class="notice" role="status">${esc(notice)}</p>` : ""}
${portal.return_url ? `<p><a href="${esc(portal.return_url)}">← Return to Refi Alert</a></p>` : ""}
<div class="grid">${subs || '<p class="card">No subscriptions yet.</p>'}</div>
<section class="card" style="margin-top:2rem" aria-labelledby="inv-h"><h2 id="inv-h">Invoices</h2>
${invoiceRows ? `<table><thead><tr><th scope="col">Date</th><th scope="col">Number</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Link</span></th></tr></thead><tbody>${invoiceRows}</tbody></table>` : "<p>No invoices yet.</p>"}
</section>`,
  );
}

export function invoicePage(invoice: Stripe.Invoice): string {
  const line = invoice.lines.data[0];
  return layout(
    `Invoice ${invoice.number ?? invoice.id}`,
    `<section class="card"><h1>Invoice ${esc(invoice.number)} <span class="badge ${invoice.status === "paid" ? "active" : "past_due"}">${esc(invoice.status)}</span></h1>
<p class="amount">${esc(formatMoney(invoice.total, invoice.currency))}</p>
<dl><dt>Billed to</dt><dd>${esc(invoice.customer_email ?? invoice.customer_name ?? "—")}</dd>
<dt>Date</dt><dd>${esc(formatDate(invoice.created))}</dd>
<dt>Paid</dt><dd>${esc(formatDate(invoice.status_transitions.paid_at))}</dd>
${line ? `<dt>Item</dt><dd>${esc(line.description)}</dd><dt>Service period</dt><dd>${esc(formatDate(line.period.start))} – ${esc(formatDate(line.period.end))}</dd>` : ""}
<dt>Amount paid</dt><dd>${esc(formatMoney(invoice.amount_paid, invoice.currency))}</dd>
<dt>Amount remaining</dt><dd>${esc(formatMoney(invoice.amount_remaining, invoice.currency))}</dd></dl>
<p><a href="${esc(invoice.invoice_pdf)}">Download PDF</a></p></section>`,
  );
}
