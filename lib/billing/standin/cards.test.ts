import { describe, expect, it } from "vitest";
import { addInterval } from "./billing-objects";
import { checkCard, luhnValid, parseExpiry } from "./cards";
import { tinyPdf } from "./pdf";

const TODAY = new Date("2026-06-15T12:00:00Z");
const card = (number: string, over: Partial<{ exp: string; cvc: string; name: string }> = {}) =>
  checkCard({ number, exp: "12 / 34", cvc: "123", name: "Ada", ...over }, TODAY);

describe("checkCard", () => {
  it("accepts 4242 4242 4242 4242", () => {
    expect(card("4242 4242 4242 4242")).toEqual({ ok: true, last4: "4242", brand: "visa" });
  });

  it("declines 4000 0000 0000 0002 with Stripe's message and 402", () => {
    expect(card("4000 0000 0000 0002")).toMatchObject({ ok: false, status: 402, code: "card_declined", message: "Your card was declined." });
  });

  it("rejects incomplete and invalid numbers", () => {
    expect(card("4242")).toMatchObject({ ok: false, status: 400, field: "card_number", message: "Your card number is incomplete." });
    expect(card("4242 4242 4242 4241")).toMatchObject({ ok: false, status: 400, message: "Your card number is invalid." });
  });

  it("declines real (non-test) card numbers as Stripe test mode does", () => {
    expect(card("4111 1111 1111 1111")).toMatchObject({ ok: false, status: 402, code: "card_declined" });
  });

  it("checks expiry, CVC and name", () => {
    expect(card("4242424242424242", { exp: "13/30" })).toMatchObject({ field: "exp", message: "Your card's expiration date is incomplete." });
    expect(card("4242424242424242", { exp: "01/25" })).toMatchObject({ field: "exp", message: "Your card's expiration year is in the past." });
    expect(card("4242424242424242", { exp: "05/26" })).toMatchObject({ field: "exp", message: "Your card's expiration date is in the past." });
    expect(card("4242424242424242", { exp: "06/26" }).ok).toBe(true);
    expect(card("4242424242424242", { cvc: "12" })).toMatchObject({ field: "cvc" });
    expect(card("378282246310005", { cvc: "1234" }).ok).toBe(true);
    expect(card("4242424242424242", { name: " " })).toMatchObject({ field: "name" });
  });

  it("parses expiry formats", () => {
    expect(parseExpiry("12 / 34")).toEqual({ month: 12, year: 2034 });
    expect(parseExpiry("0734")).toEqual({ month: 7, year: 2034 });
    expect(parseExpiry("7/2031")).toEqual({ month: 7, year: 2031 });
    expect(parseExpiry("00/30")).toBeUndefined();
    expect(luhnValid("4242424242424242")).toBe(true);
  });
});

describe("addInterval", () => {
  const t = (iso: string) => Date.parse(iso) / 1000;
  it("adds a year, and clamps month ends like Stripe's billing anchor", () => {
    expect(addInterval(t("2026-03-10T08:00:00Z"), "year")).toBe(t("2027-03-10T08:00:00Z"));
    expect(addInterval(t("2028-02-29T00:00:00Z"), "year")).toBe(t("2029-02-28T00:00:00Z"));
    expect(addInterval(t("2026-01-31T00:00:00Z"), "month")).toBe(t("2026-02-28T00:00:00Z"));
    expect(addInterval(t("2026-01-31T00:00:00Z"), "week", 2)).toBe(t("2026-02-14T00:00:00Z"));
  });
});

describe("tinyPdf", () => {
  it("produces a PDF whose xref offsets point at its objects", () => {
    const pdf = tinyPdf(["Invoice SA-0001", "1 × Refi Alert (at $120.00 / year)"]).toString("latin1");
    expect(pdf.startsWith("%PDF-1.4")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    const offsets = [...pdf.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((o, i) => expect(pdf.slice(o).startsWith(`${i + 1} 0 obj\n`)).toBe(true));
    const startxref = Number(pdf.match(/startxref\n(\d+)/)![1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe("xref");
  });
});
