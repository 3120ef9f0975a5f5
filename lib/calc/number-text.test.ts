import { describe, expect, it } from "vitest";
import { decimalCommaRate, numberFromText, rateFromText, stripNumberText } from "./number-text";

describe("stripNumberText", () => {
  it("reads amounts typed with any currency sign the app shows", () => {
    for (const typed of ["$400,000", "€400,000", "£ 400,000", "CA$400,000", "A$400,000", "US$ 400,000", "400 000", "400,000\u00a0"]) {
      expect(Number(stripNumberText(typed))).toBe(400000);
    }
    expect(stripNumberText(" 5.25 % ")).toBe("5.25");
  });

  it("leaves other text for the caller to reject", () => {
    expect(Number(stripNumberText("four hundred"))).toBeNaN();
    expect(stripNumberText("12abc")).toBe("12abc");
  });

  it("reads a form field as a number, blank as missing and junk as NaN", () => {
    expect(numberFromText("€1,850.50")).toBe(1850.5);
    expect(numberFromText(" ")).toBeUndefined();
    expect(numberFromText(null)).toBeUndefined();
    expect(numberFromText(42)).toBe(42);
    expect(numberFromText("1.2.3")).toBeNaN();
  });
});

describe("rates typed with a decimal comma", () => {
  it("reads one comma with 1 to 3 digits after it as the decimal point", () => {
    expect(rateFromText("4,5")).toBe(4.5);
    expect(rateFromText("6,875 %")).toBe(6.875);
    expect(rateFromText(" 7,25% ")).toBe(7.25);
    expect(rateFromText("6.875")).toBe(6.875);
  });

  it("leaves anything else to the usual reading (and so to the range check)", () => {
    expect(rateFromText("4,5000")).toBe(45000); // not a decimal comma: out of range, refused by the field
    expect(decimalCommaRate("1,234.5")).toBe("1,234.5");
    expect(rateFromText("")).toBeUndefined();
  });
});
