import { describe, expect, it } from "vitest";
import { priceOffers } from "./price-words";

describe("priceOffers", () => {
  it("says the prices on offer, yearly first whatever order they come in", () => {
    expect(
      priceOffers([
        { interval: "month", amountCents: 1200 },
        { interval: "year", amountCents: 12000 },
      ]),
    ).toBe("$120.00 a year or $12.00 a month");
    expect(priceOffers([{ interval: "month", amountCents: 999 }])).toBe("$9.99 a month");
  });

  it("is null when nothing is on sale", () => {
    expect(priceOffers([])).toBeNull();
  });
});
