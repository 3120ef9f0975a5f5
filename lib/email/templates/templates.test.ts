import { describe, expect, it } from "vitest";
import { renderTemplate } from "./index";

const appUrl = "https://refi.example";

const trigger = {
  name: "Pat Subscriber",
  unsubscribePath: "/unsubscribe?token=abc123",
  triggerId: "t-1",
  mortgageName: "Maple Street home",
  alertType: "interest_rate",
  rateLabel: "30-year fixed",
  marketRate: 5.4,
  marketDate: "2026-10-01",
  targetTerm: 360,
  targetRate: 6.5,
  targetPaymentCents: null,
  financedPaymentCents: null,
  reason: "The 30-year fixed rate was 5.40% (week of Oct 1, 2026), at or below your target of 6.50%.",
  numbers: null,
};

describe("email templates", () => {
  it("an alert email greets on its own line and links its unsubscribe, in both parts", () => {
    const mail = renderTemplate("alert-trigger", trigger, { appUrl });
    expect(mail.html).toContain(">Hi Pat Subscriber,</p>");
    expect(mail.html).toContain('<a href="https://refi.example/unsubscribe?token=abc123" style="color:#047857">Stop all alert emails</a>');
    expect(mail.text).toContain("Hi Pat Subscriber,\n\nThe 30-year fixed rate was 5.40%");
    expect(mail.text).toContain("Stop all alert emails: https://refi.example/unsubscribe?token=abc123");
  });

  it("a receipt names the alert it paid for and links the invoice and its PDF", () => {
    const mail = renderTemplate(
      "billing-receipt",
      {
        name: "Dana",
        amount: "$120.00",
        interval: "year",
        date: "2026-11-29T12:00:00Z",
        periodEnd: "2027-11-29T12:00:00Z",
        hostedInvoiceUrl: "https://stripe.example/i/in_1",
        invoicePdfUrl: "https://stripe.example/i/in_1.pdf",
        mortgageName: "Maple Street home",
      },
      { appUrl },
    );
    expect(mail.text).toContain("For the alert on: Maple Street home");
    expect(mail.html).toContain('<a href="https://stripe.example/i/in_1" style="color:#047857">View the invoice</a>');
    expect(mail.html).toContain('<a href="https://stripe.example/i/in_1.pdf" style="color:#047857">Download it as a PDF</a>');
    expect(mail.text).toContain("Download it as a PDF: https://stripe.example/i/in_1.pdf");
  });
});
