/**
 * The pages Stripe would host: Checkout (`session.url`), the customer portal
 * (`portal_session.url`) and invoices (`hosted_invoice_url`, `invoice_pdf`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type Stripe from "stripe";
import { formatMoney, productId } from "./billing-objects";
import { cancelNow, completeCheckout, emit, updateSubscription, type StandinContext } from "./billing";
import { checkCard, type CardField } from "./cards";
import { parseStripeForm, str } from "./form";
import { readBody, redirect, sendHtml } from "./http";
import { checkoutPage, formatDate, invoicePage, messagePage, portalPage } from "./pages";
import { tinyPdf } from "./pdf";
import { getSession } from "./routes-billing";

type Page = (ctx: StandinContext, req: IncomingMessage, res: ServerResponse, id: string) => Promise<void>;

const notFoundPage = (res: ServerResponse, what: string) =>
  sendHtml(res, 404, messagePage("Not found", `This ${what} link is not valid on this stand-in. It may belong to a different state file.`));

function lookupSession(ctx: StandinContext, id: string) {
  try {
    return getSession(ctx, id);
  } catch {
    return undefined;
  }
}

function checkoutView(ctx: StandinContext, sessionId: string) {
  const session = lookupSession(ctx, sessionId);
  const details = session && ctx.store.state.checkoutDetails[session.id];
  const price = details && ctx.store.state.prices[details.price];
  if (!session || !details || !price) return undefined;
  const productName = ctx.store.state.products[productId(price)]?.name ?? "Subscription";
  return { session, price, productName, quantity: details.quantity };
}

/** Stripe substitutes the literal `{CHECKOUT_SESSION_ID}` in success_url with the session id. */
function successUrl(session: Stripe.Checkout.Session): string | undefined {
  return session.success_url?.replace(/\{CHECKOUT_SESSION_ID\}/g, session.id);
}

/** Complete or expired sessions get an explanation instead of a payable form. */
function closedSessionPage(res: ServerResponse, view: NonNullable<ReturnType<typeof checkoutView>>): boolean {
  const { session } = view;
  if (session.status === "complete") {
    const next = successUrl(session);
    sendHtml(res, 200, messagePage("Already paid", "This checkout session has been paid.", next ? { href: next, label: "Continue" } : undefined));
    return true;
  }
  if (session.status !== "open") {
    const back = session.cancel_url ? { href: session.cancel_url, label: "Go back" } : undefined;
    sendHtml(res, 410, messagePage("Checkout expired", "This checkout session has expired. Start again from the app.", back));
    return true;
  }
  return false;
}

export const showCheckout: Page = async (ctx, _req, res, id) => {
  const view = checkoutView(ctx, id);
  if (!view) return notFoundPage(res, "checkout");
  if (closedSessionPage(res, view)) return;
  sendHtml(res, 200, checkoutPage(view));
};

export const submitCheckout: Page = async (ctx, req, res, id) => {
  const view = checkoutView(ctx, id);
  if (!view) return notFoundPage(res, "checkout");
  if (closedSessionPage(res, view)) return;
  const form = parseStripeForm(await readBody(req));
  // Checked again after the body arrived: a double-clicked Pay button must not pay twice.
  if (closedSessionPage(res, view)) return;
  const values: Record<CardField, string> = {
    card_number: str(form.card_number) ?? "",
    exp: str(form.exp) ?? "",
    cvc: str(form.cvc) ?? "",
    name: str(form.name) ?? "",
    email: str(form.email) ?? "",
  };
  const needsEmail = !view.session.customer && !view.session.customer_email;
  if (needsEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) {
    const error = { field: "email" as const, message: "Your email address is incomplete." };
    return sendHtml(res, 400, checkoutPage({ ...view, values, error }));
  }
  const card = checkCard({ number: values.card_number, exp: values.exp, cvc: values.cvc, name: values.name });
  if (!card.ok) {
    // Nothing is created on a decline; the session stays open for another try, as on Stripe.
    ctx.log(`checkout ${id}: ${card.code}`);
    return sendHtml(res, card.status, checkoutPage({ ...view, values, error: { field: card.field, message: card.message } }));
  }
  await completeCheckout(ctx, view.session, { name: values.name.trim(), email: values.email.trim() || undefined });
  const next = successUrl(view.session);
  if (next) return redirect(res, next);
  sendHtml(res, 200, messagePage("Payment complete", "Thanks! Your subscription is active."));
};

function portalData(ctx: StandinContext, id: string) {
  const portal = ctx.store.state.portalSessions[id];
  if (!portal) return undefined;
  const { state } = ctx.store;
  const subscriptions = Object.values(state.subscriptions)
    .filter((s) => s.customer === portal.customer)
    .sort((a, b) => b.created - a.created);
  return { portal, subscriptions };
}

export const showPortal: Page = async (ctx, req, res, id) => {
  const data = portalData(ctx, id);
  if (!data) return notFoundPage(res, "billing portal");
  const { state } = ctx.store;
  const rows = data.subscriptions.map((subscription) => ({
    subscription,
    productName: state.products[productId(subscription.items.data[0].price)]?.name ?? "Subscription",
  }));
  const invoices = Object.values(state.invoices)
    .filter((i) => i.customer === data.portal.customer)
    .sort((a, b) => b.created - a.created);
  const notice = new URL(req.url ?? "/", "http://x").searchParams.get("notice") ?? undefined;
  sendHtml(res, 200, portalPage(data.portal, state.customers[data.portal.customer], rows, invoices, notice));
};

const back = (portalId: string) => ({ href: `/portal/${portalId}`, label: "Back to billing" });

export const submitPortal: Page = async (ctx, req, res, id) => {
  const data = portalData(ctx, id);
  if (!data) return notFoundPage(res, "billing portal");
  const form = parseStripeForm(await readBody(req));
  // Only the portal customer's own subscriptions can be changed from this page.
  const sub = data.subscriptions.find((s) => s.id === str(form.subscription));
  const action = str(form.action);
  if (!sub || sub.status === "canceled") {
    const page = messagePage("Cannot change subscription", "That subscription is not active on this account.", back(id));
    return sendHtml(res, 400, page);
  }
  let events;
  let notice: string;
  if (action === "cancel_at_period_end" || action === "resume") {
    events = updateSubscription(ctx, sub, { cancelAtPeriodEnd: action === "cancel_at_period_end" });
    notice =
      action === "resume"
        ? "Your subscription will renew as usual."
        : `Your subscription will end on ${formatDate(sub.cancel_at)}.`;
  } else if (action === "cancel_now") {
    events = cancelNow(ctx, sub);
    notice = "Your subscription has been canceled.";
  } else {
    return sendHtml(res, 400, messagePage("Unknown action", "Please use the buttons on the billing page.", back(id)));
  }
  // Wait for the first delivery so the app already knows when the user goes back to it.
  await emit(ctx, events, true);
  redirect(res, `/portal/${id}?notice=${encodeURIComponent(notice)}`);
};

export const showInvoice: Page = async (ctx, _req, res, id) => {
  const invoice = ctx.store.state.invoices[id];
  if (!invoice) return notFoundPage(res, "invoice");
  sendHtml(res, 200, invoicePage(invoice));
};

export const invoicePdf: Page = async (ctx, _req, res, id) => {
  const invoice = ctx.store.state.invoices[id];
  if (!invoice) return notFoundPage(res, "invoice");
  const line = invoice.lines.data[0];
  const pdf = tinyPdf([
    `Invoice ${invoice.number ?? invoice.id}`,
    "TEST MODE - no real charge (local Stripe stand-in)",
    `Billed to: ${invoice.customer_email ?? invoice.customer_name ?? "-"}`,
    `Date: ${formatDate(invoice.created)}`,
    line ? `${line.description}` : "",
    line ? `Service period: ${formatDate(line.period.start)} - ${formatDate(line.period.end)}` : "",
    `Total: ${formatMoney(invoice.total, invoice.currency)}   Paid: ${formatMoney(invoice.amount_paid, invoice.currency)}`,
    `Status: ${invoice.status}`,
  ]);
  res.writeHead(200, {
    "Content-Type": "application/pdf",
    "Content-Length": pdf.length,
    "Content-Disposition": `inline; filename="${invoice.number ?? invoice.id}.pdf"`,
  });
  res.end(pdf);
};
